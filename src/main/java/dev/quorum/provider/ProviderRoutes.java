package dev.quorum.provider;

import dev.quorum.camel.RouteTemplateReload;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.DisabledAwareDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the routes of every enabled provider from the templates in {@code routes/engine/providers.camel.yaml}, so
 * adding a provider is a few lines of configuration: its entry {@code direct:provider-<id>} (template
 * {@code provider-route}: the budget gate's verdict, errors as data), which calls its limits
 * ({@code provider-limits-<id>}), its call with breaker and retry ({@code provider-call-<id>}) and its settlement
 * ({@code provider-settle-<id>}), each a small route joined by {@code direct:}. Camel Main adds templated routes after
 * every template is loaded, whatever file it came from. The limits route gets the provider's rate limits
 * ({@code quorum.ratelimit.*}) as template parameters for its throttles, and every route whether any budget is
 * configured: the steps a provider without limits, or a Quorum without budgets, would only pass through are disabled
 * in its route when it is built (the templates' {@code without*} parameters name them by step id, see
 * {@link #OPTIONAL_STEPS}), rather than checked on every call. The templates hold no
 * {@code disabled: "{{placeholder}}"}, which the YAML DSL's schema (and so Kaoto) rejects. Editing the templates while
 * Quorum runs re-creates these routes ({@link RouteTemplateReload}, installed here), from the same parameters.
 */
public final class ProviderRoutes extends RouteBuilder {

    /** The entry's template: {@code direct:provider-<id>}, the route everything calls. */
    static final String TEMPLATE = "provider-route";
    /** The rate limits' template: {@code direct:provider-limits-<id>}. */
    static final String LIMITS = "provider-limits";
    /** The call's template, breaker and retry: {@code direct:provider-call-<id>}. */
    static final String CALL = "provider-call";
    /** The settlement's template, cost, ledger, alerts, health and metrics: {@code direct:provider-settle-<id>}. */
    static final String SETTLE = "provider-settle";
    static final String RATE_LIMIT_PREFIX = "quorum.ratelimit.";

    /**
     * By template, the template parameters that leave steps out of a route and the ids of those steps in that
     * template: a route whose parameter is {@code true} has them disabled (a disabled {@code when} is not even
     * evaluated).
     */
    static final Map<String, Map<String, List<String>>> OPTIONAL_STEPS = Map.of(
            TEMPLATE, Map.of(
                    "withoutLimits", List.of("limits-{{providerId}}"),
                    "withoutBudgets", List.of("budget-downgrade-{{providerId}}")),
            LIMITS, Map.of(
                    "withoutRateLimit", List.of("rate-limit-{{providerId}}"),
                    "withoutConcurrencyLimit", List.of("concurrency-limit-{{providerId}}"),
                    "withoutBudgets", List.of("budget-renew-{{providerId}}")),
            CALL, Map.of(),
            SETTLE, Map.of(
                    "withoutBudgets", List.of("budget-alerts-{{providerId}}")));

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRoutes.class);

    private final ProviderCatalog catalog;

    public ProviderRoutes(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        for (String template : OPTIONAL_STEPS.keySet()) {
            ((ModelCamelContext) getContext()).addRouteTemplateDefinitionConverter(template, ProviderRoutes::variant);
        }
        // an edited routes/engine/providers.camel.yaml (or panel-member template) re-creates the routes made from it
        RouteTemplateReload.install(getContext());
        BudgetPresence budgets = getContext().getRegistry().lookupByNameAndType("budgetGate", BudgetPresence.class);
        boolean budgeted = budgets == null || budgets.anyBudget();
        refuseClashingIds();
        for (ProviderSpec spec : catalog.enabled()) {
            String id = spec.id();
            // rate limits (docs/budgets.md): per provider, else the default for all; 0 = unlimited
            String rate = rateLimit(id, "requests-per-minute", "0");
            String concurrent = rateLimit(id, "concurrent-requests", "0");
            boolean withoutRate = Long.parseLong(rate) == 0;
            boolean withoutConcurrency = Long.parseLong(concurrent) == 0;
            templatedRoute(TEMPLATE)
                    .routeId("provider-" + id)
                    .parameter("providerId", id)
                    .parameter("withoutLimits", String.valueOf(withoutRate && withoutConcurrency && !budgeted))
                    .parameter("withoutBudgets", String.valueOf(!budgeted));
            templatedRoute(LIMITS)
                    .routeId(LIMITS + "-" + id)
                    .parameter("providerId", id)
                    .parameter("requestsPerMinute", rate)
                    .parameter("rateWindowMs", setting("quorum.ratelimit.window-ms", "60000"))
                    .parameter("concurrentRequests", concurrent)
                    .parameter("withoutRateLimit", String.valueOf(withoutRate))
                    .parameter("withoutConcurrencyLimit", String.valueOf(withoutConcurrency))
                    .parameter("withoutBudgets", String.valueOf(!budgeted));
            templatedRoute(CALL)
                    .routeId(CALL + "-" + id)
                    .parameter("providerId", id);
            templatedRoute(SETTLE)
                    .routeId(SETTLE + "-" + id)
                    .parameter("providerId", id)
                    .parameter("withoutBudgets", String.valueOf(!budgeted));
        }
    }

    /**
     * Provider ids {@code x} and {@code limits-x} would both want the route {@code provider-limits-x}; Camel would
     * refuse the second with a duplicate id that names no setting, so the start is refused here, naming both.
     */
    private void refuseClashingIds() {
        Set<String> ids = new HashSet<>();
        catalog.enabled().forEach(spec -> ids.add(spec.id()));
        for (String id : ids) {
            for (String part : List.of(LIMITS, CALL, SETTLE)) {
                String prefix = part.substring("provider-".length()) + "-";
                if (id.startsWith(prefix) && ids.contains(id.substring(prefix.length()))) {
                    throw new IllegalArgumentException("quorum.provider." + id + ": the provider id clashes with the "
                            + part + "-" + id.substring(prefix.length()) + " route of provider "
                            + id.substring(prefix.length()) + "; rename one of them");
                }
            }
        }
    }

    /**
     * The route made from one of the templates for one provider: the template's route with the steps its
     * {@code without*} parameters name disabled. The copy is the route's own; the template is not changed.
     */
    static RouteDefinition variant(RouteTemplateDefinition template, Map<String, Object> parameters) {
        RouteDefinition route = template.asRouteDefinition();
        Map<String, DisabledAwareDefinition> steps = new HashMap<>();
        for (ProcessorDefinition<?> step
                : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ProcessorDefinition.class)) {
            steps.put(step.getId(), step);
            if (step instanceof ChoiceDefinition choice) {
                // the search passes a choice's when clauses by (only their steps are found)
                choice.getWhenClauses().forEach(when -> steps.put(when.getId(), when));
            }
        }
        OPTIONAL_STEPS.getOrDefault(template.getId(), Map.of()).forEach((parameter, ids) -> {
            if (Boolean.parseBoolean(String.valueOf(parameters.get(parameter)))) {
                for (String id : ids) {
                    DisabledAwareDefinition step = steps.get(id);
                    if (step != null) {
                        step.setDisabled("true");
                    } else {
                        // renamed in the template, the step would run on every call (removed, there is none)
                        LOG.warn("Route template {} has no step {} to leave out ({}=true)", template.getId(), id,
                                parameter);
                    }
                }
            }
        });
        return route;
    }

    private String rateLimit(String id, String name, String fallback) {
        return setting(RATE_LIMIT_PREFIX + id + "." + name, setting(RATE_LIMIT_PREFIX + name, fallback));
    }

    private String setting(String key, String fallback) {
        String value = getContext().getPropertiesComponent().resolveProperty(key).map(String::trim).orElse("");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return String.valueOf(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }
}
