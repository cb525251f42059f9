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
}
