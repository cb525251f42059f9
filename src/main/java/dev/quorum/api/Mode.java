package dev.quorum.api;

import java.util.Locale;

/** How a request is answered: by one provider, by a voting panel, or by a cheap panel that escalates on a split. */
public enum Mode {
    SINGLE, CONSENSUS, CASCADE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
