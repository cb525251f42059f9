package dev.quorum.settings;

/**
 * A {@code quorum.*} setting that stops Quorum from starting: a key no feature reads under a prefix a feature owns (a
 * typo), or a value of the wrong type or out of range. The message names the full key, the value (never for an
 * unknown key, whose value may be a secret) and what is expected.
 */
public final class SettingsException extends IllegalArgumentException {

    private final String key;

    SettingsException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The full key of the setting, e.g. {@code quorum.consensus.threshold}. */
    public String key() {
        return key;
    }
}
