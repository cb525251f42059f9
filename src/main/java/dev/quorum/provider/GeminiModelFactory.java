package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;

/** Google's Gemini generateContent API (streamGenerateContent with {@code alt=sse} for streams). */
final class GeminiModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder = GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .modelName(spec.model())
                .apiKey(spec.apiKey().reveal())
                .timeout(spec.timeout())
                .maxOutputTokens(spec.maxOutputTokens())
                .maxRetries(0);
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        GoogleAiGeminiStreamingChatModel.GoogleAiGeminiStreamingChatModelBuilder builder =
                GoogleAiGeminiStreamingChatModel.builder()
                        .httpClientBuilder(KeepAliveHttpClient.builder())
                        .modelName(spec.model())
                        .apiKey(spec.apiKey().reveal())
                        .timeout(spec.timeout())
                        .maxOutputTokens(spec.maxOutputTokens());
        if (spec.baseUrl() != null) {
            builder.baseUrl(spec.baseUrl());
        }
        return builder.build();
    }
}
