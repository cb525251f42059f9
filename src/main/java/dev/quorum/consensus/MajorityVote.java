package dev.quorum.consensus;

import java.util.List;

/**
 * One provider, one vote: answers are counted by their {@link AnswerKey} (normalised, short answers extracted, a
 * sentence that states exactly a short answer counted with it: {@link AnswerGroups}), the largest group wins.
 */
public final class MajorityVote implements VotingMethod {

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return decide(ballots, null);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        String[] keys = AnswerGroups.keys(ballots, question);
        return Tally.count(ballots, keys, b -> 1, "after normalising");
    }
}
