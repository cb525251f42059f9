package dev.quorum.provider;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Carries per-call parameters into a provider's ChatModel and its full {@link ChatResponse} back out.
 * camel-langchain4j-chat keeps only the answer text and sends only the messages, but it calls the model on the
 * exchange's own thread, so a thread-bound capture opened just before the endpoint and closed just after it sees
 * exactly that exchange's call: tokens, model and finish reason are the provider's own numbers. It also carries the
 * call's {@link CallDeadline} to the HTTP client, which runs on the same thread.
 */
public final class CallCapture {

    private static final ThreadLocal<CallCapture> CURRENT = new ThreadLocal<>();

    private final Integer maxTokens;
    private final Double temperature;
    private final CallDeadline deadline;
    private final ChatRequestParameters parameters;
    private final long startedNanos;
    private ChatResponse response;

    private CallCapture(Integer maxTokens, Double temperature, CallDeadline deadline,
                        ChatRequestParameters parameters) {
        this.maxTokens = maxTokens;
        this.temperature = temperature;
        this.deadline = deadline;
        this.parameters = parameters;
        this.startedNanos = System.nanoTime();
    }

    static CallCapture open(Integer maxTokens, Double temperature, CallDeadline deadline) {
        return open(maxTokens, temperature, deadline, null);
    }

    /** Opens a capture whose call also carries {@code parameters} (a chat's tools, output format, ...), if not null. */
    static CallCapture open(Integer maxTokens, Double temperature, CallDeadline deadline,
                            ChatRequestParameters parameters) {
        CallCapture capture = new CallCapture(maxTokens, temperature, deadline, parameters);
        CURRENT.set(capture);
        return capture;
    }

    /** The chat's own parameters (max tokens and temperature included), or {@code null} for a plain prompt. */
    ChatRequestParameters parameters() {
        return parameters;
    }

    /** The capture of the call this thread is making, or {@code null} outside a provider route. */
    static CallCapture current() {
        return CURRENT.get();
    }

    /** Ends the capture on this thread and returns it. */
    static CallCapture close() {
        CallCapture capture = CURRENT.get();
        CURRENT.remove();
        return capture;
    }

    Integer maxTokens() {
        return maxTokens;
    }

    Double temperature() {
        return temperature;
    }

    /** The call's deadline, which the HTTP client under the model honours ({@link CallDeadline#current()}). */
    CallDeadline deadline() {
        return deadline;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    ChatResponse response() {
        return response;
    }

    void record(ChatResponse response) {
        this.response = response;
    }
}
