package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quorum.secrets.Secrets;

/**
 * The {@code error} object of a result: what kind of failure, a sentence a person can act on, and, where they apply,
 * the request field at fault or the provider that failed with the status it answered, or the budget that refused
 * the call. Its message may quote a provider, so Quorum's JSON writer masks configured secrets in it
 * ({@link Secrets.Redacted}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorInfo(String type, @Secrets.Redacted String message, String field, String provider,
                        Integer providerStatus, BudgetInfo budget) {

    public ErrorInfo(String type, String message, String field, String provider, Integer providerStatus) {
        this(type, message, field, provider, providerStatus, null);
    }

    public static ErrorInfo provider(String type, String provider, Integer providerStatus, String message) {
        return new ErrorInfo(type, message, null, provider, providerStatus);
    }
}
