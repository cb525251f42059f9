package dev.quorum.provider;

import dev.langchain4j.model.chat.ChatModel;

/**
 * Builds the LangChain4j client for one provider kind from its spec. LangChain4j's own retries are always 0:
 * retries, timeouts and fallback belong to the routes, and a client that retried by itself would multiply them.
 * Every factory gives its model Quorum's {@link UrlConnectionHttpClient}.
 */
public interface ChatModelFactory {

    ChatModel create(ProviderSpec spec);
}
