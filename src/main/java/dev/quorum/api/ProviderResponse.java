package dev.quorum.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What one provider did for one request: its answer with the usage it reported and what that cost, or the error it
 * failed with. A result lists one of these for every provider it asked. {@code latencyMs} is the whole call, every
 * attempt and the waits between them; {@code attempts} is set when the call was retried. In a consensus panel,
 * {@code confidence} is the share of the vote the provider's answer received and {@code accuracy} the provider's
 * accuracy the vote used. {@code toolCalls} holds the tools the provider asked to call (its answer is then often
 * empty, finish reason {@code tool_execution}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"provider", "model", "answer", "inputTokens", "outputTokens", "costUsd", "latencyMs", "attempts",
    "finishReason", "toolCalls", "confidence", "accuracy", "error"})
public record ProviderResponse(
        String provider,
        String model,
        String answer,
        Integer inputTokens,
        Integer outputTokens,
        @JsonSerialize(using = Usd.Json.class) Double costUsd,
        long latencyMs,
        String finishReason,
        ErrorInfo error,
        @JsonIgnore int status,
        Integer attempts,
        Double confidence,
        Double accuracy,
        List<Chat.ToolCall> toolCalls) {

    /** A response without tool calls. */
    public ProviderResponse(String provider, String model, String answer, Integer inputTokens, Integer outputTokens,
                            Double costUsd, long latencyMs, String finishReason, ErrorInfo error, int status,
                            Integer attempts, Double confidence, Double accuracy) {
        this(provider, model, answer, inputTokens, outputTokens, costUsd, latencyMs, finishReason, error, status,
                attempts, confidence, accuracy, null);
    }

    /** A response of one attempt, outside a vote. */
    public ProviderResponse(String provider, String model, String answer, Integer inputTokens, Integer outputTokens,
                            Double costUsd, long latencyMs, String finishReason, ErrorInfo error, int status) {
        this(provider, model, answer, inputTokens, outputTokens, costUsd, latencyMs, finishReason, error, status, null,
                null, null, null);
    }

    /** The same response with the tools the provider asked to call. */
    public ProviderResponse withToolCalls(List<Chat.ToolCall> calls) {
        return new ProviderResponse(provider, model, answer, inputTokens, outputTokens, costUsd, latencyMs, finishReason,
                error, status, attempts, confidence, accuracy, calls == null || calls.isEmpty() ? null : calls);
    }

    @JsonIgnore
    public boolean failed() {
        return error != null;
    }

    /** The same response with the whole call's latency and its number of attempts (kept out of the JSON when 1). */
    public ProviderResponse withAttempts(long totalLatencyMs, int attemptCount) {
        return new ProviderResponse(provider, model, answer, inputTokens, outputTokens, costUsd, totalLatencyMs,
                finishReason, error, status, attemptCount > 1 ? attemptCount : null, confidence, accuracy, toolCalls);
    }

    /** The same response with the usage the ledger books (impossible counts replaced) and its price. */
    public ProviderResponse withUsage(Integer input, Integer output, Double priced) {
        return new ProviderResponse(provider, model, answer, input, output, priced, latencyMs, finishReason,
                error, status, attempts, confidence, accuracy, toolCalls);
    }

    /** The same response with its share of a panel's vote and the provider's accuracy. */
    public ProviderResponse withVote(double share, double providerAccuracy) {
        return new ProviderResponse(provider, model, answer, inputTokens, outputTokens, costUsd, latencyMs, finishReason,
                error, status, attempts, share, providerAccuracy, toolCalls);
    }
}
