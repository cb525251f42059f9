package dev.quorum.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.auth.ErrorReplies;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Dashboard sessions: what a session opens, how long it lives, how many there are, and which origins may log in. */
class DashboardSessionsTest {

    private static final String KEY = "qk-sessions-0123456789";

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ApiKeys keys = new ApiKeys(List.of(new ApiKeys.Key("ops", ApiKeys.digest(KEY), "ops")),
            new ErrorReplies(new ObjectMapper()));
    private final DashboardSessions sessions = new DashboardSessions(keys,
            new DashboardSessions.Settings(1_000, 5_000, 3, "auto", List.of("https://quorum.example.com")), now::get);

    @Test
    void should_open_only_the_dashboards_reads() {
        // given
        String cookie = DashboardSessions.COOKIE + "=" + sessions.login(KEY);

        // then
        assertThat(sessions.tenant("other=1; " + cookie, "GET", "/dashboard")).isEqualTo("ops");
        assertThat(sessions.tenant(cookie, "GET", "/dashboard/dashboard.js")).isEqualTo("ops");
        assertThat(sessions.tenant(cookie, "GET", "/api/v1/usage")).isEqualTo("ops");
        assertThat(sessions.tenant(cookie, "GET", "/api/v1/agreement")).isEqualTo("ops");
        assertThat(sessions.tenant(cookie, "GET", "/api/v1/alerts")).isEqualTo("ops");
        assertThat(sessions.tenant(cookie, "POST", "/api/v1/complete")).isNull();
        assertThat(sessions.tenant(cookie, "POST", "/api/v1/usage")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/api/v1/providers")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/api/v1/usage/../providers")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/dashboard/../api/v1/providers")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/dashboard/%2e%2e/api/v1/providers")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/dashboard/./../v1/models")).isNull();
        assertThat(sessions.tenant(cookie, "GET", "/v1/models")).isNull();
        assertThat(sessions.tenant(DashboardSessions.COOKIE + "=forged", "GET", "/dashboard")).isNull();
        assertThat(sessions.login("qk-wrong")).isNull();
        assertThat(sessions.login("")).isNull();
    }

    @Test
    void should_end_a_session_when_idle_too_long_or_too_old_or_logged_out() {
        // given
        String idle = DashboardSessions.COOKIE + "=" + sessions.login(KEY);
        String busy = DashboardSessions.COOKIE + "=" + sessions.login(KEY);
        String out = DashboardSessions.COOKIE + "=" + sessions.login(KEY);

        // when: the busy one is used every 900 ms, the idle one not at all
        for (int i = 0; i < 4; i++) {
            now.addAndGet(900);
            assertThat(sessions.tenant(busy, "GET", "/dashboard")).isEqualTo("ops");
        }
        sessions.logout(out);

        // then
        assertThat(sessions.tenant(idle, "GET", "/dashboard")).as("idle for 3.6 s").isNull();
        assertThat(sessions.tenant(out, "GET", "/dashboard")).as("logged out").isNull();
        now.addAndGet(900);
        assertThat(sessions.tenant(busy, "GET", "/dashboard")).as("4.5 s old").isEqualTo("ops");
        now.addAndGet(900);
        assertThat(sessions.tenant(busy, "GET", "/dashboard")).as("5.4 s old, over the maximum").isNull();
    }

    @Test
    void should_keep_at_most_max_sessions_dropping_the_oldest() {
        // given
        String first = DashboardSessions.COOKIE + "=" + sessions.login(KEY);
        now.incrementAndGet();
        sessions.login(KEY);
        now.incrementAndGet();
        sessions.login(KEY);
        now.incrementAndGet();

        // when
        String fourth = DashboardSessions.COOKIE + "=" + sessions.login(KEY);

        // then
        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.tenant(first, "GET", "/dashboard")).isNull();
        assertThat(sessions.tenant(fourth, "GET", "/dashboard")).isEqualTo("ops");
    }

    @Test
    void should_accept_a_login_only_from_its_own_origin_or_a_configured_one() {
        assertThat(sessions.sameOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(sessions.sameOrigin("https://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(sessions.sameOrigin("https://quorum.example.com", "10.0.0.5:8080")).isTrue();
        assertThat(sessions.sameOrigin("http://127.0.0.1:8081", "127.0.0.1:8080")).isFalse();
        assertThat(sessions.sameOrigin("https://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(sessions.sameOrigin("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(sessions.sameOrigin("null", "127.0.0.1:8080")).isFalse();
        assertThat(sessions.sameOrigin(null, "127.0.0.1:8080")).isFalse();
        assertThat(sessions.sameOrigin("http://127.0.0.1:8080", null)).isFalse();
    }

    @Test
    void should_set_a_cookie_that_scripts_and_other_sites_cannot_use_and_that_never_holds_the_key() {
        // given
        String id = sessions.login(KEY);

        // then
        assertThat(sessions.cookie(id, false)).isEqualTo(DashboardSessions.COOKIE + "=" + id
                + "; Path=/; Max-Age=5; HttpOnly; SameSite=Strict");
        assertThat(sessions.cookie(id, true)).endsWith("; Secure");
        assertThat(id).doesNotContain(KEY).hasSize(43);
        assertThat(sessions.clearedCookie(false)).contains("Max-Age=0");
    }
}
