package dev.quorum.provider;

import dev.langchain4j.exception.HttpException;

/**
 * A provider's HTTP error with what a retry needs to know: LangChain4j's {@link HttpException} keeps only status and
 * body, so Quorum's own HTTP client adds the {@code Retry-After} the provider sent (in seconds, or -1).
 */
public class ProviderHttpException extends HttpException {

    private final long retryAfterSeconds;

    public ProviderHttpException(int statusCode, String body, long retryAfterSeconds) {
        super(statusCode, body);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A {@code Retry-After} header value in seconds; -1 when there is none or it is an HTTP date (providers send seconds). */
    static long retryAfterSeconds(String headerValue) {
        if (headerValue == null) {
            return -1;
        }
        try {
            return Long.parseLong(headerValue.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
