package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * Builds the LangChain4j clients for one provider kind from its spec: the {@link ChatModel} behind the provider's
 * endpoint and the {@link StreamingChatModel} that streams tokens to an OpenAI-API caller who asked for a stream.
 * LangChain4j's own retries are always 0 (its streaming models never retry): retries, timeouts and fallback belong
 * to the routes, and a client that retried by itself would multiply them. Every factory gives its models the
 * {@link ApacheHttpClient} through {@link ModelSettings}.
 */
public interface ChatModelFactory {

    ChatModel create(ProviderSpec spec);

    StreamingChatModel createStreaming(ProviderSpec spec);
}
