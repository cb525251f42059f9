package dev.quorum.component;

/** What the router ranks providers by for a single answer (docs/routing.md); the values a request's {@code priority} takes. */
public enum QuorumPriority {
    cost,
    quality,
    latency,
    balanced
}
