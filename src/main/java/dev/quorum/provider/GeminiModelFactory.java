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
                .maxOutputTokens(spec.maxOutputTokens());
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout, builder::maxRetries);
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        GoogleAiGeminiStreamingChatModel.GoogleAiGeminiStreamingChatModelBuilder builder =
                GoogleAiGeminiStreamingChatModel.builder().maxOutputTokens(spec.maxOutputTokens());
        ModelSettings.of(spec, spec.apiKey().reveal()).applyTo(builder::httpClientBuilder, builder::baseUrl,
                builder::modelName, builder::apiKey, builder::timeout);
        return builder.build();
    }
}
