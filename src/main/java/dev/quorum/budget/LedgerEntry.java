package dev.quorum.budget;

/**
 * One row of the usage ledger: one provider call (or one call a budget refused) with who asked, what it used, what
 * it cost in nano-dollars, how long it took and how it ended ({@code ok} or the error type).
 */
public record LedgerEntry(long atMillis, String requestId, String tenant, String provider, String model, String task,
                          int inputTokens, int outputTokens, int cachedTokens, int reasoningTokens, long costNanos,
                          long latencyMs, String outcome) {

    public static final String OK = "ok";
}
