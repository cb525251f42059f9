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
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Measures semantic voting's "same answer" decision ({@link SemanticVote#similarity(String, String, String)}: the
 * words first, the embedding for what they leave open) on the labelled fixture consensus/answer-pairs.tsv, written for
 * this purpose before the rules: 17 categories of answer pairs, each with its question. The fixture is split by the
 * CRC-32 of each pair's id: even ids are the tuning half (the rules and the threshold were chosen on it, together with
 * the older 118-pair fixture consensus/paraphrase-pairs.tsv), odd ids the held-out half, which docs/consensus.md
 * reports: precision, recall and F1 overall and per category at the configured quorum.consensus.semantic.threshold.
 * The issue's target was F1 0.92 on the held-out half; what the rules reach without a judge is asserted as a floor
 * (see docs/consensus.md for the figures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticEquivalenceEvaluationTest {

    /** Held-out F1 and precision the configured rules and threshold must keep (measured 0.872 and 0.833). */
    static final double HELD_OUT_F1_FLOOR = 0.85;
    static final double HELD_OUT_PRECISION_FLOOR = 0.80;

    record Pair(String id, String category, boolean same, String question, String a, String b) {

        boolean heldOut() {
            CRC32 crc = new CRC32();
            crc.update(id.getBytes(StandardCharsets.UTF_8));
            return (crc.getValue() & 1) == 1;
        }
    }

    record Score(int tp, int fp, int fn, int tn) {

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
        }

        int n() {
            return tp + fp + fn + tn;
        }
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Double> similarities = new ArrayList<>();
    private final List<Pair> older = new ArrayList<>();
    private final List<Double> olderSimilarities = new ArrayList<>();
    private double configured;

    @BeforeAll
    void measure() throws IOException {
        for (String line : lines("/consensus/answer-pairs.tsv")) {
            String[] f = line.split("\t");
            pairs.add(new Pair(f[0], f[1], f[2].equals("1"), f[3], f[4].replace("\\n", "\n"), f[5].replace("\\n", "\n")));
        }
        int n = 0;
        for (String line : lines("/consensus/paraphrase-pairs.tsv")) {
            String[] f = line.split("\t");
            older.add(new Pair("older-" + n++, "older", f[0].trim().equals("1"), null, f[1].trim(), f[2].trim()));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        configured = Double.parseDouble(properties.getProperty("quorum.consensus.semantic.threshold").trim());
        SemanticVote vote = new SemanticVote(LocalEmbeddingModel.allMiniLmL6V2(), configured);
        for (Pair pair : pairs) {
            similarities.add(vote.similarity(pair.a(), pair.b(), pair.question()));
        }
        for (Pair pair : older) {
            olderSimilarities.add(vote.similarity(pair.a(), pair.b(), null));
        }
    }

    private List<String> lines(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    /** The score of the pairs of one half ({@code heldOut}; {@code null}: all pairs), of one category or all. */
    private static Score score(List<Pair> pairs, List<Double> similarities, double threshold, Boolean heldOut,
                               String category) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            if ((heldOut != null && pair.heldOut() != heldOut) || (category != null && !category.equals(pair.category()))) {
                continue;
            }
            boolean same = similarities.get(i) >= threshold;
            if (same && pair.same()) {
                tp++;
            } else if (same) {
                fp++;
            } else if (pair.same()) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Score(tp, fp, fn, tn);
    }

    @Test
    void should_hold_at_least_300_labelled_pairs_in_at_least_8_categories_with_both_labels_in_each_half() {
        // when
        Map<String, int[]> byCategory = new TreeMap<>();
        for (Pair pair : pairs) {
            byCategory.computeIfAbsent(pair.category(), c -> new int[4])[(pair.heldOut() ? 2 : 0) + (pair.same() ? 1 : 0)]++;
        }

        // then
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(pairs.stream().map(Pair::id).distinct().count()).isEqualTo(pairs.size());
        assertThat(byCategory).hasSizeGreaterThanOrEqualTo(8);
        byCategory.forEach((category, counts) -> assertThat(counts).as(category).doesNotContain(0));
        assertThat(pairs.stream().filter(Pair::heldOut).count()).isBetween(140L, 260L);
    }

    @Test
    void should_tell_same_answers_from_different_ones_on_the_held_out_half() {
        // when
        Score overall = score(pairs, similarities, configured, true, null);
        StringBuilder table = new StringBuilder("| category | pairs | precision | recall | F1 |\n| --- | --- | --- | --- | --- |\n");
        for (String category : pairs.stream().map(Pair::category).distinct().sorted().toList()) {
            Score score = score(pairs, similarities, configured, true, category);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", category, score.n(),
                    score.precision(), score.recall(), score.f1()));
        }
        table.append(String.format(Locale.ROOT, "| **all** | %d | %.3f | %.3f | %.3f |%n", overall.n(),
                overall.precision(), overall.recall(), overall.f1()));
        System.out.printf(Locale.ROOT, "held-out half at threshold %.2f:%n%s", configured, table);

        // then
        assertThat(overall.f1()).isGreaterThanOrEqualTo(HELD_OUT_F1_FLOOR);
        assertThat(overall.precision()).isGreaterThanOrEqualTo(HELD_OUT_PRECISION_FLOOR);
    }

    @Test
    void should_configure_the_threshold_that_scores_best_on_the_tuning_data() {
        // when: the mean F1 of the tuning half and the older fixture, threshold by threshold
        double best = 0;
        double bestF1 = -1;
        StringBuilder sweep = new StringBuilder("| threshold | tuning half F1 | older fixture F1 | mean |\n| --- | --- | --- | --- |\n");
        for (int step = 40; step <= 90; step += 5) {
            double threshold = step / 100.0;
            double tuning = score(pairs, similarities, threshold, false, null).f1();
            double old = score(older, olderSimilarities, threshold, null, null).f1();
            double mean = (tuning + old) / 2;
            sweep.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f |%n", threshold, tuning, old, mean));
            if (mean > bestF1 + 1e-9) {
                bestF1 = mean;
                best = threshold;
            }
        }
        System.out.print(sweep);

        // then
        assertThat(configured).isBetween(best - 0.051, best + 0.051);
    }
}
