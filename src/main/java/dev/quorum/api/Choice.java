package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * One of the {@code n} choices of a single-mode request that asked for more than one: its index (0..n-1), the
 * answer and tool calls, and the provider call that gave it with its own tokens and cost. Each choice is a separate
 * provider call (LangChain4j's chat model answers one message per call), priced and written to the ledger on its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Choice(
        int index,
        String answer,
        List<Chat.ToolCall> toolCalls,
        String finishReason,
        String provider,
        String model,
        Integer inputTokens,
        Integer outputTokens,
        @JsonSerialize(using = Usd.Json.class) Double costUsd) {

    /** This choice as the response cache answers it again: nothing spent. */
    public Choice free() {
        return new Choice(index, answer, toolCalls, finishReason, provider, model, inputTokens, outputTokens, 0.0);
    }

    /** The choice a single-mode run's result gives. */
    public static Choice of(int index, CompletionResult result) {
        return new Choice(index, result.answer(), result.toolCalls(), result.finishReason(), result.provider(),
                result.model(), result.inputTokens(), result.outputTokens(), result.costUsd());
    }
}
