package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * Builds the ChatModel bean a provider's endpoint calls (the kind's client, wrapped so its usage is captured) and the
 * provider's streaming model.
 */
public final class ProviderModels {

    private ProviderModels() {
    }

    public static ChatModel create(ProviderSpec spec) {
        return new CapturingChatModel(spec.kind().factory().create(spec));
    }

    /** The provider's streaming client, for callers who take the answer token by token. */
    public static StreamingChatModel createStreaming(ProviderSpec spec) {
        return spec.kind().factory().createStreaming(spec);
    }
}
