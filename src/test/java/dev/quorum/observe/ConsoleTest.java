package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedCamelContextMBean;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Hawtio console attached to the running Quorum, with JMX on: after login its Jolokia reads the Camel route MBeans
 * of the live routes and dumps every route as XML (Hawtio's route diagram and source), including the routes of a
 * provider with a concurrency cap and one with a rate limit. And the attacks an adversarial run made through it, each
 * refused (401 from Jetty, 403 from the address check or in Jolokia's answer) and without effect: a caller without
 * the password, or another site's page in the browser of someone who has it, stopping a route; sending a message to
 * a {@code file:} endpoint; a heap dump; reading the JVM's arguments and system properties; making Quorum connect to
 * a JMX URL of the caller's choice (Jolokia's JSR-160 proxy).
 */
class ConsoleTest extends QuorumTestSupport {

    private static final String USER = "ops";
    private static final String PASSWORD = "console-test-password";
    private static final String SECRET = "sk-console-test-3f9a1c";
    private static final String CONTEXT_MBEAN = "org.apache.camel:context=quorum,type=context,name=\"quorum\"";

    private final int consolePort = freePort();
    private final String ownOrigin = "http://127.0.0.1:" + consolePort;
    private final Path work = tempDir();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.console.enabled", "true");
        settings.put("quorum.console.host", "127.0.0.1");
        settings.put("quorum.console.port", String.valueOf(consolePort));
        settings.put("quorum.console.user", USER);
        settings.put("quorum.console.password", PASSWORD);
        // a concurrency cap and a rate limit: the steps whose routes Camel 4.17 could not dump as XML
        settings.put("quorum.ratelimit.anthropic-sim.concurrent-requests", "2");
        settings.put("quorum.ratelimit.gemini-sim.requests-per-minute", "600");
        // what a key passed as -D looks like to the JVM
        System.setProperty("console-test.api-key", SECRET);
        return settings;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @AfterAll
    void forgetTheKeyAndTheFolder() throws IOException {
        System.clearProperty("console-test.api-key");
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void should_dump_every_route_as_xml_with_a_concurrency_cap_and_a_rate_limit_configured() {
        // given
        ManagedCamelContext management = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        ManagedCamelContextMBean managed = management.getManagedCamelContext();

        // when
        String all = dump(managed::dumpRoutesAsXml);
        Map<String, String> each = new HashMap<>();
        for (Route route : context.getRoutes()) {
            ManagedRouteMBean managedRoute = management.getManagedRoute(route.getRouteId());
            each.put(route.getRouteId(), dump(managedRoute::dumpRouteAsXml));
        }

        // then
        assertThat(context.getRoutes()).hasSizeGreaterThan(10);
        for (Route route : context.getRoutes()) {
            assertThat(all).contains("id=\"" + route.getRouteId() + "\"");
            assertThat(each.get(route.getRouteId())).as(route.getRouteId()).contains("id=\"" + route.getRouteId() + "\"");
        }
        assertThat(each.get("provider-limits-anthropic-sim")).contains("throttle-concurrent-anthropic-sim");
        assertThat(each.get("provider-limits-gemini-sim")).contains("throttle-rate-gemini-sim");
    }

    @Test
    void should_show_the_routes_through_jolokia_after_login() {
        // given: one request through the routes
        assertThat(post("/api/v1/complete", "{\"prompt\":\"What is the capital of France?\"}").statusCode()).isEqualTo(200);

        // when: what Hawtio's pages ask for
        HttpResponse<String> page = console("/hawtio/", true);
        JsonNode routes = jolokia(Map.of("type", "search", "mbean", "org.apache.camel:context=quorum,type=routes,*"));
        JsonNode intake = jolokia(Map.of("type", "read", "mbean", route("intake")));
        JsonNode tree = jolokia(Map.of("type", "exec", "mbean", "hawtio:type=security,name=RBACRegistry", "operation", "list()"));
        JsonNode allXml = jolokia(Map.of("type", "exec", "mbean", CONTEXT_MBEAN, "operation", "dumpRoutesAsXml()"));
        JsonNode providerXml = jolokia(Map.of("type", "exec", "mbean", route("provider-limits-anthropic-sim"),
                "operation", "dumpRouteAsXml()"));
        JsonNode stats = jolokia(Map.of("type", "exec", "mbean", route("intake"), "operation", "dumpRouteStatsAsXml",
                "arguments", List.of(true, true)));

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
        assertThat(routes.path("status").asInt()).as(routes.toString()).isEqualTo(200);
        assertThat(routes.path("value").toString()).contains("intake", "http-complete", "provider-anthropic-sim");
        assertThat(intake.path("status").asInt()).as(intake.toString()).isEqualTo(200);
        assertThat(intake.path("value").path("RouteId").asText()).isEqualTo("intake");
        assertThat(intake.path("value").path("ExchangesTotal").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(intake.path("value").path("State").asText()).isEqualTo("Started");
        assertThat(tree.path("status").asInt()).as(tree.toString()).isEqualTo(200);
        assertThat(allXml.path("status").asInt()).as(allXml.toString()).isEqualTo(200);
        assertThat(allXml.path("value").asText()).contains("id=\"http-complete\"", "id=\"provider-anthropic-sim\"");
        assertThat(providerXml.path("status").asInt()).as(providerXml.toString()).isEqualTo(200);
        assertThat(providerXml.path("value").asText()).contains("throttle-concurrent-anthropic-sim");
        assertThat(stats.path("status").asInt()).as(stats.toString()).isEqualTo(200);
    }

    @Test
    void should_not_let_a_caller_without_the_password_or_another_sites_page_stop_a_route() {
        // given
        String stop = body(Map.of("type", "exec", "mbean", route("http-complete"), "operation", "stop()"));
        String stopUrl = "/hawtio/jolokia/exec/" + URLEncoder.encode(route("http-complete"), StandardCharsets.UTF_8)
                .replace("+", "%20") + "/stop()";

        // when
        HttpResponse<String> anonymous = send(jolokiaPost(stop, false, ownOrigin));
        HttpResponse<String> anonymousCrossSite = send(jolokiaPost(stop, false, "http://evil.example"));
        // a page of another site in the browser of someone logged in: the browser adds the password it holds
        HttpResponse<String> crossSite = send(jolokiaPost(stop, true, "http://evil.example"));
        HttpResponse<String> crossSiteLocal = send(jolokiaPost(stop, true, "http://127.0.0.1:3000"));
        // the same as an image or link (GET: no Origin; another site's Referer, or none)
        HttpResponse<String> linkWithReferer = send(request(stopUrl, true).header("Referer", "http://evil.example/page")
                .GET().build());
        HttpResponse<String> linkWithoutReferer = send(request(stopUrl, true).GET().build());

        // then
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymousCrossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSiteLocal.statusCode()).isEqualTo(403);
        for (HttpResponse<String> refused : List.of(anonymousCrossSite, crossSite, crossSiteLocal)) {
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refused.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
        assertThat(jolokiaStatus(linkWithReferer)).as(linkWithReferer.body()).isEqualTo(403);
        assertThat(jolokiaStatus(linkWithoutReferer)).as(linkWithoutReferer.body()).isEqualTo(403);
        assertThat(context.getRouteController().getRouteStatus("http-complete")).isEqualTo(ServiceStatus.Started);
        assertThat(post("/api/v1/complete", "{\"prompt\":\"Still there?\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void should_refuse_to_send_a_message_to_a_file_endpoint_even_after_login() {
        // given
        String name = "written-through-the-console.txt";
        String uri = "file:" + work.toAbsolutePath() + "?fileName=" + name;
        List<Map<String, Object>> attempts = List.of(
                Map.of("operation", "sendStringBody(java.lang.String,java.lang.String)", "arguments", List.of(uri, "pwned")),
                Map.of("operation", "sendBody(java.lang.String,java.lang.Object)", "arguments", List.of(uri, "pwned")),
                Map.of("operation", "sendBodyAndHeaders(java.lang.String,java.lang.Object,java.util.Map)",
                        "arguments", List.of(uri, "pwned", Map.of())),
                Map.of("operation", "requestStringBody(java.lang.String,java.lang.String)", "arguments", List.of(uri, "pwned")),
                Map.of("operation", "createEndpoint(java.lang.String)", "arguments", List.of(uri)));

        // when
        List<JsonNode> answers = new ArrayList<>();
        for (Map<String, Object> attempt : attempts) {
            Map<String, Object> exec = new HashMap<>(attempt);
            exec.put("type", "exec");
            exec.put("mbean", CONTEXT_MBEAN);
            answers.add(jolokia(exec));
        }

        // then
        for (JsonNode answer : answers) {
            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
        }
        assertThat(work.resolve(name)).doesNotExist();
    }

    @Test
    void should_refuse_a_heap_dump_and_diagnostic_commands() throws IOException {
        // given
        Path heap = work.resolve("quorum.hprof");
        Path viaCommand = work.resolve("quorum-command.hprof");

        // when
        JsonNode dumpHeap = jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "dumpHeap(java.lang.String,boolean)", "arguments", List.of(heap.toString(), true)));
        JsonNode gcHeapDump = jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "gcHeapDump([Ljava.lang.String;)", "arguments", List.of(List.of(viaCommand.toString()))));
        JsonNode systemProperties = jolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "vmSystemProperties()"));
        JsonNode options = jolokia(Map.of("type", "read", "mbean", "com.sun.management:type=HotSpotDiagnostic"));

        // then
        for (JsonNode answer : List.of(dumpHeap, gcHeapDump, systemProperties, options)) {
            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.toString()).doesNotContain(SECRET);
        }
        assertThat(heap).doesNotExist();
        assertThat(viaCommand).doesNotExist();
        try (var files = Files.list(work)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void should_not_reveal_the_jvm_arguments_or_system_properties() {
        // given: a key passed as -D is in the system properties (and would be in the input arguments)
        assertThat(System.getProperty("console-test.api-key")).isEqualTo(SECRET);
        String runtime = "java.lang:type=Runtime";

        // when
        JsonNode arguments = jolokia(Map.of("type", "read", "mbean", runtime, "attribute", "InputArguments"));
        JsonNode properties = jolokia(Map.of("type", "read", "mbean", runtime, "attribute", "SystemProperties"));
        JsonNode everything = jolokia(Map.of("type", "read", "mbean", runtime));
        JsonNode both = jolokia(Map.of("type", "read", "mbean", runtime, "attribute", List.of("VmName", "InputArguments")));
        JsonNode vmName = jolokia(Map.of("type", "read", "mbean", runtime, "attribute", "VmName"));

        // then
        for (JsonNode answer : List.of(arguments, properties, everything, both)) {
            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.toString()).doesNotContain(SECRET);
            for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                assertThat(answer.toString()).doesNotContain(argument);
            }
        }
        assertThat(vmName.path("status").asInt()).as(vmName.toString()).isEqualTo(200);
    }

    @Test
    void should_not_connect_to_a_jmx_url_named_in_a_request() throws Exception {
        // given: a listener where the request points the console's Jolokia (its JSR-160 proxy would connect there)
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> connected = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept()) {
                    return true;
                } catch (IOException closed) {
                    return false;
                }
            });
            String target = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + listener.getLocalPort() + "/jmxrmi";

            // when
            JsonNode answer = jolokia(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage",
                    "target", Map.of("url", target)));
            listener.close();

            // then: answered from this JVM (or refused), and nothing connected: the proxy connects while it answers
            assertThat(answer.path("status").asInt()).as(answer.toString()).isIn(200, 403);
            assertThat(connected.get(10, TimeUnit.SECONDS)).as(answer.toString()).isFalse();
        }
    }

    private static String route(String id) {
        return "org.apache.camel:context=quorum,type=routes,name=\"" + id + "\"";
    }

    private static String dump(DumpCall call) {
        try {
            return call.dump();
        } catch (Exception e) {
            throw new AssertionError("dump failed: " + e, e);
        }
    }

    @FunctionalInterface
    private interface DumpCall {
        String dump() throws Exception;
    }

    /** A Jolokia request as the console's own page sends it, logged in; its JSON answer. */
    private JsonNode jolokia(Map<String, Object> request) {
        HttpResponse<String> response = send(jolokiaPost(body(request), true, ownOrigin));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static int jolokiaStatus(HttpResponse<String> response) {
        return response.statusCode() == 200 ? json(response).path("status").asInt() : response.statusCode();
    }

    private HttpRequest jolokiaPost(String body, boolean loggedIn, String origin) {
        return request("/hawtio/jolokia/", loggedIn).header("Origin", origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> console(String path, boolean loggedIn) {
        return send(request(path, loggedIn).GET().build());
    }

    private HttpRequest.Builder request(String path, boolean loggedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path));
        if (loggedIn) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static String body(Map<String, Object> request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("quorum-console-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
