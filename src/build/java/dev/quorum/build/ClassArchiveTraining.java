package dev.quorum.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training start behind Quorum's class-data-sharing archive ({@code mvn package} runs the jar with
 * {@code -Dquorum.cds.training=true -XX:ArchiveClassesAtExit=target/quorum.jsa}): Quorum starts as it would for a user,
 * on free ports, with a data folder (ledger and file drop) of its own, API keys off and the built-in provider
 * simulator, answers one request of every kind over HTTP, each on simulated providers (single, both consensus votes,
 * the OpenAI-compatible API with and without streaming, liveness, metrics, usage) and stops. The JVM then writes every
 * class it loaded into the archive, and a start with {@code -XX:SharedArchiveFile=target/quorum.jsa} maps them instead
 * of loading, verifying and linking them one by one.
 * A request that does not answer 200 fails the training, and with it the build.
 *
 * <p>Build-only code: compiled from {@code src/build/java} into {@code target/build-classes}, not into the jar.
 * {@code QuorumApplication} loads it from there (named by {@code -Dquorum.cds.training.classes}) in a class loader of
 * its own, so the JVM's class path stays the jar's, which the archive is only valid for. So it uses public API only:
 * it is a {@link org.apache.camel.main.MainListener} of the start, made with the start's {@link Main} before it runs,
 * and a {@link BooleanSupplier} saying, once Quorum has stopped, whether every training request was answered.
 */
public final class ClassArchiveTraining extends MainListenerSupport implements BooleanSupplier {

    static final String ENABLED = "quorum.cds.training";

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchiveTraining.class);
    private static final String PROMPT = "What is the capital of France?";
    private static final String PANEL = "\"providers\":[\"openai-sim\",\"anthropic-sim\",\"gemini-sim\"]";

    private final Main main;
    private final List<String> failures = new ArrayList<>();
    private volatile boolean finished;

    /** Settings for the training start, set before Camel reads its configuration: system properties override it. */
    public ClassArchiveTraining(Main main) {
        this.main = main;
        System.setProperty("camel.server.host", "127.0.0.1");
        System.setProperty("camel.server.port", Integer.toString(freePort()));
        System.setProperty("quorum.console.host", "127.0.0.1");
        System.setProperty("quorum.console.port", Integer.toString(freePort()));
        System.setProperty("quorum.simulator.enabled", "true");
        System.setProperty("quorum.auth.enabled", "false");
        System.setProperty("quorum.simulator.port", "0");
        String data = System.getProperty(ENABLED + ".data-dir", "target/cds-training");
        System.setProperty("quorum.data.dir", data);
        for (String folder : List.of("inbox", "outbox", "done", "error")) {
            System.setProperty("quorum.file." + folder, data + "/" + folder);
        }
    }

    /** True when every training request was answered; otherwise says which were not. */
    @Override
    public boolean getAsBoolean() {
        if (!finished) {
            LOG.error("Class archive training: Quorum stopped before the training requests ran");
            return false;
        }
        failures.forEach(failure -> LOG.error("Class archive training: {}", failure));
        return failures.isEmpty();
    }

    @Override
    public void afterStart(BaseMainSupport support) {
        Thread requests = new Thread(this::train, "quorum-cds-training");
        requests.setDaemon(true);
        requests.start();
    }

    private void train() {
        try {
            String base = "http://127.0.0.1:" + System.getProperty("camel.server.port");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            // every request names simulated providers: a routed one could pick a real provider the user has a key for
            post(client, base + "/api/v1/complete", "{\"prompt\":\"" + PROMPT + "\",\"provider\":\"openai-sim\"}");
            post(client, base + "/api/v1/complete", "{\"prompt\":\"" + PROMPT + "\",\"provider\":\"anthropic-sim\"}");
            for (String algorithm : List.of("majority", "semantic")) {
                post(client, base + "/api/v1/consensus",
                        "{\"prompt\":\"" + PROMPT + "\",\"algorithm\":\"" + algorithm + "\"," + PANEL + "}");
            }
            String chat = "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]";
            post(client, base + "/v1/chat/completions", chat + "}");
            post(client, base + "/v1/chat/completions", chat + ",\"stream\":true}");
            // liveness: readiness would depend on the real providers the user has keys for
            get(client, base + "/observe/health/live");
            get(client, base + "/observe/metrics");
            get(client, base + "/api/v1/usage?period=day&by=provider");
        } catch (IOException | RuntimeException e) {
            failures.add("the training requests broke off: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("the training requests were interrupted");
        } finally {
            finished = true;
            main.completed();
        }
    }

    private void post(HttpClient client, String url, String json) throws IOException, InterruptedException {
        send(client, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private void get(HttpClient client, String url) throws IOException, InterruptedException {
        send(client, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private void send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            failures.add(built.method() + " " + built.uri().getPath() + " answered HTTP " + response.statusCode() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the class archive training", e);
        }
    }
}
