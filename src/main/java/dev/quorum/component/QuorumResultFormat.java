package dev.quorum.component;

/**
 * What a {@code quorum:} endpoint leaves as the message body: the {@code CompletionResult} object (which converts to
 * its JSON text with {@code convertBodyTo: String}), or the result JSON as a string.
 */
public enum QuorumResultFormat {
    result,
    json
}
