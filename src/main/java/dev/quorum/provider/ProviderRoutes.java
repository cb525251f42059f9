package dev.quorum.provider;

import dev.quorum.RouteTemplateReload;
import dev.quorum.settings.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Makes one {@code direct:provider-<id>} route per enabled provider from the {@code provider-route} template in
 * {@code routes/engine/providers.camel.yaml}, so adding a provider is a few lines of configuration. Camel Main adds
 * templated routes after every template is loaded, whatever file it came from. Each route gets its provider's rate
 * limits ({@code quorum.ratelimit.*}) as template parameters for its throttles, and whether any budget is configured:
 * the steps a provider without limits, or a Quorum without budgets, would only pass through are disabled in its route
 * when it is built (the template's {@code without*} parameters name them by step id, see {@link #OPTIONAL_STEPS}),
 * rather than checked on every call. The template itself holds no {@code disabled: "{{placeholder}}"}, which the
 * YAML DSL's schema (and so Kaoto) rejects. Editing the template while Quorum runs re-creates these routes
 * ({@link RouteTemplateReload}, installed here), from the same parameters.
 */
public final class ProviderRoutes extends RouteBuilder {

    static final String TEMPLATE = "provider-route";
    static final String RATE_LIMIT_PREFIX = "quorum.ratelimit";

    /**
     * The template parameters that leave steps out of a route, and the ids of those steps in the template: a route
     * whose parameter is {@code true} has them disabled (a disabled {@code when} is not even evaluated).
     */
    static final Map<String, List<String>> OPTIONAL_STEPS = Map.of(
            "withoutRateLimit", List.of("rate-limit-{{providerId}}"),
            "withoutConcurrencyLimit", List.of("concurrency-limit-{{providerId}}"),
            "withoutBudgets",
            List.of("budget-downgrade-{{providerId}}", "budget-renew-{{providerId}}", "budget-alerts-{{providerId}}"));

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRoutes.class);

    private final ProviderCatalog catalog;

    public ProviderRoutes(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        ((ModelCamelContext) getContext()).addRouteTemplateDefinitionConverter(TEMPLATE, ProviderRoutes::variant);
        // an edited routes/engine/providers.camel.yaml (or panel-member template) re-creates the routes made from it
        RouteTemplateReload.install(getContext());
        BudgetPresence budgets = getContext().getRegistry().lookupByNameAndType("budgetGate", BudgetPresence.class);
        boolean budgeted = budgets == null || budgets.anyBudget();
        // rate limits (docs/budgets.md): per provider (quorum.ratelimit.<id>.*), else the default for all; 0 = unlimited
        Settings limits = Settings.of(getContext(), RATE_LIMIT_PREFIX);
        long window = limits.whole("window-ms", 60_000, 1, Long.MAX_VALUE);
        long defaultRate = limits.whole("requests-per-minute", 0, 0, Long.MAX_VALUE);
        int defaultConcurrent = limits.integer("concurrent-requests", 0, 0, Integer.MAX_VALUE);
        Map<String, long[]> byProvider = new HashMap<>();
        for (String id : limits.ids("")) {
            Settings own = limits.under(id);
            byProvider.put(id, new long[] {own.whole("requests-per-minute", defaultRate, 0, Long.MAX_VALUE),
                    own.integer("concurrent-requests", defaultConcurrent, 0, Integer.MAX_VALUE)});
        }
        limits.requireKnown();
        for (ProviderSpec spec : catalog.enabled()) {
            long[] own = byProvider.getOrDefault(spec.id(), new long[] {defaultRate, defaultConcurrent});
            templatedRoute(TEMPLATE)
                    .routeId("provider-" + spec.id())
                    .parameter("providerId", spec.id())
                    .parameter("requestsPerMinute", String.valueOf(own[0]))
                    .parameter("rateWindowMs", String.valueOf(window))
                    .parameter("concurrentRequests", String.valueOf(own[1]))
                    .parameter("withoutRateLimit", String.valueOf(own[0] == 0))
                    .parameter("withoutConcurrencyLimit", String.valueOf(own[1] == 0))
                    .parameter("withoutBudgets", String.valueOf(!budgeted));
        }
    }

    /**
     * The route made from the template for one provider: the template's route with the steps its {@code without*}
     * parameters name disabled. The copy is the route's own; the template is not changed.
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
        OPTIONAL_STEPS.forEach((parameter, ids) -> {
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
}
