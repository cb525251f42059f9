package dev.quorum.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/** Anthropic's messages API. Anthropic requires a max output token count, so the spec's (or 1024) is always sent. */
final class AnthropicModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        AnthropicChatModel.AnthropicChatModelBuilder builder = AnthropicChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().reveal())
                .timeout(spec.timeout())
                .maxTokens(maxTokens(spec))
                .maxRetries(0);
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder builder = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().reveal())
                .timeout(spec.timeout())
                .maxTokens(maxTokens(spec));
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }

    private static int maxTokens(ProviderSpec spec) {
        return spec.maxOutputTokens() == null ? 1024 : spec.maxOutputTokens();
    }
}
