package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reservation itself, without HTTP: many threads reserving against one window at the same instant, through two
 * separate connection pools on one database (two instances), get exactly as many reservations as the limit holds,
 * and a reservation in several windows is all or nothing; leases expire, are released by any instance, renewed and
 * settled late. Each test on a new database of the subclass's backend (H2 in server mode, PostgreSQL).
 */
abstract class BudgetStoreTest {

    private static final long ESTIMATE = 1_000;
    private static final Budget FIVE = new Budget("five", Budget.Scope.GLOBAL, null, Period.DAY, 5 * ESTIMATE,
            Budget.Policy.REJECT, List.of(50, 75, 90));

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    private TestDatabase server;

    @BeforeEach
    void newDatabase() {
        server = TestDatabase.create(backend(), "store");
    }

    @AfterEach
    void dropDatabase() {
        if (server != null) {
            server.close();
        }
    }

    private UsageDatabase open(int poolSize) throws Exception {
        return UsageDatabase.open(server.jdbcUrl(), null, null, Path.of("unused"), poolSize, false);
    }

    @Test
    void should_grant_exactly_the_reservations_the_limit_holds_to_two_pools_racing() throws Exception {
        // given: two pools (two Quorum instances) on one database
        ExecutorService threads = Executors.newFixedThreadPool(24);
        try (UsageDatabase first = open(8);
             UsageDatabase second = open(8)) {
            BudgetStore[] stores = {store(first, "first"), store(second, "second")};
            BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
            CountDownLatch start = new CountDownLatch(1);

            // when: 24 reservations at once, none settled
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                BudgetStore store = stores[i % 2];
                Reservation lease = lease("race-" + i, ESTIMATE, window);
                attempts.add(threads.submit(() -> {
                    start.await();
                    return store.reserve(lease).isEmpty();
                }));
            }
            start.countDown();
            long granted = 0;
            for (Future<Boolean> attempt : attempts) {
                granted += attempt.get() ? 1 : 0;
            }

            // then: five reach the limit exactly; no sixth passes it
            assertThat(granted).isEqualTo(5);
            assertThat(stores[0].read(window)).isEqualTo(new BudgetStore.Spend(0, 5 * ESTIMATE));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void should_grant_exactly_the_rate_limits_slots_to_two_pools_racing() throws Exception {
        // given: the cluster rate limit of two instances on one database, 16 calls per (minute-long) window
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try (UsageDatabase first = open(8);
             UsageDatabase second = open(8)) {
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-23T10:00:30Z"),
                    java.time.ZoneOffset.UTC);
            ClusterRateLimit[] limits = {new ClusterRateLimit(first, clock), new ClusterRateLimit(second, clock)};
            CountDownLatch start = new CountDownLatch(1);

            // when: 64 calls ask for a slot at once, half through each instance
            List<Future<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                ClusterRateLimit limit = limits[i % 2];
                attempts.add(threads.submit(() -> {
                    start.await();
                    return limit.waitMillis("racing", 16, 60_000);
                }));
            }
            start.countDown();
            long granted = 0;
            for (Future<Long> attempt : attempts) {
                granted += attempt.get() == 0 ? 1 : 0;
            }

            // then: the window's 16 slots, no more, the rest told to wait for the next window (30 s away)
            assertThat(granted).isEqualTo(16);
            assertThat(limits[0].waitMillis("racing", 16, 60_000)).isEqualTo(30_000);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void should_fail_a_reservation_waiting_longer_than_the_lock_timeout_for_a_row_another_instance_holds()
            throws Exception {
        // given: a lock timeout of 300 ms, and another instance holding the window's row locked in a transaction it
        // does not end (frozen, or cut off from the database)
        try (UsageDatabase database = UsageDatabase.open(server.jdbcUrl(), null, null, Path.of("unused"), 2, false,
                5_000, 300);
             Connection other = server.connect()) {
            BudgetStore store = store(database, "waiting");
            BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
            assertThat(store.reserve(lease("first", ESTIMATE, window))).isEmpty();
            other.setAutoCommit(false);
            try (Statement sql = other.createStatement()) {
                sql.executeUpdate("UPDATE budget_window SET spent_nanos = spent_nanos WHERE budget = 'five'");
            }

            // when / then: the reservation fails after about the lock timeout (before: the H2 server's 10 s, and on
            // PostgreSQL as long as the other transaction lasted), and goes through once the row is free
            Throwable refused = assertTimeoutPreemptively(Duration.ofSeconds(8),
                    () -> catchThrowable(() -> store.reserve(lease("second", ESTIMATE, window))));
            assertThat(refused).isInstanceOf(SQLException.class);
            other.rollback();
            assertThat(store.reserve(lease("third", ESTIMATE, window))).isEmpty();
            if (backend() == TestDatabase.Backend.POSTGRES) {
                // and the server ends a session idle inside a transaction after a minute, releasing its locks
                try (Connection pooled = database.connection();
                     Statement sql = pooled.createStatement();
                     ResultSet shown = sql.executeQuery("SHOW idle_in_transaction_session_timeout")) {
                    assertThat(shown.next()).isTrue();
                    assertThat(shown.getString(1)).isEqualTo("1min");
                }
            }
        }
    }

    @Test
    void should_reserve_in_all_windows_or_in_none_and_release_on_settle() throws Exception {
        // given
        try (UsageDatabase database = open(2)) {
            BudgetStore store = store(database, "only");
            Budget roomy = new Budget("roomy", Budget.Scope.TENANT, null, Period.MONTH, 100 * ESTIMATE,
                    Budget.Policy.DOWNGRADE, List.of());
            BudgetWindow tight = new BudgetWindow(FIVE, "*", "2026-11-23");
            BudgetWindow wide = new BudgetWindow(roomy, "acme", "2026-11");
            Reservation first = lease("first", 5 * ESTIMATE, tight);
            assertThat(store.reserve(first)).isEmpty();

            // when: the wide window fits, the tight one does not
            List<BudgetStore.Violation> refused = store.reserve(lease("second", ESTIMATE, wide, tight));

            // then
            assertThat(refused).extracting(BudgetStore.Violation::window).containsExactly(tight);
            assertThat(store.read(wide)).isEqualTo(new BudgetStore.Spend(0, 0));

            // when: the tight reservation settles at a lower actual cost, crossing 50 and 75 %
            List<BudgetStore.Crossing> crossings = store.settle(first, 4 * ESTIMATE);

            // then
            assertThat(store.read(tight)).isEqualTo(new BudgetStore.Spend(4 * ESTIMATE, 0));
            assertThat(crossings).extracting(BudgetStore.Crossing::threshold).containsExactly(50, 75);
            assertThat(store.reserve(lease("third", ESTIMATE, wide, tight))).isEmpty();
            assertThat(store.reserve(lease("fourth", 1, wide, tight))).extracting(v -> v.window().budget().name())
                    .containsExactly("five");
        }
    }

    static BudgetStore store(UsageDatabase database, String owner) {
        return new BudgetStore(database, owner, owner + "-run-", java.time.Clock.systemUTC());
    }

    static Reservation lease(String id, long estimate, BudgetWindow... windows) {
        return new Reservation(List.of(windows), estimate, id, System.currentTimeMillis() + 60_000, 60_000);
    }

    @Test
    void should_release_an_expired_lease_from_any_instance_and_its_owners_old_leases_at_start() throws Exception {
        // given: instance "dead" reserved three calls and never settled them (killed); one lease has expired
        try (UsageDatabase database = open(2)) {
            BudgetStore dead = store(database, "dead");
            BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
            long now = System.currentTimeMillis();
            assertThat(dead.reserve(new Reservation(List.of(window), ESTIMATE, "dead-run1-a", now - 1, 60_000))).isEmpty();
            assertThat(dead.reserve(new Reservation(List.of(window), ESTIMATE, "dead-run1-b", now + 60_000, 60_000)))
                    .isEmpty();
            assertThat(dead.reserve(new Reservation(List.of(window), ESTIMATE, "dead-run1-c", now + 60_000, 60_000)))
                    .isEmpty();

            // when: another instance maintains the leases
            BudgetStore other = store(database, "other");
            other.maintain();

            // then: only the expired lease is released
            assertThat(other.read(window)).isEqualTo(new BudgetStore.Spend(0, 2 * ESTIMATE));
            assertThat(other.leases()).isEqualTo(2);

            // when: "dead" starts again (a new run) and reconciles what it owns, after its new run reserved a call
            BudgetStore restarted = new BudgetStore(database, "dead", "dead-run2-", java.time.Clock.systemUTC());
            assertThat(restarted.reserve(new Reservation(List.of(window), ESTIMATE, "dead-run2-x", now + 60_000,
                    60_000))).isEmpty();
            int released = restarted.reconcileOwned();

            // then: the old run's leases are released, the new run's stays
            assertThat(released).isEqualTo(2);
            assertThat(restarted.read(window)).isEqualTo(new BudgetStore.Spend(0, ESTIMATE));
            assertThat(restarted.leases()).isEqualTo(1);
        }
    }

    @Test
    void should_add_only_the_spend_when_a_settled_lease_had_expired_and_been_released() throws Exception {
        // given: a slow call whose lease expired and was released before it settled
        try (UsageDatabase database = open(2)) {
            BudgetStore store = store(database, "slow");
            BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
            Reservation lease = new Reservation(List.of(window), ESTIMATE, "slow-1", System.currentTimeMillis() - 1,
                    60_000);
            assertThat(store.reserve(lease)).isEmpty();
            assertThat(store.releaseExpired()).isEqualTo(1);

            // when
            store.settle(lease, 700);

            // then: nothing is released twice, the cost counts
            assertThat(store.read(window)).isEqualTo(new BudgetStore.Spend(700, 0));
        }
    }

    @Test
    void should_keep_a_renewed_lease_past_its_first_expiry_and_say_when_it_is_gone() throws Exception {
        // given: a lease about to expire (its call waited in a rate limit)
        try (UsageDatabase database = open(2)) {
            BudgetStore store = store(database, "waiting");
            BudgetWindow window = new BudgetWindow(FIVE, "*", "2026-11-23");
            long now = System.currentTimeMillis();
            Reservation lease = new Reservation(List.of(window), ESTIMATE, "waiting-1", now - 1, 60_000);
            assertThat(store.reserve(lease)).isEmpty();

            // when: it is renewed before anyone releases it
            assertThat(store.renew(lease.renewedAt(now))).isTrue();

            // then: it is no longer expired
            assertThat(store.releaseExpired()).isZero();
            assertThat(store.read(window)).isEqualTo(new BudgetStore.Spend(0, ESTIMATE));

            // and a lease already released cannot be renewed: the gate must reserve again
            Reservation other = new Reservation(List.of(window), ESTIMATE, "waiting-2", now - 1, 60_000);
            assertThat(store.reserve(other)).isEmpty();
            assertThat(store.releaseExpired()).isEqualTo(1);
            assertThat(store.renew(other.renewedAt(now))).isFalse();
        }
    }
}
