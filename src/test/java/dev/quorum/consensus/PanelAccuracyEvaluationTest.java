package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Evaluates voting on simulated panels of known per-provider accuracy: 10,000 generated yes/no questions per panel,
 * each provider right with its probability p, errors independent. Reports the accuracy of the best single provider,
 * majority and weighted voting next to the Condorcet closed form sum over k > n/2 of C(n,k) p^k (1-p)^(n-k)
 * (generalised to unequal p). Rerun with {@code mvn -q test -Dtest=PanelAccuracyEvaluationTest}; the table is printed and
 * reported in docs/consensus.md. The voting classes are the ones the routes use.
 */
class PanelAccuracyEvaluationTest {

    static final int QUESTIONS = 10_000;
    static final long SEED = 20261123L;

    record Row(String panel, double bestSingle, double majority, double weighted, double closedForm) {
    }

    static Row evaluate(double... accuracies) {
        Random random = new Random(SEED);
        MajorityVote majority = new MajorityVote();
        WeightedVote weighted = new WeightedVote(0.51, 0.99);
        int[] singleRight = new int[accuracies.length];
        int majorityRight = 0;
        int weightedRight = 0;
        for (int q = 0; q < QUESTIONS; q++) {
            boolean truth = random.nextBoolean();
            String right = truth ? "yes" : "no";
            String wrong = truth ? "no" : "yes";
            List<Ballot> ballots = new ArrayList<>(accuracies.length);
            for (int i = 0; i < accuracies.length; i++) {
                boolean correct = random.nextDouble() < accuracies[i];
                if (correct) {
                    singleRight[i]++;
                }
                ballots.add(new Ballot("p" + i, correct ? right : wrong, accuracies[i]));
            }
            if (AnswerKey.of(majority.decide(ballots).answer()).equals(right)) {
                majorityRight++;
            }
            if (AnswerKey.of(weighted.decide(ballots).answer()).equals(right)) {
                weightedRight++;
            }
        }
        int best = 0;
        for (int right : singleRight) {
            best = Math.max(best, right);
        }
        StringBuilder name = new StringBuilder();
        for (double p : accuracies) {
            name.append(name.isEmpty() ? "" : "/").append(String.format(Locale.ROOT, "%.1f", p));
        }
        return new Row(name.toString(), (double) best / QUESTIONS, (double) majorityRight / QUESTIONS,
                (double) weightedRight / QUESTIONS, condorcet(accuracies));
    }

    /** Probability that more than half of independent voters with these accuracies are right (odd panels). */
    static double condorcet(double... accuracies) {
        double[] distribution = {1};
        for (double p : accuracies) {
            double[] next = new double[distribution.length + 1];
            for (int k = 0; k < distribution.length; k++) {
                next[k] += distribution[k] * (1 - p);
                next[k + 1] += distribution[k] * p;
            }
            distribution = next;
        }
        double sum = 0;
        for (int k = accuracies.length / 2 + 1; k <= accuracies.length; k++) {
            sum += distribution[k];
        }
        return sum;
    }

    static List<Row> all() {
        return List.of(evaluate(0.8, 0.7, 0.6), evaluate(0.7, 0.7, 0.7), evaluate(0.7, 0.7, 0.7, 0.7, 0.7),
                evaluate(0.9, 0.6, 0.6), evaluate(0.6, 0.6, 0.6, 0.6, 0.9));
    }

    public static void main(String[] args) {
        print(all());
    }

    static void print(List<Row> rows) {
        System.out.println("| panel (p) | best single | majority | Condorcet closed form | weighted |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", row.panel(), row.bestSingle(),
                    row.majority(), row.closedForm(), row.weighted());
        }
    }

    @Test
    void should_match_condorcet_with_majority_and_never_lose_to_majority_or_the_best_single_with_weights() {
        // when
        List<Row> rows = all();
        print(rows);

        // then: two standard errors of 10,000 samples are under 0.9 points, so one point is a fair bound
        for (Row row : rows) {
            assertThat(row.majority()).as(row.panel()).isCloseTo(row.closedForm(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(row.weighted()).as(row.panel()).isGreaterThanOrEqualTo(row.majority() - 0.005)
                    .isGreaterThanOrEqualTo(row.bestSingle() - 0.005);
        }
    }
}
