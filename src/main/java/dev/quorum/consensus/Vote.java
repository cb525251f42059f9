package dev.quorum.consensus;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one voting method: the winning answer and the provider whose wording is returned, the winning
 * group's share of the voting weight ({@code ratio}), who agreed and who dissented, whether the top was a tie, and
 * one sentence saying how the method decided. {@code notes} carry what a person should know (e.g. answers that
 * could not vote). {@code shares} gives each provider that voted the share of the vote its answer received (the
 * winners' is the ratio), from which each response's confidence is reported.
 */
public record Vote(String answer, String provider, double ratio, List<String> agreeing, List<String> dissenting,
                   boolean tie, String reasoning, List<String> notes, Map<String, Double> shares) {

    public Vote {
        agreeing = List.copyOf(agreeing);
        dissenting = List.copyOf(dissenting);
        notes = List.copyOf(notes);
        shares = Map.copyOf(shares);
    }

    /** A vote that reports no share per provider (the agreeing ones are given the ratio). */
    public Vote(String answer, String provider, double ratio, List<String> agreeing, List<String> dissenting,
                boolean tie, String reasoning, List<String> notes) {
        this(answer, provider, ratio, agreeing, dissenting, tie, reasoning, notes, Map.of());
    }

    /** The share of the vote the provider's answer received: its own, else the ratio when it agreed, else 0. */
    public double share(String provider) {
        Double share = shares.get(provider);
        if (share != null) {
            return share;
        }
        return agreeing.contains(provider) ? ratio : 0;
    }

    Vote withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Vote(answer, provider, ratio, agreeing, dissenting, tie, reasoning, all, shares);
    }

    Vote withReasoning(String newReasoning) {
        return new Vote(answer, provider, ratio, agreeing, dissenting, tie, newReasoning, notes, shares);
    }
}
