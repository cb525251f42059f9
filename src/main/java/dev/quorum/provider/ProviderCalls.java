package dev.quorum.provider;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.quorum.secrets.Secrets;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.quorum.api.Chat;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The steps of a provider route around its {@code langchain4j-chat} endpoint: {@link #prepare} turns the request
 * into chat messages and opens the call capture, {@link #complete} turns the provider's answer and reported usage
 * into a {@link ProviderResponse} priced from the catalog, and {@link #failed} turns an exception into one that
 * says what the provider did (or that its circuit breaker did not let the call through). Either way the provider
 * route answers with a ProviderResponse, never an exception. {@link #prepare} also starts the call's
 * {@link CallDeadline} ({@code timeout-ms}); a call aborted at it is a {@code provider_timeout}.
 */
public final class ProviderCalls {

    private static final int MAX_ERROR_MESSAGE = 300;

    /** The error type of a provider whose stream broke after tokens had been sent to the caller. */
    public static final String STREAM_BROKEN = "provider_stream_broken";

    private final ProviderCatalog catalog;
    private final Secrets secrets;
    private final MaxOutputTokens maxOutputTokens;

    /**
     * {@code secrets}: the configured key values, masked out of every provider error before it becomes data;
     * {@code maxOutputTokens}: the cap every call carries, the same number the budget estimate prices.
     */
    public ProviderCalls(ProviderCatalog catalog, Secrets secrets, MaxOutputTokens maxOutputTokens) {
        this.catalog = catalog;
        this.secrets = secrets;
        this.maxOutputTokens = maxOutputTokens;
    }

    /**
     * The request as chat messages, and the call's parameters: every call carries a max output tokens (the number the
     * budget estimate priced, {@link MaxOutputTokens}), so no answer can run longer than its estimate.
     */
    public void prepare(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        ProviderSpec spec = spec(exchange);
        int cap = maxOutputTokens.of(request, spec);
        exchange.setVariable(ProviderConstants.VAR_MAX_OUTPUT_TOKENS, cap);
        Chat chat = request.chat();
        if (chat != null && !chat.messages().isEmpty()) {
            if (chat.hasImageUrls() && !spec.kind().passesImageUrls()) {
                // this kind's client would download the URL inside Quorum (SSRF): refused before any call
                throw new UnsupportedFeatureException(spec.kind().wireName() + " providers take images only as data: "
                        + "URLs; Quorum does not fetch an image URL for a provider");
            }
            // a conversation goes as its own messages, with its tools, output format and sampling options
            CallCapture.open(cap, request.temperature(), CallDeadline.start(spec.timeout()),
                    ChatRequests.parameters(chat, spec.kind(), cap, request.temperature()));
            exchange.getMessage().setBody(ChatRequests.messages(chat));
            return;
        }
        List<ChatMessage> messages = new ArrayList<>(2);
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        messages.add(UserMessage.from(request.prompt()));
        // the deadline of this call, from now to the answer's last byte; the HTTP client aborts the call when it passes
        CallCapture.open(cap, request.temperature(), CallDeadline.start(spec.timeout()),
                chat == null ? null : ChatRequests.parameters(chat, spec.kind(), cap, request.temperature()));
        exchange.getMessage().setBody(messages);
    }

    public void complete(Exchange exchange) {
        ProviderSpec spec = spec(exchange);
        CallCapture capture = CallCapture.close();
        ChatResponse response = capture == null ? null : capture.response();
        long latency = capture == null ? 0 : capture.elapsedMillis();
        String answer = exchange.getMessage().getBody(String.class);
        Integer in = null;
        Integer out = null;
        Double cost = null;
        String model = spec.model();
        String finishReason = null;
        List<Chat.ToolCall> toolCalls = null;
        if (response != null) {
            if (response.aiMessage() != null && response.aiMessage().hasToolExecutionRequests()) {
                toolCalls = toolCalls(response.aiMessage().toolExecutionRequests());
            }
            TokenUsage usage = response.tokenUsage();
            if (usage != null) {
                // the full usage (cached and reasoning tokens where reported) for the budget step that prices it
                exchange.setVariable(ProviderConstants.VAR_TOKEN_USAGE, usage);
                in = usage.inputTokenCount();
                out = usage.outputTokenCount();
                cost = spec.pricing().cost(in == null ? 0 : in, out == null ? 0 : out);
            }
            if (response.modelName() != null) {
                model = response.modelName();
            }
            if (response.finishReason() != null) {
                finishReason = response.finishReason().name().toLowerCase(Locale.ROOT);
            }
        }
        exchange.getMessage().setBody(new ProviderResponse(spec.id(), model, answer, in, out, cost, latency,
                finishReason, null, 200, null, null, null, toolCalls));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Arguments as compact JSON, whichever way the provider's client printed them; kept as sent if not JSON. */
    private static String compact(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return "{}";
        }
        try {
            return JSON.readTree(arguments).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return arguments;
        }
    }

    /** The provider's tool calls; a call without an id (Gemini, Ollama send none) gets one. */
    private static List<Chat.ToolCall> toolCalls(List<ToolExecutionRequest> requests) {
        List<Chat.ToolCall> calls = new ArrayList<>(requests.size());
        for (ToolExecutionRequest request : requests) {
            String id = request.id() == null || request.id().isBlank()
                    ? "call_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24) : request.id();
            String arguments = compact(request.arguments());
            calls.add(new Chat.ToolCall(id, request.name(), arguments));
        }
        return List.copyOf(calls);
    }

    public void failed(Exchange exchange) {
        ProviderSpec spec = spec(exchange);
        CallCapture capture = CallCapture.close();
        long latency = capture == null ? 0 : capture.elapsedMillis();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // the wait the provider's headers asked for (Retry-After, retry-after-ms), for the retry policy
        ProviderHttpException http = find(failure, ProviderHttpException.class);
        exchange.setVariable(ProviderConstants.VAR_RETRY_AFTER, http == null ? -1L : http.retryAfterMs());
        exchange.getMessage().setBody(describe(spec, failure, latency, capture == null ? null : capture.deadline()));
    }

    ProviderResponse describe(ProviderSpec spec, Throwable failure, long latency, CallDeadline deadline) {
        String id = spec.id();
        ErrorInfo error;
        int status;
        HttpException http = find(failure, HttpException.class);
        if (failure == null || find(failure, CallNotPermittedException.class) != null) {
            // the circuitBreaker EIP short-circuited the call: its fallback runs without an exception
            error = ErrorInfo.provider("provider_unavailable", id, null, "provider '" + id + "' was not called: its "
                    + "circuit breaker is open after repeated failures");
            status = 503;
        } else if (deadline != null && deadline.passed()) {
            // aborted at its deadline, whatever the client made of the closed connection; not retried (it already
            // took the caller's whole wait), counted by the breaker, and the router moves on before a first token
            StreamBrokenException broken = find(failure, StreamBrokenException.class);
            error = ErrorInfo.provider("provider_timeout", id, null, "provider '" + id + "' " + deadline.describe()
                    + (broken == null ? "" : "; its stream was cut after " + broken.charactersSent()
                    + " characters had been sent"));
            status = 504;
        } else if (find(failure, UnsupportedFeatureException.class) != null) {
            // the provider's client cannot send what the request asks (a feature its kind lacks): the caller's
            // request, not the provider, is at fault; another provider may do it
            error = ErrorInfo.provider("provider_unsupported", id, null, "provider '" + id + "' cannot do what the "
                    + "request asks: " + text(find(failure, UnsupportedFeatureException.class).getMessage()));
            status = 422;
        } else if (find(failure, StreamBrokenException.class) != null) {
            // no provider status: a partial answer has been sent, so neither a retry nor a fallback may follow
            error = ErrorInfo.provider(STREAM_BROKEN, id, null,
                    text(find(failure, StreamBrokenException.class).getMessage()));
            status = 502;
        } else if (find(failure, HttpTimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, java.util.concurrent.TimeoutException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null) {
            error = ErrorInfo.provider("provider_timeout", id, null, "provider '" + id + "' did not answer within "
                    + spec.timeout().toMillis() + " ms");
            status = 504;
        } else if (http != null) {
            int code = http.statusCode();
            String type = code == 429 ? "provider_rate_limited" : "provider_error";
            error = ErrorInfo.provider(type, id, code, "provider '" + id + "' answered HTTP " + code + ": "
                    + text(http.getMessage()));
            status = code == 429 ? 429 : 502;
        } else if (find(failure, ConnectException.class) != null || find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedModelServerException.class) != null) {
            error = ErrorInfo.provider("provider_unreachable", id, null, "provider '" + id + "' could not be reached at its base URL");
            status = 502;
        } else {
            String message = failure == null ? "unknown failure"
                    : failure.getClass().getSimpleName() + ": " + text(failure.getMessage());
            error = ErrorInfo.provider("provider_error", id, null, "provider '" + id + "' failed: " + message);
            status = 502;
        }
        return new ProviderResponse(id, spec.model(), null, null, null, null, latency, null, error, status);
    }

    private ProviderSpec spec(Exchange exchange) {
        String id = exchange.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        ProviderSpec spec = catalog.get(id);
        if (spec == null) {
            throw new IllegalStateException("no provider '" + id + "' in the catalog");
        }
        return spec;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * A provider's own words (an error body, an exception message) as they may appear in an error: every configured
     * secret masked first, over the whole text, so a key cut by the abbreviation cannot survive as a prefix.
     */
    private String text(String message) {
        return abbreviate(secrets.redact(message));
    }

    private static String abbreviate(String message) {
        if (message == null) {
            return "(no message)";
        }
        String flat = message.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_ERROR_MESSAGE ? flat : flat.substring(0, MAX_ERROR_MESSAGE) + "…";
    }
}
