package dev.quorum.provider;

import dev.quorum.budget.BudgetGate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Makes one {@code direct:provider-<id>} route per enabled provider from the {@code provider-route} template in
 * {@code routes/engine/providers.camel.yaml}, so adding a provider is a few lines of configuration. Camel Main adds
 * templated routes after every template is loaded, whatever file it came from. Each route gets its provider's rate
 * limits ({@code quorum.ratelimit.*}) as template parameters for its throttles, and whether any budget is configured:
 * the steps a provider without limits, or a Quorum without budgets, would only pass through are left out of its route
 * when it is built ({@code disabled} in the template), rather than checked on every call.
 */
public final class ProviderRoutes extends RouteBuilder {

    static final String TEMPLATE = "provider-route";
    static final String RATE_LIMIT_PREFIX = "quorum.ratelimit.";

    private final ProviderCatalog catalog;

    public ProviderRoutes(ProviderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        BudgetGate budgetGate = getContext().getRegistry().lookupByNameAndType("budgetGate", BudgetGate.class);
        boolean budgeted = budgetGate == null || !budgetGate.budgets().isEmpty();
        for (ProviderSpec spec : catalog.enabled()) {
            // rate limits (docs/budgets.md): per provider, else the default for all; 0 = unlimited
            String rate = rateLimit(spec.id(), "requests-per-minute", "0");
            String concurrent = rateLimit(spec.id(), "concurrent-requests", "0");
            templatedRoute(TEMPLATE)
                    .routeId("provider-" + spec.id())
                    .parameter("providerId", spec.id())
                    .parameter("requestsPerMinute", rate)
                    .parameter("rateWindowMs", setting("quorum.ratelimit.window-ms", "60000"))
                    .parameter("concurrentRequests", concurrent)
                    .parameter("withoutRateLimit", String.valueOf(Long.parseLong(rate) == 0))
                    .parameter("withoutConcurrencyLimit", String.valueOf(Long.parseLong(concurrent) == 0))
                    .parameter("withoutBudgets", String.valueOf(!budgeted));
        }
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
