package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;

/** Mistral's chat completions API. */
final class MistralModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        MistralAiChatModel.MistralAiChatModelBuilder builder = MistralAiChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().reveal())
                .timeout(spec.timeout())
                .maxTokens(spec.maxOutputTokens())
                .maxRetries(0);
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        MistralAiStreamingChatModel.MistralAiStreamingChatModelBuilder builder = MistralAiStreamingChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().reveal())
                .timeout(spec.timeout())
                .maxTokens(spec.maxOutputTokens());
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
