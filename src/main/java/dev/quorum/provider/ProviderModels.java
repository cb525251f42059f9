package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;

/** Builds the ChatModel bean a provider's endpoint calls: the kind's client, wrapped so its usage is captured. */
public final class ProviderModels {

    private ProviderModels() {
    }

    public static ChatModel create(ProviderSpec spec) {
        return new CapturingChatModel(spec.kind().factory().create(spec));
    }
}
