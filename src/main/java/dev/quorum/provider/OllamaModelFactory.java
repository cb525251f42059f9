package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;

/** A local or remote Ollama server's chat API; no key, no price. */
final class OllamaModelFactory implements ChatModelFactory {

    static final String DEFAULT_BASE_URL = "http://localhost:11434";

    @Override
    public ChatModel create(ProviderSpec spec) {
        return OllamaChatModel.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .baseUrl(spec.baseUrl() == null ? DEFAULT_BASE_URL : spec.baseUrl())
                .modelName(spec.model())
                .timeout(spec.timeout())
                .numPredict(spec.maxOutputTokens())
                .maxRetries(0)
                .build();
    }
}
