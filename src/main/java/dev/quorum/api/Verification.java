package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a verification ensemble ({@code algorithm: verify}) did: how it ended ({@code valid}: a verifier panel
 * accepted an answer; {@code limit_reached}: every attempt up to {@code maxAttempts} was judged invalid or failed;
 * {@code unverified}: no verifier gave a readable verdict, so the answer stands unchecked; {@code failed}: no
 * generator answered), the attempt limit, and every attempt in order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(String outcome, int maxAttempts, List<Attempt> attempts) {

    public Verification {
        attempts = List.copyOf(attempts);
    }

    /**
     * One generation and its check: the generator, its answer ({@code null} when it failed), the panel's verdict
     * ({@code valid}, {@code invalid}, {@code unclear} when no verifier's reply could be read, {@code failed} when the
     * generator did not answer), the reason, and each verifier's own verdict.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, String generator, String answer, String verdict, String reason,
                          List<Check> verifiers) {

        public Attempt {
            verifiers = verifiers == null ? null : List.copyOf(verifiers);
        }
    }

    /** One verifier's verdict on an answer: valid, invalid, unclear (its reply was not a verdict) or failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(String verifier, String verdict, String reason) {
    }
}
