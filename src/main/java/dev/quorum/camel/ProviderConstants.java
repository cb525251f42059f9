package dev.quorum.camel;

/**
 * One provider call, as a provider route makes it: the provider, its attempts and retries, its id, token limit, token
 * usage and the sink it streams to ({@code dev.quorum.provider}, the provider route template). All are exchange
 * variables.
 */
public final class ProviderConstants {

    /** Variable: the id of the provider a provider route serves or a single-mode request was sent to. */
    public static final String VAR_PROVIDER = "provider";

    /** Variable: the id of the provider call being made: its ledger row, its journal intent and its budget lease. */
    public static final String VAR_CALL_ID = "providerCallId";

    /** Variable: the attempt number of the current provider call, from 1, in a provider route. */
    public static final String VAR_ATTEMPT = "providerAttempt";

    /** Variable: {@code true} while a provider route should call its provider again. */
    public static final String VAR_RETRY = "retryProvider";

    /** Variable: milliseconds a provider route waits before its next attempt. */
    public static final String VAR_RETRY_DELAY = "retryDelayMs";

    /** Variable: milliseconds the provider's last failed attempt asked to wait in its headers, -1 for none. */
    public static final String VAR_RETRY_AFTER = "providerRetryAfterMs";

    /** Variable: System.nanoTime() when a provider route made its first attempt, for the whole call's latency. */
    public static final String VAR_CALL_STARTED = "providerCallStarted";

    /** Variable: the max output tokens sent with the provider call being made (dev.quorum.provider.MaxOutputTokens). */
    public static final String VAR_MAX_OUTPUT_TOKENS = "maxOutputTokens";

    /** Variable: the provider's reported {@code TokenUsage} of the call a provider route just made (budgets price it). */
    public static final String VAR_TOKEN_USAGE = "tokenUsage";

    /**
     * Variable: the {@link dev.quorum.provider.TokenSink} a single-mode provider call streams its tokens to; set only
     * by a trigger that can stream (the OpenAI API when asked for a stream).
     */
    public static final String VAR_TOKEN_SINK = "tokenSink";

    private ProviderConstants() {
    }
}
