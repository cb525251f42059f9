package dev.quorum.consensus;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.embedding.Similarity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Groups free-text answers by meaning: two answers are the same when their {@link AnswerKey}s match, different when
 * both hold a short answer (a number, yes/no, a choice, JSON) and those differ, and otherwise when the cosine
 * similarity of their all-MiniLM-L6-v2 embeddings reaches the threshold. The answer similar to the most others wins
 * with that group, and the group's most central answer (highest mean similarity to the rest) is returned.
 */
public final class SemanticVote implements VotingMethod {

    private final EmbeddingModel model;
    private final double threshold;

    public SemanticVote(EmbeddingModel model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "semantic";
    }

    public double threshold() {
        return threshold;
    }

    /** How alike two answers are, from 0 to 1, as the vote sees it (for tuning the threshold on a fixture). */
    public double similarity(String a, String b) {
        List<Embedding> vectors = model.embedAll(List.of(TextSegment.from(a), TextSegment.from(b))).content();
        return similarity(AnswerKey.of(a), AnswerKey.of(b), vectors.get(0).vector(), vectors.get(1).vector());
    }

    static double similarity(String keyA, String keyB, float[] va, float[] vb) {
        if (keyA.equals(keyB)) {
            return 1;
        }
        if (AnswerKey.isShortAnswer(keyA) && AnswerKey.isShortAnswer(keyB)) {
            return 0;
        }
        return Similarity.cosine(va, vb);
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        int n = ballots.size();
        if (n == 1) {
            Ballot only = ballots.get(0);
            return new Vote(only.answer(), only.provider(), 1, List.of(only.provider()), List.of(), false,
                    Tally.describe(ballots, 1, 1, 1, false, "", only.answer()), List.of());
        }
        List<TextSegment> segments = new ArrayList<>(n);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = AnswerKey.of(ballots.get(i).answer());
        }
        // the same text twice (providers often agree word for word) is embedded once
        Map<String, Integer> distinct = new HashMap<>();
        int[] slot = new int[n];
        for (int i = 0; i < n; i++) {
            String answer = ballots.get(i).answer();
            String text = answer == null || answer.isBlank() ? "(empty)" : answer;
            Integer known = distinct.putIfAbsent(text, segments.size());
            if (known == null) {
                slot[i] = segments.size();
                segments.add(TextSegment.from(text));
            } else {
                slot[i] = known;
            }
        }
        List<Embedding> embedded = model.embedAll(segments).content();
        List<Embedding> vectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            vectors.add(embedded.get(slot[i]));
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = similarity(keys[i], keys[j], vectors.get(i).vector(), vectors.get(j).vector());
            }
        }
        int[] support = new int[n];
        double[] closeness = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (sim[i][j] >= threshold) {
                    support[i]++;
                    closeness[i] += sim[i][j];
                }
            }
        }
        int centre = 0;
        for (int i = 1; i < n; i++) {
            if (support[i] > support[centre] || (support[i] == support[centre] && closeness[i] > closeness[centre] + 1e-9)) {
                centre = i;
            }
        }
        List<Integer> group = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (sim[centre][j] >= threshold) {
                group.add(j);
            }
        }
        boolean tie = false;
        for (int k = 0; k < n; k++) {
            if (!group.contains(k) && support[k] == support[centre]) {
                tie = true;
            }
        }
        int representative = centre;
        double bestMean = -2;
        for (int i : group) {
            double sum = 0;
            for (int j : group) {
                sum += sim[i][j];
            }
            double mean = sum / group.size();
            if (mean > bestMean + 1e-9) {
                bestMean = mean;
                representative = i;
            }
        }
        List<Ballot> winners = group.stream().map(ballots::get).toList();
        List<String> agreeing = winners.stream().map(Ballot::provider).toList();
        List<String> dissenting = ballots.stream().filter(b -> !winners.contains(b)).map(Ballot::provider).toList();
        double ratio = (double) group.size() / n;
        Ballot chosen = ballots.get(representative);
        int groups = countGroups(sim, n);
        String how = String.format(Locale.ROOT, "in meaning (cosine similarity >= %.2f)", threshold);
        String reasoning = Tally.describe(winners, n, groups, ratio, tie, how, chosen.answer())
                + (winners.size() > 1 ? " The most central wording, " + chosen.provider() + "'s, is returned." : "");
        return new Vote(chosen.answer(), chosen.provider(), ratio, agreeing, dissenting, tie, reasoning, List.of());
    }

    private int countGroups(double[][] sim, int n) {
        boolean[] seen = new boolean[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                groups++;
                for (int j = i; j < n; j++) {
                    if (sim[i][j] >= threshold) {
                        seen[j] = true;
                    }
                }
            }
        }
        return groups;
    }
}
