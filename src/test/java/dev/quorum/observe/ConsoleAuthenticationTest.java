package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The console's guard, the console alone (Jetty and the war) without the rest of Quorum: it asks for the password on
 * loopback too, generates one when none is configured (printed once) and never logs a configured one; it refuses a
 * request addressed to another host name (DNS rebinding) and another site's page (no CORS headers for it); beyond
 * loopback it needs a configured password, else it does not start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthenticationTest {

    private static final Path WAR = Path.of("target/console/hawtio.war");
    private static final String PASSWORD = "s3cret-console-Q7";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port = freePort();
    private final String ownOrigin = "http://127.0.0.1:" + port;
    private final ListAppender<ILoggingEvent> startLog = new ListAppender<>();
    private QuorumConsole console;

    @BeforeAll
    void startOnLoopbackWithAPassword() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        startLog.start();
        root.addAppender(startLog);
        try {
            console = new QuorumConsole(new QuorumConsole.Settings("127.0.0.1", port, WAR, "ops", PASSWORD));
            console.start();
        } finally {
            root.detachAppender(startLog);
        }
    }

    @AfterAll
    void stop() {
        console.stop();
    }

    @Test
    void should_ask_for_the_password_on_loopback_too_and_never_log_it() throws Exception {
        // when
        HttpResponse<String> page = get("/hawtio/", null, null);
        HttpResponse<String> anonymous = post(null, ownOrigin);
        HttpResponse<String> wrong = post("ops:guess", ownOrigin);
        HttpResponse<String> empty = post("ops:", ownOrigin);
        HttpResponse<String> right = post("ops:" + PASSWORD, ownOrigin);
        HttpResponse<String> pageLoggedIn = get("/hawtio/", "ops:" + PASSWORD, null);

        // then
        assertThat(console.port()).isEqualTo(port);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain("\"agent\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(empty.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(right.body()).contains("\"agent\"");
        assertThat(pageLoggedIn.statusCode()).isEqualTo(200);
        assertThat(startLog.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("Hawtio console on"));
        assertThat(startLog.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(PASSWORD));
    }

    @Test
    void should_generate_a_password_and_print_it_once_when_none_is_configured() throws Exception {
        // given
        int otherPort = freePort();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger consoleLog = (Logger) LoggerFactory.getLogger(QuorumConsole.class);
        log.start();
        consoleLog.addAppender(log);
        QuorumConsole generated = new QuorumConsole(new QuorumConsole.Settings("127.0.0.1", otherPort, WAR, "admin", ""));

        try {
            // when
            generated.start();
            List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("password")).toList();
            String password = lines.get(0).substring(lines.get(0).lastIndexOf(": ") + 2);
            String origin = "http://127.0.0.1:" + otherPort;
            HttpResponse<String> withIt = post(otherPort, "admin:" + password, origin);
            HttpResponse<String> withoutIt = post(otherPort, "admin:", origin);

            // then
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("generated", "QUORUM_CONSOLE_PASSWORD");
            assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain(" ");
            assertThat(withIt.statusCode()).as(withIt.body()).isEqualTo(200);
            assertThat(withoutIt.statusCode()).isEqualTo(401);
        } finally {
            consoleLog.detachAppender(log);
            generated.stop();
        }
    }

    @Test
    void should_refuse_a_request_addressed_to_another_host() throws IOException {
        // when: the console's own names, then a rebound name, another port, no Host at all
        int asLocalhost = status(raw("localhost:" + port));
        int asLoopback = status(raw("127.0.0.1:" + port));
        int rebound = status(raw("rebind.evil.example:" + port));
        int reboundNoPort = status(raw("rebind.evil.example"));
        int otherPort = status(raw("127.0.0.1:" + (port == 65535 ? 1 : port + 1)));
        int prefixed = status(raw("127.0.0.1.evil.example:" + port));
        int noHost = status(raw(null));

        // then
        assertThat(asLocalhost).isEqualTo(200);
        assertThat(asLoopback).isEqualTo(200);
        assertThat(rebound).isEqualTo(403);
        assertThat(reboundNoPort).isEqualTo(403);
        assertThat(otherPort).isEqualTo(403);
        assertThat(prefixed).isEqualTo(403);
        assertThat(noHost).isEqualTo(403);
    }

    @Test
    void should_answer_another_sites_page_with_403_and_no_cors_headers() throws Exception {
        // when
        HttpResponse<String> foreign = post("ops:" + PASSWORD, "http://evil.example");
        HttpResponse<String> opaque = post("ops:" + PASSWORD, "null");
        HttpResponse<String> lookalike = post("ops:" + PASSWORD, "http://127.0.0.1." + "evil.example:" + port);
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(ownOrigin + "/hawtio/jolokia/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        // a GET without Origin: Jolokia's strict checking looks at the Referer, and at nothing else refuses
        HttpResponse<String> foreignReferer = get("/hawtio/jolokia/version", "ops:" + PASSWORD, "http://evil.example/x");
        HttpResponse<String> noOrigin = get("/hawtio/jolokia/version", "ops:" + PASSWORD, null);
        HttpResponse<String> own = post("ops:" + PASSWORD, ownOrigin);
        HttpResponse<String> ownByName = post("ops:" + PASSWORD, "http://localhost:" + port);
        HttpResponse<String> ownPage = get("/hawtio/jolokia/version", "ops:" + PASSWORD, ownOrigin + "/hawtio/camel/routes");

        // then
        for (HttpResponse<String> refused : List.of(foreign, opaque, lookalike, preflight)) {
            assertThat(refused.statusCode()).as(refused.request().headers().toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refused.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(refused.body()).doesNotContain("\"agent\"");
        }
        for (HttpResponse<String> refused : List.of(foreignReferer, noOrigin)) {
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("\"status\":403").doesNotContain("\"agent\"");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"agent\"");
        assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ownOrigin);
        assertThat(ownByName.body()).contains("\"agent\"");
        assertThat(ownPage.body()).contains("\"agent\"");
    }

    @Test
    void should_require_the_password_when_bound_beyond_loopback() throws Exception {
        // given
        int otherPort = freePort();
        QuorumConsole wide = new QuorumConsole(new QuorumConsole.Settings("0.0.0.0", otherPort, WAR, "ops", "s3cret-console"));
        String origin = "http://127.0.0.1:" + otherPort;

        try {
            // when
            wide.start();
            HttpResponse<String> anonymous = post(otherPort, null, origin);
            HttpResponse<String> wrong = post(otherPort, "ops:guess", origin);
            HttpResponse<String> right = post(otherPort, "ops:s3cret-console", origin);

            // then
            assertThat(wide.port()).isEqualTo(otherPort);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
            assertThat(right.body()).contains("\"agent\"");
        } finally {
            wide.stop();
        }
    }

    @Test
    void should_not_start_beyond_loopback_without_a_password() {
        // given
        QuorumConsole wide = new QuorumConsole(new QuorumConsole.Settings("0.0.0.0", freePort(), WAR, "admin", ""));

        // when
        wide.start();

        // then
        assertThat(wide.port()).isEqualTo(-1);
        wide.stop();
    }

    @Test
    void should_tell_loopback_hosts_from_others() {
        assertThat(QuorumConsole.isLoopback("127.0.0.1")).isTrue();
        assertThat(QuorumConsole.isLoopback("localhost")).isTrue();
        assertThat(QuorumConsole.isLoopback("::1")).isTrue();
        assertThat(QuorumConsole.isLoopback("0.0.0.0")).isFalse();
        assertThat(QuorumConsole.isLoopback("")).isFalse();
    }

    private HttpResponse<String> post(String credentials, String origin) throws IOException, InterruptedException {
        return post(port, credentials, origin);
    }

    /** Jolokia's version, as a page of {@code origin} asks for it. */
    private HttpResponse<String> post(int consolePort, String credentials, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + "/hawtio/jolokia/"))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}"));
        return http.send(authorised(request, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String credentials, String referer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ownOrigin + path)).GET();
        if (referer != null) {
            request.header("Referer", referer);
        }
        return http.send(authorised(request, credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * A logged-in request for the console's page with the given {@code Host} header (none: an HTTP/1.0 request without
     * one), over a plain socket, since Java's HTTP client sets Host itself; the answer's head.
     */
    private String raw(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder().encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String head = (host == null ? "GET /hawtio/ HTTP/1.0\r\n" : "GET /hawtio/ HTTP/1.1\r\nHost: " + host + "\r\n")
                    + "Authorization: Basic " + credentials + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII);
        }
    }

    private static int status(String head) {
        return Integer.parseInt(head.substring(9, 12));
    }

    private static int freePort() {
        return QuorumTestSupport.freePort();
    }
}
