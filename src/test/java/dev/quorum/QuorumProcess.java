package dev.quorum;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A whole Quorum in a process of its own (a JVM running {@link QuorumApplication} on the test class path, in the
 * project folder so it reads the real {@code application.properties} and {@code routes/}), for tests that kill it
 * with {@code kill -9} ({@link #kill()}) and start it again on the same data folder. Its providers are real
 * provider entries pointing at a {@link SimulatorProcess}, so what the simulator received outlives Quorum. No real
 * key reaches it: the provider keys of the environment are removed. Its output goes to {@code quorum.log} in the
 * data folder.
 */
public final class QuorumProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
            "MISTRAL_API_KEY", "GROQ_API_KEY", "QUORUM_API_KEY", "QUORUM_AUTH_ENABLED", "QUORUM_LEDGER_JDBC_URL",
            "QUORUM_KAFKA_BOOTSTRAP_SERVERS", "QUORUM_INSTANCE_ID", "QUORUM_DATA_DIR");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QuorumProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Quorum on a free port with {@code dataDir}, the provider {@code mistral} at the simulator's port (the only
     * provider enabled), no file drop, console, Ollama discovery or live reload, plus {@code settings}; returns once it
     * answers HTTP.
     */
    public static QuorumProcess start(Path dataDir, int simulatorPort, Map<String, String> settings) {
        int port = QuorumTestSupport.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("camel.server.host", "127.0.0.1");
        all.put("camel.server.port", String.valueOf(port));
        all.put("camel.main.routes-reload-enabled", "false");
        all.put("quorum.data.dir", dataDir.toString());
        all.put("quorum.simulator.enabled", "false");
        all.put("quorum.ollama.discovery-enabled", "false");
        all.put("quorum.console.enabled", "false");
        all.put("quorum.file.enabled", "false");
        all.put("quorum.provider.mistral.api-key", "simulated");
        all.put("quorum.provider.mistral.base-url", "http://127.0.0.1:" + simulatorPort + "/mistral/mistral/v1");
        all.putAll(settings);
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(QuorumApplication.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("quorum.log").toFile()));
        KEYS.forEach(builder.environment()::remove);
        try {
            Files.createDirectories(dataDir);
            QuorumProcess quorum = new QuorumProcess(builder.start(), port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(quorum::answers);
            return quorum;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Quorum exited with " + process.exitValue() + " (see quorum.log)");
        }
        try {
            return http.send(HttpRequest.newBuilder(uri("/api/v1/providers")).GET().timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Sends without waiting for the answer (a call left in flight). */
    public CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code kill -9}: the process ends at once, no shutdown hook, no flush. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Stops it the normal way (SIGTERM: Camel's shutdown writes the queued ledger rows). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
