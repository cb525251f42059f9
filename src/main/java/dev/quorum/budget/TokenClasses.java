package dev.quorum.budget;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * One call's tokens split into the classes providers price differently. OpenAI counts cached prompt tokens inside
 * its input tokens and reasoning tokens inside its output tokens; Anthropic reports cache reads (and cache writes)
 * next to its input tokens. Either way {@code uncachedInput + cachedInput} is every prompt token and
 * {@code plainOutput + reasoning} every output token.
 */
public record TokenClasses(int uncachedInput, int cachedInput, int plainOutput, int reasoning) {

    public static final TokenClasses NONE = new TokenClasses(0, 0, 0, 0);

    public static TokenClasses of(TokenUsage usage) {
        if (usage == null) {
            return NONE;
        }
        int in = orZero(usage.inputTokenCount());
        int out = orZero(usage.outputTokenCount());
        if (usage instanceof OpenAiTokenUsage openAi) {
            int cached = openAi.inputTokensDetails() == null ? 0 : orZero(openAi.inputTokensDetails().cachedTokens());
            int reasoning = openAi.outputTokensDetails() == null ? 0 : orZero(openAi.outputTokensDetails().reasoningTokens());
            cached = Math.min(cached, in);
            reasoning = Math.min(reasoning, out);
            return new TokenClasses(in - cached, cached, out - reasoning, reasoning);
        }
        if (usage instanceof AnthropicTokenUsage anthropic) {
            return new TokenClasses(in + orZero(anthropic.cacheCreationInputTokens()),
                    orZero(anthropic.cacheReadInputTokens()), out, 0);
        }
        return new TokenClasses(in, 0, out, 0);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
