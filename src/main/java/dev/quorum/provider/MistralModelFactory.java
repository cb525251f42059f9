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
                .maxTokens(spec.maxOutputTokens());
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout, builder::maxRetries);
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        MistralAiStreamingChatModel.MistralAiStreamingChatModelBuilder builder = MistralAiStreamingChatModel.builder()
                .maxTokens(spec.maxOutputTokens());
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout);
        return builder.build();
    }
}
