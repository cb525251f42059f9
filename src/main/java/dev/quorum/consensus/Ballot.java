package dev.quorum.consensus;

/**
 * One successful answer in a vote: the provider, what it answered and how often that provider is right
 * ({@code accuracy}, from {@code quorum.consensus.accuracy.<id>} or its configured quality), which weighted and
 * threshold voting use.
 */
public record Ballot(String provider, String answer, double accuracy) {
}
