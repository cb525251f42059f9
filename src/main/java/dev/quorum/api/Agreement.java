package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How far the providers of a panel agreed: a level a person can act on (high, medium, low, conflict), the ratio of
 * the winning group's weight to the whole, which providers agreed and which dissented, the fastest of the agreeing
 * providers (its answer was the first the panel could have used) and the most confident one (the highest share of
 * the vote, ties to the most accurate provider). A panel that voted on tool calls or JSON lists each distinct
 * {@code proposals} with the providers that made it, and the providers whose answers were {@code invalid} (not JSON,
 * or not matching the schema) and so did not vote.
 */
public record Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String fastest,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String mostConfident,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Proposal> proposals,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> invalid) {

    /** One distinct structured answer: a tool call ({@code toolCalls}) or canonical JSON ({@code json}), and who proposed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proposal(List<Chat.ToolCall> toolCalls, String json, String text, List<String> providers) {
    }

    public Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting) {
        this(level, ratio, agreeing, dissenting, null, null);
    }

    public Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting, String fastest,
                     String mostConfident) {
        this(level, ratio, agreeing, dissenting, fastest, mostConfident, null, null);
    }

    /** The same agreement with the proposals of a structured vote and the members whose answers could not vote. */
    public Agreement withProposals(List<Proposal> newProposals, List<String> newInvalid) {
        return new Agreement(level, ratio, agreeing, dissenting, fastest, mostConfident, newProposals,
                newInvalid == null || newInvalid.isEmpty() ? null : newInvalid);
    }
}
