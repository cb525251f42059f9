package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Locale;

/**
 * The wire protocols Quorum can speak, each with the factory that builds its LangChain4j {@link ChatModel}.
 * {@code openai-compatible} covers Groq, vLLM, LM Studio, Together and other servers that copy OpenAI's API.
 */
public enum ProviderKind {
    OPENAI("openai", true, new OpenAiModelFactory()),
    ANTHROPIC("anthropic", true, new AnthropicModelFactory()),
    GEMINI("gemini", true, new GeminiModelFactory()),
    OLLAMA("ollama", false, new OllamaModelFactory()),
    MISTRAL("mistral", true, new MistralModelFactory()),
    OPENAI_COMPATIBLE("openai-compatible", false, new OpenAiModelFactory());

    private final String wireName;
    private final boolean needsKey;
    private final ChatModelFactory factory;

    ProviderKind(String wireName, boolean needsKey, ChatModelFactory factory) {
        this.wireName = wireName;
        this.needsKey = needsKey;
        this.factory = factory;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the hosted API refuses calls without a key, so a provider of this kind without one is disabled. */
    public boolean needsKey() {
        return needsKey;
    }

    public ChatModelFactory factory() {
        return factory;
    }

    /**
     * Whether a request can make this kind's model call a tool ({@code toolChoice} required or named): LangChain4j's
     * Ollama client refuses it (Ollama's API has no tool choice), so the router never sends such a request there.
     */
    public boolean canForceToolCalls() {
        return this != OLLAMA;
    }

    /**
     * Whether this kind's client hands an image's http(s) URL to the provider. LangChain4j's Gemini and Ollama clients
     * download it themselves, inside Quorum: a caller could make Quorum fetch any address it can reach (a cloud
     * metadata endpoint, an internal service), so those kinds take images only as data: URLs.
     */
    public boolean passesImageUrls() {
        return this != GEMINI && this != OLLAMA;
    }

    public static ProviderKind fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ProviderKind kind : values()) {
            if (kind.wireName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider kind '" + name + "'; expected one of "
                + "openai, anthropic, gemini, ollama, mistral, openai-compatible");
    }
}
