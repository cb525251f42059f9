package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard with API keys on: a browser gets the login form, a valid key typed into it starts a session kept in
 * an HttpOnly, SameSite=Strict cookie (never the key), which opens the dashboard and its three reads and nothing
 * else; another site's form post, a wrong key and a logged-out cookie get nothing. Over plain HTTP, and in headless
 * Chromium driven through its DevTools protocol (a person logging in, the tiles drawn, the page's own script unable
 * to send a completion with the cookie, the logout).
 */
class DashboardLoginTest extends QuorumTestSupport {

    private static final String KEY = "qk-dashboard-5e1f0a9c3b7d";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final HttpClient noRedirects = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true", "quorum.auth.keys.ops.key", KEY,
                "quorum.auth.keys.ops.tenant", "ops");
    }

    @Test
    void should_send_a_browser_without_a_session_to_the_login_form() {
        // when
        HttpResponse<String> dashboard = send("GET", "/dashboard", null);
        HttpResponse<String> form = send("GET", "/dashboard/login", null);

        // then
        assertThat(dashboard.statusCode()).isEqualTo(303);
        assertThat(dashboard.headers().firstValue("Location")).hasValue("/dashboard/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(form.body()).contains("<form method=\"post\" action=\"/dashboard/login\">").contains("type=\"password\"");
        // an API client still gets the API's 401 JSON
        assertThat(send("GET", "/api/v1/usage", null).statusCode()).isEqualTo(401);
    }

    @Test
    void should_refuse_a_login_from_another_sites_page_or_with_a_wrong_key() {
        // when
        HttpResponse<String> noOrigin = send("POST", "/dashboard/login", "key=" + KEY);
        HttpResponse<String> otherSite = send("POST", "/dashboard/login", "key=" + KEY, "Origin", "https://evil.example");
        HttpResponse<String> wrongKey = send("POST", "/dashboard/login", "key=qk-not-the-key", "Origin", origin());

        // then
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.body()).contains("only from this Quorum's own login page");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).contains("That key is not valid");
        for (HttpResponse<String> refused : List.of(noOrigin, otherSite, wrongKey)) {
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void should_open_the_dashboards_reads_with_the_session_cookie_and_nothing_else() {
        // given
        HttpResponse<String> login = send("POST", "/dashboard/login", "key=" + KEY, "Origin", origin());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/dashboard");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("quorum_session=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Strict").contains("; Max-Age=").doesNotContain("Secure").doesNotContain(KEY);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        // when / then: the dashboard and its reads
        for (String path : List.of("/dashboard", "/dashboard/dashboard.js", "/api/v1/usage?period=day&include=latency",
                "/api/v1/agreement", "/api/v1/alerts")) {
            assertThat(send("GET", path, null, "Cookie", cookie).statusCode()).as(path).isEqualTo(200);
        }
        // and nothing else: a completion, the OpenAI API, the catalog, health details
        int calls = simulator().calls("anthropic-sim").size() + simulator().calls("openai-sim").size();
        HttpResponse<String> complete = send("POST", "/api/v1/complete", "{\"prompt\":\"hello\"}", "Cookie", cookie,
                "Content-Type", "application/json");
        assertThat(complete.statusCode()).isEqualTo(401);
        assertThat(json(complete).path("error").path("type").asText()).isEqualTo("unauthorized");
        assertThat(send("POST", "/v1/chat/completions", "{\"model\":\"quorum/route\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}", "Cookie", cookie, "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/providers", null, "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/dashboard/../api/v1/providers", null, "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/dashboard/%2E%2E/api/v1/providers", null, "Cookie", cookie).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/observe/health?exposureLevel=full", null, "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(simulator().calls("anthropic-sim").size() + simulator().calls("openai-sim").size()).isEqualTo(calls);

        // when: logged out (from the page's own origin)
        HttpResponse<String> logout = send("POST", "/dashboard/logout", "", "Cookie", cookie, "Origin", origin());

        // then: the cookie is cleared and the session gone
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/dashboard/login");
        assertThat(logout.headers().firstValue("Set-Cookie").orElse("")).contains("Max-Age=0");
        assertThat(send("GET", "/api/v1/usage", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void should_mark_the_cookie_secure_behind_a_tls_proxy() {
        // when
        HttpResponse<String> login = send("POST", "/dashboard/login", "key=" + KEY, "Origin", origin(),
                "X-Forwarded-Proto", "https");

        // then
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("; Secure");
    }

    @Test
    void should_let_a_person_log_in_from_chromium_and_see_the_tiles_but_not_complete_with_the_cookie()
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium) is not installed");
        // given: some usage to show
        send("POST", "/api/v1/complete", "{\"prompt\":\"Tell the dashboard something\",\"provider\":\"openai-sim\"}",
                "Authorization", "Bearer " + KEY, "Content-Type", "application/json");
        try (Browser browser = Browser.start(Files.createTempDirectory("quorum-login-test"))) {
            // when: a person opens the dashboard, is sent to the form, types the key and logs in
            browser.navigate("http://127.0.0.1:" + port + "/dashboard");
            browser.waitFor("location.pathname === '/dashboard/login' && document.readyState === 'complete'");
            browser.evaluate("document.getElementById('key').focus()");
            browser.send("Input.insertText", Map.of("text", KEY));
            browser.evaluate("document.getElementById('login').click()");

            // then: the dashboard draws its tiles from its reads
            browser.waitFor("location.pathname === '/dashboard' && document.body.dataset.rendered === 'true'");
            assertThat(browser.evaluate("document.body.dataset.error || ''").asText()).isEmpty();
            assertThat(browser.evaluate("document.getElementById('total-provider-calls').textContent").asText())
                    .isEqualTo("1");
            assertThat(browser.evaluate("document.getElementById('total-client-requests').textContent").asText())
                    .isEqualTo("1");
            // the cookie: HttpOnly (the page's script cannot read it), SameSite=Strict, a session id, not the key
            JsonNode cookies = browser.send("Network.getCookies", Map.of("urls", List.of("http://127.0.0.1:" + port)))
                    .path("cookies");
            assertThat(cookies).hasSize(1);
            assertThat(cookies.get(0).path("name").asText()).isEqualTo("quorum_session");
            assertThat(cookies.get(0).path("httpOnly").asBoolean()).isTrue();
            assertThat(cookies.get(0).path("sameSite").asText()).isEqualTo("Strict");
            assertThat(cookies.get(0).path("value").asText()).doesNotContain(KEY);
            assertThat(browser.evaluate("document.cookie").asText()).isEmpty();
            // the page can read usage, but a completion with the cookie is refused
            assertThat(browser.evaluate("fetch('/api/v1/usage').then(r => r.status)").asInt()).isEqualTo(200);
            assertThat(browser.evaluate("fetch('/api/v1/complete', {method: 'POST', headers: {'Content-Type': "
                    + "'application/json'}, body: JSON.stringify({prompt: 'hi'})}).then(r => r.status)").asInt())
                    .isEqualTo(401);

            // when: the person logs out
            browser.evaluate("document.querySelector('#logout button').click()");

            // then: back at the form, without the cookie, and the dashboard sends the browser to the form again
            browser.waitFor("location.pathname === '/dashboard/login' && document.readyState === 'complete'");
            assertThat(browser.send("Network.getCookies", Map.of("urls", List.of("http://127.0.0.1:" + port)))
                    .path("cookies")).isEmpty();
            browser.navigate("http://127.0.0.1:" + port + "/dashboard");
            browser.waitFor("location.pathname === '/dashboard/login' && document.readyState === 'complete'");
        }
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !List.of(headers).contains("Content-Type")) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return noRedirects.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Headless Chromium driven through the DevTools protocol over a WebSocket (one page). */
    private static final class Browser implements AutoCloseable, WebSocket.Listener {

        private final Process process;
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        private Browser(Process process, String webSocketUrl) {
            this.process = process;
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(webSocketUrl), this).join();
        }

        static Browser start(Path profile) throws IOException {
            int debugPort = freePort();
            Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                    "--remote-debugging-port=" + debugPort, "--remote-allow-origins=*", "--window-size=1280,1800",
                    "about:blank")
                    .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
            HttpClient client = HttpClient.newHttpClient();
            String[] url = new String[1];
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                JsonNode targets = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + debugPort + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode target : targets) {
                    if (target.path("type").asText().equals("page")) {
                        url[0] = target.path("webSocketDebuggerUrl").asText();
                        return true;
                    }
                }
                return false;
            });
            Browser browser = new Browser(process, url[0]);
            browser.send("Page.enable", Map.of());
            browser.send("Network.enable", Map.of());
            return browser;
        }

        JsonNode send(String method, Map<String, Object> params) {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(message.toString(), true).join();
            JsonNode reply = answer.orTimeout(60, TimeUnit.SECONDS).join();
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.path("error"));
            }
            return reply.path("result");
        }

        void navigate(String url) {
            send("Page.navigate", Map.of("url", url));
        }

        /** The value of a script expression (a promise is awaited). */
        JsonNode evaluate(String expression) {
            JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                    "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + ": " + result.path("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        /** Waits until the expression is true on the page (across navigations). */
        void waitFor(String condition) {
            try {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .ignoreExceptions().until(() -> evaluate("!!(" + condition + ")").asBoolean());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("not " + condition + " on " + evaluate("location.href + ' ' + "
                        + "(document.body ? (document.body.dataset.error || '') + ' ' + document.body.innerText : '')"), e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> answer = message.has("id") ? pending.remove(message.path("id").asInt())
                            : null;
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            try {
                send("Browser.close", Map.of());
            } catch (RuntimeException ignored) {
                // the browser may close the socket before it answers
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
