package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a ranking ensemble ({@code algorithm: rank}) did: the panel's providers best first, who decided the order
 * ({@code judge} when the judge's reply was a usable ranking, {@code consensus} when the panel's vote order stood:
 * the judge failed, its reply was unusable, or the answers all agreed so no judge was asked), the judge asked
 * ({@code null} when none), and a note saying why the fallback was taken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ranking(List<String> order, String decidedBy, String judge, String note) {

    public Ranking {
        order = List.copyOf(order);
    }
}
