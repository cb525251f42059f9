package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.embedding.LocalEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Measures semantic voting's "same answer" decision on the labelled fixture consensus/paraphrase-pairs.tsv: precision
 * and recall at the configured quorum.consensus.semantic.threshold, and a sweep of thresholds (printed, reported in
 * docs/consensus.md). The configured threshold must be the sweep's best by F0.5 (precision counts double: grouping
 * two different answers invents agreement, missing a paraphrase only lowers it) within one step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParaphraseThresholdTest {

    private record Pair(boolean paraphrase, String a, String b) {
    }

    private record Score(double threshold, double precision, double recall, double f05) {
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Double> similarities = new ArrayList<>();
    private double configured;

    @BeforeAll
    void measure() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/consensus/paraphrase-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                pairs.add(new Pair(fields[0].trim().equals("1"), fields[1].trim(), fields[2].trim()));
            }
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        configured = Double.parseDouble(properties.getProperty("quorum.consensus.semantic.threshold").trim());
        SemanticVote vote = new SemanticVote(LocalEmbeddingModel.allMiniLmL6V2(), configured);
        for (Pair pair : pairs) {
            similarities.add(vote.similarity(pair.a(), pair.b()));
        }
    }

    private Score score(double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            boolean same = similarities.get(i) >= threshold;
            if (same && pairs.get(i).paraphrase()) {
                tp++;
            } else if (same) {
                fp++;
            } else if (pairs.get(i).paraphrase()) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        double f05 = precision + recall == 0 ? 0 : 1.25 * precision * recall / (0.25 * precision + recall);
        return new Score(threshold, precision, recall, f05);
    }

    @Test
    void should_hold_at_least_100_labelled_pairs_of_both_kinds() {
        // then
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(100);
        assertThat(pairs.stream().filter(Pair::paraphrase).count()).isGreaterThanOrEqualTo(40);
        assertThat(pairs.stream().filter(p -> !p.paraphrase()).count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void should_separate_paraphrases_from_different_answers_at_the_configured_threshold() {
        // when
        Score score = score(configured);

        // then
        for (int i = 0; i < pairs.size(); i++) {
            if ((similarities.get(i) >= configured) != pairs.get(i).paraphrase()) {
                System.out.printf(Locale.ROOT, "misjudged (%s, similarity %.3f): %s | %s%n",
                        pairs.get(i).paraphrase() ? "paraphrase" : "different", similarities.get(i), pairs.get(i).a(),
                        pairs.get(i).b());
            }
        }
        System.out.printf(Locale.ROOT, "semantic threshold %.2f: precision %.3f, recall %.3f, F0.5 %.3f on %d pairs%n",
                configured, score.precision(), score.recall(), score.f05(), pairs.size());
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void should_configure_the_threshold_the_sweep_finds_best() {
        // when
        Score best = null;
        StringBuilder table = new StringBuilder("| threshold | precision | recall | F0.5 |\n| --- | --- | --- | --- |\n");
        for (int step = 40; step <= 95; step += 5) {
            Score score = score(step / 100.0);
            table.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f |%n", score.threshold(), score.precision(),
                    score.recall(), score.f05()));
            if (best == null || score.f05() > best.f05() + 1e-9) {
                best = score;
            }
        }
        System.out.print(table);

        // then
        assertThat(configured).isBetween(best.threshold() - 0.051, best.threshold() + 0.051);
    }
}
