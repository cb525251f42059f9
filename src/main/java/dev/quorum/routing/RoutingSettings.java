package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.settings.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code quorum.routing.*} settings: the ranker's weights and estimates, the circuit breaker, retry and assumed
 * latency of every provider (a setting {@code quorum.routing.<group>.<provider>.<name>} wins over
 * {@code quorum.routing.<group>.<name>}), the task classifier's keywords and semantic examples, and the task tiers.
 */
record RoutingSettings(ProviderRanker.Weights weights, int assumedOutputTokens, int maxFallbacks,
                       Breaker breaker, Map<String, Breaker> breakerByProvider,
                       RetryPolicy.Settings retry, Map<String, RetryPolicy.Settings> retryByProvider,
                       long assumedLatencyMs, Map<String, Long> assumedLatencyByProvider,
                       Map<String, List<String>> keywords, String defaultTask, int longContextTokens,
                       int simpleMaxChars, boolean semanticEnabled, double semanticThreshold,
                       Map<String, List<String>> semanticExamples, Map<String, ProviderRanker.Tier> tiers) {

    static final String PREFIX = "quorum.routing";

    /**
     * One provider's circuit breaker ({@code quorum.routing.breaker.*}); a minimum number of calls left unset is the
     * smaller of 5 and the window.
     */
    record Breaker(int slidingWindowSize, Integer minimumNumberOfCalls, double failureRateThreshold,
                   long waitInOpenStateMs, int halfOpenCalls) {

        int minimumCalls() {
            return minimumNumberOfCalls != null ? minimumNumberOfCalls : Math.min(5, slidingWindowSize);
        }

        static Breaker from(Settings settings, Breaker defaults) {
            Integer minimum = settings.text("minimum-number-of-calls", null) == null ? defaults.minimumNumberOfCalls()
                    : settings.integer("minimum-number-of-calls", 5, 1, Integer.MAX_VALUE);
            double failureRate = settings.decimal("failure-rate-threshold", defaults.failureRateThreshold(), 0, 100);
            if (failureRate == 0) {
                throw settings.invalid("failure-rate-threshold", settings.text("failure-rate-threshold", ""),
                        "a percentage above 0 and at most 100");
            }
            return new Breaker(settings.integer("sliding-window-size", defaults.slidingWindowSize(), 1, Integer.MAX_VALUE),
                    minimum, failureRate,
                    settings.whole("wait-in-open-state-ms", defaults.waitInOpenStateMs(), 1, Long.MAX_VALUE),
                    settings.integer("half-open-calls", defaults.halfOpenCalls(), 1, Integer.MAX_VALUE));
        }
    }

    Breaker breaker(String provider) {
        return breakerByProvider.getOrDefault(provider, breaker);
    }

    RetryPolicy.Settings retry(String provider) {
        return retryByProvider.getOrDefault(provider, retry);
    }

    long assumedLatencyMs(String provider) {
        return assumedLatencyByProvider.getOrDefault(provider, assumedLatencyMs);
    }

    static RoutingSettings from(Settings settings) {
        ProviderRanker.Weights weights = new ProviderRanker.Weights(
                settings.decimal("weights.quality", 0.5, 0, Double.MAX_VALUE),
                settings.decimal("weights.cost", 0.3, 0, Double.MAX_VALUE),
                settings.decimal("weights.latency", 0.2, 0, Double.MAX_VALUE));

        Breaker breaker = Breaker.from(settings.under("breaker"), new Breaker(10, null, 50, 30_000, 1));
        Map<String, Breaker> breakers = new HashMap<>();
        for (String id : settings.ids("breaker")) {
            breakers.put(id, Breaker.from(settings.under("breaker." + id), breaker));
        }
        RetryPolicy.Settings retry = retry(settings.under("retry"), new RetryPolicy.Settings(3, 200, 4_000, 0.2, 5_000));
        Map<String, RetryPolicy.Settings> retries = new HashMap<>();
        for (String id : settings.ids("retry")) {
            retries.put(id, retry(settings.under("retry." + id), retry));
        }
        long latency = settings.whole("latency.assumed-ms", 1000, 0, Long.MAX_VALUE);
        Map<String, Long> latencies = new HashMap<>();
        for (String id : settings.ids("latency")) {
            latencies.put(id, settings.under("latency." + id).whole("assumed-ms", latency, 0, Long.MAX_VALUE));
        }

        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String task : settings.entries("classify.keywords").keySet()) {
            requireTask(settings, "classify.keywords." + task, task);
        }
        for (String task : CompletionRequest.TASKS) {
            List<String> words = settings.list("classify.keywords." + task);
            if (!words.isEmpty()) {
                keywords.put(task, words);
            }
        }
        Map<String, List<String>> examples = new LinkedHashMap<>();
        settings.entries("semantic.example").forEach((name, prompt) -> {
            int dot = name.indexOf('.');
            String task = dot < 0 ? name : name.substring(0, dot);
            requireTask(settings, "semantic.example." + name, task);
            examples.computeIfAbsent(task, t -> new ArrayList<>()).add(prompt);
        });
        Map<String, ProviderRanker.Tier> tiers = new HashMap<>();
        for (String task : settings.ids("tier")) {
            requireTask(settings, "tier." + task + ".*", task);
            Settings tier = settings.under("tier." + task);
            String primary = tier.text("primary", null);
            List<String> fallbacks = tier.list("fallback");
            String costSensitive = tier.text("cost-sensitive", null);
            if (primary != null || !fallbacks.isEmpty() || costSensitive != null) {
                tiers.put(task, new ProviderRanker.Tier(primary, fallbacks, costSensitive));
            }
        }
        return new RoutingSettings(weights,
                settings.integer("assumed-output-tokens", 512, 1, Integer.MAX_VALUE),
                settings.integer("max-fallbacks", 2, 0, Integer.MAX_VALUE),
                breaker, breakers, retry, retries, latency, latencies, keywords,
                settings.choice("classify.default-task", "reasoning", CompletionRequest.TASKS),
                settings.integer("classify.long-context-tokens", 16_000, 0, Integer.MAX_VALUE),
                settings.integer("classify.simple-max-chars", 60, 0, Integer.MAX_VALUE),
                settings.bool("semantic.enabled", false), settings.decimal("semantic.threshold", 0.5, 0, 1),
                examples, tiers);
    }

    private static RetryPolicy.Settings retry(Settings settings, RetryPolicy.Settings defaults) {
        return new RetryPolicy.Settings(
                settings.integer("max-attempts", defaults.maxAttempts(), 1, Integer.MAX_VALUE),
                settings.whole("initial-delay-ms", defaults.initialDelayMs(), 0, Long.MAX_VALUE),
                settings.whole("max-delay-ms", defaults.maxDelayMs(), 0, Long.MAX_VALUE),
                settings.decimal("jitter", defaults.jitter(), 0, 1),
                settings.whole("max-retry-after-ms", defaults.maxRetryAfterMs(), 0, Long.MAX_VALUE));
    }

    private static void requireTask(Settings settings, String name, String task) {
        if (!CompletionRequest.TASKS.contains(task)) {
            throw settings.unknown(name, "a task, one of " + String.join(", ", CompletionRequest.TASKS));
        }
    }
}
