package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code algorithm: verify} as a voting method: the panel route asks only the first generator, and its answer is the
 * candidate the verifiers then check ({@link VerifyEnsemble}). Verifiers' replies are collected through the same
 * recipient list, where this method takes the first reply; the verdicts themselves are read by the ensemble.
 */
public final class VerifyVote implements VotingMethod {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        Ballot first = ballots.get(0);
        List<String> others = new ArrayList<>(ballots.size());
        for (int i = 1; i < ballots.size(); i++) {
            others.add(ballots.get(i).provider());
        }
        return new Vote(first.answer(), first.provider(), 1.0 / ballots.size(), List.of(first.provider()), others,
                false, first.provider() + " generated the answer to be verified.", List.of());
    }
}
