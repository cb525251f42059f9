package dev.quorum.budget;

import java.util.List;

/** What a call reserved before it was made: the estimate, held in every budget window that applies to it. */
public record Reservation(List<BudgetWindow> windows, long estimateNanos) {
}
