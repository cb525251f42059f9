package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.quorum.QuorumTestSupport;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.Intake;
import dev.quorum.api.ProviderResponse;
import dev.quorum.http.QuorumHttpServer;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import dev.quorum.sim.SimScript;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every log line of a request carries its request id, and a provider key never reaches the log: a real-kind provider
 * ({@code openai}) is configured with a known fake key and pointed at the simulator, and its request is logged at
 * debug level (Quorum and Camel) with every line captured.
 */
class RequestLogTest extends QuorumTestSupport {

    private static final String FAKE_KEY = "sk-quorum-test-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private final int simulatorPort = freePort();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levels = new HashMap<>();

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>();
        settings.put("quorum.simulator.enabled", "true");
        settings.put("quorum.simulator.port", String.valueOf(simulatorPort));
        settings.put("quorum.provider.openai.api-key", FAKE_KEY);
        settings.put("quorum.provider.openai.base-url", "http://127.0.0.1:" + simulatorPort + "/openai/openai/v1");
        settings.put("quorum.routing.retry.openai.initial-delay-ms", "10");
        return settings;
    }

    @BeforeEach
    void captureLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("dev.quorum", "org.apache.camel", "dev.langchain4j")) {
            Logger logger = logging.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        captured.list.clear();
        captured.setContext(logging);
        captured.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void restoreLogs() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    }

    @Test
    void should_carry_the_request_id_past_a_parallel_panel_and_leave_none_behind() {
        // given a consensus request: its panel finishes on a panel thread, which carries the request on
        HttpResponse<String> consensus = post("/api/v1/complete",
                request(Map.of("id", "req-log-test-panel", "prompt", "Agree on something", "mode", "consensus",
                        "providers", List.of("anthropic-sim", "gemini-sim", "mistral-sim"))));
        assertThat(consensus.statusCode()).as(consensus.body()).isEqualTo(200);

        // when the worker pool serves more requests (usually on the most recently idle worker, the one that took the
        // first; which one is up to the pool, and RecentlyIdleExecutorTest checks the pool clears a task's context)
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/providers").statusCode()).isEqualTo(200);
        }

        // then the end of the consensus request logged with its id, on another thread than its start
        List<ILoggingEvent> events = List.copyOf(captured.list);
        ILoggingEvent accepted = single(events, "Request accepted");
        ILoggingEvent answered = single(events, "Request answered");
        assertThat(answered.getThreadName()).isNotEqualTo(accepted.getThreadName());
        assertThat(answered.getMDCPropertyMap()).containsEntry(RequestLog.MDC_KEY, "req-log-test-panel");
        // and no worker logged the later requests under its id
        List<ILoggingEvent> laterOnWorkers = events.subList(events.indexOf(answered), events.size()).stream()
                .filter(e -> e.getThreadName().startsWith("vert.x-worker-thread-"))
                .toList();
        assertThat(laterOnWorkers).isNotEmpty();
        assertThat(laterOnWorkers).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .as("MDC of: %s", e.getFormattedMessage()).doesNotContainKey(RequestLog.MDC_KEY));
    }

    @Test
    void should_serve_requests_on_worker_threads_that_start_each_task_with_an_empty_logging_context() throws Exception {
        // given the Vert.x instance Quorum's HTTP server made, whose worker pool serves the requests
        Vertx vertx = context.hasService(QuorumHttpServer.class).getVertx();

        // when a task leaves a request id behind (as a worker that handed a request to a parallel panel does)
        String left = vertx.executeBlocking(() -> {
            MDC.put(RequestLog.MDC_KEY, "req-log-test-left");
            return Thread.currentThread().getName();
        }, false).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(left) && (t.getState() == Thread.State.TIMED_WAITING
                        || t.getState() == Thread.State.WAITING)));
        String[] next = vertx.executeBlocking(() -> new String[] {Thread.currentThread().getName(),
                MDC.get(RequestLog.MDC_KEY)}, false).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        // then the next task runs on the same, most recently idle, thread (RecentlyIdleExecutor) with no id left
        assertThat(next[0]).isEqualTo(left);
        assertThat(next[1]).isNull();
    }

    @Test
    void should_carry_the_request_id_on_every_line_of_a_request_and_never_the_key() {
        // given: the first call fails with a 500, so the request also logs its retry
        simulator().script("openai", SimScript.builder().failNext(1).errorStatus(500).defaultAnswer("logged").build());

        // when
        HttpResponse<String> response = post("/api/v1/complete",
                request(Map.of("id", "req-log-test-1", "prompt", "Say something worth logging", "provider", "openai")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("answer").asText()).isEqualTo("logged");
        assertThat(simulator().calls("openai")).hasSize(2);
        List<ILoggingEvent> events = List.copyOf(captured.list);
        ILoggingEvent accepted = single(events, "Request accepted");
        ILoggingEvent answered = single(events, "Request answered");
        List<ILoggingEvent> ofRequest = events.subList(events.indexOf(accepted), events.indexOf(answered) + 1).stream()
                .filter(e -> e.getThreadName().equals(accepted.getThreadName()))
                .toList();
        assertThat(ofRequest).hasSizeGreaterThan(2);
        assertThat(ofRequest).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .as("MDC of: %s", e.getFormattedMessage()).containsEntry(RequestLog.MDC_KEY, "req-log-test-1"));
        assertThat(events).noneSatisfy(e -> assertThat(text(e)).contains(FAKE_KEY));
        assertThat(events).noneSatisfy(e -> assertThat(text(e)).contains(FAKE_KEY.substring(10)));
    }

    @Test
    void should_leave_no_request_id_on_the_thread_after_the_request() {
        // when: a request through direct:intake on this very thread
        Object result = template.requestBody("direct:intake",
                "{\"id\":\"req-log-test-2\",\"prompt\":\"one\",\"provider\":\"openai-sim\"}".getBytes());

        // then: its lines carried the id on this thread, and the thread has none left
        assertThat(result).isInstanceOfSatisfying(CompletionResult.class, r -> assertThat(r.error()).isNull());
        ILoggingEvent accepted = single(List.copyOf(captured.list), "Request accepted");
        assertThat(accepted.getThreadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(accepted.getMDCPropertyMap()).containsEntry(RequestLog.MDC_KEY, "req-log-test-2");
        assertThat(MDC.get(RequestLog.MDC_KEY)).isNull();
    }

    @Test
    void should_carry_the_request_id_in_a_provider_route_on_another_thread_and_give_the_thread_back_its_own() throws Exception {
        // given: a parsed request, and a pool thread that is serving another request (as a consensus panel's would)
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("{\"id\":\"req-log-test-3\",\"prompt\":\"panel call\"}".getBytes());
        context.getRegistry().lookupByNameAndType("intake", Intake.class).accept(exchange);
        ExecutorService pool = Executors.newSingleThreadExecutor();

        try {
            // when: the provider route runs on the pool thread
            Map<String, String> mdcAfter = pool.submit(() -> {
                MDC.put(RequestLog.MDC_KEY, "other-request");
                template.send("direct:provider-openai-sim", exchange);
                return MDC.getCopyOfContextMap();
            }).get(30, TimeUnit.SECONDS);

            // then: the route's lines on that thread carried this request's id, and the thread has its own back
            assertThat(exchange.getMessage().getBody(ProviderResponse.class).failed()).isFalse();
            // (the caller's own lines about its producer for direct:provider-openai-sim come before the route)
            List<ILoggingEvent> routeLines = captured.list.stream()
                    .filter(e -> e.getThreadName().startsWith("pool-"))
                    .filter(e -> !e.getFormattedMessage().contains("direct://provider-openai-sim"))
                    .toList();
            assertThat(routeLines).as("lines of the provider route").isNotEmpty();
            assertThat(routeLines).allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(RequestLog.MDC_KEY, "req-log-test-3"));
            assertThat(mdcAfter).containsEntry(RequestLog.MDC_KEY, "other-request");
        } finally {
            pool.shutdownNow();
        }
    }

    private static ILoggingEvent single(List<ILoggingEvent> events, String message) {
        List<ILoggingEvent> found = events.stream().filter(e -> e.getFormattedMessage().startsWith(message)).toList();
        assertThat(found).as("log lines starting with '%s'", message).hasSize(1);
        return found.get(0);
    }

    private static String text(ILoggingEvent event) {
        String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + throwable;
    }
}
