package dev.quorum.consensus;

import java.util.List;

/**
 * One provider, one vote: answers are counted by their {@link AnswerKey} (normalised, short answers extracted), the
 * largest group wins.
 */
public final class MajorityVote implements VotingMethod {

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return Tally.count(ballots, b -> AnswerKey.of(b.answer()), b -> 1, "after normalising");
    }
}
