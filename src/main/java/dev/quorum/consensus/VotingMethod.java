package dev.quorum.consensus;

import java.util.List;

/**
 * One way of turning a panel's answers into one answer. Implementations are small and stateless after
 * construction, so one instance serves every request; {@link ConsensusStrategy} picks one by the request's
 * {@code algorithm}. The ballots are the successful answers only, at least one, in panel order.
 */
public interface VotingMethod {

    /** The name a request's {@code algorithm} field uses. */
    String name();

    Vote decide(List<Ballot> ballots);

    /**
     * The vote on answers to {@code question} (the request's prompt, {@code null} when unknown): methods that group
     * answers read from it which words are the question's own and the options of a multiple-choice question.
     */
    default Vote decide(List<Ballot> ballots, String question) {
        return decide(ballots);
    }
}
