package dev.quorum.budget;

import java.util.List;

/**
 * What a call reserved before it was made, as a lease: the estimate, held in every budget window that applies to it,
 * under the call's id, until {@code expiresAtMillis} (the call's timeout times its attempts, plus a margin). A lease
 * its call never settles (the process died) is released by any instance once expired, or by its owner at its next
 * start. {@code leaseMillis} is how long a renewal extends it.
 */
public record Reservation(List<BudgetWindow> windows, long estimateNanos, String leaseId, long expiresAtMillis,
                          long leaseMillis) {

    public Reservation {
        windows = List.copyOf(windows);
    }

    Reservation renewedAt(long nowMillis) {
        return new Reservation(windows, estimateNanos, leaseId, nowMillis + leaseMillis, leaseMillis);
    }
}
