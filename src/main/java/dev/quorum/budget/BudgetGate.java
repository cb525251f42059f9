package dev.quorum.budget;

import dev.langchain4j.model.output.TokenUsage;
import dev.quorum.QuorumHeaders;
import dev.quorum.api.BudgetInfo;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budget steps of a provider route. {@link #admit} answers "may this call spend?" before it is made: it
 * estimates the call's cost (prompt tokens at the input price plus the maximum output tokens at the output price)
 * and reserves the estimate in every budget window the call falls under, atomically in the database; when a budget
 * would be passed it says {@code downgrade} (naming the cheapest provider that still fits) or {@code reject}.
 * {@link #settle} prices the provider's reported tokens by class, replaces the reservation with that cost (a failed
 * call releases it), queues the ledger row and raises threshold alerts. {@link #rejected} is the refused call's
 * response, {@link #annotate} adds the request's warnings to its result. The route holds the flow; this bean only
 * answers.
 */
public final class BudgetGate {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetGate.class);

    public static final String ALLOW = "allow";
    public static final String DOWNGRADE = "downgrade";
    public static final String REJECT = "reject";

    static final String DEFAULT_TENANT = "default";

    private final ProviderCatalog catalog;
    private final PriceTable prices;
    private final List<Budget> budgets;
    private final BudgetStore store;
    private final UsageLedger ledger;
    private final int assumedOutputTokens;
    private final Clock clock;
    private final Set<String> unknownPriceLogged = ConcurrentHashMap.newKeySet();

    public BudgetGate(ProviderCatalog catalog, PriceTable prices, List<Budget> budgets, BudgetStore store,
                      UsageLedger ledger, int assumedOutputTokens, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.budgets = List.copyOf(budgets);
        this.store = store;
        this.ledger = ledger;
        this.assumedOutputTokens = assumedOutputTokens;
        this.clock = clock;
    }

    public List<Budget> budgets() {
        return budgets;
    }

    /** Sets {@code budgetVerdict}: allow (with a reservation when a budget applies), downgrade or reject. */
    public void admit(Exchange exchange) {
        exchange.removeVariable(QuorumHeaders.VAR_BUDGET_RESERVATION);
        if (budgets.isEmpty()) {
            exchange.setVariable(QuorumHeaders.VAR_BUDGET_VERDICT, ALLOW);
            return;
        }
        String providerId = exchange.getVariable(QuorumHeaders.VAR_PROVIDER, String.class);
        CompletionRequest request = exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
        ProviderSpec spec = catalog.get(providerId);
        ModelPrice price = prices.price(providerId);
        String tenant = tenant(request);
        Instant now = clock.instant();
        List<BudgetWindow> windows = windows(providerId, tenant, now);
        if (windows.isEmpty() || price == null || price.free()) {
            // no budget applies, or the call costs nothing (a local model) or an unknown amount (warned at settle)
            exchange.setVariable(QuorumHeaders.VAR_BUDGET_VERDICT, ALLOW);
            return;
        }
        long estimate = estimate(request, spec, price);
        List<BudgetStore.Violation> violations;
        try {
            violations = store.reserve(windows, estimate);
        } catch (SQLException e) {
            LOG.error("Budget check for a call to {} failed; the call is refused: {}", providerId, e.getMessage());
            refuse(exchange, new ProviderResponse(providerId, spec.model(), null, null, null, null, 0, null,
                    ErrorInfo.provider("budget_unavailable", providerId, null, "the budget store could not be "
                            + "reached, so no call that costs money is made"), 503));
            return;
        }
        if (violations.isEmpty()) {
            exchange.setVariable(QuorumHeaders.VAR_BUDGET_RESERVATION, new Reservation(windows, estimate));
            exchange.setVariable(QuorumHeaders.VAR_BUDGET_VERDICT, ALLOW);
            return;
        }
        BudgetStore.Violation first = violations.get(0);
        boolean downgrade = violations.stream().allMatch(v -> v.window().budget().policy() == Budget.Policy.DOWNGRADE)
                && !Boolean.TRUE.equals(exchange.getVariable(QuorumHeaders.VAR_BUDGET_DOWNGRADED));
        if (downgrade) {
            String target = cheapestFitting(request, tenant, providerId, now);
            if (target != null) {
                exchange.setVariable(QuorumHeaders.VAR_BUDGET_DOWNGRADE_TO, target);
                exchange.setVariable(QuorumHeaders.VAR_BUDGET_DOWNGRADED, true);
                exchange.setVariable(QuorumHeaders.VAR_BUDGET_VERDICT, DOWNGRADE);
                warn(exchange, "budget '" + first.window().budget().name() + "' would be exceeded by a call to "
                        + providerId + " (estimate " + usd(estimate) + ", " + usd(first.spend().total()) + " of "
                        + usd(first.window().budget().limitNanos()) + " used); downgraded to " + target
                        + ", the cheapest provider that fits");
                return;
            }
        }
        Budget budget = first.window().budget();
        String resetsAt = budget.period().end(now).toString();
        BudgetInfo info = new BudgetInfo(budget.name(), budget.scope().wireName(), key(first.window()),
                budget.period().wireName(), Money.usd(budget.limitNanos()), Money.usd(first.spend().spentNanos()),
                Money.usd(first.spend().reservedNanos()), Money.usd(estimate), budget.policy().wireName(), resetsAt);
        String message = "budget '" + budget.name() + "' (" + budget.scope().wireName()
                + (info.key() == null ? "" : " " + info.key()) + ", per " + budget.period().wireName() + ") would be "
                + "exceeded: " + usd(first.spend().spentNanos()) + " spent and " + usd(first.spend().reservedNanos())
                + " reserved of " + usd(budget.limitNanos()) + ", this call needs up to " + usd(estimate)
                + (downgrade ? " and no cheaper provider fits" : "") + "; it resets at " + resetsAt;
        refuse(exchange, new ProviderResponse(providerId, spec.model(), null, null, null, null, 0, null,
                new ErrorInfo("budget_exceeded", message, null, providerId, null, info), 429));
    }

    private void refuse(Exchange exchange, ProviderResponse response) {
        exchange.setVariable(QuorumHeaders.VAR_BUDGET_REFUSAL, response);
        exchange.setVariable(QuorumHeaders.VAR_BUDGET_VERDICT, REJECT);
    }

    /** The refused call's response (HTTP 429 with the budget, or 503 when budgets cannot be checked); ledgered. */
    public ProviderResponse rejected(Exchange exchange) {
        ProviderResponse refusal = exchange.getVariable(QuorumHeaders.VAR_BUDGET_REFUSAL, ProviderResponse.class);
        exchange.removeVariable(QuorumHeaders.VAR_BUDGET_REFUSAL);
        CompletionRequest request = exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
        ledger.record(new LedgerEntry(clock.millis(), request.id(), tenant(request), refusal.provider(), refusal.model(),
                exchange.getVariable(QuorumHeaders.VAR_TASK, String.class), 0, 0, 0, 0, 0, 0, refusal.error().type()));
        return refusal;
    }

    /** Prices the call, settles its reservation, queues its ledger row and raises the alerts it crossed. */
    public void settle(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        Reservation reservation = exchange.getVariable(QuorumHeaders.VAR_BUDGET_RESERVATION, Reservation.class);
        TokenUsage usage = exchange.getVariable(QuorumHeaders.VAR_TOKEN_USAGE, TokenUsage.class);
        exchange.removeVariable(QuorumHeaders.VAR_BUDGET_RESERVATION);
        exchange.removeVariable(QuorumHeaders.VAR_TOKEN_USAGE);
        CompletionRequest request = exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
        String providerId = response.provider();
        TokenClasses tokens = response.failed() ? TokenClasses.NONE : TokenClasses.of(usage);
        long cost = 0;
        if (!response.failed()) {
            ModelPrice price = prices.price(providerId);
            if (price == null) {
                if (unknownPriceLogged.add(providerId + "|" + response.model())) {
                    LOG.warn("No price for model {} of provider {}: its calls are counted at $0. Set "
                            + "quorum.price.<model>.input/output (USD per million tokens)", response.model(), providerId);
                }
                warn(exchange, "no price is configured for model " + response.model() + " of provider " + providerId
                        + ": its cost is counted as 0 and no budget limits it");
            } else {
                cost = price.costNanos(tokens);
            }
            double costUsd = Money.usd(cost);
            if (response.costUsd() == null || response.costUsd() != costUsd) {
                response = response.withCost(costUsd);
                exchange.getMessage().setBody(response);
            }
        }
        if (reservation != null) {
            try {
                List<BudgetStore.Crossing> crossings = store.settle(reservation, cost);
                if (!crossings.isEmpty()) {
                    alert(exchange, crossings);
                }
            } catch (SQLException e) {
                LOG.error("Could not settle the budget reservation of request {} ({} spent): {}", request.id(),
                        usd(cost), e.getMessage());
            }
        }
        String outcome = response.failed() ? response.error().type() : LedgerEntry.OK;
        ledger.record(new LedgerEntry(clock.millis(), request.id(), tenant(request), providerId, response.model(),
                exchange.getVariable(QuorumHeaders.VAR_TASK, String.class),
                response.inputTokens() == null ? 0 : response.inputTokens(),
                response.outputTokens() == null ? 0 : response.outputTokens(), tokens.cachedInput(),
                tokens.reasoning(), cost, response.latencyMs(), outcome));
    }

    /** The result with the request's warnings (a downgrade, an unknown price) added. */
    public CompletionResult annotate(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        @SuppressWarnings("unchecked")
        List<String> warnings = exchange.getVariable(QuorumHeaders.VAR_WARNINGS, List.class);
        if (warnings == null || warnings.isEmpty() || result == null) {
            return result;
        }
        List<String> merged = new ArrayList<>(result.warnings() == null ? List.of() : result.warnings());
        for (String warning : warnings) {
            if (!merged.contains(warning)) {
                merged.add(warning);
            }
        }
        return result.toBuilder().warnings(merged).build();
    }

    private void alert(Exchange exchange, List<BudgetStore.Crossing> crossings) {
        List<Map<String, Object>> alerts = new ArrayList<>(crossings.size());
        Instant now = clock.instant();
        for (BudgetStore.Crossing crossing : crossings) {
            Budget budget = crossing.window().budget();
            double percent = Math.round(10_000d * crossing.spentNanos() / budget.limitNanos()) / 100d;
            LOG.warn("Budget '{}' ({}{}, per {}) passed {}%: {} spent of {} ({}%)", budget.name(),
                    budget.scope().wireName(), key(crossing.window()) == null ? "" : " " + key(crossing.window()),
                    budget.period().wireName(), crossing.threshold(), usd(crossing.spentNanos()),
                    usd(budget.limitNanos()), percent);
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("type", "budget-threshold");
            alert.put("budget", budget.name());
            alert.put("scope", budget.scope().wireName());
            alert.put("key", key(crossing.window()));
            alert.put("period", budget.period().wireName());
            alert.put("threshold", crossing.threshold());
            alert.put("percent", percent);
            alert.put("spentUsd", Money.usd(crossing.spentNanos()));
            alert.put("limitUsd", Money.usd(budget.limitNanos()));
            alert.put("resetsAt", budget.period().end(now).toString());
            alert.put("at", now.toString());
            alerts.add(alert);
        }
        exchange.setVariable(QuorumHeaders.VAR_BUDGET_ALERTS, alerts);
    }

    /** The budget windows a call to {@code providerId} for {@code tenant} falls under now. */
    List<BudgetWindow> windows(String providerId, String tenant, Instant now) {
        List<BudgetWindow> windows = new ArrayList<>(budgets.size());
        for (Budget budget : budgets) {
            String subject = budget.subject(providerId, tenant);
            if (subject != null) {
                windows.add(new BudgetWindow(budget, subject, budget.period().key(now)));
            }
        }
        return windows;
    }

    /**
     * The estimate a call reserves: prompt tokens ({@link PromptTokens}) at the input price plus the most output
     * tokens it may produce (the request's maxTokens, else the provider's max-output-tokens, else
     * quorum.budget.assumed-output-tokens) at the output price.
     */
    long estimate(CompletionRequest request, ProviderSpec spec, ModelPrice price) {
        int output = request.maxTokens() != null ? request.maxTokens()
                : spec.maxOutputTokens() != null ? spec.maxOutputTokens() : assumedOutputTokens;
        return price.estimateNanos(PromptTokens.count(request, spec.kind()), output);
    }

    /** The enabled provider with a known price whose estimate fits every budget it falls under, cheapest first. */
    private String cheapestFitting(CompletionRequest request, String tenant, String refusedProvider, Instant now) {
        String best = null;
        long bestEstimate = Long.MAX_VALUE;
        for (ProviderSpec candidate : catalog.enabled()) {
            ModelPrice price = prices.price(candidate.id());
            if (candidate.id().equals(refusedProvider) || price == null) {
                continue;
            }
            long estimate = price.free() ? 0 : estimate(request, candidate, price);
            if (estimate >= bestEstimate) {
                continue; // enabled() is best quality first: on a tie the better provider stays
            }
            if (estimate == 0 || fits(candidate.id(), tenant, estimate, now)) {
                best = candidate.id();
                bestEstimate = estimate;
            }
        }
        return best;
    }

    private boolean fits(String providerId, String tenant, long estimate, Instant now) {
        try {
            for (BudgetWindow window : windows(providerId, tenant, now)) {
                if (!window.budget().fits(store.read(window).total(), estimate)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static void warn(Exchange exchange, String warning) {
        List<String> warnings = exchange.getVariable(QuorumHeaders.VAR_WARNINGS, List.class);
        if (warnings == null) {
            warnings = new ArrayList<>(2);
            exchange.setVariable(QuorumHeaders.VAR_WARNINGS, warnings);
        }
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    static String tenant(CompletionRequest request) {
        return request == null || request.tenant() == null || request.tenant().isBlank() ? DEFAULT_TENANT
                : request.tenant();
    }

    /** The key a report shows for a window: {@code null} for a global budget, else the provider or tenant. */
    static String key(BudgetWindow window) {
        return window.budget().scope() == Budget.Scope.GLOBAL ? null : window.subject();
    }

    private static String usd(long nanos) {
        return String.format(Locale.ROOT, "$%.6f", Money.usd(nanos));
    }
}
