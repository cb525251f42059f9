package dev.quorum.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** Anthropic's messages API. Anthropic requires a max output token count, so the spec's (or 1024) is always sent. */
final class AnthropicModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder().maxTokens(maxTokens(spec));
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout, builder::maxRetries);
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder builder = AnthropicStreamingChatModel.builder()
                .maxTokens(maxTokens(spec));
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout);
        return builder.build();
    }

    private static int maxTokens(ProviderSpec spec) {
        return spec.maxOutputTokens() == null ? 1024 : spec.maxOutputTokens();
    }
}
