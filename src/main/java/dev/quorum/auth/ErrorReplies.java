package dev.quorum.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.openai.OpenAiReplies;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The JSON body of an error Quorum answers before a request reaches its route (a missing key, a body over its limit,
 * a full server): OpenAI's error shape under {@code /v1/}, so OpenAI SDKs raise their own errors, and Quorum's result
 * shape ({@code {"id": …, "error": {"type": …, "message": …}}}) everywhere else.
 */
public final class ErrorReplies {

    private final ObjectMapper mapper;

    public ErrorReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param path    the request's path, which decides the shape
     * @param type    Quorum's {@code error.type}
     * @param code    OpenAI's {@code error.code}
     * @param message a sentence saying what to do
     */
    public byte[] body(String path, int status, String type, String code, String message) {
        try {
            if (path != null && path.startsWith("/v1/")) {
                return mapper.writeValueAsBytes(OpenAiReplies.error(status, code, message));
            }
            return mapper.writeValueAsBytes(CompletionResult.builder().id(UUID.randomUUID().toString())
                    .error(new ErrorInfo(type, message, null, null, null)).status(status).build());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
