package dev.quorum.observe;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One alert, the one event type every alert is: a provider's error rate or p95 latency crossing its threshold, its
 * circuit breaker opening, or a budget passing an alert threshold, and (except for budgets, which reset with their
 * period) the same alert resolved. {@code provider} or {@code budget} names what it is about; {@code details} are
 * the numbers behind it, written as fields of the event itself (a budget alert keeps the fields it always had:
 * {@code scope}, {@code key}, {@code period}, {@code threshold}, {@code percent}, {@code spentUsd}, {@code limitUsd},
 * {@code resetsAt}). {@code at} is ISO-8601 UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "state", "provider", "budget", "message", "at"})
public record Alert(String id, String type, String state, String provider, String budget, String message, String at,
                    @JsonIgnore Map<String, Object> details) {

    /** A provider's error rate over the alert window reached its threshold (resolved below its resolve level). */
    public static final String ERROR_RATE = "provider-error-rate";
    /** A provider's p95 latency over the alert window reached its threshold (resolved below its resolve level). */
    public static final String LATENCY = "provider-latency";
    /** A provider's circuit breaker opened (resolved when it closes). */
    public static final String BREAKER = "provider-breaker";
    /** A budget's spend passed one of its alert thresholds (no resolve: the budget resets with its period). */
    public static final String BUDGET = "budget-threshold";

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    public Alert {
        details = details == null ? Map.of() : details;
    }

    /** The details, written as fields of the event. */
    @JsonAnyGetter
    public Map<String, Object> extra() {
        return details;
    }

    /** What the alert is about: the provider, else the budget (with its key, for a budget kept per key). */
    @JsonIgnore
    public String subject() {
        if (provider != null) {
            return provider;
        }
        Object key = details.get("key");
        return key == null ? budget : budget + ":" + key;
    }
}
