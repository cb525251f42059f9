package dev.quorum.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a cascade did: the cheap panel it asked first, whether the panel's agreement fell short so the strong provider
 * was asked too, and what that cost against asking the strong provider alone ({@code strongAloneCostUsd} is
 * estimated from the panel's reported token counts and the strong provider's prices when it was not asked).
 * {@code costSavedUsd} is negative when escalating cost more than the strong provider alone would have.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CascadeOutcome(
        List<String> panel,
        String strongProvider,
        boolean escalated,
        String reason,
        @JsonSerialize(using = Usd.Json.class) Double panelCostUsd,
        @JsonSerialize(using = Usd.Json.class) Double strongAloneCostUsd,
        @JsonSerialize(using = Usd.Json.class) Double costSavedUsd) {
}
