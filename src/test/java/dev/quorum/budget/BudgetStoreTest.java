package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/**
 * The reservation itself, without HTTP: many threads reserving against one window at the same instant, through two
 * separate connection pools on one H2 server (two instances), get exactly as many reservations as the limit holds,
 * and a reservation in several windows is all or nothing.
 */
class BudgetStoreTest {

    private static final long ESTIMATE = 1_000;
    private static final Budget FIVE = new Budget("five", Budget.Scope.GLOBAL, null, Period.DAY, 5 * ESTIMATE,
            Budget.Policy.REJECT, List.of(50, 75, 90));

    @Test
    void should_grant_exactly_the_reservations_the_limit_holds_to_two_pools_racing() throws Exception {
        // given: two pools (two Quorum instances) on one H2 server database
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                BudgetGateTest.tempDir()).start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/race;LOCK_TIMEOUT=10000";
        ExecutorService threads = Executors.newFixedThreadPool(24);
        try (UsageDatabase first = UsageDatabase.open(url, null, null, Path.of("unused"), 8, false);
             UsageDatabase second = UsageDatabase.open(url, null, null, Path.of("unused"), 8, false)) {
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
            server.stop();
        }
    }

    @Test
    void should_reserve_in_all_windows_or_in_none_and_release_on_settle() throws Exception {
        // given
        try (UsageDatabase database = UsageDatabase.open(null, null, null, Path.of(BudgetGateTest.tempDir()), 2, false)) {
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
}
