package dev.quorum.api;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The budget a refused request ran into, in the {@code error.budget} object of a 429 result: which budget (name,
 * scope, key, period), what it allows, what was already spent and what calls in flight reserved, what the refused call was estimated to
 * cost, and when the budget's period ends and its spend starts again from zero.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BudgetInfo(String name, String scope, String key, String period,
                         @JsonSerialize(using = Usd.Json.class) double limitUsd,
                         @JsonSerialize(using = Usd.Json.class) double spentUsd,
                         @JsonSerialize(using = Usd.Json.class) double reservedUsd,
                         @JsonSerialize(using = Usd.Json.class) double estimateUsd, String policy, String resetsAt) {
}
