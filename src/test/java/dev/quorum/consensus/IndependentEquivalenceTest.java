package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.embedding.LocalEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Semantic voting's "same answer" decision on consensus/answer-pairs-independent.tsv: 391 pairs in 18 categories
 * written blind (by an author who saw neither the rules nor the other fixtures). It was held out for issue 20's first
 * two rounds; from commit 4276532 on (the third round) it is tuning data like the other fixtures, its failures studied
 * per category and only general rules written from them, each checked on the fixtures it was not written from. A new
 * blind set, outside the project, measures answers nobody tuned for. docs/consensus.md reports what this prints; the
 * floors are a little under the measured figures, so a change of the rules that does worse here fails.
 */
class IndependentEquivalenceTest {

    /**
     * Measured with the rules of issue 20's third round: F1 0.862, precision 0.878, recall 0.847 (second round, held
     * out: 0.777, 0.800, 0.755).
     */
    static final double F1_FLOOR = 0.85;
    static final double PRECISION_FLOOR = 0.86;
    private static final double THRESHOLD = 0.60;

    @Test
    void should_tell_same_answers_from_different_ones_on_the_independent_authors_pairs() throws IOException {
        // given
        List<String[]> pairs = pairs();
        SemanticVote vote = new SemanticVote(LocalEmbeddingModel.allMiniLmL6V2(), THRESHOLD);

        // when: [true positives, false positives, false negatives, true negatives] per category and for all
        Map<String, int[]> counts = new TreeMap<>();
        for (String[] pair : pairs) {
            boolean same = pair[2].equals("1");
            boolean said = vote.similarity(pair[4], pair[5], pair[3]) >= THRESHOLD;
            int cell = said ? (same ? 0 : 1) : (same ? 2 : 3);
            counts.computeIfAbsent(pair[1], category -> new int[4])[cell]++;
            counts.computeIfAbsent("(all)", category -> new int[4])[cell]++;
        }
        counts.forEach((category, c) -> System.out.printf(Locale.ROOT, "%-18s %3d pairs  P %.3f  R %.3f  F1 %.3f%n",
                category, c[0] + c[1] + c[2] + c[3], precision(c), recall(c), f1(c)));

        // then
        int[] all = counts.get("(all)");
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(9);
        assertThat(f1(all)).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(precision(all)).isGreaterThanOrEqualTo(PRECISION_FLOOR);
    }

    private static List<String[]> pairs() throws IOException {
        try (InputStream in = IndependentEquivalenceTest.class.getResourceAsStream("/consensus/answer-pairs-independent.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n").split("\t"))
                    .toList();
        }
    }

    private static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
    }

    private static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
    }

    private static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
