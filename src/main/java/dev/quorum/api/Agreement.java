package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How far the providers of a panel agreed: a level a person can act on (high, medium, low, conflict), the ratio of
 * the winning group's weight to the whole, which providers agreed and which dissented, the fastest of the agreeing
 * providers (its answer was the first the panel could have used) and the most confident one (the highest share of
 * the vote, ties to the most accurate provider).
 */
public record Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String fastest,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String mostConfident) {

    public Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting) {
        this(level, ratio, agreeing, dissenting, null, null);
    }
}
