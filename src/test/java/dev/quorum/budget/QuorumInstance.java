package dev.quorum.budget;

import dev.quorum.sim.ProviderSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * A second Quorum application in the test JVM: Camel Main with the real application.properties and routes, its own
 * HTTP port and simulator, and the settings a test gives it (e.g. the same usage database as the test's own app).
 */
final class QuorumInstance implements AutoCloseable {

    private final Main main;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private QuorumInstance(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    static QuorumInstance start(Map<String, String> overrides) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("camel.main.routes-reload-enabled", "false");
        properties.put("quorum.simulator.port", "0");
        properties.put("quorum.ollama.discovery-enabled", "false");
        for (String provider : new String[] {"openai", "anthropic", "gemini", "mistral", "groq"}) {
            properties.put("quorum.provider." + provider + ".api-key", "");
        }
        properties.putAll(overrides);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(properties);
        main.start();
        return new QuorumInstance(main, port);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    ProviderSimulator simulator() {
        return context().getRegistry().lookupByNameAndType("providerSimulator", ProviderSimulator.class);
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
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

    /** Stops the application the normal way: routes first, then the ledger writer flushes, then the database. */
    @Override
    public void close() {
        main.stop();
    }
}
