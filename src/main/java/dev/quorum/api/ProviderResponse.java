package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one provider did for one request: its answer with the usage it reported and what that cost, or the error it
 * failed with. A result lists one of these for every provider it asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderResponse(
        String provider,
        String model,
        String answer,
        Integer inputTokens,
        Integer outputTokens,
        Double costUsd,
        long latencyMs,
        String finishReason,
        ErrorInfo error,
        @JsonIgnore int status) {

    @JsonIgnore
    public boolean failed() {
        return error != null;
    }
}
