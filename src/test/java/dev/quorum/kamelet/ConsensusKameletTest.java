package dev.quorum.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.api.ResultJson;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code llm-consensus-action} Kamelet used as one step of a user's YAML route inside Quorum's own application: it
 * is found in the jar's {@code kamelets/} (after {@code routes/kamelets}), and its {@code quorum:consensus} step turns
 * the body and the Kamelet's properties into a consensus request for the application's own engine
 * ({@code direct:intake}) and leaves the result JSON as the body. What reaches the intake is recorded by a mock woven
 * into the intake route. {@code dev.quorum.component.QuorumComponentTest} runs the Kamelets in another application.
 */
class ConsensusKameletTest extends QuorumTestSupport {

    private static final String USER_ROUTES = """
            - route:
                id: review-with-panel
                from:
                  uri: direct:review
                  steps:
                    - to: "kamelet:llm-consensus-action?panel=openai-sim,anthropic-sim,gemini-sim&algorithm=majority&minAgreement=0.6&timeoutMs=5000"
            - route:
                id: review-default-panel
                from:
                  uri: direct:review-panel-only
                  steps:
                    - to: "kamelet:llm-consensus-action?panel=openai-sim,mistral-sim"
            - route:
                id: review-configured-timeout
                from:
                  uri: direct:review-defaults
                  steps:
                    - to: "kamelet:llm-consensus-action?routeId=review-defaults&panel=gemini-sim,mistral-sim"
            - route:
                id: review-ranked
                from:
                  uri: direct:review-ranked
                  steps:
                    - to: "kamelet:llm-consensus-action?panel=openai-sim,mistral-sim&algorithm=rank"
            """;
    private static final String INTAKE = "mock:intake-requests";

    private boolean loaded;

    @Override
    protected java.util.Map<String, String> overrides() {
        // the Kamelet's timeout property given the way a deployment sets Kamelet defaults
        return java.util.Map.of("camel.kamelet.llm-consensus-action.review-defaults.timeoutMs", "7000");
    }

    @BeforeEach
    void loadUserRoutes() throws Exception {
        if (!loaded) {
            AdviceWith.adviceWith(context, "intake", route -> route.weaveAddFirst().to(INTAKE));
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.fromString("user-routes.camel.yaml", USER_ROUTES));
            loaded = true;
        }
        context.getEndpoint(INTAKE, MockEndpoint.class).reset();
        simulator().reset();
    }

    private JsonNode lastIntakeRequest() {
        MockEndpoint intake = context.getEndpoint(INTAKE, MockEndpoint.class);
        assertThat(intake.getReceivedCounter()).isEqualTo(1);
        return intake.getReceivedExchanges().get(0).getMessage().getBody(JsonNode.class);
    }

    @Test
    void should_send_the_body_as_prompt_with_the_kamelet_properties_as_a_consensus_request() {
        // when
        Exchange reply = template.request("direct:review", exchange -> exchange.getMessage().setBody("Is 17 a prime number?"));

        // then
        JsonNode request = lastIntakeRequest();
        assertThat(request.path("prompt").asText()).isEqualTo("Is 17 a prime number?");
        assertThat(request.path("mode").asText()).isEqualTo("consensus");
        assertThat(request.path("providers")).extracting(JsonNode::asText)
                .containsExactly("openai-sim", "anthropic-sim", "gemini-sim");
        assertThat(request.path("algorithm").asText()).isEqualTo("majority");
        assertThat(request.path("minAgreement").asDouble()).isEqualTo(0.6);
        assertThat(request.path("timeoutMs").asLong()).isEqualTo(5000);
        // the body is the result JSON, whatever the intake answered
        String body = reply.getMessage().getBody(String.class);
        JsonNode result = json(body);
        assertThat(result.path("id").asText()).isNotBlank();
        assertThat(reply.getMessage().getHeader(ResultJson.STATUS, Integer.class))
                .isEqualTo(result.has("error") ? 400 : 200);
    }

    @Test
    void should_pass_a_ranking_ensemble_through_the_kamelet() {
        // when
        Exchange reply = template.request("direct:review-ranked",
                exchange -> exchange.getMessage().setBody("What is the capital of France?"));

        // then: both say "Paris.", so the consensus order is the ranking and no judge is asked
        assertThat(lastIntakeRequest().path("algorithm").asText()).isEqualTo("rank");
        JsonNode result = json(reply.getMessage().getBody(String.class));
        assertThat(result.path("algorithm").asText()).as(result.toString()).isEqualTo("rank");
        assertThat(result.path("ranking").path("decidedBy").asText()).isEqualTo("consensus");
        assertThat(result.path("ranking").path("order")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("openai-sim", "mistral-sim");
    }

    @Test
    void should_reach_the_intakes_consensus_branch_and_return_its_result_json() {
        // when: only a panel, so the request is one the intake accepts as far as fields go
        Exchange reply = template.request("direct:review-panel-only",
                exchange -> exchange.getMessage().setBody("What is the capital of France?"));

        // then: both panel members were asked and agree (the default scripts answer "Paris." for both)
        JsonNode request = lastIntakeRequest();
        assertThat(request.path("providers")).extracting(JsonNode::asText).containsExactly("openai-sim", "mistral-sim");
        assertThat(request.has("algorithm")).isFalse();
        JsonNode result = json(reply.getMessage().getBody(String.class));
        assertThat(result.path("mode").asText()).isEqualTo("consensus");
        assertThat(result.path("answer").asText()).isEqualTo("Paris.");
        assertThat(result.path("agreement").path("ratio").asDouble()).isEqualTo(1.0);
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactlyInAnyOrder("openai-sim", "mistral-sim");
        assertThat(reply.getMessage().getHeader(ResultJson.STATUS, Integer.class)).isEqualTo(200);
    }

    @Test
    void should_take_the_timeout_property_from_the_kamelets_configuration() {
        // when
        template.request("direct:review-defaults", exchange -> exchange.getMessage().setBody("Is 2 even?"));

        // then
        JsonNode request = lastIntakeRequest();
        assertThat(request.path("timeoutMs").asLong()).isEqualTo(7000);
        assertThat(request.path("providers")).extracting(JsonNode::asText).containsExactly("gemini-sim", "mistral-sim");
    }

    @Test
    void should_keep_the_fields_of_a_request_json_body_over_the_properties() {
        // when
        template.request("direct:review", exchange -> exchange.getMessage().setBody(
                "{\"prompt\":\"Classify: great product\",\"providers\":[\"mistral-sim\",\"ollama-sim\"],\"id\":\"rev-1\"}"));

        // then
        JsonNode request = lastIntakeRequest();
        assertThat(request.path("prompt").asText()).isEqualTo("Classify: great product");
        assertThat(request.path("id").asText()).isEqualTo("rev-1");
        assertThat(request.path("providers")).extracting(JsonNode::asText).containsExactly("mistral-sim", "ollama-sim");
        assertThat(request.path("algorithm").asText()).isEqualTo("majority");
        assertThat(request.path("mode").asText()).isEqualTo("consensus");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
