package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;

/** A local or remote Ollama server's chat API; no key, no price. Streams arrive as newline-delimited JSON. */
final class OllamaModelFactory implements ChatModelFactory {

    static final String DEFAULT_BASE_URL = "http://localhost:11434";

    @Override
    public ChatModel create(ProviderSpec spec) {
        return OllamaChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .baseUrl(spec.baseUrl() == null ? DEFAULT_BASE_URL : spec.baseUrl())
                .modelName(spec.model())
                .timeout(spec.timeout())
                .numPredict(spec.maxOutputTokens())
                .maxRetries(0)
                .build();
    }

    @Override
    public StreamingChatModel createStreaming(ProviderSpec spec) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(KeepAliveHttpClient.builder())
                .baseUrl(spec.baseUrl() == null ? DEFAULT_BASE_URL : spec.baseUrl())
                .modelName(spec.model())
                .timeout(spec.timeout())
                .numPredict(spec.maxOutputTokens())
                .build();
    }
}
