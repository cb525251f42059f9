package dev.quorum.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.quorum.LiveRoutes;
import dev.quorum.QuorumTestSupport;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.sim.SimScript;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Editing a route template while Quorum runs re-creates the routes made from it, on a temporary copy of
 * {@code routes/} with live reload: a step added to {@code provider-route} (routes/engine/providers.camel.yaml, whose
 * other templates' routes are made again with it) or to {@code panel-member} (routes/engine/consensus.camel.yaml) is
 * passed by every provider's route, logged with the number of routes rebuilt, and requests arriving or in flight
 * meanwhile are all answered, without a stop giving up on the calls in flight (Camel's plain route stop does, under
 * steady traffic). A template that cannot make a route leaves the routes of every template in its file as they were.
 * Each test edits the original files, so they do not depend on each other's order.
 */
class RouteTemplateReloadTest extends QuorumTestSupport {

    private static final String PROMPT = "What is the capital of France?";

    private final LiveRoutes routes = LiveRoutes.copy();
    private final Queue<String> reloadLog = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            reloadLog.add(event.getLevel() + " " + event.getFormattedMessage());
        }
    };
    private final ExecutorService clients = Executors.newFixedThreadPool(3);

    @Override
    protected Map<String, String> overrides() {
        return routes.settings();
    }

    @BeforeAll
    void captureLog() {
        capture.start();
        reloadLogger().addAppender(capture);
        shutdownLogger().addAppender(capture);
    }

    @AfterAll
    void cleanUp() throws IOException {
        reloadLogger().detachAppender(capture);
        shutdownLogger().detachAppender(capture);
        clients.shutdownNow();
        routes.delete();
    }

    @Test
    void should_rebuild_every_provider_route_when_the_provider_template_is_edited() throws Exception {
        // given: callers asking a provider that takes 150 ms, without pause, before, during and after the edit
        simulator().script("mistral-sim", SimScript.builder().latencyMs(150).build());
        int providers = catalog().enabled().size();
        Path file = routes.resolve(where("providers.camel.yaml"));
        String edited = providersWithEditedEntry();
        assertThat(edited).isNotEqualTo(original("providers.camel.yaml"));
        AtomicBoolean asking = new AtomicBoolean(true);
        List<CompletableFuture<List<HttpResponse<String>>>> callers = callers(asking, "/api/v1/complete",
                request(Map.of("prompt", PROMPT, "provider", "mistral-sim")));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().calls("mistral-sim").size() >= 3);

        // when: written beside and moved into place, as an editor's atomic save does
        LiveRoutes.replace(file, edited);

        // then: logged with the count, every provider's route passes the new step, and a call went through it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                reloadLog.contains("INFO Route template provider-route changed: rebuilt " + providers
                        + " routes made from it (" + String.join(", ", providerRoutes()) + ")"));
        for (String id : catalog().enabled().stream().map(spec -> spec.id()).toList()) {
            assertThat(hasStep("provider-" + id, "edited-" + id)).as(id).isTrue();
        }
        // the file's other templates (limits, call, settle) were loaded again too: their routes are made again as well
        for (String template : List.of("provider-limits", "provider-call", "provider-settle")) {
            assertThat(reloadLog).contains("INFO Route template " + template + " changed: rebuilt " + providers
                    + " routes made from it (" + String.join(", ", providerRoutes(template + "-")) + ")");
        }
        MockEndpoint passed = context.getEndpoint("mock:edited-mistral-sim", MockEndpoint.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> passed.getReceivedCounter() >= 3);
        asking.set(false);
        // the callers asked all along: some were answered by the old route, the rest by the new one, none failed,
        // and no stop had to give up waiting for calls in flight
        List<HttpResponse<String>> answers = answers(callers);
        assertThat(reloadLog).noneMatch(line -> line.contains("Timeout occurred during graceful shutdown"));
        assertThat(answers).hasSizeGreaterThan(passed.getReceivedCounter());
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json(answer).path("provider").asText()).isEqualTo("mistral-sim");
        });
    }

    @Test
    void should_rebuild_every_panel_member_route_when_the_panel_member_template_is_edited() throws Exception {
        // given
        int providers = catalog().enabled().size();
        Path file = routes.resolve(where("consensus.camel.yaml"));
        String edited = original("consensus.camel.yaml").replace("""
                        - to:
                            id: "member-{{providerId}}"
                """, """
                        - to:
                            id: "edited-member-{{providerId}}"
                            uri: "mock:edited-member-{{providerId}}"
                        - to:
                            id: "member-{{providerId}}"
                """);
        assertThat(edited).isNotEqualTo(original("consensus.camel.yaml"));

        // when
        LiveRoutes.replace(file, edited);

        // then: a panel with its own time-out (through the panel-member routes) passes the new step
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                reloadLog.stream().anyMatch(line ->
                        line.startsWith("INFO Route template panel-member changed: rebuilt " + providers + " routes")));
        String consensus = request(Map.of("prompt", PROMPT, "providers", List.of("openai-sim", "gemini-sim"),
                "timeoutMs", 5000));
        HttpResponse<String> answer = post("/api/v1/consensus", consensus);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(context.getEndpoint("mock:edited-member-openai-sim", MockEndpoint.class).getReceivedCounter())
                .isEqualTo(1);
        assertThat(hasStep("panel-gemini-sim", "edited-member-gemini-sim")).isTrue();
    }

    @Test
    void should_keep_the_routes_as_they_were_when_the_edited_template_cannot_make_a_route() throws Exception {
        // given: the file's templates call each other, so they change together: a good edit of the entry's template
        // and, in the settle template, a step naming a processor that does not exist
        Path file = routes.resolve(where("providers.camel.yaml"));
        String broken = providersWithEditedEntry().replace("""
                        - process:
                            description: actual cost replaces the reservation (released on failure); ledger row; alerts
                            ref: budgetGate.settle
                """, """
                        - process:
                            id: "broken-{{providerId}}"
                            ref: noSuchProcessor
                        - process:
                            description: actual cost replaces the reservation (released on failure); ledger row; alerts
                            ref: budgetGate.settle
                """);
        assertThat(broken).contains("edited-{{providerId}}", "broken-{{providerId}}");
        // callers of the provider whose settle route the new template fails on first (the routes are rebuilt by id):
        // its entry, limits and call routes are made from the new templates, its settle route is taken away and
        // cannot be made again, and then all of them are made from the previous templates
        String first = providerRoutes("provider-").get(0).substring("provider-".length());
        AtomicBoolean asking = new AtomicBoolean(true);
        List<CompletableFuture<List<HttpResponse<String>>>> callers = callers(asking, "/api/v1/complete",
                request(Map.of("prompt", PROMPT, "provider", first)));
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator().calls(first).size() >= 3);

        // when
        LiveRoutes.replace(file, broken);

        // then: the error is logged, every route is made again from the previous templates, and calls answered
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                reloadLog.stream().anyMatch(line -> line.startsWith("ERROR Route template provider-settle changed but "
                        + "route provider-settle-" + first + " cannot be made from it, so the previous template stays "
                        + "(and so do the templates reloaded with it: provider-route, provider-limits, provider-call)")));
        asking.set(false);
        List<String> everyRoute = new ArrayList<>();
        for (String prefix : List.of("provider-", "provider-limits-", "provider-call-", "provider-settle-")) {
            everyRoute.addAll(providerRoutes(prefix));
        }
        for (String routeId : everyRoute) {
            assertThat(context.getRouteController().getRouteStatus(routeId).isStarted()).as(routeId).isTrue();
            assertThat(context.getRoute(routeId).filter("*broken-*")).as(routeId).isEmpty();
            assertThat(context.getRoute(routeId).filter("*edited-*")).as(routeId).isEmpty();
        }
        assertThat(answers(callers)).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(post("/api/v1/complete", request(Map.of("prompt", PROMPT, "provider", first))).statusCode())
                .isEqualTo(200);
        // and no route was stopped with calls still in it: calls waiting for the route that could not be made are in
        // flight in the routes that called it, so that route comes back first (the other way round, the callers' routes
        // waited out the shutdown timeout and were stopped under the calls, which then failed when they went on)
        assertThat(reloadLog).noneMatch(line -> line.contains("exchanges in flight after"));
    }

    /** Three callers sending the request one after another until {@code asking} turns false; their answers. */
    private List<CompletableFuture<List<HttpResponse<String>>>> callers(AtomicBoolean asking, String path, String body) {
        List<CompletableFuture<List<HttpResponse<String>>>> callers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                List<HttpResponse<String>> answers = new ArrayList<>();
                while (asking.get()) {
                    answers.add(post(path, body));
                }
                return answers;
            }, clients));
        }
        return callers;
    }

    private static List<HttpResponse<String>> answers(List<CompletableFuture<List<HttpResponse<String>>>> callers) {
        return callers.stream().flatMap(caller -> caller.join().stream()).toList();
    }

    private List<String> providerRoutes() {
        return providerRoutes("provider-");
    }

    /** The ids of the routes made from one provider template for every provider: the prefix and the provider id. */
    private List<String> providerRoutes(String prefix) {
        return catalog().enabled().stream().map(spec -> prefix + spec.id()).sorted().toList();
    }

    private ProviderCatalog catalog() {
        return context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
    }

    /** providers.camel.yaml with one step added to the entry template: a mock endpoint with id edited-<provider>. */
    private static String providersWithEditedEntry() throws IOException {
        return original("providers.camel.yaml").replace("""
                        - setVariable:
                            name: provider
                            constant: "{{providerId}}"
                """, """
                        - setVariable:
                            name: provider
                            constant: "{{providerId}}"
                        - to:
                            id: "edited-{{providerId}}"
                            uri: "mock:edited-{{providerId}}"
                """);
    }

    private static String original(String file) throws IOException {
        return Files.readString(Path.of("routes").resolve(where(file)));
    }

    /** Where in routes/ the file is (it may move into a sub-folder). */
    private static String where(String file) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            return files.filter(path -> path.getFileName().toString().equals(file)).findFirst()
                    .map(path -> Path.of("routes").relativize(path).toString())
                    .orElseThrow(() -> new IllegalStateException(file + " is not in routes/"));
        }
    }

    private static Logger reloadLogger() {
        return (Logger) LoggerFactory.getLogger(RouteTemplateReload.class);
    }

    /** Camel's graceful stop, which says when it gave up waiting for the calls in flight and cut them off. */
    private static Logger shutdownLogger() {
        return (Logger) LoggerFactory.getLogger("org.apache.camel.impl.engine.DefaultShutdownStrategy");
    }
}
