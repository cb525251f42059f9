package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a ranking ensemble ({@code algorithm: rank}) did: the panel's providers best first, who decided the order
 * ({@code judge} when the judge's one ranking reply was usable, {@code pairwise} when the judge's pairwise
 * preferences decided it, {@code consensus} when the panel's vote order stood: the judge failed, its replies were
 * unusable or all pairs tied, or the answers all agreed so no judge was asked), the judge asked ({@code null} when
 * none), a note saying why a fallback was taken or what the pairwise comparison could not settle, and, when pairs
 * were compared, each pair's outcome.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ranking(List<String> order, String decidedBy, String judge, String note, List<Preference> pairs) {

    public Ranking {
        order = List.copyOf(order);
        pairs = pairs == null ? null : List.copyOf(pairs);
    }

    public Ranking(List<String> order, String decidedBy, String judge, String note) {
        this(order, decidedBy, judge, note, null);
    }

    /**
     * One compared pair of distinct answers (named by the provider whose wording was shown): how many of the judge's
     * replies preferred each, and the winner, {@code null} for a tie (the replies split, as a judge that prefers one
     * position does, or were unreadable).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preference(String first, String second, String preferred, int firstPreferred, int secondPreferred) {
    }
}
