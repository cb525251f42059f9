package dev.quorum.consensus;

import java.util.List;

/**
 * Each provider's vote weighs the log-odds ln(p/(1-p)) of its accuracy p, p clipped to [minAccuracy, maxAccuracy] so
 * no provider weighs nothing, less than nothing, or infinitely much. With independent errors this is the weighting
 * that maximises the chance of the panel being right (Nitzan and Paroush, 1982), so one strong provider outweighs two
 * weak ones exactly when its log-odds exceed the sum of theirs.
 */
public final class WeightedVote implements VotingMethod {

    private final double minAccuracy;
    private final double maxAccuracy;

    public WeightedVote(double minAccuracy, double maxAccuracy) {
        if (!(minAccuracy > 0.5) || !(maxAccuracy < 1) || minAccuracy > maxAccuracy) {
            throw new IllegalArgumentException("weighted voting needs 0.5 < min accuracy <= max accuracy < 1, not "
                    + minAccuracy + " and " + maxAccuracy);
        }
        this.minAccuracy = minAccuracy;
        this.maxAccuracy = maxAccuracy;
    }

    @Override
    public String name() {
        return "weighted";
    }

    /** The weight of a provider with accuracy {@code p}. */
    public double weight(double p) {
        double clipped = Math.max(minAccuracy, Math.min(maxAccuracy, p));
        return Math.log(clipped / (1 - clipped));
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return decide(ballots, null);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        Vote vote = Tally.count(ballots, AnswerGroups.keys(ballots, question), b -> weight(b.accuracy()),
                "weighted by log-odds of accuracy");
        StringBuilder weights = new StringBuilder(" Weights: ");
        for (int i = 0; i < ballots.size(); i++) {
            Ballot ballot = ballots.get(i);
            weights.append(i == 0 ? "" : ", ").append(ballot.provider())
                    .append(' ').append(Tally.twoDecimals(weight(ballot.accuracy()))).append(" (p=")
                    .append(Tally.twoDecimals(ballot.accuracy())).append(')');
        }
        return vote.withReasoning(vote.reasoning() + weights + ".");
    }
}
