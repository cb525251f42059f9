package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/** A local or remote Ollama server's chat API; no key, no price. Streams arrive as newline-delimited JSON. */
final class OllamaModelFactory implements ChatModelFactory {

    static final String DEFAULT_BASE_URL = "http://localhost:11434";

    private static ModelSettings settings(ProviderSpec spec) {
        return new ModelSettings(spec, null, DEFAULT_BASE_URL);
    }

    @Override
    public ChatModel create(ProviderSpec spec) {
        OllamaChatModel.OllamaChatModelBuilder builder = OllamaChatModel.builder().numPredict(spec.maxOutputTokens());
        settings(spec).applyTo(builder::httpClientBuilder, builder::baseUrl, builder::modelName, null,
                builder::timeout, builder::maxRetries);
        return builder.build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        OllamaStreamingChatModel.OllamaStreamingChatModelBuilder builder = OllamaStreamingChatModel.builder()
                .numPredict(spec.maxOutputTokens());
        settings(spec).applyTo(builder::httpClientBuilder, builder::baseUrl, builder::modelName, null,
                builder::timeout);
        return builder.build();
    }
}
