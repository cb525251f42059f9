package dev.quorum;

import dev.quorum.sim.ProviderSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * One more whole Quorum in the test JVM (Camel Main with the real {@code application.properties} and {@code routes/})
 * for tests that stop and start Quorum or run several at once: a free HTTP port, its own simulator, the test
 * settings of {@link QuorumTestSupport#baseSettings} (no real provider keys, no live reload, no file drop, no console),
 * a usage ledger in a new temporary folder, and the settings a test adds (e.g. the same database as the test's own app).
 */
public final class QuorumInstance implements AutoCloseable {

    private final Main main;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private QuorumInstance(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    public static QuorumInstance start(Map<String, String> settings) {
        QuorumInstance quorum = create(settings, main -> { });
        quorum.main.start();
        return quorum;
    }

    /**
     * A Quorum not started yet, on its free port, after {@code customize} has had its Camel Main (e.g. to add a route
     * of a test's own); {@link #startMain()} starts it.
     */
    public static QuorumInstance create(Map<String, String> settings, java.util.function.Consumer<Main> customize) {
        int port = QuorumTestSupport.freePort();
        Properties properties = QuorumTestSupport.baseSettings(port);
        properties.put("quorum.data.dir", QuorumTestSupport.newDataDir().toString());
        properties.putAll(settings);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.setOverrideProperties(properties);
        customize.accept(main);
        return new QuorumInstance(main, port);
    }

    /** Starts Camel Main: returns when every route has started. */
    public void startMain() {
        main.start();
    }

    /** The HTTP port it listens on. */
    public int port() {
        return port;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public ProviderSimulator simulator() {
        return context().getRegistry().lookupByNameAndType("providerSimulator", ProviderSimulator.class);
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestHttp.send(http, request);
    }

    /** Stops the application the normal way: routes first, then the ledger writer flushes, then the database. */
    @Override
    public void close() {
        main.stop();
    }
}
