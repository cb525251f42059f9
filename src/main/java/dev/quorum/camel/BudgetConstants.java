package dev.quorum.camel;

/**
 * Budgets and rate limits around a provider call: the gate's verdict, the lease it holds, a refusal or downgrade and
 * the alerts a settlement raised ({@code dev.quorum.budget}, docs/budgets.md). All are exchange variables.
 */
public final class BudgetConstants {

    /** Variable: the budget gate's verdict on a provider call: {@code allow}, {@code downgrade} or {@code reject}. */
    public static final String VAR_BUDGET_VERDICT = "budgetVerdict";

    /**
     * Variable: the {@link dev.quorum.budget.Reservation} (the budget lease) a provider call holds until it is settled;
     * renewed before the call.
     */
    public static final String VAR_BUDGET_RESERVATION = "budgetReservation";

    /** Variable: the error result of a call a budget refused. */
    public static final String VAR_BUDGET_REFUSAL = "budgetRefusal";

    /** Variable: the provider a budget downgrade sends the call to instead. */
    public static final String VAR_BUDGET_DOWNGRADE_TO = "budgetDowngradeTo";

    /** Variable: {@code true} once a request was downgraded, so a downgraded call is not downgraded again. */
    public static final String VAR_BUDGET_DOWNGRADED = "budgetDowngraded";

    /** Variable: budget threshold alerts ({@code List<Map>}) a settlement raised, sent on by the provider route. */
    public static final String VAR_BUDGET_ALERTS = "budgetAlerts";

    /** Variable: milliseconds a rate-limited call waits for the next shared rate window; 0 once it has a slot. */
    public static final String VAR_RATE_WAIT_MS = "rateWaitMs";

    private BudgetConstants() {
    }
}
