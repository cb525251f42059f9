package dev.quorum.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.api.CompletionRequest;
import dev.quorum.camel.RequestConstants;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code llm-consensus-remote-action} Kamelet in a flow of another Camel application (a plain CamelContext of the
 * test's own, no Quorum engine in it) against a running Quorum ({@link QuorumTestSupport}, on a free port, API keys
 * on): the body goes to {@code POST /api/v1/consensus} with the Kamelet's key, the result JSON comes back with its
 * status, and none of the flow's headers reach Quorum (what arrives at the consensus route is recorded).
 */
class RemoteKameletTest extends QuorumTestSupport {

    private static final String KEY = "qk-remote-5d1e8f2a9c";
    private static final String OTHER_KEY = "qk-other-3b7a6e0d4f";
    private static final String CONSENSUS = "mock:remote-consensus-requests";

    private DefaultCamelContext flow;
    private boolean advised;

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true",
                "quorum.auth.keys.remote.key", KEY,
                "quorum.auth.keys.remote.tenant", "remote-flows",
                "quorum.auth.keys.other.key", OTHER_KEY,
                "quorum.auth.keys.other.tenant", "someone-else");
    }

    @BeforeAll
    void startTheOtherApplication() throws Exception {
        flow = new DefaultCamelContext();
        flow.start();
        String quorum = "http://127.0.0.1:" + port;
        PluginHelper.getRoutesLoader(flow).loadRoutes(ResourceHelper.fromString("flow.camel.yaml", """
                - route:
                    id: ask-remote-panel
                    from:
                      uri: direct:ask
                      steps:
                        - to: "kamelet:llm-consensus-remote-action?quorumUrl=%s&apiKey=%s&panel=openai-sim,mistral-sim&algorithm=majority&minAgreement=0.5&timeoutMs=20000"
                - route:
                    id: ask-remote-defaults
                    from:
                      uri: direct:ask-defaults
                      steps:
                        - to: "kamelet:llm-consensus-remote-action?quorumUrl=%s&apiKey=%s"
                - route:
                    id: ask-remote-wrong-key
                    from:
                      uri: direct:ask-wrong-key
                      steps:
                        - to: "kamelet:llm-consensus-remote-action?quorumUrl=%s&apiKey=not-a-key"
                """.formatted(quorum, KEY, quorum, KEY, quorum)));
    }

    @AfterAll
    void stopTheOtherApplication() {
        if (flow != null) {
            flow.stop();
        }
    }

    @BeforeEach
    void watchConsensusRequests() throws Exception {
        simulator().reset();
        if (!advised) {
            AdviceWith.adviceWith(context, "complete-consensus", route -> route.weaveAddFirst().to(CONSENSUS));
            advised = true;
        }
        context.getEndpoint(CONSENSUS, MockEndpoint.class).reset();
    }

    private CompletionRequest lastRequest() {
        MockEndpoint seen = context.getEndpoint(CONSENSUS, MockEndpoint.class);
        assertThat(seen.getReceivedCounter()).isEqualTo(1);
        return seen.getReceivedExchanges().get(0).getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
    }

    @Test
    void should_put_the_body_to_the_remote_panel_and_return_its_result_json() throws Exception {
        // when: a prompt that needs escaping in JSON
        String prompt = "What is the capital of France? Say \"Paris\" or not.\n";
        Exchange reply = flow.createProducerTemplate().request("direct:ask", e -> e.getMessage().setBody(prompt));

        // then
        assertThat(reply.getException()).isNull();
        JsonNode result = JSON.readTree(reply.getMessage().getBody(String.class));
        assertThat(result.path("mode").asText()).isEqualTo("consensus");
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactlyInAnyOrder("openai-sim", "mistral-sim");
        assertThat(reply.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(200);
        CompletionRequest request = lastRequest();
        assertThat(request.prompt()).isEqualTo(prompt);
        assertThat(request.algorithm()).isEqualTo("majority");
        assertThat(request.minAgreement()).isEqualTo(0.5);
        assertThat(request.timeoutMs()).isEqualTo(20000L);
        assertThat(request.tenant()).isEqualTo("remote-flows");
        // nothing of the HTTP call is left on the flow's message: no key, no HTTP or response headers
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(name -> name.startsWith("CamelHttp"))
                .doesNotContain("Authorization", "X-API-Key", "X-Request-Id");
        assertThat(reply.getMessage().getHeaders().values()).noneMatch(value -> String.valueOf(value).contains(KEY));
    }

    @Test
    void should_send_none_of_the_flows_headers_and_follow_no_earlier_http_steps_headers() throws Exception {
        // when: the flow's message carries another key and the request line of an earlier HTTP step
        Exchange reply = flow.createProducerTemplate().request("direct:ask-defaults", e -> {
            e.getMessage().setBody("{\"prompt\":\"Is 7 prime?\",\"providers\":[\"gemini-sim\",\"ollama-sim\"]}");
            e.getMessage().setHeader("Authorization", "Bearer " + OTHER_KEY);
            e.getMessage().setHeader("X-API-Key", OTHER_KEY);
            e.getMessage().setHeader(Exchange.HTTP_PATH, "/api/v1/providers");
            e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
            e.getMessage().setHeader(Exchange.HTTP_URI, "http://127.0.0.1:1/elsewhere");
        });

        // then: answered as the Kamelet's key's tenant, by the consensus endpoint, the request JSON sent as it was
        assertThat(reply.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(200);
        CompletionRequest request = lastRequest();
        assertThat(request.tenant()).isEqualTo("remote-flows");
        assertThat(request.providers()).containsExactly("gemini-sim", "ollama-sim");
        assertThat(reply.getMessage().getHeader("X-API-Key")).isEqualTo(OTHER_KEY);
    }

    @Test
    void should_return_a_refusal_as_a_result_with_its_status() throws Exception {
        // when
        Exchange reply = flow.createProducerTemplate().request("direct:ask-wrong-key",
                e -> e.getMessage().setBody("What is the capital of France?"));

        // then: not an exception; the body says why
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(401);
        assertThat(JSON.readTree(reply.getMessage().getBody(String.class)).path("error").path("type").asText())
                .isNotBlank();
        assertThat(context.getEndpoint(CONSENSUS, MockEndpoint.class).getReceivedCounter()).isZero();
    }
}
