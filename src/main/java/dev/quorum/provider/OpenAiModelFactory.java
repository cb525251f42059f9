package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** OpenAI and servers that copy its chat completions API (Groq, vLLM, LM Studio, Together). */
final class OpenAiModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().isPresent() ? spec.apiKey().reveal() : "none")
                .timeout(spec.timeout())
                .maxTokens(spec.maxOutputTokens())
                .maxRetries(0);
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }

    /** Asks for {@code stream_options.include_usage}, so the last chunk carries the provider's token counts. */
    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().isPresent() ? spec.apiKey().reveal() : "none")
                .timeout(spec.timeout())
                .maxTokens(spec.maxOutputTokens());
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
