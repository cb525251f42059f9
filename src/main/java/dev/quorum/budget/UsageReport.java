package dev.quorum.budget;

import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.Usd;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Exchange;

/**
 * Answers {@code GET /api/v1/usage?period=day|month&by=provider|model|tenant}: the current period's provider calls,
 * the client requests behind them, errors, tokens and cost from the ledger, in total and per group, every budget with
 * what is spent and left, and the latest failed calls (with this instance's redacted message, {@link RecentErrors});
 * with {@code include=latency} each provider's p50/p95 latency over time, with {@code include=cascade} what cascades
 * saved ({@link VoteLedger}). The JSON shape is fixed, new fields only added (docs/api.md); dashboards depend on it.
 */
public final class UsageReport {

    private static final int RECENT_ERRORS = 20;

    /** What {@code include} may ask for besides the report's fixed fields. */
    static final Set<String> INCLUDES = Set.of("latency", "cascade");

    private final UsageLedger ledger;
    private final BudgetStore store;
    private final List<Budget> budgets;
    private final Clock clock;
    private final VoteLedger votes;
    private final RecentErrors errors;

    public UsageReport(UsageLedger ledger, BudgetStore store, List<Budget> budgets, Clock clock) {
        this(ledger, store, budgets, clock, null, null);
    }

    /**
     * @param votes  the consensus votes, for {@code include=cascade} (null: the cascade section is empty)
     * @param errors this instance's recent error messages, for {@code recentErrors[].message} (null: none)
     */
    public UsageReport(UsageLedger ledger, BudgetStore store, List<Budget> budgets, Clock clock, VoteLedger votes,
                       RecentErrors errors) {
        this.ledger = ledger;
        this.store = store;
        this.budgets = List.copyOf(budgets);
        this.clock = clock;
        this.votes = votes;
        this.errors = errors;
    }

    public Map<String, Object> report(Exchange exchange) throws SQLException {
        String periodName = exchange.getMessage().getHeader("period", "day", String.class);
        String by = exchange.getMessage().getHeader("by", "provider", String.class);
        String include = exchange.getMessage().getHeader("include", "", String.class);
        Period period = Period.fromWireName(periodName);
        if (period == null) {
            throw new InvalidRequestException("period", "period must be 'day' or 'month', not '" + periodName + "'");
        }
        if (!UsageLedger.GROUPS.contains(by)) {
            throw new InvalidRequestException("by", "by must be 'provider', 'model' or 'tenant', not '" + by + "'");
        }
        Set<String> included = new LinkedHashSet<>();
        for (String part : include.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!INCLUDES.contains(name)) {
                throw new InvalidRequestException("include", "include must be a comma list of 'latency' and "
                        + "'cascade', not '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'");
            }
            included.add(name);
        }
        Map<String, Object> report = report(period, by);
        Instant now = clock.instant();
        long from = period.start(now).toEpochMilli();
        long to = period.end(now).toEpochMilli();
        if (included.contains("latency")) {
            report.put("latency", latency(period, from, to));
        }
        if (included.contains("cascade")) {
            report.put("cascade", votes == null ? Map.of() : votes.cascades(from, to));
        }
        return report;
    }

    /**
     * Each provider's answered calls per slot (an hour of a day, a day of a month): calls, p50 and p95 latency in ms.
     */
    private Map<String, Object> latency(Period period, long from, long to) throws SQLException {
        long slot = period == Period.DAY ? 3_600_000L : 86_400_000L;
        Map<String, List<Map<String, Object>>> byProvider = new TreeMap<>();
        for (UsageLedger.LatencySlot point : ledger.latency(from, to, slot)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", Instant.ofEpochMilli(point.slotStartMillis()).toString());
            row.put("calls", point.calls());
            row.put("p50Ms", point.p50Ms());
            row.put("p95Ms", point.p95Ms());
            byProvider.computeIfAbsent(point.provider(), p -> new ArrayList<>()).add(row);
        }
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("slotMs", slot);
        latency.put("providers", byProvider);
        return latency;
    }

    /** Every configured budget's current window as the usage report shows it (name, key, spentUsd, limitUsd, ...). */
    public List<Map<String, Object>> budgets() throws SQLException {
        return budgets(clock.instant());
    }

    Map<String, Object> report(Period period, String by) throws SQLException {
        Instant now = clock.instant();
        Instant from = period.start(now);
        Instant to = period.end(now);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("period", period.wireName());
        report.put("from", from.toString());
        report.put("to", to.toString());
        report.put("by", by);
        List<UsageLedger.Totals> totals = ledger.totals(from.toEpochMilli(), to.toEpochMilli(), null);
        report.put("totals", totals(totals.isEmpty() ? new UsageLedger.Totals(null, 0, 0, 0, 0, 0, 0) : totals.get(0), false));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UsageLedger.Totals row : ledger.totals(from.toEpochMilli(), to.toEpochMilli(), by)) {
            rows.add(totals(row, true));
        }
        report.put("rows", rows);
        report.put("budgets", budgets(now));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (UsageLedger.ErrorRow error : ledger.recentErrors(from.toEpochMilli(), RECENT_ERRORS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", Instant.ofEpochMilli(error.atMillis()).toString());
            row.put("requestId", error.requestId());
            row.put("provider", error.provider());
            row.put("model", error.model());
            row.put("outcome", error.outcome());
            row.put("message", this.errors == null ? null : this.errors.message(error.requestId(), error.provider()));
            errors.add(row);
        }
        report.put("recentErrors", errors);
        report.put("cache", cache(ledger.cacheTotals(from.toEpochMilli(), to.toEpochMilli()),
                totals.isEmpty() ? 0 : totals.get(0).clientRequests()));
        return report;
    }

    /**
     * The response cache in the period (docs/cache.md): requests answered from it, their share of the client requests,
     * and what their stored answers had cost (the money saved).
     */
    private static Map<String, Object> cache(UsageLedger.CacheTotals cache, long clientRequests) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("hits", cache.hits());
        row.put("hitRatio", clientRequests == 0 ? 0d : Math.round(10_000d * cache.hits() / clientRequests) / 10_000d);
        row.put("savedUsd", Usd.ofNanos(cache.savedNanos()));
        return row;
    }

    private static Map<String, Object> totals(UsageLedger.Totals totals, boolean withKey) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (withKey) {
            row.put("key", totals.key());
        }
        row.put("requests", totals.requests());
        row.put("clientRequests", totals.clientRequests());
        row.put("errors", totals.errors());
        row.put("inputTokens", totals.inputTokens());
        row.put("outputTokens", totals.outputTokens());
        row.put("costUsd", Usd.ofNanos(totals.costNanos()));
        return row;
    }

    /** Every budget in its current period; a budget kept per provider or tenant lists each subject seen so far. */
    private List<Map<String, Object>> budgets(Instant now) throws SQLException {
        Map<String, List<BudgetStore.StoredWindow>> byPeriod = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Budget budget : budgets) {
            String periodKey = budget.period().key(now);
            List<BudgetStore.StoredWindow> windows = byPeriod.get(periodKey);
            if (windows == null) {
                windows = store.period(periodKey);
                byPeriod.put(periodKey, windows);
            }
            boolean listed = false;
            for (BudgetStore.StoredWindow window : windows) {
                if (budget.name().equals(window.budget())) {
                    rows.add(budget(budget, budget.scope() == Budget.Scope.GLOBAL ? null : window.subject(),
                            window.spend().spentNanos(), window.spend().reservedNanos(), now));
                    listed = true;
                }
            }
            if (!listed) {
                rows.add(budget(budget, budget.key(), 0, 0, now));
            }
        }
        return rows;
    }

    /** One budget window; {@code reservedUsd} is what calls in flight hold (their leases), not yet spent. */
    private static Map<String, Object> budget(Budget budget, String key, long spentNanos, long reservedNanos,
                                              Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", budget.name());
        row.put("scope", budget.scope().wireName());
        row.put("key", key);
        row.put("period", budget.period().wireName());
        row.put("limitUsd", Usd.ofNanos(budget.limitNanos()));
        row.put("spentUsd", Usd.ofNanos(spentNanos));
        row.put("reservedUsd", Usd.ofNanos(reservedNanos));
        row.put("remainingUsd", Usd.ofNanos(Math.max(0, budget.limitNanos() - spentNanos - reservedNanos)));
        row.put("percent", budget.limitNanos() == 0 ? 100d
                : Math.round(10_000d * spentNanos / budget.limitNanos()) / 100d);
        row.put("policy", budget.policy().wireName());
        row.put("thresholds", budget.thresholds());
        row.put("resetsAt", budget.period().end(now).toString());
        return row;
    }
}
