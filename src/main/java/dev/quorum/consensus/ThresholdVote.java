package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Only providers whose accuracy reaches the threshold vote (a majority among them); when none does, the most
 * accurate provider's answer is returned with a zero ratio, so the agreement is reported as low with a
 * recommendation to check it.
 */
public final class ThresholdVote implements VotingMethod {

    private final double threshold;
    private final MajorityVote majority = new MajorityVote();

    public ThresholdVote(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return decide(ballots, null);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        List<Ballot> voters = ballots.stream().filter(b -> b.accuracy() >= threshold).toList();
        List<String> below = ballots.stream().filter(b -> b.accuracy() < threshold).map(Ballot::provider).toList();
        if (voters.isEmpty()) {
            Ballot best = Tally.mostAccurate(ballots);
            List<String> others = ballots.stream().map(Ballot::provider).filter(p -> !p.equals(best.provider())).toList();
            return new Vote(best.answer(), best.provider(), 0, List.of(best.provider()), others, false,
                    String.format(Locale.ROOT, "No provider reaches the accuracy threshold %.2f, so the most accurate one "
                            + "(%s, %.2f) answers alone.", threshold, best.provider(), best.accuracy()),
                    List.of(String.format(Locale.ROOT, "no provider reached the confidence threshold %.2f; check the "
                            + "answer or lower quorum.consensus.threshold", threshold)));
        }
        Vote vote = majority.decide(voters, question);
        List<String> dissenting = new ArrayList<>(vote.dissenting());
        dissenting.addAll(below);
        String reasoning = vote.reasoning() + (below.isEmpty() ? "" : " Below the accuracy threshold "
                + String.format(Locale.ROOT, "%.2f", threshold) + " and not voting: " + String.join(", ", below) + ".");
        return new Vote(vote.answer(), vote.provider(), vote.ratio(), vote.agreeing(), dissenting, vote.tie(), reasoning,
                vote.notes(), vote.shares());
    }
}
