package dev.quorum.budget;

/**
 * One row of the usage ledger: one provider call (or one call a budget refused) with who asked, what it used, what
 * it cost in nano-dollars, how long it took and how it ended ({@code ok}, the error type, or {@code interrupted} for
 * a call the process died during). {@code callId} names the call (its journal intent and budget lease carry the
 * same id), so a row replayed from the journal after a crash is written once.
 */
public record LedgerEntry(String callId, long atMillis, String requestId, String tenant, String provider, String model,
                          String task, int inputTokens, int outputTokens, int cachedTokens, int reasoningTokens,
                          long costNanos, long latencyMs, String outcome) {

    public static final String OK = "ok";
    /** The outcome of a call that was in flight when its Quorum process died: its result was never seen. */
    public static final String INTERRUPTED = "interrupted";
}
