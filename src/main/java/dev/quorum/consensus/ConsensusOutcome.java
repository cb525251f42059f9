package dev.quorum.consensus;

import dev.quorum.api.ProviderResponse;
import java.util.List;

/**
 * A panel's answers and what the vote made of them: every provider's response in panel order (failures and
 * time-outs included), the successful ones as ballots, and the vote, which is {@code null} when fewer answers than
 * the quorum arrived. {@code judge} and {@code judgeResponse} are set once a judge has decided.
 */
public record ConsensusOutcome(ConsensusPlan plan, List<ProviderResponse> responses, List<Ballot> ballots, Vote vote,
                               String judge, ProviderResponse judgeResponse) {

    public boolean quorumMet() {
        return vote != null;
    }

    /** A judge is asked only when it can change something: quorum met and the answers not all the same. */
    public boolean needsJudge() {
        return "judge".equals(plan.algorithm()) && vote != null && !vote.dissenting().isEmpty()
                && !vote.reasoning().contains(ChatVotes.HOW);
    }

    /** A rank judge is asked when the quorum is met and the answers are not all the same ({@link RankVote}). */
    public boolean needsRank() {
        return "rank".equals(plan.algorithm()) && vote != null && !vote.dissenting().isEmpty();
    }

    ConsensusOutcome judged(Vote judgedVote, String judgeId, ProviderResponse response) {
        return new ConsensusOutcome(plan, responses, ballots, judgedVote, judgeId, response);
    }
}
