package dev.quorum.consensus;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.embedding.AnswerPairModel;
import dev.quorum.embedding.Similarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups free-text answers by meaning. Whether two answers are the same is first asked of their words
 * ({@link Equivalence}: keys, options, labels, yes/no, numbers, lists, a short answer stated in a sentence, and a
 * contradiction guard for near-identical answers; and what WordNet knows of the words that differ: {@link Lexical});
 * the pairs the words leave open are the same when the cosine similarity of their all-MiniLM-L6-v2 embeddings
 * reaches the threshold (optionally moved, for answers to a question, by an answer-pair model: {@link PairReading}).
 * Only the texts of such pairs are embedded, with mathematical symbols spelled out
 * ({@link Equivalence#embeddingText}), an adjective WordNet defines as an absence written as that absence, and each
 * word WordNet gives as a synonym of a word only the other answer has written as that word. The answer the same as
 * the most others wins with that group (a tie goes to the group with the most accurate provider, and is reported),
 * and the group's most central answer (highest mean similarity to the rest) is returned. A word rule that fails on
 * an answer (a bug, not a verdict) does not fail the vote: that pair is left to the embedding, and the failure is
 * logged once per place it was thrown.
 */
public final class SemanticVote implements VotingMethod {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticVote.class);
    /** At most this many distinct places of a failing word rule are remembered (and each logged once). */
    private static final int LOGGED_FAILURES = 64;
    private static final Set<String> FAILURES_SEEN = ConcurrentHashMap.newKeySet();
    private static final String WORD_RULE_FAILED =
            "A word rule failed ({}); the embedding decides the pairs it could not";

    /**
     * How the words compare two readings (the word rules; a test gives one that fails); {@code weigh}: whether a split
     * is tentative too ({@link Equivalence#weighed}).
     */
    interface WordRules {
        Equivalence.Verdict compare(Equivalence.Reading a, Equivalence.Reading b, Question question, boolean weigh);
    }

    private final EmbeddingModel model;
    private final WordRules rules;
    private final double threshold;
    private final double questionThreshold;
    private final PairReading pairs;

    /**
     * How the answer-pair model ({@link AnswerPairModel}) moves the cosine of a pair of answers the words leave open:
     * by {@code weight × (p − ½) + shift}, p its probability that the two give the same answer, the result kept within
     * 0 and 1; never up from a cosine under {@code floor} (the model, trained on answers, calls a refusal, an error
     * message or gibberish the same as a short answer: "Paris." / "I don't know." 0.95). Only answers to a question are
     * read (as in every vote; the model was trained and its settings chosen on such pairs): texts without one keep
     * their cosine, and {@link #NONE} leaves every cosine alone.
     */
    public record PairReading(AnswerPairModel model, double weight, double shift, double floor) {
        public static final PairReading NONE = new PairReading(null, 0, 0, 1);

        boolean reads(String question) {
            return model != null && question != null && !question.isBlank();
        }

        double moved(double cosine, double agreement) {
            double moved = Math.max(0, Math.min(1, cosine + weight * (agreement - 0.5) + shift));
            return cosine < floor ? Math.min(cosine, moved) : moved;
        }
    }

    /** One threshold for answers with and without the question they answer. */
    public SemanticVote(EmbeddingModel model, double threshold) {
        this(model, threshold, threshold);
    }

    /**
     * {@code threshold}: the cosine at which two texts the words leave open are the same when no question is known;
     * {@code questionThreshold}: the same for two answers to a question (a vote always has its prompt).
     */
    public SemanticVote(EmbeddingModel model, double threshold, double questionThreshold) {
        this(model, threshold, questionThreshold, PairReading.NONE);
    }

    /** As above, the open pairs' cosines moved by what the answer-pair model reads of them ({@code pairs}). */
    public SemanticVote(EmbeddingModel model, double threshold, double questionThreshold, PairReading pairs) {
        this(model, threshold, questionThreshold, pairs,
                (a, b, question, weigh) -> weigh ? Equivalence.weighed(a, b, question)
                        : Equivalence.compare(a, b, question));
    }

    SemanticVote(EmbeddingModel model, double threshold, double questionThreshold, WordRules rules) {
        this(model, threshold, questionThreshold, PairReading.NONE, rules);
    }

    SemanticVote(EmbeddingModel model, double threshold, double questionThreshold, PairReading pairs, WordRules rules) {
        this.model = model;
        this.rules = rules;
        this.threshold = threshold;
        this.questionThreshold = questionThreshold;
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "semantic";
    }

    public double threshold() {
        return threshold;
    }

    /** The threshold for answers to {@code question}: the question threshold when there is one. */
    public double threshold(String question) {
        return question == null || question.isBlank() ? threshold : questionThreshold;
    }

    /** How alike two answers are, from 0 to 1, as the vote sees it (for measuring it on a fixture). */
    public double similarity(String a, String b) {
        return similarity(a, b, null);
    }

    /** How alike two answers to {@code question} are, from 0 to 1, as the vote sees it. */
    public double similarity(String a, String b, String question) {
        Question asked = Question.of(question);
        return switch (verdict(read(a, asked), read(b, asked), asked, false).decision()) {
            case SAME -> 1;
            case DIFFERENT -> 0;
            case MEANING -> {
                String[] texts = embedded(a, b);
                List<Embedding> vectors = model.embedAll(List.of(TextSegment.from(texts[0]),
                        TextSegment.from(texts[1]))).content();
                double[][] sim = {{1, Similarity.cosine(vectors.get(0).vector(), vectors.get(1).vector())}, {0, 1}};
                sim[1][0] = sim[0][1];
                if (pairs.reads(question)) {
                    readOpenPairs(List.of(a, b), question,
                            new boolean[][] {{false, true}, {false, false}}, sim);
                }
                yield sim[0][1];
            }
        };
    }

    @Override
    public Vote decide(List<Ballot> ballots) {
        return decide(ballots, null);
    }

    @Override
    public Vote decide(List<Ballot> ballots, String question) {
        return decide(ballots, question, Map.of());
    }

    /**
     * The pairs (i, j, i &lt; j) an entailment judge may settle ({@link EntailmentCheck}): first those whose sameness
     * only the embedding decided, with a similarity from {@code low} to {@code high} (the uncertain band), closest to
     * the threshold first; then those the words told apart only tentatively (one long explanation with words put in
     * place of others, {@link Equivalence.Verdict#tentative()}), in the answers' order.
     */
    public List<int[]> uncertainPairs(List<Ballot> ballots, String question, double low, double high) {
        int n = ballots.size();
        List<int[]> pairs = new ArrayList<>();
        if (n < 2) {
            return pairs;
        }
        double[][] sim = new double[n][n];
        boolean[][] open = new boolean[n][n];
        boolean[][] tentative = new boolean[n][n];
        // the band is given around the threshold without a question; with one it moves with the threshold
        double cut = threshold(question);
        double shift = cut - threshold;
        similarities(ballots, question, sim, open, tentative);
        List<int[]> tentativePairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (open[i][j] && sim[i][j] >= low + shift && sim[i][j] <= high + shift) {
                    pairs.add(new int[] {i, j});
                } else if (tentative[i][j]) {
                    tentativePairs.add(new int[] {i, j});
                }
            }
        }
        pairs.sort(java.util.Comparator.comparingDouble(p -> Math.abs(sim[p[0]][p[1]] - cut)));
        pairs.addAll(tentativePairs);
        return pairs;
    }

    /**
     * The vote with some pairs' sameness settled by an entailment judge: {@code judged} maps {@code i * n + j}
     * (i &lt; j) to whether answers i and j entail each other, in place of their embedding similarity.
     */
    public Vote decide(List<Ballot> ballots, String question, Map<Integer, Boolean> judged) {
        int n = ballots.size();
        if (n == 1) {
            Ballot only = ballots.get(0);
            return new Vote(only.answer(), only.provider(), 1, List.of(only.provider()), List.of(), false,
                    Tally.describe(ballots, 1, 1, 1, false, "", only.answer()), List.of(), Map.of(only.provider(), 1.0));
        }
        double[][] sim = new double[n][n];
        boolean[][] open = new boolean[n][n];
        similarities(ballots, question, sim, open, null);
        for (Map.Entry<Integer, Boolean> entry : judged.entrySet()) {
            int i = entry.getKey() / n;
            int j = entry.getKey() % n;
            sim[i][j] = sim[j][i] = entry.getValue() ? 1 : 0;
        }
        return group(ballots, sim, threshold(question));
    }

    /**
     * Fills in how alike every pair is (words first, the embedding for the pairs they leave open), which pairs the
     * words left open and, when {@code tentative} is given, which they split only tentatively.
     */
    private void similarities(List<Ballot> ballots, String question, double[][] sim, boolean[][] open,
                              boolean[][] tentative) {
        int n = ballots.size();
        Question asked = Question.of(question);
        List<Equivalence.Reading> readings = new ArrayList<>(n);
        for (Ballot ballot : ballots) {
            readings.add(read(ballot.answer(), asked));
        }
        boolean anyOpen = false;
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                Equivalence.Verdict verdict = verdict(readings.get(i), readings.get(j), asked, tentative != null);
                if (tentative != null) {
                    tentative[i][j] = verdict.tentative();
                }
                if (verdict.decision() == Equivalence.Decision.MEANING) {
                    open[i][j] = true;
                    anyOpen = true;
                } else {
                    sim[i][j] = sim[j][i] = verdict.decision() == Equivalence.Decision.SAME ? 1 : 0;
                }
            }
        }
        if (anyOpen) {
            embedOpenPairs(ballots, open, sim);
            if (pairs.reads(question)) {
                readOpenPairs(ballots.stream().map(Ballot::answer).toList(), question, open, sim);
            }
        }
    }

    /** An answer as the word rules read it; {@code null} when reading it fails (its pairs go to the embedding). */
    private static Equivalence.Reading read(String answer, Question asked) {
        try {
            return Equivalence.Reading.of(answer, asked);
        } catch (RuntimeException e) {
            failed(e, WORD_RULE_FAILED);
            return null;
        }
    }

    /** What the word rules decide of a pair; {@link Equivalence.Decision#MEANING} when they fail on it. */
    private Equivalence.Verdict verdict(Equivalence.Reading a, Equivalence.Reading b, Question asked, boolean weigh) {
        if (a == null || b == null) {
            return Equivalence.Verdict.MEANING;
        }
        try {
            return rules.compare(a, b, asked, weigh);
        } catch (RuntimeException e) {
            failed(e, WORD_RULE_FAILED);
            return Equivalence.Verdict.MEANING;
        }
    }

    /**
     * Logs a word rule's or the answer-pair model's failure once per place it was thrown (its class and the frame that
     * threw it; never the answers, which a caller may not want in logs), so a flood of one failing answer writes one
     * line.
     */
    private static void failed(RuntimeException e, String message) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = e.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : "");
        if (FAILURES_SEEN.size() < LOGGED_FAILURES && FAILURES_SEEN.add(where)) {
            LOG.warn(message, where);
        } else {
            LOG.debug(message, where);
        }
    }

    private Vote group(List<Ballot> ballots, double[][] sim, double cut) {
        int n = ballots.size();
        int[] support = new int[n];
        double[] closeness = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (sim[i][j] >= cut) {
                    support[i]++;
                    closeness[i] += sim[i][j];
                }
            }
        }
        // the answer the same as the most others; a tie goes to the group holding the most accurate provider, then
        // to the closer group
        int centre = 0;
        double centreAccuracy = groupAccuracy(ballots, sim, 0, cut);
        for (int i = 1; i < n; i++) {
            double accuracy = groupAccuracy(ballots, sim, i, cut);
            if (support[i] > support[centre] || (support[i] == support[centre] && (accuracy > centreAccuracy + 1e-9
                    || (Math.abs(accuracy - centreAccuracy) <= 1e-9 && closeness[i] > closeness[centre] + 1e-9)))) {
                centre = i;
                centreAccuracy = accuracy;
            }
        }
        // the centre's group: the answers the same as it, most alike first, each kept only when it is the same as
        // every answer already in the group ("Ibuprofen" is not joined to "Acetaminophen" through a sentence that is
        // loosely like both)
        List<Integer> candidates = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (sim[centre][j] >= cut) {
                candidates.add(j);
            }
        }
        int from = centre;
        candidates.sort((x, y) -> x == from ? -1 : y == from ? 1 : Double.compare(sim[from][y], sim[from][x]));
        List<Integer> group = new ArrayList<>();
        for (int j : candidates) {
            boolean withAll = true;
            for (int k : group) {
                withAll &= sim[j][k] >= cut;
            }
            if (withAll) {
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
        if (tie) {
            // what the reasoning promises: the tied group's answer in the words of its most accurate provider
            for (int i : group) {
                if (ballots.get(i).accuracy() > ballots.get(representative).accuracy() + 1e-9) {
                    representative = i;
                }
            }
        }
        List<Ballot> winners = group.stream().map(ballots::get).toList();
        List<String> agreeing = winners.stream().map(Ballot::provider).toList();
        List<String> dissenting = ballots.stream().filter(b -> !winners.contains(b)).map(Ballot::provider).toList();
        double ratio = (double) group.size() / n;
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < n; i++) {
            shares.put(ballots.get(i).provider(), group.contains(i) ? ratio : (double) support[i] / n);
        }
        Ballot chosen = ballots.get(representative);
        int groups = countGroups(sim, n, cut);
        String how = String.format(Locale.ROOT, "in meaning (same words, or cosine similarity >= %.2f)", cut);
        String reasoning = Tally.describe(winners, n, groups, ratio, tie, how, chosen.answer())
                + (winners.size() > 1 && !tie ? " The most central wording, " + chosen.provider() + "'s, is returned." : "");
        return new Vote(chosen.answer(), chosen.provider(), ratio, agreeing, dissenting, tie, reasoning, List.of(), shares);
    }

    /**
     * What the model embeds of a pair the words left open: each answer with mathematical symbols spelled out and an
     * adjective WordNet defines as an absence written as one, the second with its synonyms of words only the first has
     * written as the first writes them ({@link Lexical}).
     */
    private static String[] embedded(String a, String b) {
        try {
            return new String[] {Equivalence.embeddingText(Lexical.privatives(a)),
                Equivalence.embeddingText(Lexical.privatives(Lexical.aligned(a, b)))};
        } catch (RuntimeException e) {
            failed(e, WORD_RULE_FAILED);
            return new String[] {a, b};
        }
    }

    /**
     * Embeds the distinct texts of the pairs the words left open ({@link #embedded}) in one call, once each (answers
     * given word for word by several providers share one embedding; texts of one call share a model run when their
     * lengths are close), and fills in those pairs' cosine similarity.
     */
    /**
     * The open pairs' cosines moved by the answer-pair model, which reads them in one run: only those whose side of the
     * threshold its probability can change (at the default weight 0.6, shift 0.2 and floor 0.15, a cosine from 0.15 to
     * 0.45), since it costs 4 to 17 ms a pair where the embedding costs 1 to 2 ms a text.
     */
    private void readOpenPairs(List<String> answers, String question, boolean[][] open, double[][] sim) {
        int n = answers.size();
        double cut = threshold(question);
        List<String[]> texts = new ArrayList<>();
        List<int[]> where = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (open[i][j] && pairs.moved(sim[i][j], 0) < cut && pairs.moved(sim[i][j], 1) >= cut) {
                    texts.add(new String[] {answers.get(i), answers.get(j)});
                    where.add(new int[] {i, j});
                }
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        double[] agreement;
        try {
            agreement = pairs.model().agreement(question, texts);
            if (agreement == null || agreement.length != texts.size()
                    || !Arrays.stream(agreement).allMatch(p -> p >= 0 && p <= 1)) {
                // (a model that answers for other pairs, or with no probability, has failed as much as one that throws)
                throw new IllegalStateException("the answer-pair model gave no probability for each pair");
            }
        } catch (RuntimeException e) {
            // a model that fails (a bug, not a verdict) leaves the cosines as they are
            failed(e, "The answer-pair model failed ({}); the cosines decide the pairs it could not read");
            return;
        }
        for (int k = 0; k < agreement.length; k++) {
            int i = where.get(k)[0];
            int j = where.get(k)[1];
            sim[i][j] = sim[j][i] = pairs.moved(sim[i][j], agreement[k]);
        }
    }

    private void embedOpenPairs(List<Ballot> ballots, boolean[][] open, double[][] sim) {
        int n = ballots.size();
        List<TextSegment> segments = new ArrayList<>(n);
        Map<String, Integer> distinct = new HashMap<>();
        int[][] slots = new int[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (open[i][j]) {
                    String[] texts = embedded(ballots.get(i).answer(), ballots.get(j).answer());
                    int[] pair = new int[2];
                    for (int k = 0; k < 2; k++) {
                        Integer known = distinct.putIfAbsent(texts[k], segments.size());
                        if (known == null) {
                            pair[k] = segments.size();
                            segments.add(TextSegment.from(texts[k]));
                        } else {
                            pair[k] = known;
                        }
                    }
                    slots[i * n + j] = pair;
                }
            }
        }
        List<Embedding> vectors = model.embedAll(segments).content();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int[] pair = slots[i * n + j];
                if (pair != null) {
                    sim[i][j] = sim[j][i] = Similarity.cosine(vectors.get(pair[0]).vector(),
                            vectors.get(pair[1]).vector());
                }
            }
        }
    }

    /** The accuracy of the most accurate provider among those whose answer is the same as ballot i's. */
    private double groupAccuracy(List<Ballot> ballots, double[][] sim, int i, double cut) {
        double best = 0;
        for (int j = 0; j < ballots.size(); j++) {
            if (sim[i][j] >= cut) {
                best = Math.max(best, ballots.get(j).accuracy());
            }
        }
        return best;
    }

    private int countGroups(double[][] sim, int n, double cut) {
        boolean[] seen = new boolean[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                groups++;
                for (int j = i; j < n; j++) {
                    if (sim[i][j] >= cut) {
                        seen[j] = true;
                    }
                }
            }
        }
        return groups;
    }
}
