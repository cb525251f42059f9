package dev.quorum.budget;

import dev.langchain4j.model.output.TokenUsage;
import dev.quorum.api.BudgetInfo;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.quorum.api.Usd;
import dev.quorum.camel.BudgetConstants;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import dev.quorum.provider.BudgetPresence;
import dev.quorum.provider.MaxOutputTokens;
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
 * estimates the call's cost (prompt tokens at the input price plus the max output tokens the call will be sent,
 * {@link MaxOutputTokens}, at the output price) and reserves the estimate in every budget window the call falls under,
 * atomically in the database, as a lease under the call's id; when a budget would be passed it says {@code downgrade}
 * (naming the cheapest provider that still fits) or {@code reject}. An admitted call's intent goes to the ledger's
 * journal before the call, so a crash books it as {@code interrupted}; a ledger that cannot record (its database
 * down and its queue full) refuses every call with 503. {@link #renew} extends the lease of a call that waited
 * (rate limits) before it is made. {@link #settle} prices the provider's reported tokens by class (impossible counts
 * replaced by the estimate's, with a warning), journals the ledger row, then replaces the reservation with that cost
 * (a failed call releases it) and raises threshold alerts. {@link #rejected} is the refused call's response,
 * {@link #annotate} adds the request's warnings to its result. The route holds the flow; this bean only answers.
 *
 * <p>Tenant budgets bill the request's tenant only while API keys are on ({@code quorum.auth.enabled=true}: an HTTP
 * request's tenant is its key's, a file or Kafka request's is its own). With keys off anyone can name any tenant, so
 * tenant budgets bill every call to the tenant {@code default}; the named tenant is kept in the ledger as a label.
 */
public final class BudgetGate implements BudgetPresence {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetGate.class);

    public static final String ALLOW = "allow";
    public static final String DOWNGRADE = "downgrade";
    public static final String REJECT = "reject";
    /** The error type of a call refused because the ledger cannot record it. */
    public static final String LEDGER_UNAVAILABLE = "ledger_unavailable";

    static final String DEFAULT_TENANT = "default";
    /** A lease older than this when its call is about to be made (it waited in a rate limit) is renewed first. */
    private static final long RENEW_AFTER_MILLIS = 1_000;
    /** The lease of a provider the gate has no term for. */
    private static final long DEFAULT_LEASE_MILLIS = 600_000;

    private final ProviderCatalog catalog;
    private final PriceTable prices;
    private final List<Budget> budgets;
    private final BudgetStore store;
    private final UsageLedger ledger;
    private final MaxOutputTokens maxOutputTokens;
    private final Map<String, Long> leaseMillis;
    private final boolean tenantsFromRequest;
    private final boolean tenantBudgets;
    private final Clock clock;
    private final Set<String> unknownPriceLogged = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> implausibleLogged = new ConcurrentHashMap<>();

    /**
     * @param leaseMillis each provider's lease term: its timeout times its attempts, plus the backoffs and a margin
     * @param tenantsFromRequest whether tenant budgets may bill the request's tenant (API keys are on)
     */
    public BudgetGate(ProviderCatalog catalog, PriceTable prices, List<Budget> budgets, BudgetStore store,
                      UsageLedger ledger, MaxOutputTokens maxOutputTokens, Map<String, Long> leaseMillis,
                      boolean tenantsFromRequest, Clock clock) {
        this.catalog = catalog;
        this.prices = prices;
        this.budgets = List.copyOf(budgets);
        this.store = store;
        this.ledger = ledger;
        this.maxOutputTokens = maxOutputTokens;
        this.leaseMillis = Map.copyOf(leaseMillis);
        this.tenantsFromRequest = tenantsFromRequest;
        this.tenantBudgets = budgets.stream().anyMatch(b -> b.scope() == Budget.Scope.TENANT);
        this.clock = clock;
    }

    public List<Budget> budgets() {
        return budgets;
    }

    @Override
    public boolean anyBudget() {
        return !budgets.isEmpty();
    }

    /** Sets {@code budgetVerdict}: allow (with a lease when a budget applies), downgrade or reject. */
    public void admit(Exchange exchange) {
        exchange.removeVariable(BudgetConstants.VAR_BUDGET_RESERVATION);
        String providerId = exchange.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ProviderSpec spec = catalog.get(providerId);
        String callId = ledger.newCallId();
        exchange.setVariable(ProviderConstants.VAR_CALL_ID, callId);
        if (!ledger.accepting()) {
            refuse(exchange, new ProviderResponse(providerId, spec.model(), null, null, null, null, 0, null,
                    ErrorInfo.provider(LEDGER_UNAVAILABLE, providerId, null, "the usage ledger cannot record calls now ("
                            + ledger.pending() + " rows wait for its database), so no call is made; retry later"), 503));
            return;
        }
        if (budgets.isEmpty()) {
            allow(exchange, callId, request, providerId, spec);
            return;
        }
        ModelPrice price = prices.price(providerId);
        String tenant = budgetTenant(exchange, request);
        Instant now = clock.instant();
        List<BudgetWindow> windows = windows(providerId, tenant, now);
        if (windows.isEmpty() || price == null || price.free()) {
            // no budget applies, or the call costs nothing (a local model) or an unknown amount (warned at settle)
            allow(exchange, callId, request, providerId, spec);
            return;
        }
        long estimate = estimate(request, spec, price);
        long term = leaseMillis.getOrDefault(providerId, DEFAULT_LEASE_MILLIS);
        Reservation lease = new Reservation(windows, estimate, callId, now.toEpochMilli() + term, term);
        List<BudgetStore.Violation> violations;
        try {
            violations = store.reserve(lease);
        } catch (SQLException e) {
            LOG.error("Budget check for a call to {} failed; the call is refused: {}", providerId, e.getMessage());
            refuse(exchange, new ProviderResponse(providerId, spec.model(), null, null, null, null, 0, null,
                    ErrorInfo.provider("budget_unavailable", providerId, null, "the budget store could not be "
                            + "reached, so no call that costs money is made"), 503));
            return;
        }
        if (violations.isEmpty()) {
            exchange.setVariable(BudgetConstants.VAR_BUDGET_RESERVATION, lease);
            allow(exchange, callId, request, providerId, spec);
            return;
        }
        BudgetStore.Violation first = violations.get(0);
        boolean downgrade = violations.stream().allMatch(v -> v.window().budget().policy() == Budget.Policy.DOWNGRADE)
                && !Boolean.TRUE.equals(exchange.getVariable(BudgetConstants.VAR_BUDGET_DOWNGRADED));
        if (downgrade) {
            String target = cheapestFitting(request, tenant, providerId, now);
            if (target != null) {
                exchange.setVariable(BudgetConstants.VAR_BUDGET_DOWNGRADE_TO, target);
                exchange.setVariable(BudgetConstants.VAR_BUDGET_DOWNGRADED, true);
                exchange.setVariable(BudgetConstants.VAR_BUDGET_VERDICT, DOWNGRADE);
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

    /** The call goes ahead: its intent is journalled first, so a crash during it still leaves a ledger row. */
    private void allow(Exchange exchange, String callId, CompletionRequest request, String providerId,
                       ProviderSpec spec) {
        ledger.begin(callId, clock.millis(), request.id(), tenant(request), providerId, spec.model(),
                exchange.getVariable(RoutingConstants.VAR_TASK, String.class));
        exchange.setVariable(BudgetConstants.VAR_BUDGET_VERDICT, ALLOW);
    }

    private void refuse(Exchange exchange, ProviderResponse response) {
        exchange.setVariable(BudgetConstants.VAR_BUDGET_REFUSAL, response);
        exchange.setVariable(BudgetConstants.VAR_BUDGET_VERDICT, REJECT);
    }

    /**
     * Route step just before the call (after the rate limits): a call that waited more than a second since its lease
     * was granted extends the lease to a full term from now; if the lease expired and was released meanwhile it is
     * reserved again, and when that no longer fits the call is not made (an exception the route answers with).
     */
    public void renew(Exchange exchange) {
        Reservation lease = exchange.getVariable(BudgetConstants.VAR_BUDGET_RESERVATION, Reservation.class);
        if (lease == null) {
            return;
        }
        long now = clock.millis();
        if (now - (lease.expiresAtMillis() - lease.leaseMillis()) < RENEW_AFTER_MILLIS) {
            return;
        }
        Reservation renewed = lease.renewedAt(now);
        try {
            if (!store.renew(renewed) && !store.reserve(renewed).isEmpty()) {
                exchange.removeVariable(BudgetConstants.VAR_BUDGET_RESERVATION);
                throw new IllegalStateException("the budget lease of this call expired while it waited for its "
                        + "provider's rate limit, and its budget no longer fits it: the call is not made");
            }
            exchange.setVariable(BudgetConstants.VAR_BUDGET_RESERVATION, renewed);
        } catch (SQLException e) {
            LOG.warn("Could not renew the budget lease of call {}: {}", lease.leaseId(), e.getMessage());
        }
    }

    /** The refused call's response (HTTP 429 with the budget, or 503 when budgets cannot be checked); ledgered. */
    public ProviderResponse rejected(Exchange exchange) {
        ProviderResponse refusal = exchange.getVariable(BudgetConstants.VAR_BUDGET_REFUSAL, ProviderResponse.class);
        exchange.removeVariable(BudgetConstants.VAR_BUDGET_REFUSAL);
        String callId = exchange.getVariable(ProviderConstants.VAR_CALL_ID, String.class);
        exchange.removeVariable(ProviderConstants.VAR_CALL_ID);
        if (LEDGER_UNAVAILABLE.equals(refusal.error().type())) {
            return refusal; // no row: the ledger is what cannot take one, and nothing was spent
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ledger.record(new LedgerEntry(callId == null ? ledger.newCallId() : callId, clock.millis(), request.id(),
                tenant(request), refusal.provider(), refusal.model(),
                exchange.getVariable(RoutingConstants.VAR_TASK, String.class), 0, 0, 0, 0, 0, 0,
                refusal.error().type()));
        return refusal;
    }

    /**
     * Prices the call, journals its ledger row (before the result goes anywhere), settles its reservation and raises
     * the alerts it crossed. A settlement the database misses is retried later; the row in the journal already has
     * the cost, which a start after a crash books against the lease.
     */
    public void settle(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        Reservation reservation = exchange.getVariable(BudgetConstants.VAR_BUDGET_RESERVATION, Reservation.class);
        TokenUsage usage = exchange.getVariable(ProviderConstants.VAR_TOKEN_USAGE, TokenUsage.class);
        String callId = exchange.getVariable(ProviderConstants.VAR_CALL_ID, String.class);
        exchange.removeVariable(BudgetConstants.VAR_BUDGET_RESERVATION);
        exchange.removeVariable(ProviderConstants.VAR_TOKEN_USAGE);
        exchange.removeVariable(ProviderConstants.VAR_CALL_ID);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String providerId = response.provider();
        TokenClasses tokens = response.failed() ? TokenClasses.NONE : plausible(exchange, request, providerId, usage);
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
            Integer in = usage == null ? response.inputTokens() : tokens.uncachedInput() + tokens.cachedInput();
            Integer out = usage == null ? response.outputTokens() : tokens.plainOutput() + tokens.reasoning();
            if (response.costUsd() == null || response.costUsd() != costUsd
                    || !java.util.Objects.equals(in, response.inputTokens())
                    || !java.util.Objects.equals(out, response.outputTokens())) {
                response = response.withUsage(in, out, costUsd);
                exchange.getMessage().setBody(response);
            }
        }
        String outcome = response.failed() ? response.error().type() : LedgerEntry.OK;
        ledger.record(new LedgerEntry(callId == null ? ledger.newCallId() : callId, clock.millis(), request.id(),
                tenant(request), providerId, response.model(), exchange.getVariable(RoutingConstants.VAR_TASK, String.class),
                response.inputTokens() == null ? 0 : response.inputTokens(),
                response.outputTokens() == null ? 0 : response.outputTokens(), tokens.cachedInput(),
                tokens.reasoning(), cost, response.latencyMs(), outcome));
        if (reservation != null) {
            try {
                List<BudgetStore.Crossing> crossings = store.settle(reservation, cost);
                if (!crossings.isEmpty()) {
                    alert(exchange, crossings);
                }
            } catch (SQLException e) {
                LOG.error("Could not settle the budget lease of call {} ({} spent), retried later: {}",
                        reservation.leaseId(), usd(cost), e.getMessage());
                store.settleLater(reservation, cost);
            }
        }
    }

    /**
     * The call's tokens by class, or, when the provider reported counts no real call can have (negative, more output
     * than the max output tokens it was sent, more input than twice both its context window and the prompt's
     * estimate), the estimate's counts instead: the prompt estimate and the max output tokens, the most the call can
     * honestly cost. Logged (at most once a minute per provider) and warned in the result.
     */
    private TokenClasses plausible(Exchange exchange, CompletionRequest request, String providerId, TokenUsage usage) {
        if (usage == null) {
            return TokenClasses.NONE;
        }
        TokenClasses reported = TokenClasses.of(usage);
        ProviderSpec spec = catalog.get(providerId);
        Integer in = usage.inputTokenCount();
        Integer out = usage.outputTokenCount();
        int cap = exchange.getVariable(ProviderConstants.VAR_MAX_OUTPUT_TOKENS, maxOutputTokens.of(request, spec),
                Integer.class);
        boolean badOut = out != null && (out < 0 || out > cap);
        boolean badIn = in != null && (in < 0 || (in > 2L * spec.contextWindow()
                && in > 2L * PromptTokens.count(request, spec.kind())));
        boolean badClass = reported.uncachedInput() < 0 || reported.cachedInput() < 0 || reported.plainOutput() < 0
                || reported.reasoning() < 0;
        if (!badIn && !badOut && !badClass) {
            return reported;
        }
        int fixedIn = badIn || (in != null && in < 0) || badClass ? PromptTokens.count(request, spec.kind())
                : in == null ? 0 : in;
        int fixedOut = badOut || badClass ? cap : out == null ? 0 : out;
        String what = "provider " + providerId + " reported impossible usage (input " + in + ", output " + out
                + ", at most " + cap + " output tokens allowed): counted as " + fixedIn + " input and " + fixedOut
                + " output tokens, the call's estimate";
        long now = clock.millis();
        Long last = implausibleLogged.get(providerId);
        if (last == null || now - last > 60_000) {
            implausibleLogged.put(providerId, now);
            LOG.warn("{} (request {})", what, request.id());
        }
        warn(exchange, what);
        return new TokenClasses(fixedIn, 0, fixedOut, 0);
    }

    /** The result with the request's warnings (a downgrade, an unknown price) added. */
    public CompletionResult annotate(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        @SuppressWarnings("unchecked")
        List<String> warnings = exchange.getVariable(RequestConstants.VAR_WARNINGS, List.class);
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
            alert.put("spentUsd", Usd.ofNanos(crossing.spentNanos()));
            alert.put("limitUsd", Usd.ofNanos(budget.limitNanos()));
            alert.put("resetsAt", budget.period().end(now).toString());
            alert.put("at", now.toString());
            alerts.add(alert);
        }
        exchange.setVariable(BudgetConstants.VAR_BUDGET_ALERTS, alerts);
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
     * The estimate a call reserves: prompt tokens ({@link PromptTokens}) at the input price plus the max output tokens
     * the call is sent ({@link MaxOutputTokens}: the request's maxTokens, else the provider's max-output-tokens, else
     * quorum.provider.default-max-output-tokens) at the dearer of the output and reasoning prices.
     */
    long estimate(CompletionRequest request, ProviderSpec spec, ModelPrice price) {
        return price.estimateNanos(PromptTokens.count(request, spec.kind()), maxOutputTokens.of(request, spec));
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
        List<String> warnings = exchange.getVariable(RequestConstants.VAR_WARNINGS, List.class);
        if (warnings == null) {
            warnings = new ArrayList<>(2);
            exchange.setVariable(RequestConstants.VAR_WARNINGS, warnings);
        }
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    /**
     * The tenant tenant budgets bill: the request's while API keys are on, else {@code default} (with a warning when
     * the request named another, since with keys off anyone can name any tenant).
     */
    private String budgetTenant(Exchange exchange, CompletionRequest request) {
        String named = tenant(request);
        if (tenantsFromRequest || !tenantBudgets || DEFAULT_TENANT.equals(named)) {
            return tenantsFromRequest ? named : DEFAULT_TENANT;
        }
        warn(exchange, "tenant '" + (named.length() > 40 ? named.substring(0, 40) + "…" : named) + "' is a label "
                + "only while API keys are off (quorum.auth.enabled=false): tenant budgets bill this call to the "
                + "tenant '" + DEFAULT_TENANT + "'");
        return DEFAULT_TENANT;
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
