package dev.quorum.provider;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Set;

/**
 * The ChatModel bean behind each provider endpoint: a thin decorator that applies the request's own max tokens,
 * temperature and chat options (tools, output format, ... from {@link ChatRequests}) and hands the provider's complete response to the {@link CallCapture} of the calling thread.
 */
final class CapturingChatModel implements ChatModel {

    private final ChatModel delegate;

    CapturingChatModel(ChatModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        CallCapture capture = CallCapture.current();
        ChatRequest effective = request;
        if (capture != null && (capture.parameters() != null || capture.maxTokens() != null
                || capture.temperature() != null)) {
            ChatRequestParameters overrides = capture.parameters() != null ? capture.parameters()
                    : ChatRequestParameters.builder()
                    .maxOutputTokens(capture.maxTokens())
                    .temperature(capture.temperature())
                    .build();
            effective = ChatRequest.builder()
                    .messages(request.messages())
                    // a chat's parameters go as built: merged into plain ones, OpenAI's seed would be dropped
                    .parameters(request.parameters() == null || capture.parameters() != null ? overrides
                            : request.parameters().overrideWith(overrides))
                    .build();
        }
        ChatResponse response = delegate.chat(effective);
        if (capture != null) {
            capture.record(response);
        }
        return response;
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}
