package dev.quorum.api;

import java.util.List;

/**
 * How far the providers of a panel agreed: a level a person can act on (high, medium, low, conflict), the ratio of
 * the winning group's weight to the whole, and which providers agreed and which dissented.
 */
public record Agreement(String level, double ratio, List<String> agreeing, List<String> dissenting) {
}
