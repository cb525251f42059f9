package dev.quorum.observe;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ProviderResponse;
import dev.quorum.budget.RecentErrors;
import dev.quorum.budget.VoteLedger;
import dev.quorum.camel.RequestConstants;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;

/**
 * Quorum's own meters, in the registry that {@code /observe/metrics} scrapes: provider calls by provider, model and
 * outcome, provider latency, tokens, cost, requests by mode and outcome, fallbacks taken, circuit breaker state, and
 * what other features report through {@link #recordAgreement} (consensus) and {@link #budget} (budgets).
 * <p>
 * Recording is on the request path, so every meter a request touches is registered up front per provider and found
 * with one map lookup by provider id; only a model name a provider reports that differs from its configured one, an
 * error outcome first seen, or a fallback pair first taken registers a meter, once. Gauges (breaker state, budgets)
 * are read when Prometheus scrapes, not when requests pass.
 */
public final class QuorumMetrics {

    /** Outcome tag of a call or request that was answered. */
    public static final String OK = "ok";

    /** Agreement buckets of the histogram: upper bounds of tenths, 0.1 … 1.0. */
    static final double[] AGREEMENT_BOUNDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    /**
     * Fixed latency buckets: p50/p95/p99 come from {@code histogram_quantile} over them. Fixed buckets, not client-side
     * percentiles, because they cost a binary search per call and aggregate across instances.
     */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(1500),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMillis(7500),
            Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final Map<String, ProviderMeters> providers;
    private final Map<String, Map<String, Counter>> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> agreements = new ConcurrentHashMap<>();
    private final Map<String, BudgetGauges> budgets = new ConcurrentHashMap<>();
    private final VoteLedger votes;
    private final RecentErrors errors;
    private final CallWindows calls;

    /**
     * @param registry  the Prometheus registry Camel's metrics service scrapes
     * @param providers the enabled providers' ids with their configured model names
     * @param breakers  each provider's circuit breaker (the beans {@code <id>CircuitBreaker}); may miss providers
     */
    public QuorumMetrics(MeterRegistry registry, Map<String, String> providers, Map<String, CircuitBreaker> breakers) {
        this(registry, providers, breakers, null, null, null);
    }

    /**
     * As above, also handing each consensus or cascade result's vote to {@code votes} (the ledger the dashboard's
     * agreement chart reads), each failed call's message to {@code errors} and each call's outcome and latency to
     * {@code calls} (the provider alerts' windows); any may be null.
     */
    public QuorumMetrics(MeterRegistry registry, Map<String, String> providers, Map<String, CircuitBreaker> breakers,
                         VoteLedger votes, RecentErrors errors, CallWindows calls) {
        this.registry = registry;
        this.votes = votes;
        this.errors = errors;
        this.calls = calls;
        Map<String, ProviderMeters> meters = new LinkedHashMap<>();
        providers.forEach((id, model) -> meters.put(id, new ProviderMeters(id, model)));
        this.providers = Map.copyOf(meters);
        breakers.forEach(this::registerBreaker);
        for (String mode : List.of("single", "consensus", "cascade")) {
            requestCounter(mode, OK);
        }
    }

    /** Route step at the end of a provider route: counts the call, its latency, tokens and cost. */
    public void providerCall(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        if (response != null) {
            count(response);
            if (response.failed() && errors != null) {
                CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
                if (request != null) {
                    errors.remember(request.id(), response.provider(), response.error().message());
                }
            }
        }
    }

    /**
     * Counts one provider call from its response. (Not an overload of {@link #providerCall(Exchange)}: a route's bean
     * step naming a method with overloads makes Camel choose among them on every call.)
     */
    private void count(ProviderResponse response) {
        ProviderMeters provider = providers.get(response.provider());
        if (provider == null) {
            return;
        }
        if (calls != null) {
            calls.record(response, System.currentTimeMillis());
        }
        ModelMeters model = provider.model(response.model());
        if (response.failed()) {
            model.outcome(response.error().type()).increment();
            // an open breaker answers without calling: no provider latency to record
            if (response.latencyMs() > 0) {
                model.latency.record(response.latencyMs(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        model.ok.increment();
        model.latency.record(response.latencyMs(), TimeUnit.MILLISECONDS);
        if (response.inputTokens() != null) {
            model.inputTokens.increment(response.inputTokens());
        }
        if (response.outputTokens() != null) {
            model.outputTokens.increment(response.outputTokens());
        }
        if (response.costUsd() != null) {
            model.cost.increment(response.costUsd());
        }
    }

    /** Route step at the end of {@code direct:intake}: counts the request by mode and outcome, and its fallbacks. */
    public void request(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof CompletionResult result) {
            count(result);
            if (votes != null && (result.agreement() != null || result.cascade() != null)) {
                CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
                votes.record(result, request == null ? null : request.tenant());
            }
        }
    }

    /** Counts one answered request and the fallbacks it took (not an overload of {@link #request(Exchange)}). */
    private void count(CompletionResult result) {
        String mode = result.mode() == null ? "unknown" : result.mode();
        requestCounter(mode, result.error() == null ? OK : result.error().type()).increment();
        if (result.agreement() != null) {
            recordAgreement(result.algorithm(), result.agreement().ratio());
        }
        List<ProviderResponse> responses = result.responses();
        if ("single".equals(mode) && responses != null && responses.size() > 1) {
            for (int i = 1; i < responses.size(); i++) {
                fallback(responses.get(i - 1).provider(), responses.get(i).provider()).increment();
            }
        }
    }

    /**
     * Records the agreement ratio (0..1) of one consensus vote by the algorithm that voted in the histogram
     * {@code quorum_consensus_agreement_percent} (in percent). The dashboard's distribution is read from the votes in
     * the usage database instead ({@link VoteLedger}), which survive a restart.
     */
    public void recordAgreement(String algorithm, double ratio) {
        String name = algorithm == null || algorithm.isBlank() ? "unknown" : algorithm;
        double clamped = Math.max(0, Math.min(1, ratio));
        // whole percent: the summary would round 80.00000000000001 up to 81
        agreements.computeIfAbsent(name, this::newAgreement).record(Math.round(clamped * 100));
    }

    /** Sets a budget's gauges: USD spent, its limit and what remains (never below 0). */
    public void budget(String name, double spentUsd, double limitUsd) {
        BudgetGauges gauges = budgets.computeIfAbsent(name, this::newBudget);
        gauges.spent = spentUsd;
        gauges.limit = limitUsd;
    }

    /**
     * Route step of the {@code budget-gauges} timer: sets the gauges of every budget window from the usage report's
     * budgets (maps with {@code name}, {@code key}, {@code spentUsd}, {@code limitUsd}); a per-tenant or per-provider
     * budget is labelled {@code <name>:<key>}.
     */
    public void budgets(List<Map<String, Object>> budgets) {
        for (Map<String, Object> budget : budgets) {
            Object key = budget.get("key");
            String label = key == null ? String.valueOf(budget.get("name")) : budget.get("name") + ":" + key;
            budget(label, ((Number) budget.get("spentUsd")).doubleValue(), ((Number) budget.get("limitUsd")).doubleValue());
        }
    }

    private Counter requestCounter(String mode, String outcome) {
        return requests.computeIfAbsent(mode, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Counter.builder("quorum.requests")
                        .description("Requests answered, by mode and outcome (ok or the error type)")
                        .tags("mode", mode, "outcome", o).register(registry));
    }

    private Counter fallback(String from, String to) {
        return fallbacks.computeIfAbsent(from + '\u0000' + to, key -> Counter.builder("quorum.fallbacks")
                .description("Fallbacks taken: a provider failed and the next ranked provider was tried")
                .tags("from", from, "to", to).register(registry));
    }

    private void registerBreaker(String provider, CircuitBreaker breaker) {
        for (CircuitBreaker.State state : List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
                CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.FORCED_OPEN, CircuitBreaker.State.DISABLED)) {
            Gauge.builder("quorum.circuit.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the state the provider's circuit breaker is in, 0 for the others")
                    .tags("provider", provider, "state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Gauge.builder("quorum.circuit.breaker.failure.rate", breaker, b -> Math.max(0, b.getMetrics().getFailureRate()))
                .description("Failure rate in percent over the breaker's window (0 until enough calls)")
                .tags("provider", provider).register(registry);
    }

    private DistributionSummary newAgreement(String algorithm) {
        // in percent: Micrometer rounds a summary's values up to whole numbers before it buckets them
        double[] percentBounds = new double[AGREEMENT_BOUNDS.length];
        for (int i = 0; i < percentBounds.length; i++) {
            percentBounds[i] = Math.round(AGREEMENT_BOUNDS[i] * 100);
        }
        return DistributionSummary.builder("quorum.consensus.agreement.percent")
                .description("Share of the panel that agreed with the consensus answer, per vote, in percent")
                .tags("algorithm", algorithm)
                .serviceLevelObjectives(percentBounds)
                .register(registry);
    }

    private BudgetGauges newBudget(String name) {
        BudgetGauges gauges = new BudgetGauges();
        Gauge.builder("quorum.budget.spent.usd", gauges, g -> g.spent)
                .description("USD spent in the budget's current period").tags("budget", name).register(registry);
        Gauge.builder("quorum.budget.limit.usd", gauges, g -> g.limit)
                .description("The budget's limit in USD per period").tags("budget", name).register(registry);
        Gauge.builder("quorum.budget.remaining.usd", gauges, g -> Math.max(0, g.limit - g.spent))
                .description("USD left in the budget's current period").tags("budget", name).register(registry);
        return gauges;
    }

    /** Meters of one provider: those of its configured model, and of any other model name it reports. */
    private final class ProviderMeters {

        private final String provider;
        private final String configuredModel;
        private final ModelMeters configured;
        private final Map<String, ModelMeters> others = new ConcurrentHashMap<>();

        ProviderMeters(String provider, String model) {
            this.provider = provider;
            this.configuredModel = model == null ? "unknown" : model;
            this.configured = new ModelMeters(provider, configuredModel);
        }

        ModelMeters model(String model) {
            if (model == null || model.equals(configuredModel)) {
                return configured;
            }
            return others.computeIfAbsent(model, m -> new ModelMeters(provider, m));
        }
    }

    /** The meters of one provider and model, registered once. */
    private final class ModelMeters {

        private final String provider;
        private final String model;
        final Counter ok;
        final Timer latency;
        final Counter inputTokens;
        final Counter outputTokens;
        final Counter cost;
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        ModelMeters(String provider, String model) {
            this.provider = provider;
            this.model = model;
            this.ok = outcomeCounter(OK);
            this.latency = Timer.builder("quorum.provider.latency")
                    .description("Provider call latency, answered or failed (calls cut short by an open breaker excluded)")
                    .tags("provider", provider, "model", model)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            this.inputTokens = tokens("input");
            this.outputTokens = tokens("output");
            this.cost = Counter.builder("quorum.provider.cost.usd")
                    .description("USD spent at the provider, priced from the reported usage")
                    .tags("provider", provider, "model", model).register(registry);
        }

        Counter outcome(String outcome) {
            return errors.computeIfAbsent(outcome, this::outcomeCounter);
        }

        private Counter outcomeCounter(String outcome) {
            return Counter.builder("quorum.provider.requests")
                    .description("Provider calls by provider, model and outcome (ok or the error type)")
                    .tags("provider", provider, "model", model, "outcome", outcome).register(registry);
        }

        private Counter tokens(String direction) {
            return Counter.builder("quorum.provider.tokens")
                    .description("Tokens the provider reported, input (prompt) or output (completion)")
                    .tags("provider", provider, "model", model, "direction", direction).register(registry);
        }
    }

    /** The latest numbers a budget reported, read by its gauges at scrape time. */
    private static final class BudgetGauges {
        volatile double spent;
        volatile double limit;
    }
}
