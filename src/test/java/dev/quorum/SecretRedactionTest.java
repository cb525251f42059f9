package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.quorum.sim.SimScript;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A provider whose error body echoes the API key it was sent (a misconfigured proxy, an OpenAI-compatible server):
 * the key appears nowhere Quorum writes to, neither in the HTTP result, the OpenAI API's error, the health details,
 * the usage ledger, nor the log. The provider is configured like a real one (its key from a setting, its base URL the
 * simulator's), so the key is the one Quorum really sends.
 */
class SecretRedactionTest extends QuorumTestSupport {

    /** A real-looking key, as a deployment would set it through the environment. */
    private static final String KEY = "sk-proj-Qx7Lm2Vn9Rt4Wz8Yb3Kd6Hf1Jp5Sc0Ga";
    /** A credential no setting holds, written as a header: masked by its form. */
    private static final String OTHER = "sk-other-unconfigured-7781";

    private final int simulatorPort = freePort();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> capture;

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.simulator.enabled", "true");
        settings.put("quorum.simulator.port", String.valueOf(simulatorPort));
        settings.put("quorum.provider.leaky.kind", "openai-compatible");
        settings.put("quorum.provider.leaky.model", "gpt-4o-mini");
        settings.put("quorum.provider.leaky.base-url", "http://127.0.0.1:" + simulatorPort + "/leaky/openai/v1");
        settings.put("quorum.provider.leaky.api-key", KEY);
        return settings;
    }

    @BeforeEach
    void scriptTheLeakAndCaptureTheLog() {
        simulator().reset();
        simulator().script("leaky", SimScript.builder().errorRate(1).errorStatus(401).errorBody("""
                {"error":{"message":"Incorrect API key provided: {{key}}. Received Authorization: Bearer {{key}}, \
                x-api-key: %s","type":"invalid_request_error","code":"invalid_api_key"}}""".formatted(OTHER)).build());
        // the console appender's own pattern, into memory
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("console");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
        encoder.start();
        capture = new OutputStreamAppender<>();
        capture.setContext(logging);
        capture.setEncoder(encoder);
        capture.setOutputStream(log);
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void should_keep_an_echoed_provider_key_out_of_results_errors_health_ledger_and_log() {
        // when: the provider is called through Quorum's API and its OpenAI API (plain and streamed)
        HttpResponse<String> result = post("/api/v1/complete", "{\"prompt\":\"hi\",\"provider\":\"leaky\"}");
        HttpResponse<String> openAi = post("/v1/chat/completions", """
                {"model":"leaky","messages":[{"role":"user","content":"hi"}]}""");
        HttpResponse<String> streamed = post("/v1/chat/completions", """
                {"model":"leaky","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        // and a library logs the provider's words itself, with an exception that quotes them
        LoggerFactory.getLogger("some.library").warn("provider said: Incorrect API key provided: {}", KEY,
                new IllegalStateException("401 from upstream, key " + KEY + ", x-api-key: " + OTHER));

        // then: the provider did answer with the key, and the failure is reported, masked
        assertThat(simulator().calls("leaky")).hasSize(3);
        assertThat(result.statusCode()).as(result.body()).isEqualTo(502);
        assertThat(json(result).path("error").path("message").asText())
                .startsWith("provider 'leaky' answered HTTP 401: ").contains("Incorrect API key provided: [redacted]");
        assertThat(openAi.statusCode()).isEqualTo(502);
        assertThat(json(openAi).path("error").path("message").asText()).contains("[redacted]");
        assertThat(streamed.statusCode()).isEqualTo(502);
        HttpResponse<String> health = get("/observe/health?exposureLevel=full&data=true");
        assertThat(health.body()).contains("provider-leaky").contains("Incorrect API key provided: [redacted]");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                json(get("/api/v1/usage?period=day&by=provider")).path("recentErrors").findValuesAsText("provider"))
                .contains("leaky"));
        String usage = get("/api/v1/usage?period=day&by=provider").body();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("provider said: Incorrect API key provided: [redacted]");
        for (String written : List.of(result.body(), openAi.body(), streamed.body(), health.body(), usage, logged)) {
            assertThat(written).doesNotContain(KEY).doesNotContain(OTHER);
        }
    }
}
