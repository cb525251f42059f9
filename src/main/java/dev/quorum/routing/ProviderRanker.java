package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.QuorumException;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * Answers "in which order should this request try the providers?" for the strategy the route chose: by cost,
 * quality, observed latency, a weighted balance of the three, the task's tier (primary, fallbacks, cost-sensitive),
 * an A/B pick, or the provider the request names. Every strategy first drops providers whose circuit is open and
 * those that break the request's constraints; a constraint that leaves no provider is a 422 naming it. The ranking
 * becomes the {@code routePlan} variable; the route then calls the providers in that order.
 */
public final class ProviderRanker {

    /** What the task → tier table says for one task. */
    record Tier(String primary, List<String> fallbacks, String costSensitive) {
    }

    /** Relative weights of quality, cost and latency in the balanced strategy. */
    record Weights(double quality, double cost, double latency) {
    }

    private final ProviderCatalog catalog;
    private final ProviderHealth health;
    private final Map<String, Tier> tiers;
    private final Weights weights;
    private final int assumedOutputTokens;
    private final int maxFallbacks;
    private final String defaultProvider;

    ProviderRanker(ProviderCatalog catalog, ProviderHealth health, Map<String, Tier> tiers, Weights weights,
                   int assumedOutputTokens, int maxFallbacks, String defaultProvider) {
        this.catalog = catalog;
        this.health = health;
        this.tiers = Map.copyOf(tiers);
        this.weights = weights;
        this.assumedOutputTokens = assumedOutputTokens;
        this.maxFallbacks = maxFallbacks;
        this.defaultProvider = defaultProvider;
    }

    public void cost(Exchange exchange) {
        Candidates fit = candidates(exchange);
        Tier tier = tiers.get(task(exchange));
        List<ProviderSpec> ranked = sorted(fit.specs, Comparator.comparingDouble(s -> cost(fit.request, s)));
        String reason;
        if (tier != null && tier.costSensitive() != null && fit.contains(tier.costSensitive())) {
            ranked = first(tier.costSensitive(), ranked);
            reason = "the " + task(exchange) + " tier's cost-sensitive provider " + tier.costSensitive();
        } else {
            reason = ranked.get(0).id() + " has the lowest estimated cost ("
                    + String.format(Locale.ROOT, "$%.6f", cost(fit.request, ranked.get(0))) + ")";
        }
        plan(exchange, "cost", ranked, reason, fit);
    }

    public void quality(Exchange exchange) {
        Candidates fit = candidates(exchange);
        List<ProviderSpec> ranked = sorted(fit.specs, Comparator.comparingDouble(ProviderSpec::quality).reversed());
        plan(exchange, "quality", ranked, ranked.get(0).id() + " has the highest quality (" + ranked.get(0).quality() + ")", fit);
    }

    public void latency(Exchange exchange) {
        Candidates fit = candidates(exchange);
        List<ProviderSpec> ranked = sorted(fit.specs, Comparator.comparingLong(s -> health.latencyMs(s.id())));
        plan(exchange, "latency", ranked, ranked.get(0).id() + " has the lowest observed latency ("
                + health.latencyMs(ranked.get(0).id()) + " ms)", fit);
    }

    public void balanced(Exchange exchange) {
        Candidates fit = candidates(exchange);
        ToDoubleFunction<ProviderSpec> score = balancedScore(fit);
        List<ProviderSpec> ranked = sorted(fit.specs, Comparator.comparingDouble(score).reversed());
        plan(exchange, "balanced", ranked, String.format(Locale.ROOT,
                "%s has the best balance of quality, cost and latency (score %.3f, weights %.2f/%.2f/%.2f)",
                ranked.get(0).id(), score.applyAsDouble(ranked.get(0)), weights.quality(), weights.cost(),
                weights.latency()), fit);
    }

    /** No priority asked: the task's tier (primary, then its fallbacks), else the default provider, else by quality. */
    public void tier(Exchange exchange) {
        Candidates fit = candidates(exchange);
        String task = task(exchange);
        Tier tier = tiers.get(task);
        List<ProviderSpec> ranked = sorted(fit.specs, Comparator.comparingDouble(ProviderSpec::quality).reversed());
        if (tier != null && tier.primary() != null) {
            List<String> order = new ArrayList<>();
            order.add(tier.primary());
            order.addAll(tier.fallbacks());
            List<String> present = order.stream().filter(fit::contains).toList();
            if (!present.isEmpty()) {
                for (int i = present.size() - 1; i >= 0; i--) {
                    ranked = first(present.get(i), ranked);
                }
                String reason = present.get(0).equals(tier.primary())
                        ? present.get(0) + " is the " + task + " tier's primary provider"
                        : "the " + task + " tier's fallback " + present.get(0) + " (primary " + tier.primary() + " unavailable)";
                plan(exchange, "tier", ranked, reason, fit);
                return;
            }
        }
        if (defaultProvider != null && fit.contains(defaultProvider)) {
            plan(exchange, "default", first(defaultProvider, ranked), "the configured default provider (quorum.default-provider)", fit);
            return;
        }
        plan(exchange, "quality", ranked, ranked.get(0).id() + " has the highest quality (" + ranked.get(0).quality()
                + "); no tier is configured for " + task, fit);
    }

    /** The A/B split route picked a provider (variable {@code abProvider}); the rest follow by quality. */
    public void split(Exchange exchange) {
        String picked = exchange.getVariable(RoutingConstants.VAR_AB_PROVIDER, String.class);
        Candidates fit = candidates(exchange);
        if (picked == null || !fit.contains(picked)) {
            tier(exchange);
            return;
        }
        List<ProviderSpec> ranked = first(picked, sorted(fit.specs, Comparator.comparingDouble(ProviderSpec::quality).reversed()));
        plan(exchange, "ab-split", ranked, "the A/B split for " + task(exchange) + " picked " + picked, fit);
    }

    /** The request names its provider: no ranking and no fallback, but the constraints still apply. */
    public void pinned(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ProviderSpec spec = catalog.get(request.provider());
        if (!spec.enabled()) {
            throw new QuorumException("provider_disabled", 503, "provider", "provider '" + spec.id() + "' is disabled: "
                    + spec.disabledReason());
        }
        constrain(request, List.of(spec));
        RoutePlan plan = new RoutePlan(task(exchange), exchange.getVariable(RoutingConstants.VAR_TASK_SOURCE, String.class),
                "pinned", List.of(spec.id()), "the request names provider " + spec.id());
        exchange.setVariable(RoutingConstants.VAR_ROUTE_PLAN, plan);
        exchange.setVariable(RoutingConstants.VAR_TRY_NEXT, true);
    }

    private void plan(Exchange exchange, String strategy, List<ProviderSpec> ranked, String reason, Candidates fit) {
        List<String> ids = ranked.stream().limit(1L + maxFallbacks).map(ProviderSpec::id).toList();
        String why = fit.skipped.isEmpty() ? reason : reason + "; skipped " + String.join(", ", fit.skipped);
        RoutePlan plan = new RoutePlan(task(exchange), exchange.getVariable(RoutingConstants.VAR_TASK_SOURCE, String.class),
                strategy, ids, why);
        exchange.setVariable(RoutingConstants.VAR_ROUTE_PLAN, plan);
        exchange.setVariable(RoutingConstants.VAR_TRY_NEXT, true);
    }

    /** The enabled providers this request may use, with a note on each one left out for its health. */
    private record Candidates(CompletionRequest request, List<ProviderSpec> specs, List<String> skipped) {
        boolean contains(String id) {
            return specs.stream().anyMatch(s -> s.id().equals(id));
        }
    }

    private Candidates candidates(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        List<ProviderSpec> enabled = catalog.enabled();
        if (enabled.isEmpty()) {
            throw new QuorumException("no_provider", 503, null, "no provider is enabled: set a provider API key such as "
                    + "OPENAI_API_KEY, or enable the simulator (quorum.simulator.enabled=auto)");
        }
        List<String> skipped = new ArrayList<>();
        List<ProviderSpec> healthy = new ArrayList<>();
        for (ProviderSpec spec : enabled) {
            if (health.available(spec.id())) {
                healthy.add(spec);
            } else {
                skipped.add(spec.id() + " (circuit open)");
            }
        }
        if (healthy.isEmpty()) {
            throw new QuorumException("no_provider_available", 503, null, "every enabled provider's circuit breaker is "
                    + "open after repeated failures; retry once they recover (GET /observe/health shows their state)");
        }
        return new Candidates(request, constrain(request, healthy), skipped);
    }

    /** Applies the request's constraints in a fixed order; the first one that leaves nothing is the error. */
    private List<ProviderSpec> constrain(CompletionRequest request, List<ProviderSpec> specs) {
        List<ProviderSpec> fit = specs;
        if (request.capabilities() != null && !request.capabilities().isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(request.capabilities());
            fit = keep(fit, s -> s.capabilities().containsAll(wanted), "capabilities", "no available provider has all of "
                    + "the capabilities " + wanted + " (" + describe(fit, s -> s.id() + " " + s.capabilities()) + ")");
        }
        if (request.chat() != null) {
            // what the conversation itself needs: images a provider that sees, a schema one that keeps to it
            if (request.chat().hasImages()) {
                fit = keep(fit, s -> s.capabilities().contains("vision"), "messages", "the messages hold images, "
                        + "which need a provider with the capability 'vision' (quorum.provider.<id>.capabilities); none "
                        + "available has it (" + describe(fit, s -> s.id() + " " + s.capabilities()) + ")");
            }
            if (request.chat().hasImageUrls()) {
                fit = keep(fit, s -> s.kind().passesImageUrls(), "messages", "the messages hold images by http(s) "
                        + "URL, which Quorum never fetches itself; gemini and ollama providers take images only as "
                        + "data: URLs (" + describe(fit, s -> s.id() + " " + s.kind().wireName()) + ")");
            }
            if ("required".equals(request.chat().toolChoice()) && !request.chat().tools().isEmpty()) {
                fit = keep(fit, s -> s.kind().canForceToolCalls(), "toolChoice", "toolChoice requires a tool call, "
                        + "which no available provider's kind can be made to do ("
                        + describe(fit, s -> s.id() + " " + s.kind().wireName()) + "; Ollama cannot)");
            }
            if (request.chat().jsonMode()) {
                fit = keep(fit, s -> s.capabilities().contains("json"), "responseFormat", "responseFormat asks for "
                        + "JSON, which needs a provider with the capability 'json' (quorum.provider.<id>.capabilities); "
                        + "none available has it (" + describe(fit, s -> s.id() + " " + s.capabilities()) + ")");
            }
        }
        int promptTokens = Estimates.promptTokens(request);
        fit = keep(fit, s -> promptTokens + Estimates.outputTokens(request, s, assumedOutputTokens) <= s.contextWindow(),
                "prompt", "the prompt (about " + promptTokens + " tokens) and its output fit no available provider's "
                        + "context window (" + describe(fit, s -> s.id() + " " + s.contextWindow()) + ")");
        if (request.maxCostUsd() != null) {
            double max = request.maxCostUsd();
            fit = keep(fit, s -> cost(request, s) <= max, "maxCostUsd", String.format(Locale.ROOT,
                    "maxCostUsd %s excludes every available provider: the cheapest estimate is $%.6f (%s)",
                    max, fit.stream().mapToDouble(s -> cost(request, s)).min().orElse(0),
                    describe(fit, s -> String.format(Locale.ROOT, "%s $%.6f", s.id(), cost(request, s)))));
        }
        if (request.maxLatencyMs() != null) {
            long max = request.maxLatencyMs();
            fit = keep(fit, s -> health.latencyMs(s.id()) <= max, "maxLatencyMs", "maxLatencyMs " + max
                    + " excludes every available provider (observed latency: "
                    + describe(fit, s -> s.id() + " " + health.latencyMs(s.id()) + " ms") + ")");
        }
        return fit;
    }

    private static List<ProviderSpec> keep(List<ProviderSpec> specs, Predicate<ProviderSpec> test, String field, String message) {
        List<ProviderSpec> kept = specs.stream().filter(test).toList();
        if (kept.isEmpty()) {
            throw new QuorumException("no_provider_fits", 422, field, message);
        }
        return kept;
    }

    private static String describe(List<ProviderSpec> specs, java.util.function.Function<ProviderSpec, String> line) {
        return specs.stream().map(line).collect(Collectors.joining(", "));
    }

    private double cost(CompletionRequest request, ProviderSpec spec) {
        return Estimates.maxCostUsd(request, spec, assumedOutputTokens);
    }

    private ToDoubleFunction<ProviderSpec> balancedScore(Candidates fit) {
        double maxCost = fit.specs.stream().mapToDouble(s -> cost(fit.request, s)).max().orElse(0);
        double maxLatency = fit.specs.stream().mapToDouble(s -> health.latencyMs(s.id())).max().orElse(0);
        return s -> weights.quality() * s.quality()
                - weights.cost() * (maxCost <= 0 ? 0 : cost(fit.request, s) / maxCost)
                - weights.latency() * (maxLatency <= 0 ? 0 : health.latencyMs(s.id()) / maxLatency);
    }

    private static List<ProviderSpec> sorted(List<ProviderSpec> specs, Comparator<ProviderSpec> order) {
        return specs.stream().sorted(order.thenComparing(ProviderSpec::id)).toList();
    }

    private static List<ProviderSpec> first(String id, List<ProviderSpec> ranked) {
        List<ProviderSpec> ordered = new ArrayList<>(ranked.size());
        ranked.stream().filter(s -> s.id().equals(id)).forEach(ordered::add);
        ranked.stream().filter(s -> !s.id().equals(id)).forEach(ordered::add);
        return ordered;
    }

    private static String task(Exchange exchange) {
        return exchange.getVariable(RoutingConstants.VAR_TASK, String.class);
    }
}
