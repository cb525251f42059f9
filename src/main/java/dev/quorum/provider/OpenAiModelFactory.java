package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/** OpenAI and servers that copy its chat completions API (Groq, vLLM, LM Studio, Together). */
final class OpenAiModelFactory implements ChatModelFactory {

    @Override
    public ChatModel create(ProviderSpec spec) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder().maxTokens(spec.maxOutputTokens());
        settings(spec).applyTo(builder::httpClientBuilder, builder::baseUrl, builder::modelName, builder::apiKey,
                builder::timeout, builder::maxRetries);
        return builder.build();
    }

    /** Asks for {@code stream_options.include_usage}, so the last chunk carries the provider's token counts. */
    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder builder = OpenAiStreamingChatModel.builder()
                .maxTokens(spec.maxOutputTokens());
        settings(spec).applyTo(builder::httpClientBuilder, builder::baseUrl, builder::modelName, builder::apiKey,
                builder::timeout);
        return builder.build();
    }

    /** Servers that copy the API often take no key; LangChain4j requires one, so they are sent "none". */
    private static ModelSettings settings(ProviderSpec spec) {
        return ModelSettings.of(spec, spec.apiKey().isPresent() ? spec.apiKey().reveal() : "none");
    }
}
