package dev.quorum.provider;

/**
 * What the provider routes need to know of budgets: whether any is configured. Without one, each provider route's
 * budget steps are disabled when the route is built. The budget gate implements it, so the provider package depends
 * on nothing of the budget package (which prices calls from the provider catalog).
 */
public interface BudgetPresence {

    /** Whether at least one budget is configured. */
    boolean anyBudget();
}
