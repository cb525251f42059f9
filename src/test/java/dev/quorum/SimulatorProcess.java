package dev.quorum;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.sim.SimulatorMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The provider simulator as a process of its own ({@link SimulatorMain}), so what it received survives a
 * {@code kill -9} of the Quorum calling it; scripted and read over its admin API.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private SimulatorProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on a free port; its output goes to {@code log}. */
    public static SimulatorProcess start(Path log) {
        int port = QuorumTestSupport.freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "--port", String.valueOf(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            SimulatorProcess simulator = new SimulatorProcess(builder.start(), port);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> simulator.receivedOrNull("ping") != null);
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Sets simulated provider {@code id}'s script ({@code PUT /_sim/<id>/script}, the SimScript fields as JSON). */
    public void script(String id, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/_sim/" + id + "/script"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("script not taken: " + response.body());
        }
    }

    /** How many chat requests provider {@code id} received, each counted as it arrived. */
    public int received(String id) {
        Integer received = receivedOrNull(id);
        if (received == null) {
            throw new IllegalStateException("the simulator does not answer");
        }
        return received;
    }

    private Integer receivedOrNull(String id) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/_sim/" + id + "/received")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).path("received").asInt() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
