package dev.quorum.provider;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.quorum.api.CompletionRequest;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;

/**
 * The streamed form of a provider route's call, used in place of its {@code langchain4j-chat} endpoint when the
 * caller can take tokens as they come ({@code tokenSink} variable): calls the provider's {@link StreamingChatModel}
 * and hands every token to the sink, blocking until the provider is done. It leaves the exchange as the endpoint
 * does (the answer as body, the complete response in the {@link CallCapture}), so {@code providerCalls.complete}
 * prices it the same way.
 *
 * <p>A failure before the first token is thrown as it came, so the circuit breaker, the retries and the fallback
 * loop treat it exactly like a failed non-streamed call. A failure after tokens were sent is a
 * {@link StreamBrokenException}: the breaker still counts it, but nothing retries or falls back.
 *
 * <p>The call's {@link CallDeadline} gets the provider's first-token limit here: the HTTP client aborts a stream whose
 * first token has not come within {@code first-token-timeout-ms}, or that has not ended within {@code timeout-ms}.
 */
public final class ProviderStreams {

    /** Extra wait beyond the provider's own timeout before a stream that never ends is given up. */
    private static final long GRACE_MILLIS = 5_000;

    private final ProviderCatalog catalog;
    private final Map<String, StreamingChatModel> models;

    public ProviderStreams(ProviderCatalog catalog, Map<String, StreamingChatModel> models) {
        this.catalog = catalog;
        this.models = Map.copyOf(models);
    }

    /** Builds the streaming model of every enabled provider, keyed by provider id. */
    public static Map<String, StreamingChatModel> models(ProviderCatalog catalog) {
        Map<String, StreamingChatModel> models = new java.util.HashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            models.put(spec.id(), ProviderModels.createStreaming(spec));
        }
        return models;
    }

    public void stream(Exchange exchange) {
        String id = exchange.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        StreamingChatModel model = models.get(id);
        ProviderSpec spec = catalog.get(id);
        if (model == null || spec == null) {
            throw new IllegalStateException("provider '" + id + "' has no streaming model");
        }
        TokenSink sink = exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK, TokenSink.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        @SuppressWarnings("unchecked")
        List<ChatMessage> messages = exchange.getMessage().getBody(List.class);
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages);
        // the cap providerCalls.prepare decided (MaxOutputTokens): the number the budget estimate priced
        Integer maxTokens = exchange.getVariable(ProviderConstants.VAR_MAX_OUTPUT_TOKENS, request.maxTokens(), Integer.class);
        CallCapture open = CallCapture.current();
        if (open != null && open.parameters() != null) {
            // a chat's tools, output format and sampling options (ChatRequests), the cap included
            chat.parameters(open.parameters());
        } else if (maxTokens != null || request.temperature() != null) {
            chat.parameters(ChatRequestParameters.builder()
                    .maxOutputTokens(maxTokens).temperature(request.temperature()).build());
        }
        // a stream's first token has its own limit (first-token-timeout-ms); the total deadline runs from prepare
        CallDeadline deadline = CallDeadline.current();
        if (deadline != null) {
            deadline.expectFirstToken(spec.firstTokenTimeout());
        }
        Tokens tokens = new Tokens(sink, request.id(), deadline);
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        ChatResponse response;
        try {
            model.chat(chat.build(), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    tokens.accept(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse complete) {
                    done.complete(complete);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            // Quorum's HTTP client streams on this thread, so the answer is usually complete already
            response = done.get(spec.timeout().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(id, tokens, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failure(id, tokens, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(id, tokens, e);
        }
        CallCapture capture = CallCapture.current();
        if (capture != null) {
            capture.record(response);
        }
        String answer = response.aiMessage() == null ? null : response.aiMessage().text();
        exchange.getMessage().setBody(answer == null ? tokens.text.toString() : answer);
    }

    private static RuntimeException failure(String id, Tokens tokens, Throwable cause) {
        if (tokens.sink.started()) {
            return new StreamBrokenException(id, tokens.text.length(), cause);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** The tokens received so far, passed on to the sink as they come. */
    private static final class Tokens {
        private final TokenSink sink;
        private final String requestId;
        private final CallDeadline deadline;
        private final StringBuilder text = new StringBuilder();

        Tokens(TokenSink sink, String requestId, CallDeadline deadline) {
            this.sink = sink;
            this.requestId = requestId;
            this.deadline = deadline;
        }

        void accept(String partial) {
            if (partial == null || partial.isEmpty()) {
                return;
            }
            if (text.isEmpty() && deadline != null) {
                deadline.tokenArrived();
            }
            text.append(partial);
            sink.token(requestId, partial);
        }
    }
}
