package dev.quorum.budget;

import java.util.List;
import java.util.Locale;

/**
 * One configured budget ({@code quorum.budget.<name>.*}): a USD limit per day or month over all calls (global), one
 * provider's calls or one tenant's calls, what happens when a call would pass it, and the percentages at which an
 * alert fires. A provider or tenant budget without a key applies to each provider or tenant separately.
 * Amounts are held in nano-dollars (10^-9 USD) so the boundary comparison is exact.
 */
public record Budget(String name, Scope scope, String key, Period period, long limitNanos, Policy policy,
                     List<Integer> thresholds) {

    /** What a budget counts. */
    public enum Scope {
        GLOBAL, PROVIDER, TENANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to a call that would pass the budget. */
    public enum Policy {
        REJECT, DOWNGRADE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Budget {
        thresholds = List.copyOf(thresholds);
    }

    /**
     * The subject this budget counts a call under ({@code *} for global, the provider or tenant otherwise), or
     * {@code null} when the budget does not apply to the call.
     */
    public String subject(String provider, String tenant) {
        return switch (scope) {
            case GLOBAL -> "*";
            case PROVIDER -> key == null ? provider : key.equals(provider) ? key : null;
            case TENANT -> key == null ? tenant : key.equals(tenant) ? key : null;
        };
    }

    /**
     * The one boundary rule: a call fits when what is spent and reserved plus its estimate reaches the limit at most.
     * Reaching the limit exactly is allowed; passing it by a nano-dollar is not.
     */
    public boolean fits(long spentAndReservedNanos, long estimateNanos) {
        return spentAndReservedNanos + estimateNanos <= limitNanos;
    }
}
