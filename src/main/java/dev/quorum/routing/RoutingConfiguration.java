package dev.quorum.routing;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.secrets.Secrets;
import dev.quorum.api.CompletionRequest;
import dev.quorum.budget.ModelPrice;
import dev.quorum.budget.PriceTable;
import dev.quorum.camel.Steps;
import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the routing beans from {@code quorum.routing.*} after {@code QuorumConfiguration} has bound the provider
 * catalog: one Resilience4j circuit breaker per enabled provider ({@code <id>CircuitBreaker}, used by the provider
 * route's {@code circuitBreaker} EIP), the provider health and its health checks, the health probes
 * ({@code quorum.health.probe.*}), the retry policy, the task
 * classifier (with the semantic router, loaded only when enabled), the provider ranker and the fallback chain.
 */
public final class RoutingConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties raw = properties.loadProperties(key -> key.startsWith(RoutingSettings.PREFIX)
                || key.equals("quorum.default-provider"));
        Map<String, String> resolved = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            properties.resolveProperty(key).ifPresent(value -> resolved.put(key, value));
        }
        RoutingSettings settings = new RoutingSettings(resolved);
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);

        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        Map<String, Long> assumedLatency = new HashMap<>();
        Map<String, RetryPolicy.Settings> retries = new HashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            CircuitBreaker breaker = CircuitBreaker.of("provider-" + spec.id(), breakerConfig(settings, spec.id()));
            breakers.put(spec.id(), breaker);
            registry.bind(spec.id() + "CircuitBreaker", breaker);
            assumedLatency.put(spec.id(), (long) settings.providerNumber("latency", spec.id(), "assumed-ms", 1000));
            retries.put(spec.id(), retrySettings(settings, spec.id()));
        }
        ProviderHealth health = new ProviderHealth(breakers, assumedLatency);
        Secrets secrets = registry.lookupByNameAndType("secrets", Secrets.class);
        for (ProviderSpec spec : catalog.enabled()) {
            registry.bind("provider-" + spec.id() + "-health-check", new ProviderHealthCheck(spec.id(), health,
                    secrets == null ? Secrets.of(java.util.List.of()) : secrets));
        }

        Steps.bind(registry, "providerHealth", health)
                .step("observe", health::observe);
        HealthProbe probe = new HealthProbe(catalog, health, probeSettings(properties, catalog),
                id -> free(registry, id), Clock.systemUTC());
        Steps.bind(registry, "healthProbe", probe)
                .toBody("due", probe::due)
                .step("prepare", probe::prepare)
                .step("result", probe::result);
        RetryPolicy retryPolicy = new RetryPolicy(retries, retrySettings(settings, null), health);
        Steps.bind(registry, "retryPolicy", retryPolicy)
                .step("start", retryPolicy::start)
                .step("decide", retryPolicy::decide);
        TaskClassifier classifier = classifier(settings, registry);
        Steps.bind(registry, "taskClassifier", classifier)
                .step("classify", classifier::classify);
        ProviderRanker ranker = new ProviderRanker(catalog, health, tiers(settings),
                new ProviderRanker.Weights(settings.number("weights.quality", 0.5), settings.number("weights.cost", 0.3),
                        settings.number("weights.latency", 0.2)),
                (int) settings.number("assumed-output-tokens", 512), (int) settings.number("max-fallbacks", 2),
                blankToNull(resolved.get("quorum.default-provider")));
        Steps.bind(registry, "providerRanker", ranker)
                .step("pinned", ranker::pinned)
                .step("split", ranker::split)
                .step("cost", ranker::cost)
                .step("quality", ranker::quality)
                .step("latency", ranker::latency)
                .step("balanced", ranker::balanced)
                .step("tier", ranker::tier);
        // the same context-window estimate for consensus and cascade panels and the judge (ConsensusPanel)
        registry.bind("contextWindows", new ContextWindows((int) settings.number("assumed-output-tokens", 512)));
        FallbackChain fallbackChain = new FallbackChain();
        Steps.bind(registry, "fallbackChain", fallbackChain)
                .step("next", fallbackChain::next)
                .step("record", fallbackChain::record)
                .toBody("result", fallbackChain::result);
        SingleChoices singleChoices = new SingleChoices();
        Steps.bind(registry, "singleChoices", singleChoices).toBody("result", singleChoices::result);
    }

    /** {@code quorum.health.probe.*}: enabled (auto, true, false), per provider {@code <id>.enabled}, the timings. */
    static HealthProbe.Settings probeSettings(PropertiesComponent properties, ProviderCatalog catalog) {
        String prefix = "quorum.health.probe.";
        String enabled = properties.resolveProperty(prefix + "enabled").map(String::trim)
                .map(v -> v.toLowerCase(java.util.Locale.ROOT)).filter(v -> !v.isEmpty()).orElse("auto");
        if (!List.of("auto", "true", "false").contains(enabled)) {
            throw new IllegalArgumentException(prefix + "enabled must be auto, true or false, not '" + enabled + "'");
        }
        Map<String, Boolean> perProvider = new HashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            properties.resolveProperty(prefix + spec.id() + ".enabled").map(String::trim).filter(v -> !v.isEmpty())
                    .ifPresent(v -> perProvider.put(spec.id(), Boolean.parseBoolean(v)));
        }
        return new HealthProbe.Settings(enabled, perProvider, probeNumber(properties, prefix + "interval-ms", 30_000),
                probeNumber(properties, prefix + "idle-ms", 300_000),
                properties.resolveProperty(prefix + "prompt").map(String::trim).filter(v -> !v.isEmpty())
                        .orElse("Reply with OK."));
    }

    private static long probeNumber(PropertiesComponent properties, String key, long fallback) {
        String value = properties.resolveProperty(key).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, not '" + value + "'");
        }
    }

    /** Whether the provider's known price is 0 (the price table is bound after the routing beans: looked up late). */
    private static boolean free(Registry registry, String id) {
        PriceTable prices = registry.lookupByNameAndType("priceTable", PriceTable.class);
        ModelPrice price = prices == null ? null : prices.price(id);
        return price != null && price.free();
    }

    private static CircuitBreakerConfig breakerConfig(RoutingSettings settings, String id) {
        int window = (int) settings.providerNumber("breaker", id, "sliding-window-size", 10);
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls((int) settings.providerNumber("breaker", id, "minimum-number-of-calls", Math.min(5, window)))
                .failureRateThreshold((float) settings.providerNumber("breaker", id, "failure-rate-threshold", 50))
                .waitDurationInOpenState(Duration.ofMillis((long) settings.providerNumber("breaker", id, "wait-in-open-state-ms", 30_000)))
                .permittedNumberOfCallsInHalfOpenState((int) settings.providerNumber("breaker", id, "half-open-calls", 1))
                // open → half-open on time, not on the next call: the router sends an open provider nothing
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    private static RetryPolicy.Settings retrySettings(RoutingSettings settings, String id) {
        String provider = id == null ? "-" : id;
        return new RetryPolicy.Settings(
                (int) settings.providerNumber("retry", provider, "max-attempts", 3),
                (long) settings.providerNumber("retry", provider, "initial-delay-ms", 200),
                (long) settings.providerNumber("retry", provider, "max-delay-ms", 4_000),
                settings.providerNumber("retry", provider, "jitter", 0.2),
                (long) settings.providerNumber("retry", provider, "max-retry-after-ms", 5_000));
    }

    private static TaskClassifier classifier(RoutingSettings settings, Registry registry) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String task : CompletionRequest.TASKS) {
            List<String> words = settings.list("classify.keywords." + task);
            if (!words.isEmpty()) {
                keywords.put(task, words);
            }
        }
        SemanticRouter semantic = null;
        if (settings.bool("semantic.enabled", false)) {
            long started = System.nanoTime();
            Map<String, List<String>> examples = settings.grouped("semantic.example");
            for (String task : examples.keySet()) {
                if (!CompletionRequest.TASKS.contains(task)) {
                    throw new IllegalArgumentException("quorum.routing.semantic.example." + task + ": unknown task; tasks are "
                            + CompletionRequest.TASKS);
                }
            }
            // one embedding model for the whole application, shared with semantic consensus voting
            EmbeddingModel model = registry.lookupByNameAndType("embeddingModel", EmbeddingModel.class);
            if (model == null) {
                model = LocalEmbeddingModel.allMiniLmL6V2();
                registry.bind("embeddingModel", model);
            }
            semantic = new SemanticRouter(model, examples,
                    settings.number("semantic.threshold", 0.5));
            LOG.info("Semantic task router ready: {} example prompts embedded in {} ms", semantic.examples(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        String defaultTask = settings.text("classify.default-task", "reasoning");
        if (!CompletionRequest.TASKS.contains(defaultTask)) {
            throw new IllegalArgumentException("quorum.routing.classify.default-task must be one of " + CompletionRequest.TASKS);
        }
        return new TaskClassifier(keywords, (int) settings.number("classify.long-context-tokens", 16_000),
                (int) settings.number("classify.simple-max-chars", 60), defaultTask, semantic);
    }

    private static Map<String, ProviderRanker.Tier> tiers(RoutingSettings settings) {
        Map<String, ProviderRanker.Tier> tiers = new HashMap<>();
        for (String task : CompletionRequest.TASKS) {
            String primary = settings.text("tier." + task + ".primary", null);
            List<String> fallbacks = settings.list("tier." + task + ".fallback");
            String costSensitive = settings.text("tier." + task + ".cost-sensitive", null);
            if (primary != null || !fallbacks.isEmpty() || costSensitive != null) {
                tiers.put(task, new ProviderRanker.Tier(primary, fallbacks, costSensitive));
            }
        }
        return tiers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
