package dev.quorum.budget;

import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.Usd;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Answers {@code GET /api/v1/usage?period=day|month&by=provider|model|tenant}: the current period's requests,
 * errors, tokens and cost from the ledger, in total and per group, every budget with what is spent and left, and
 * the latest failed calls. The JSON shape is fixed (docs/api.md); dashboards depend on it.
 */
public final class UsageReport {

    private static final int RECENT_ERRORS = 20;

    private final UsageLedger ledger;
    private final BudgetStore store;
    private final List<Budget> budgets;
    private final Clock clock;

    public UsageReport(UsageLedger ledger, BudgetStore store, List<Budget> budgets, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.budgets = List.copyOf(budgets);
        this.clock = clock;
    }

    public Map<String, Object> report(Exchange exchange) throws SQLException {
        String periodName = exchange.getMessage().getHeader("period", "day", String.class);
        String by = exchange.getMessage().getHeader("by", "provider", String.class);
        Period period = Period.fromWireName(periodName);
        if (period == null) {
            throw new InvalidRequestException("period", "period must be 'day' or 'month', not '" + periodName + "'");
        }
        if (!UsageLedger.GROUPS.contains(by)) {
            throw new InvalidRequestException("by", "by must be 'provider', 'model' or 'tenant', not '" + by + "'");
        }
        return report(period, by);
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
        report.put("totals", totals(totals.isEmpty() ? new UsageLedger.Totals(null, 0, 0, 0, 0, 0) : totals.get(0), false));
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
            errors.add(row);
        }
        report.put("recentErrors", errors);
        return report;
    }

    private static Map<String, Object> totals(UsageLedger.Totals totals, boolean withKey) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (withKey) {
            row.put("key", totals.key());
        }
        row.put("requests", totals.requests());
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
