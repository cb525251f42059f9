package dev.quorum.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.Mode;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimScript;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Quorum as a step in someone else's Camel application: a plain Camel Main application of the test's own (its own
 * CamelContext, its own YAML routes in {@code component/host-routes.camel.yaml}, none of Quorum's configuration
 * classes, routes or {@code application.properties}, only a few {@code quorum.*} settings) uses {@code quorum:} and
 * the jar's Kamelets. The engine starts from the jar the first time a route uses the component; its providers are the
 * simulator over HTTP (no key is set).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuorumComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARIS = "What is the capital of France?";

    private Main main;
    private CamelContext context;
    private ProducerTemplate template;

    private static final String DB_PASSWORD = "pw-host-db-9f3k2x";
    private static final String CALLER_KEY = "qk-host-caller-7d2e4a";

    private final ListAppender<ILoggingEvent> startLog = new ListAppender<>();

    @BeforeAll
    void startHostApplication() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        startLog.start();
        root.addAppender(startLog);
        try {
            main = new Main();
            main.configure().withRoutesIncludePattern("classpath:component/host-routes.camel.yaml");
            Properties settings = hostSettings();
            // secrets the engine reads with every quorum.* setting, which Camel Main's start summary lists
            settings.put("quorum.ledger.jdbc-password", DB_PASSWORD);
            settings.put("quorum.auth.keys.default.key", CALLER_KEY);
            main.setOverrideProperties(settings);
            main.start();
        } finally {
            root.detachAppender(startLog);
        }
        context = main.getCamelContext();
        template = context.createProducerTemplate();
    }

    /** Only what an application would set: where the ledger goes, no Ollama probe, and one engine setting. */
    static Properties hostSettings() throws Exception {
        Properties settings = new Properties();
        settings.put("quorum.data.dir", Files.createTempDirectory("quorum-host").toString());
        settings.put("quorum.simulator.port", "0");
        settings.put("quorum.ollama.discovery-enabled", "false");
        // a setting of the application's own that the engine must read (a consensus step naming no panel)
        settings.put("quorum.consensus.panel", "gemini-sim,mistral-sim");
        for (String provider : List.of("openai", "anthropic", "gemini", "mistral", "groq")) {
            String key = System.getenv(provider.toUpperCase(Locale.ROOT) + "_API_KEY");
            if (key != null && !key.isBlank()) {
                settings.put("quorum.provider." + provider + ".api-key", "");
            }
        }
        return settings;
    }

    @AfterAll
    void stopHostApplication() {
        if (main != null) {
            main.stop();
        }
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    private ProviderSimulator simulator() {
        return context.getRegistry().lookupByNameAndType("providerSimulator", ProviderSimulator.class);
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    private static CompletionResult result(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(CompletionResult.class);
    }

    @Test
    void should_run_the_engine_in_the_applications_own_context_without_quorums_application() {
        // then: the engine's routes are there, the application's triggers and configuration classes are not
        assertThat(context.getRoute("intake")).isNotNull();
        assertThat(context.getRoute("provider-openai-sim")).isNotNull();
        assertThat(context.getRoute("panel-openai-sim")).isNotNull();
        assertThat(context.getRoute("http-complete")).isNull();
        assertThat(context.getRoute("file-drop")).isNull();
        assertThat(context.getRegistry().lookupByName("openAiApi")).isNull();
        assertThat(context.getRegistry().lookupByName("apiKeys")).isNull();
        // the jar's defaults offer only quorum.* settings: none of Quorum's camel.* ones (HTTP server, routes) leak in
        assertThat(context.getPropertiesComponent().resolveProperty("quorum.consensus.timeout-ms")).contains("30000");
        assertThat(context.getPropertiesComponent().resolveProperty("camel.server.enabled")).isEmpty();
        assertThat(context.getPropertiesComponent().resolveProperty("camel.main.routes-include-pattern")).isEmpty();
        // the routes made from the engine's templates use the engine's error handling, not the application's
        for (String route : List.of("provider-", "provider-limits-", "provider-call-", "provider-settle-", "panel-")) {
            assertThat(((ModelCamelContext) context).getRouteDefinition(route + "openai-sim").getRouteConfigurationId())
                    .as(route).isEqualTo(QuorumEngine.ROUTE_CONFIGURATION);
        }
    }

    @Test
    void should_answer_a_consensus_step_with_the_result_and_its_headers() {
        // when
        Exchange reply = send("direct:consensus", PARIS, Map.of());

        // then
        CompletionResult result = result(reply);
        assertThat(result.mode()).isEqualTo("consensus");
        assertThat(result.responses()).extracting(r -> r.provider())
                .containsExactlyInAnyOrder("openai-sim", "anthropic-sim", "gemini-sim");
        assertThat(result.answer()).contains("Paris");
        assertThat(result.algorithm()).isEqualTo("majority");
        var message = reply.getMessage();
        assertThat(message.getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(200);
        assertThat(message.getHeader(QuorumConstants.REQUEST_ID, String.class)).isEqualTo(result.id());
        assertThat(message.getHeader(QuorumConstants.ANSWER, String.class)).isEqualTo(result.answer());
        assertThat(message.getHeader(QuorumConstants.ANSWERED_BY, String.class)).isEqualTo(result.provider());
        assertThat(message.getHeader(QuorumConstants.AGREEMENT_LEVEL, String.class))
                .isEqualTo(result.agreement().level());
        assertThat(message.getHeader(QuorumConstants.AGREEMENT_RATIO, Double.class))
                .isEqualTo(result.agreement().ratio());
        assertThat(message.getHeader(QuorumConstants.COST_USD, Double.class)).isEqualTo(result.costUsd());
        assertThat(message.getHeader(QuorumConstants.ERROR_TYPE)).isNull();
        // every panel member was called over HTTP
        assertThat(simulator().calls("openai-sim")).hasSize(1);
        assertThat(simulator().calls("anthropic-sim")).hasSize(1);
        assertThat(simulator().calls("gemini-sim")).hasSize(1);
    }

    @Test
    void should_read_the_engines_settings_from_the_applications_properties() {
        // when: a consensus step naming no panel
        CompletionResult result = result(send("direct:consensus-configured", PARIS, Map.of()));

        // then: the application's quorum.consensus.panel, and the jar's defaults for everything it does not set
        assertThat(result.responses()).extracting(r -> r.provider()).containsExactlyInAnyOrder("gemini-sim", "mistral-sim");
        assertThat(result.algorithm()).isEqualTo("majority");
        assertThat(context.resolvePropertyPlaceholders("{{quorum.consensus.high-agreement}}")).isEqualTo("0.9");
    }

    @Test
    void should_route_a_complete_step_by_its_options() {
        // when
        Exchange reply = send("direct:complete", PARIS, Map.of());

        // then: ranked by cost within the cost cap, answered by one provider
        CompletionResult result = result(reply);
        assertThat(result.mode()).isEqualTo("single");
        assertThat(result.route().strategy()).isEqualTo("cost");
        assertThat(result.provider()).isNotBlank();
        assertThat(reply.getMessage().getHeader(QuorumConstants.ANSWERED_BY)).isEqualTo(result.provider());
        assertThat(reply.getMessage().getHeader(QuorumConstants.AGREEMENT_LEVEL)).isNull();
    }

    @Test
    void should_answer_a_cascade_step_and_say_whether_it_escalated() {
        // given: the cheap panel splits
        simulator().script("openai-sim", SimScript.builder().defaultAnswer("Blue.").build());
        simulator().script("mistral-sim", SimScript.builder().defaultAnswer("Green.").build());

        // when
        Exchange reply = send("direct:cascade", "Which colour is best?", Map.of());

        // then
        CompletionResult result = result(reply);
        assertThat(result.mode()).isEqualTo("cascade");
        assertThat(result.cascade().panel()).containsExactly("openai-sim", "mistral-sim");
        assertThat(result.cascade().escalated()).isTrue();
        assertThat(reply.getMessage().getHeader(QuorumConstants.ESCALATED, Boolean.class)).isTrue();
    }

    @Test
    void should_let_headers_override_the_options_and_body_fields_override_both() {
        // when: headers name another panel and algorithm
        CompletionResult byHeaders = result(send("direct:consensus", PARIS, Map.of(
                QuorumConstants.PANEL, "mistral-sim,ollama-sim", QuorumConstants.ALGORITHM, "weighted",
                QuorumConstants.MIN_AGREEMENT, "0.5")));
        // and: a request JSON body names its own panel as well
        CompletionResult byBody = result(send("direct:consensus",
                "{\"prompt\":\"" + PARIS + "\",\"providers\":[\"gemini-sim\",\"openai-sim\"]}",
                Map.of(QuorumConstants.PANEL, "mistral-sim,ollama-sim")));
        // and: a Map body, and a ready CompletionRequest
        CompletionResult byMap = result(send("direct:consensus", Map.of("prompt", PARIS, "providers",
                List.of("anthropic-sim", "gemini-sim")), Map.of()));
        CompletionResult byRequest = result(send("direct:consensus", new CompletionRequest("own-id-1", PARIS, null,
                null, null, List.of("openai-sim", "mistral-sim"), null, null, null, null, null, null, null, null, null,
                null, null, null, null), Map.of()));

        // then
        assertThat(byHeaders.responses()).extracting(r -> r.provider()).containsExactlyInAnyOrder("mistral-sim", "ollama-sim");
        assertThat(byHeaders.algorithm()).isEqualTo("weighted");
        assertThat(byBody.responses()).extracting(r -> r.provider()).containsExactlyInAnyOrder("gemini-sim", "openai-sim");
        assertThat(byBody.algorithm()).isEqualTo("majority");
        assertThat(byMap.responses()).extracting(r -> r.provider()).containsExactlyInAnyOrder("anthropic-sim", "gemini-sim");
        assertThat(byRequest.id()).isEqualTo("own-id-1");
        assertThat(byRequest.responses()).extracting(r -> r.provider()).containsExactlyInAnyOrder("openai-sim", "mistral-sim");
    }

    @Test
    void should_render_a_template_from_options_headers_or_a_map_body_and_use_the_cache_when_asked() throws Exception {
        // given
        dev.quorum.prompt.PromptTemplates templates = context.getRegistry()
                .lookupByNameAndType("promptTemplates", dev.quorum.prompt.PromptTemplates.class);
        templates.store().save("greet-host", new dev.quorum.prompt.PromptDraft("Say hello to {{name}} in {{language}}.",
                null, null, null, null, null), "api");
        templates.store().save("greet-host", new dev.quorum.prompt.PromptDraft("Greet {{name}} in {{language}}.",
                null, null, null, null, null), "api");

        // when: the template, its variables (variable.* options) and cache=false from the endpoint's options
        CompletionResult byOptions = result(send("direct:template", null, Map.of()));
        // and: the QuorumVariables header replaces the options' variables; a Map body with the template gives them
        CompletionResult byHeader = result(send("direct:template", null, Map.of(QuorumConstants.VARIABLES,
                Map.of("name", "Bob", "language", "German"))));
        CompletionResult byMap = result(send("direct:template", Map.of("name", "Cy", "language", "Dutch"), Map.of()));
        // and: headers name the template, its version, its variables as JSON text and the cache
        Map<String, Object> headers = Map.of(QuorumConstants.TEMPLATE, "greet-host",
                QuorumConstants.TEMPLATE_VERSION, "1", QuorumConstants.VARIABLES,
                "{\"name\":\"Di\",\"language\":\"Welsh\"}", QuorumConstants.CACHE, "exact");
        CompletionResult first = result(send("direct:template-by-headers", null, headers));
        CompletionResult second = result(send("direct:template-by-headers", null, headers));
        // and: the Kamelet's template and cache properties, the variables from a Map body
        Exchange byKamelet = send("kamelet:llm-complete-action?provider=openai-sim&template=greet-host&templateVersion=1"
                + "&cache=false", Map.of("name", "Ed", "language", "Irish"), Map.of());

        // then
        assertThat(simulator().calls("openai-sim")).extracting(call -> call.prompt()).containsExactly(
                "Greet Ada in French.", "Greet Bob in German.", "Greet Cy in Dutch.", "Say hello to Di in Welsh.",
                "Say hello to Ed in Irish.");
        assertThat(byKamelet.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(200);
        assertThat(byOptions.template().id()).isEqualTo("greet-host");
        assertThat(byOptions.template().version()).isEqualTo(2);
        assertThat(byOptions.cached()).isNull();
        assertThat(byHeader.answer()).contains("Bob");
        assertThat(byMap.answer()).contains("Cy");
        assertThat(first.template().version()).isEqualTo(1);
        assertThat(first.cached()).isNull();
        assertThat(second.cached()).isTrue();
    }

    @Test
    void should_refuse_a_bad_cache_option_as_the_route_starts_and_a_bad_variables_header_with_a_400() {
        // when
        Exchange badHeader = send("direct:template-by-headers", null, Map.of(QuorumConstants.TEMPLATE, "greet-host",
                QuorumConstants.VARIABLES, "not an object"));

        // then
        assertThat(result(badHeader).status()).isEqualTo(400);
        assertThat(result(badHeader).error().field()).isEqualTo("variables");
        assertThatThrownBy(() -> context.getEndpoint("quorum:complete?cache=sometimes"))
                .hasStackTraceContaining("The option cache of");
    }

    @Test
    void should_take_a_conversation_with_tools_as_the_request_body() {
        // given
        simulator().script("openai-sim", SimScript.builder().toolCallName("lookup_order")
                .toolCallArguments("{\"order\":\"42\"}").build());
        Map<String, Object> tool = Map.of("name", "lookup_order", "parameters", Map.of("type", "object",
                "properties", Map.of("order", Map.of("type", "string"))));

        // when
        CompletionResult called = result(send("direct:complete", Map.of("provider", "openai-sim", "tools", List.of(tool),
                "messages", List.of(Map.of("role", "user", "content", "Where is order 42?"))), Map.of()));
        CompletionResult answered = result(send("direct:complete", Map.of("provider", "openai-sim", "tools",
                List.of(tool), "messages", List.of(Map.of("role", "user", "content", "Where is order 42?"),
                        Map.of("role", "assistant", "toolCalls", List.of(Map.of("id", "c1", "name", "lookup_order",
                                "arguments", Map.of("order", "42")))),
                        Map.of("role", "tool", "toolCallId", "c1", "content", "shipped yesterday"))), Map.of()));

        // then
        assertThat(called.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("lookup_order");
            assertThat(call.arguments()).isEqualTo("{\"order\":\"42\"}");
        });
        assertThat(answered.answer()).contains("shipped yesterday");
        assertThat(simulator().calls("openai-sim").get(1).request().roles()).containsExactly("user", "assistant", "tool");
    }

    @Test
    void should_answer_a_bad_header_or_body_with_a_400_result_naming_the_field() {
        // when
        Exchange badHeader = send("direct:consensus", PARIS, Map.of(QuorumConstants.MIN_AGREEMENT, "most"));
        Exchange unknownMember = send("direct:consensus", PARIS, Map.of(QuorumConstants.PANEL, "openai-sim,nobody"));
        Exchange otherMode = send("direct:consensus", "{\"prompt\":\"hi\",\"mode\":\"single\"}", Map.of());

        // then: results, not exceptions
        assertThat(result(badHeader).status()).isEqualTo(400);
        assertThat(result(badHeader).error().field()).isEqualTo("minAgreement");
        assertThat(badHeader.getMessage().getHeader(QuorumConstants.ERROR_TYPE)).isEqualTo("invalid_request");
        assertThat(badHeader.getMessage().getHeader(QuorumConstants.ANSWER)).isNull();
        assertThat(result(unknownMember).error().field()).isEqualTo("providers");
        assertThat(result(otherMode).error().field()).isEqualTo("mode");
        assertThat(result(otherMode).error().message()).contains("quorum:complete");
        assertThat(otherMode.getMessage().getHeader(QuorumConstants.STATUS)).isEqualTo(400);
    }

    @Test
    void should_fail_the_exchange_on_a_failed_result_only_when_asked() {
        // when: a request Quorum refuses (failing providers would open their breakers for the other tests)
        Exchange reply = send("direct:throw", PARIS, Map.of(QuorumConstants.PANEL, "openai-sim,nobody"));
        Exchange answered = send("direct:throw", PARIS, Map.of());

        // then
        assertThat(reply.getException()).isInstanceOf(QuorumFailedException.class);
        QuorumFailedException failure = (QuorumFailedException) reply.getException();
        assertThat(failure.getStatus()).isEqualTo(400);
        assertThat(failure.getErrorType()).isEqualTo("invalid_request");
        assertThat(reply.getMessage().getBody(CompletionResult.class).failed()).isTrue();
        assertThat(reply.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(400);
        assertThat(result(answered).status()).isEqualTo(200);
    }

    @Test
    void should_give_the_result_json_by_conversion_or_by_option() throws Exception {
        // when
        Exchange converted = send("direct:convert", PARIS, Map.of());
        Exchange json = send("direct:json", PARIS, Map.of());

        // then
        JsonNode fromConversion = JSON.readTree(converted.getMessage().getBody(String.class));
        assertThat(converted.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(fromConversion.path("provider").asText()).isEqualTo("mistral-sim");
        assertThat(fromConversion.path("answer").asText()).isEqualTo("Paris.");
        assertThat(json.getMessage().getBody()).isInstanceOf(String.class);
        assertThat(JSON.readTree(json.getMessage().getBody(String.class)).path("provider").asText()).isEqualTo("openai-sim");
    }

    @Test
    void should_leave_no_stale_result_header_for_the_next_step() {
        // when: a consensus step, then a single answer on the same exchange
        Exchange reply = send("direct:two-steps", PARIS, Map.of());

        // then: the second step's headers only (a single answer has no agreement)
        assertThat(reply.getVariable("firstLevel", String.class)).isNotBlank();
        assertThat(reply.getMessage().getHeader(QuorumConstants.AGREEMENT_LEVEL)).isNull();
        assertThat(reply.getMessage().getHeader(QuorumConstants.AGREEMENT_RATIO)).isNull();
        assertThat(reply.getMessage().getHeader(QuorumConstants.ANSWERED_BY)).isEqualTo("anthropic-sim");
        assertThat(result(reply).mode()).isEqualTo("single");
    }

    @Test
    void should_branch_on_the_agreement_level_header() {
        // given: the three members agree on one question and split on another
        simulator().script("openai-sim", SimScript.builder().rule("(?i)capital", "Paris.").defaultAnswer("Red.").build());
        simulator().script("gemini-sim", SimScript.builder().rule("(?i)capital", "Paris").defaultAnswer("Blue.").build());
        simulator().script("mistral-sim", SimScript.builder().rule("(?i)capital", "Paris.").defaultAnswer("Green.").build());

        // when
        Exchange agreed = send("direct:triage", PARIS, Map.of());
        Exchange split = send("direct:triage", "Which colour is best?", Map.of());

        // then
        assertThat(agreed.getMessage().getHeader(QuorumConstants.AGREEMENT_LEVEL)).isEqualTo("high");
        assertThat(agreed.getVariable("outcome")).isEqualTo("accepted");
        assertThat(split.getMessage().getHeader(QuorumConstants.AGREEMENT_LEVEL)).isNotEqualTo("high");
        assertThat(split.getVariable("outcome")).isEqualTo("review");
    }

    @Test
    void should_keep_the_callers_exchange_and_the_engines_apart() throws Exception {
        // given: what reaches the engine's intake is recorded
        AdviceWith.adviceWith(context, "intake", route -> route.weaveAddFirst().to("mock:engine-intake"));
        MockEndpoint intake = context.getEndpoint("mock:engine-intake", MockEndpoint.class);
        intake.reset();

        // when: the caller's exchange carries variables the engine trusts from its own triggers, and headers
        Exchange reply = template.request("direct:consensus", exchange -> {
            exchange.getMessage().setBody(PARIS);
            exchange.getMessage().setHeader("X-Callers-Own", "secret");
            exchange.setVariable("keyTenant", "someone-else");
            exchange.setVariable("mode", "single");
        });

        // then: none of it reached the engine, and none of the engine's variables came back
        Exchange seen = intake.getReceivedExchanges().get(0);
        assertThat(seen.getVariables()).doesNotContainKeys("keyTenant", "mode");
        assertThat(seen.getMessage().getHeaders()).doesNotContainKey("X-Callers-Own");
        assertThat(result(reply).mode()).isEqualTo("consensus");
        assertThat(reply.getVariables()).containsOnlyKeys("keyTenant", "mode");
        assertThat(reply.getMessage().getHeader("X-Callers-Own")).isEqualTo("secret");
    }

    @Test
    void should_run_each_kamelet_of_the_jar() throws Exception {
        // when
        Exchange consensus = send("direct:kamelet-consensus", PARIS, Map.of());
        Exchange complete = send("direct:kamelet-complete", PARIS, Map.of());
        Exchange cascade = send("direct:kamelet-cascade", PARIS, Map.of());

        // then: each leaves the result JSON and the result headers
        JsonNode voted = JSON.readTree(consensus.getMessage().getBody(String.class));
        assertThat(voted.path("mode").asText()).isEqualTo("consensus");
        assertThat(voted.path("algorithm").asText()).isEqualTo("weighted");
        assertThat(voted.path("responses")).hasSize(3);
        assertThat(consensus.getMessage().getHeader(QuorumConstants.AGREEMENT_LEVEL)).isNotNull();
        JsonNode single = JSON.readTree(complete.getMessage().getBody(String.class));
        assertThat(single.path("provider").asText()).isEqualTo("gemini-sim");
        assertThat(complete.getMessage().getHeader(QuorumConstants.STATUS, Integer.class)).isEqualTo(200);
        JsonNode cascaded = JSON.readTree(cascade.getMessage().getBody(String.class));
        assertThat(cascaded.path("mode").asText()).isEqualTo("cascade");
        assertThat(cascaded.path("cascade").path("panel")).extracting(JsonNode::asText)
                .containsExactly("openai-sim", "mistral-sim");
        // the complete Kamelet's call came after the consensus Kamelet's, with its maxTokens property
        assertThat(simulator().calls("gemini-sim")).extracting(call -> call.maxTokens()).containsExactly(1024, 64);
    }

    @Test
    void should_fail_a_route_with_an_unknown_option_or_a_bad_value_as_it_starts_naming_it() {
        assertThat(startFailure("quorum:consensus?nosuch=1")).contains("nosuch");
        assertThat(startFailure("quorum:consensus?algorithm=bogus")).contains("algorithm").contains("bogus");
        assertThat(startFailure("quorum:complete?priority=cheapest")).contains("priority").contains("cheapest");
        assertThat(startFailure("quorum:consensus?minAgreement=abc")).contains("minAgreement").contains("abc");
        assertThat(startFailure("quorum:consensus?minAgreement=5")).contains("minAgreement").contains("5");
        assertThat(startFailure("quorum:consensus?timeoutMs=0")).contains("timeoutMs");
        assertThat(startFailure("quorum:complete?task=poetry")).contains("task").contains("poetry");
        assertThat(startFailure("quorum:consensus?panel=openai-sim,nobody")).contains("panel").contains("nobody");
        assertThat(startFailure("quorum:vote")).contains("vote");
    }

    private String startFailure(String uri) {
        String route = """
                - route:
                    id: bad-options
                    from:
                      uri: direct:bad-options
                      steps:
                        - to: "%s"
                """.formatted(uri);
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("bad.camel.yaml", route)));
        try {
            context.getRouteController().stopRoute("bad-options");
            context.removeRoute("bad-options");
        } catch (Exception ignored) {
            // the route never started
        }
        assertThat(failure).as(uri).isInstanceOf(FailedToCreateRouteException.class);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void should_publish_its_options_and_headers_the_camel_way() throws Exception {
        // then: the generated configurer and URI factory are the ones in use, and the component JSON lists both
        assertThat(PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("quorum-endpoint", context))
                .isInstanceOf(QuorumEndpointConfigurer.class);
        assertThat(context.getCamelContextExtension().getEndpointUriFactory("quorum"))
                .isInstanceOf(QuorumEndpointUriFactory.class);
        JsonNode json = JSON.readTree(((CatalogCamelContext) context).getComponentParameterJsonSchema("quorum"));
        assertThat(json.path("component").path("scheme").asText()).isEqualTo("quorum");
        assertThat(json.path("properties").path("algorithm").path("enum")).extracting(JsonNode::asText)
                .containsExactly("majority", "weighted", "semantic", "threshold", "judge", "fusion", "verify", "rank");
        assertThat(json.path("properties").path("minAgreement").path("description").asText()).isNotBlank();
        assertThat(json.path("headers").path(QuorumConstants.AGREEMENT_LEVEL).path("description").asText()).isNotBlank();
        assertThat(json.path("headers").has(QuorumConstants.PANEL)).isTrue();
        // and docs/component.md has a row for every option and header of the JSON
        String doc = Files.readString(java.nio.file.Path.of("docs/component.md"));
        json.path("properties").fieldNames().forEachRemaining(option -> {
            if (!"lazyStartProducer".equals(option)) {
                assertThat(doc).as("docs/component.md, option %s", option).contains("| `" + option + "` |");
            }
        });
        json.path("headers").fieldNames().forEachRemaining(header ->
                assertThat(doc).as("docs/component.md, header %s", header).contains("| `" + header + "` |"));
    }

    @Test
    void should_refuse_to_start_where_the_application_has_a_bean_of_an_engine_name() throws Exception {
        // given: another application, whose own bean is called "results"
        try (var other = new org.apache.camel.impl.DefaultCamelContext()) {
            other.getRegistry().bind("results", "the application's own");
            other.getPropertiesComponent().setOverrideProperties(hostSettings());
            other.start();

            // when / then
            assertThatThrownBy(() -> other.getEndpoint("quorum:complete"))
                    .hasStackTraceContaining("beans named [results]");
            assertThat(other.getRegistry().lookupByName("results")).isEqualTo("the application's own");
        }
    }

    @Test
    void should_bind_no_bean_beyond_its_reserved_names_and_its_providers() {
        // then: every bean the engine bound is reserved (refused where the application has one) or per provider
        java.util.Set<String> bound = context.getRegistry().findByTypeWithName(Object.class).keySet();
        List<String> unexpected = bound.stream()
                .filter(name -> !QuorumEngine.RESERVED.contains(name))
                .filter(name -> !name.contains("."))    // <bean>.<method> steps of a reserved bean
                .filter(name -> !name.matches(".*-sim(ChatModel|StreamingChatModel|CircuitBreaker|PanelThreads)"))
                .filter(name -> !name.matches("provider-.*-health-check"))
                .filter(name -> !name.equals("metricsRegistry"))
                .filter(name -> !name.endsWith("-variable-repository"))    // Camel's own
                .filter(name -> !name.startsWith("llm-") && !name.startsWith("host-"))
                .toList();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void should_log_no_secret_setting_of_the_engine_at_start() {
        // then: Camel Main's summary of the settings used names them, masked
        List<String> lines = startLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.contains("quorum.ledger.jdbc-password = xxxxxx"));
        assertThat(lines).noneMatch(line -> line.contains(DB_PASSWORD) || line.contains(CALLER_KEY));
    }

    @Test
    void should_send_a_ready_request_in_the_steps_mode() {
        // when: a Java caller's request that names the step's mode
        CompletionResult result = result(send("direct:cascade", new CompletionRequest(null, PARIS, null, Mode.CASCADE,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), Map.of()));

        // then
        assertThat(result.mode()).isEqualTo("cascade");
    }
}
