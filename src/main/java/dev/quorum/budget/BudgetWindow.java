package dev.quorum.budget;

/**
 * One budget's spend for one subject (all calls, a provider or a tenant) in one period: a row of the
 * {@code budget_window} table. {@code id()} orders windows so every transaction locks them in the same order.
 */
public record BudgetWindow(Budget budget, String subject, String periodKey) {

    String id() {
        return budget.name() + '|' + subject + '|' + periodKey;
    }
}
