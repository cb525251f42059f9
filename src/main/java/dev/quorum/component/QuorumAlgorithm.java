package dev.quorum.component;

/**
 * How a panel's answers are combined into one (docs/consensus.md); the names a request's {@code algorithm} takes. A
 * Java enum so that a misspelt {@code algorithm=} option fails when its route starts, not on the first message.
 */
public enum QuorumAlgorithm {
    majority,
    weighted,
    semantic,
    threshold,
    judge,
    fusion,
    verify,
    rank
}
