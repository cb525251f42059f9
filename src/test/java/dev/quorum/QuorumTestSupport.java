package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.sim.ProviderSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.DisabledAware;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdAware;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.TestInstance;

/**
 * Boots the real Quorum application (the top-level {@code application.properties} and {@code routes/}) once per
 * test class, on a free HTTP port, with every real provider key blanked so no test can reach a hosted API: with no
 * key set, Quorum wires its simulated providers to the built-in simulator, which tests script and inspect
 * ({@link ProviderSimulator#reset()} puts it back to the scripts of application.properties).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class QuorumTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** The lowest port a test takes ({@link #freePort}); each JVM starts at a random one above it. */
    private static final int LOWEST_PORT = 10_000;
    private static final int DEFAULT_EPHEMERAL_FLOOR = 32_768;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(
            LOWEST_PORT + ThreadLocalRandom.current().nextInt(20_000));

    protected final int port = freePort();
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        // set here, not in the constructor-time hook, so subclasses' fields are initialised when overrides() runs
        camelContextConfiguration().withUseOverridePropertiesWithPropertiesComponent(testProperties());
        return super.createCamelContext();
    }

    private Properties testProperties() {
        Properties properties = baseSettings(port);
        // each test class its own usage ledger, not the working directory's data/
        properties.put("quorum.data.dir", newDataDir().toString());
        properties.putAll(overrides());
        return properties;
    }

    /**
     * What every Quorum a test starts runs with: loopback on {@code port}, no live reload, the simulator on a free
     * port, no Ollama discovery, no file drop (it reads data/inbox of the working directory; test classes about it
     * enable it on temp folders), no Hawtio console and no health probes (only in their own tests), and no real
     * provider keys (a key in the developer's environment must not send test traffic to a hosted API).
     */
    public static Properties baseSettings(int port) {
        Properties properties = new Properties();
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("camel.main.routes-reload-enabled", "false");
        properties.put("quorum.simulator.port", "0");
        properties.put("quorum.ollama.discovery-enabled", "false");
        properties.put("quorum.file.enabled", "false");
        properties.put("quorum.console.enabled", "false");
        // health probes would close the breakers tests open on purpose (only in their own test)
        properties.put("quorum.health.probe.enabled", "false");
        for (String provider : new String[] {"openai", "anthropic", "gemini", "mistral", "groq"}) {
            String value = System.getenv(provider.toUpperCase(java.util.Locale.ROOT) + "_API_KEY");
            if (value != null && !value.isBlank()) {
                properties.put("quorum.provider." + provider + ".api-key", "");
            }
        }
        return properties;
    }

    /** A new temporary folder for a test Quorum's usage ledger. */
    static java.nio.file.Path newDataDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("quorum-data");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Settings a test class changes on top of application.properties. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    protected ProviderSimulator simulator() {
        return context.getRegistry().lookupByNameAndType("providerSimulator", ProviderSimulator.class);
    }

    protected HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /**
     * Whether the running route passes the step: a step disabled when the route was built stays in the route, skipped
     * (node ids of templated routes carry a prefix).
     */
    protected boolean hasStep(String routeId, String stepId) {
        List<Processor> steps = context.getRoute(routeId).filter("*").stream()
                .filter(step -> ((IdAware) step).getId().endsWith(stepId)).toList();
        assertThat(steps).as("step %s in route %s", stepId, routeId).hasSize(1);
        return !(steps.get(0) instanceof DisabledAware step && step.isDisabled());
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    protected static String request(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    public static int freePort() {
        // below the kernel's range of ephemeral ports: a port the kernel hands out as ServerSocket(0) is free only
        // until the server binds it, and in between any outgoing connection (a Kafka or JDBC client, an HTTP call)
        // may be given it as its local port; the server then fails with "Port … is already in use"
        int ceiling = ephemeralFloor();
        for (int tries = 0; tries < ceiling - LOWEST_PORT; tries++) {
            int candidate = NEXT_PORT.getAndIncrement();
            if (candidate >= ceiling) {
                NEXT_PORT.compareAndSet(candidate + 1, LOWEST_PORT);
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // held by another process or test: the next one
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of the kernel's ephemeral range (net.ipv4.ip_local_port_range), 32768 where it cannot be read. */
    private static int ephemeralFloor() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            int floor = Integer.parseInt(range.split("\\s+")[0]);
            return floor > LOWEST_PORT + 1000 ? floor : DEFAULT_EPHEMERAL_FLOOR;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_FLOOR;
        }
    }
}
