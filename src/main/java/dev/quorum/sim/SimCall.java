package dev.quorum.sim;

import java.time.Instant;

/**
 * One call a simulated provider received and what it answered: the last user message as {@code prompt}, the token
 * counts it reported (0 for a failed call), the HTTP status and the answer. Tests compare results with these.
 * {@code at} is when the call was answered (for a stream, its last byte); {@code receivedAt} when its request arrived,
 * which is what a rate limit in front of the provider spaces out. {@code request} is what the request asked in its
 * wire format (messages with roles, tools, JSON mode, images, stop), {@code toolCalls} the tools the answer called.
 */
public record SimCall(String provider, WireFormat format, String model, String prompt, Integer maxTokens,
                      int inputTokens, int outputTokens, int status, String answer, Instant at,
                      Instant receivedAt, SimRequest request, java.util.List<String> toolCalls) {

    /** A call recorded without its parsed request (a failure, a hang). */
    public SimCall(String provider, WireFormat format, String model, String prompt, Integer maxTokens,
                   int inputTokens, int outputTokens, int status, String answer, Instant at, Instant receivedAt) {
        this(provider, format, model, prompt, maxTokens, inputTokens, outputTokens, status, answer, at, receivedAt, null,
                java.util.List.of());
    }
}
