package dev.quorum.sim;

import java.time.Instant;

/**
 * One call a simulated provider received and what it answered: the last user message as {@code prompt}, the token
 * counts it reported (0 for a failed call), the HTTP status and the answer. Tests compare results with these.
 */
public record SimCall(String provider, WireFormat format, String model, String prompt, Integer maxTokens,
                      int inputTokens, int outputTokens, int status, String answer, Instant at) {
}
