package dev.quorum.api;

import java.util.List;
import java.util.Map;

/**
 * The one request every trigger produces: a prompt and how it should be answered. Optional fields are {@code null}
 * when the caller did not set them, so later steps can tell "not asked" from a default.
 */
public record CompletionRequest(
        String id,
        String prompt,
        String system,
        Mode mode,
        String provider,
        List<String> providers,
        Integer maxTokens,
        Double temperature,
        String tenant,
        String task,
        Map<String, Object> metadata) {
}
