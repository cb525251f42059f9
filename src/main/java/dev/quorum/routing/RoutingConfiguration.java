package dev.quorum.routing;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.secrets.Secrets;
import dev.quorum.budget.ModelPrice;
import dev.quorum.budget.PriceTable;
import dev.quorum.camel.Steps;
import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.settings.Settings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
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
        Settings values = Settings.of(context, RoutingSettings.PREFIX);
        RoutingSettings settings = RoutingSettings.from(values);
        values.requireKnown();
        Settings probeValues = Settings.of(context, "quorum.health.probe");
        ProbeSettings probeSettings = ProbeSettings.from(probeValues);
        probeValues.requireKnown();
        String defaultProvider = Settings.of(context, "quorum").text("default-provider", null);
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);

        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        Map<String, Long> assumedLatency = new HashMap<>();
        Map<String, RetryPolicy.Settings> retries = new HashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            CircuitBreaker breaker = CircuitBreaker.of("provider-" + spec.id(), breakerConfig(settings.breaker(spec.id())));
            breakers.put(spec.id(), breaker);
            registry.bind(spec.id() + "CircuitBreaker", breaker);
            assumedLatency.put(spec.id(), settings.assumedLatencyMs(spec.id()));
            retries.put(spec.id(), settings.retry(spec.id()));
        }
        ProviderHealth health = new ProviderHealth(breakers, assumedLatency);
        Secrets secrets = registry.lookupByNameAndType("secrets", Secrets.class);
        for (ProviderSpec spec : catalog.enabled()) {
            registry.bind("provider-" + spec.id() + "-health-check", new ProviderHealthCheck(spec.id(), health,
                    secrets == null ? Secrets.of(java.util.List.of()) : secrets));
        }

        Steps.bind(registry, "providerHealth", health)
                .step("observe", health::observe);
        HealthProbe probe = new HealthProbe(catalog, health, probeSettings.forProviders(catalog),
                id -> free(registry, id), Clock.systemUTC());
        Steps.bind(registry, "healthProbe", probe)
                .toBody("due", probe::due)
                .step("prepare", probe::prepare)
                .step("result", probe::result);
        RetryPolicy retryPolicy = new RetryPolicy(retries, settings.retry(), health);
        Steps.bind(registry, "retryPolicy", retryPolicy)
                .step("start", retryPolicy::start)
                .step("decide", retryPolicy::decide);
        TaskClassifier classifier = classifier(settings, registry);
        Steps.bind(registry, "taskClassifier", classifier)
                .step("classify", classifier::classify);
        ProviderRanker ranker = new ProviderRanker(catalog, health, settings.tiers(), settings.weights(),
                settings.assumedOutputTokens(), settings.maxFallbacks(), defaultProvider);
        Steps.bind(registry, "providerRanker", ranker)
                .step("pinned", ranker::pinned)
                .step("split", ranker::split)
                .step("cost", ranker::cost)
                .step("quality", ranker::quality)
                .step("latency", ranker::latency)
                .step("balanced", ranker::balanced)
                .step("tier", ranker::tier);
        // the same context-window estimate for consensus and cascade panels and the judge (ConsensusPanel)
        registry.bind("contextWindows", new ContextWindows(settings.assumedOutputTokens()));
        FallbackChain fallbackChain = new FallbackChain();
        Steps.bind(registry, "fallbackChain", fallbackChain)
                .step("next", fallbackChain::next)
                .step("record", fallbackChain::record)
                .toBody("result", fallbackChain::result);
        SingleChoices singleChoices = new SingleChoices();
        Steps.bind(registry, "singleChoices", singleChoices).toBody("result", singleChoices::result);
    }

    /** Whether the provider's known price is 0 (the price table is bound after the routing beans: looked up late). */
    private static boolean free(Registry registry, String id) {
        PriceTable prices = registry.lookupByNameAndType("priceTable", PriceTable.class);
        ModelPrice price = prices == null ? null : prices.price(id);
        return price != null && price.free();
    }

    private static CircuitBreakerConfig breakerConfig(RoutingSettings.Breaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold((float) settings.failureRateThreshold())
                .waitDurationInOpenState(Duration.ofMillis(settings.waitInOpenStateMs()))
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // open → half-open on time, not on the next call: the router sends an open provider nothing
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }

    private static TaskClassifier classifier(RoutingSettings settings, Registry registry) {
        SemanticRouter semantic = null;
        if (settings.semanticEnabled()) {
            long started = System.nanoTime();
            // one embedding model for the whole application, shared with semantic consensus voting
            EmbeddingModel model = registry.lookupByNameAndType("embeddingModel", EmbeddingModel.class);
            if (model == null) {
                model = LocalEmbeddingModel.allMiniLmL6V2();
                registry.bind("embeddingModel", model);
            }
            semantic = new SemanticRouter(model, settings.semanticExamples(), settings.semanticThreshold());
            LOG.info("Semantic task router ready: {} example prompts embedded in {} ms", semantic.examples(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return new TaskClassifier(settings.keywords(), settings.longContextTokens(), settings.simpleMaxChars(),
                settings.defaultTask(), semantic);
    }
}
