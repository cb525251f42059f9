package dev.quorum.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.quorum.QuorumTestSupport;
import dev.quorum.api.CompletionRequest;
import dev.quorum.camel.RequestConstants;
import dev.quorum.sim.ProviderSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API keys over HTTP: without a valid key a request is answered 401 and reaches no provider; with one (as a bearer
 * token or {@code X-API-Key}) it is answered and billed to the key's tenant, whatever tenant the body names.
 */
class ApiKeyTest extends QuorumTestSupport {

    private static final String ACME_KEY = "qk-acme-7f3c9e1d2b";
    private static final String GLOBEX_KEY = "qk-globex-0a8b6c4d";
    private static final String SINGLE = "mock:single-requests";
    private static final List<String> SIMULATED = List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim",
            "ollama-sim");

    private boolean advised;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true",
                "quorum.auth.keys.acme.key", ACME_KEY,
                "quorum.auth.keys.acme.tenant", "acme-corp",
                "quorum.auth.keys.globex.key", GLOBEX_KEY);
    }

    @BeforeEach
    void resetSimulatorAndWatchRequests() throws Exception {
        simulator().reset();
        if (!advised) {
            AdviceWith.adviceWith(context, "complete-single", route -> route.weaveAddFirst().to(SINGLE));
            advised = true;
        }
        context.getEndpoint(SINGLE, MockEndpoint.class).reset();
    }

    private HttpResponse<String> send(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertNoProviderCalled() {
        ProviderSimulator simulator = simulator();
        for (String provider : SIMULATED) {
            assertThat(simulator.calls(provider)).as(provider).isEmpty();
        }
        assertThat(context.getEndpoint(SINGLE, MockEndpoint.class).getReceivedCounter()).isZero();
    }

    @Test
    void should_refuse_requests_without_a_key_with_401_and_call_no_provider() {
        // when
        HttpResponse<String> quorum = send("/api/v1/complete", "{\"prompt\":\"What is the capital of France?\"}");
        HttpResponse<String> openAi = send("/v1/chat/completions",
                "{\"model\":\"quorum/route\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        HttpResponse<String> models = send("/v1/models", null);
        HttpResponse<String> providers = send("/api/v1/providers", null);

        // then
        assertThat(quorum.statusCode()).isEqualTo(401);
        assertThat(json(quorum).path("error").path("type").asText()).isEqualTo("unauthorized");
        assertThat(json(quorum).path("error").path("message").asText()).contains("Authorization: Bearer").contains("X-API-Key");
        assertThat(quorum.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(openAi.statusCode()).isEqualTo(401);
        JsonNode error = json(openAi).path("error");
        assertThat(error.path("code").asText()).isEqualTo("missing_api_key");
        assertThat(error.path("type").asText()).isEqualTo("authentication_error");
        assertThat(models.statusCode()).isEqualTo(401);
        assertThat(providers.statusCode()).isEqualTo(401);
        assertNoProviderCalled();
    }

    @Test
    void should_refuse_a_wrong_key_without_echoing_it() {
        // when
        HttpResponse<String> bearer = send("/api/v1/complete", "{\"prompt\":\"hello\"}", "Authorization", "Bearer qk-acme-7f3c9e1d2c");
        HttpResponse<String> header = send("/v1/chat/completions",
                "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "X-API-Key", "guess");

        // then
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).contains("not valid").doesNotContain("qk-acme");
        assertThat(bearer.headers().map().toString()).doesNotContain("qk-acme");
        assertThat(header.statusCode()).isEqualTo(401);
        assertThat(json(header).path("error").path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(header.body()).doesNotContain("guess");
        assertNoProviderCalled();
    }

    @Test
    void should_answer_with_a_valid_key_and_bill_the_keys_tenant() {
        // when: the body names another tenant; the key decides
        HttpResponse<String> response = send("/api/v1/complete",
                "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\",\"tenant\":\"someone-else\"}",
                "Authorization", "Bearer " + ACME_KEY);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("answer").asText()).isEqualTo("Paris.");
        assertThat(response.body()).doesNotContain(ACME_KEY);
        assertThat(response.headers().map().toString()).doesNotContain(ACME_KEY);
        assertThat(simulator().calls("openai-sim")).hasSize(1);
        assertThat(tenantsSeen()).containsExactly("acme-corp");
    }

    @Test
    void should_take_the_key_from_x_api_key_and_default_the_tenant_to_the_key_name() {
        // when
        HttpResponse<String> response = send("/v1/chat/completions",
                "{\"model\":\"mistral-sim\",\"user\":\"end-user-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "X-API-Key", GLOBEX_KEY);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(tenantsSeen()).containsExactly("globex");
    }

    @Test
    void should_let_an_openai_client_authenticate_with_its_api_key() {
        // given
        OpenAiChatModel.OpenAiChatModelBuilder client = OpenAiChatModel.builder()
                .baseUrl("http://127.0.0.1:" + port + "/v1").modelName("openai-sim").maxRetries(0)
                .timeout(Duration.ofSeconds(10));

        // when
        String answer = client.apiKey(ACME_KEY).build().chat("What is the capital of France?");

        // then
        assertThat(answer).isEqualTo("Paris.");
        assertThatThrownBy(() -> client.apiKey("wrong").build().chat("What is the capital of France?"))
                .hasMessageContaining("invalid_api_key");
        assertThat(simulator().calls("openai-sim")).hasSize(1);
    }

    @Test
    void should_keep_health_open_for_probes() {
        // when
        HttpResponse<String> health = send("/observe/health", null);
        HttpResponse<String> live = send("/observe/health/live", null);
        HttpResponse<String> ready = send("/observe/health/ready", null);

        // then: the status, and nothing about the checks behind it
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("UP");
        assertThat(json(health).has("checks")).as(health.body()).isFalse();
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    }

    @Test
    void should_show_health_details_only_with_a_key() {
        // when
        HttpResponse<String> full = send("/observe/health?exposureLevel=full&data=true", null);
        HttpResponse<String> readyFull = send("/observe/health/ready?exposureLevel=full", null);
        HttpResponse<String> stackTrace = send("/observe/health/live?stackTrace=true", null);
        HttpResponse<String> wrongKey = send("/observe/health?exposureLevel=full", null, "X-API-Key", "guess");
        HttpResponse<String> withKey = send("/observe/health?exposureLevel=full&data=true", null,
                "Authorization", "Bearer " + ACME_KEY);

        // then
        for (HttpResponse<String> refused : List.of(full, readyFull, stackTrace, wrongKey)) {
            assertThat(refused.statusCode()).as(refused.uri() + ": " + refused.body()).isEqualTo(401);
            assertThat(json(refused).path("error").path("type").asText()).isEqualTo("unauthorized");
            assertThat(refused.body()).doesNotContain("checks");
        }
        assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(200);
        assertThat(json(withKey).path("checks").findValuesAsText("name")).contains("provider-openai-sim");
    }

    @Test
    void should_tell_a_probe_without_a_key_only_that_quorum_is_down() {
        // given a provider check DOWN, whose details (name, breaker, last error) are for key holders
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("mistral-simCircuitBreaker", CircuitBreaker.class);
        breaker.transitionToOpenState();
        try {
            // when
            HttpResponse<String> probe = send("/observe/health/ready", null);
            HttpResponse<String> withKey = send("/observe/health/ready", null, "X-API-Key", GLOBEX_KEY);

            // then
            assertThat(probe.statusCode()).as(probe.body()).isEqualTo(503);
            assertThat(json(probe).path("status").asText()).isEqualTo("DOWN");
            assertThat(probe.body()).doesNotContain("mistral").doesNotContain("checks");
            assertThat(withKey.statusCode()).isEqualTo(503);
            assertThat(withKey.body()).contains("provider-mistral-sim");
        } finally {
            breaker.transitionToClosedState();
        }
    }

    @Test
    void should_refuse_a_key_in_the_query_string_even_a_valid_one() {
        // when: platform-http would turn each of these parameters into a header of the same name
        List<HttpResponse<String>> responses = List.of(
                send("/api/v1/complete?X-API-Key=" + ACME_KEY, "{\"prompt\":\"What is the capital of France?\"}"),
                send("/api/v1/complete?Authorization=Bearer%20" + ACME_KEY, "{\"prompt\":\"hello\"}"),
                send("/v1/models?api_key=" + ACME_KEY, null),
                send("/api/v1/usage?period=day&apiKey=" + ACME_KEY, null, "Authorization", "Bearer " + ACME_KEY),
                send("/api/v1/providers?key=" + GLOBEX_KEY, null));

        // then
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(401);
            assertThat(response.body()).contains("query string").contains("Authorization: Bearer")
                    .contains("X-API-Key").doesNotContain(ACME_KEY).doesNotContain(GLOBEX_KEY);
        }
        assertThat(json(responses.get(2)).path("error").path("code").asText()).isEqualTo("api_key_in_query");
        assertNoProviderCalled();
    }

    private List<String> tenantsSeen() {
        return context.getEndpoint(SINGLE, MockEndpoint.class).getReceivedExchanges().stream()
                .map(ApiKeyTest::tenant).toList();
    }

    private static String tenant(Exchange exchange) {
        return exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class).tenant();
    }
}
