package dev.quorum.provider;

/**
 * A provider credential that cannot leak by accident: {@link #toString()} never shows it, so it can sit in records
 * that are logged or serialised. Only a model factory calls {@link #reveal()}.
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey("");

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        return value == null || value.isBlank() ? NONE : new ApiKey(value.trim());
    }

    public static ApiKey none() {
        return NONE;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "(none)";
    }
}
