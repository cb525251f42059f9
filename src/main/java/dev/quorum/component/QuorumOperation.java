package dev.quorum.component;

import dev.quorum.api.Mode;

/**
 * What a {@code quorum:} endpoint does with a prompt (the URI's path): one routed answer ({@code complete}), a vote of
 * a panel ({@code consensus}), or a cheap panel that escalates to a strong provider when it splits ({@code cascade}).
 */
public enum QuorumOperation {
    complete(Mode.SINGLE),
    consensus(Mode.CONSENSUS),
    cascade(Mode.CASCADE);

    private final Mode mode;

    QuorumOperation(Mode mode) {
        this.mode = mode;
    }

    /** The request mode this operation answers in. */
    public Mode mode() {
        return mode;
    }
}
