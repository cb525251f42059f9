package dev.quorum.consensus;

import java.util.List;

/**
 * The outcome of one voting method: the winning answer and the provider whose wording is returned, the winning
 * group's share of the voting weight ({@code ratio}), who agreed and who dissented, whether the top was a tie, and
 * one sentence saying how the method decided. {@code notes} carry what a person should know (e.g. answers that
 * could not vote).
 */
public record Vote(String answer, String provider, double ratio, List<String> agreeing, List<String> dissenting,
                   boolean tie, String reasoning, List<String> notes) {

    public Vote {
        agreeing = List.copyOf(agreeing);
        dissenting = List.copyOf(dissenting);
        notes = List.copyOf(notes);
    }

    Vote withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Vote(answer, provider, ratio, agreeing, dissenting, tie, reasoning, all);
    }
}
