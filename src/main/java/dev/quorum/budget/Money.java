package dev.quorum.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions between US dollars and the nano-dollars (10^-9 USD) budgets and the ledger count in. */
final class Money {

    static final long NANOS_PER_USD = 1_000_000_000L;

    private Money() {
    }

    static long nanos(double usd) {
        return BigDecimal.valueOf(usd).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The nearest double to nanos / 10^9 (IEEE division is correctly rounded, as BigDecimal's would be). */
    static double usd(long nanos) {
        return nanos / 1e9;
    }
}
