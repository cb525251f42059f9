package dev.quorum.provider;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * A provider's HTTP error with what a retry needs to know: LangChain4j's {@link HttpException} keeps only status and
 * body, so the provider HTTP client ({@link ApacheHttpClient}) adds the wait the provider asked for in its headers
 * (milliseconds, or -1).
 */
public class ProviderHttpException extends HttpException {

    /** OpenAI's header: the wait in milliseconds, more precise than its {@code Retry-After}. */
    static final String RETRY_AFTER_MS = "retry-after-ms";

    static final String RETRY_AFTER = "Retry-After";

    private final long retryAfterMs;

    /** {@code retryAfterMs}: the wait the provider's headers asked for, -1 when they named none. */
    public ProviderHttpException(int statusCode, String body, long retryAfterMs) {
        super(statusCode, body);
        this.retryAfterMs = retryAfterMs;
    }

    /** The wait the provider's headers asked for in milliseconds, or -1 when they named none. */
    public long retryAfterMs() {
        return retryAfterMs;
    }

    /**
     * The wait a response's headers ask for, in milliseconds, or -1 when they name none (or nothing readable):
     * OpenAI's {@code retry-after-ms} first, then {@code Retry-After} in either of its forms, delay-seconds
     * ({@code 20}, a fraction tolerated) or an HTTP-date ({@code Wed, 21 Oct 2026 07:28:00 GMT}, the wait until then,
     * 0 when it has passed). {@code header} returns a header's first value by case-insensitive name, or null.
     */
    static long retryAfterMs(UnaryOperator<String> header, Instant now) {
        long millis = number(header.apply(RETRY_AFTER_MS), 1);
        if (millis >= 0) {
            return millis;
        }
        String value = header.apply(RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return -1;
        }
        long seconds = number(value, 1000);
        if (seconds >= 0) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, Duration.between(now, at).toMillis());
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }

    /** A non-negative decimal number times {@code scale}, rounded (capped at Long.MAX_VALUE); -1 if it is none. */
    private static long number(String value, long scale) {
        if (value == null) {
            return -1;
        }
        String text = value.trim();
        if (text.isEmpty() || !Character.isDigit(text.charAt(0)) || !Character.isDigit(text.charAt(text.length() - 1))) {
            // also keeps out what Double.parseDouble would take but no header means: NaN, Infinity, 1e3d, -5
            return -1;
        }
        try {
            double number = Double.parseDouble(text);
            return number >= 0 && Double.isFinite(number) ? Math.round(number * scale) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
