package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * How the response cache answered a request (docs/cache.md): {@code exact} or {@code semantic}, the id of the request
 * whose answer was stored, what that answer cost (saved this time), and for a semantic hit the cached prompt that
 * matched and how similar it was.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheUse(String kind, String originalRequestId, @JsonSerialize(using = Usd.Json.class) Double savedUsd,
                       String matchedPrompt, Double similarity) {
}
