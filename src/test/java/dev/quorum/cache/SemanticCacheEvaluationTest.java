package dev.quorum.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.embedding.Similarity;
import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Measures the semantic cache's decision ({@link PromptGuard}: the same names, numbers and negations, then the cosine
 * of two prompts' all-MiniLM-L6-v2 embeddings against {@code quorum.cache.semantic-threshold}) on labelled sentence
 * pairs, next to the embedding alone: paraphrases (label 1, a hit is right) and hard
 * negatives on the same topic that differ in the one thing that matters (label 0, a hit would serve a wrong answer),
 * from consensus/paraphrase-pairs.tsv and consensus/answer-pairs.tsv. Prints the hit rate on paraphrases and the false
 * hit rate on negatives per threshold (docs/cache.md has the table), and holds the configured threshold to at most
 * {@link #MAX_FALSE_HITS} false hits per source.
 */
class SemanticCacheEvaluationTest {

    /** The share of hard negatives the configured threshold may answer from the cache, per source. */
    static final double MAX_FALSE_HITS = 0.02;

    record Pair(String source, boolean same, String a, String b) {
    }

    private static List<Pair> pairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        read("/consensus/paraphrase-pairs.tsv", f -> new Pair("paraphrase-pairs", "1".equals(f[0]), f[1], f[2]), pairs);
        read("/consensus/answer-pairs.tsv", f -> new Pair("answer-pairs", "1".equals(f[2]), f[4], f[5]), pairs);
        return pairs;
    }

    private static void read(String resource, java.util.function.Function<String[], Pair> parse, List<Pair> into)
            throws IOException {
        try (InputStream in = SemanticCacheEvaluationTest.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                into.add(parse.apply(line.replace("\\n", "\n").split("\t")));
            }
        }
    }

    @Test
    void should_keep_false_hits_on_hard_negatives_rare_at_the_configured_threshold() throws IOException {
        // given
        LocalEmbeddingModel model = LocalEmbeddingModel.allMiniLmL6V2();
        List<Pair> pairs = pairs();
        Map<String, List<double[]>> bySource = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            List<Embedding> vectors = model.embedAll(List.of(TextSegment.from(pair.a()), TextSegment.from(pair.b())))
                    .content();
            double cosine = Similarity.cosine(vectors.get(0).vector(), vectors.get(1).vector());
            // the cache's decision: the guard (names, numbers, negations) and the cosine; -1 when the guard refuses
            double decided = PromptGuard.sameKeyTokens(pair.a(), pair.b()) ? cosine : -1;
            bySource.computeIfAbsent(pair.source(), s -> new ArrayList<>())
                    .add(new double[] {pair.same() ? 1 : 0, decided, cosine});
        }
        Properties settings = new Properties();
        try (FileReader reader = new FileReader("application.properties", StandardCharsets.UTF_8)) {
            settings.load(reader);
        }
        double configured = Double.parseDouble(settings.getProperty("quorum.cache.semantic-threshold").trim());

        // when
        StringBuilder table = new StringBuilder("threshold");
        bySource.keySet().forEach(source -> table.append(" | ").append(source).append(" hits / false hits"));
        table.append('\n');
        for (int step = 80; step <= 99; step++) {
            double threshold = step / 100.0;
            table.append(String.format(Locale.ROOT, "%.2f", threshold));
            for (List<double[]> rows : bySource.values()) {
                double[] guarded = rates(rows, threshold, 1);
                double[] plain = rates(rows, threshold, 2);
                table.append(String.format(Locale.ROOT, " | %.1f%% / %.1f%% (embedding alone %.1f%% / %.1f%%)",
                        100 * guarded[0], 100 * guarded[1], 100 * plain[0], 100 * plain[1]));
            }
            table.append('\n');
        }
        System.out.println("Semantic cache on labelled pairs (share of paraphrases answered from the cache / share "
                + "of hard negatives answered from it):\n" + table);

        // then
        for (Map.Entry<String, List<double[]>> source : bySource.entrySet()) {
            double[] rates = rates(source.getValue(), configured, 1);
            assertThat(rates[1]).as("false hits on %s at %.2f", source.getKey(), configured)
                    .isLessThanOrEqualTo(MAX_FALSE_HITS);
        }
    }

    /** The share of same-meaning pairs at or above the threshold, and of different-meaning ones. */
    private static double[] rates(List<double[]> rows, double threshold, int column) {
        long same = rows.stream().filter(r -> r[0] == 1).count();
        long different = rows.size() - same;
        long hits = rows.stream().filter(r -> r[0] == 1 && r[column] >= threshold).count();
        long falseHits = rows.stream().filter(r -> r[0] == 0 && r[column] >= threshold).count();
        return new double[] {same == 0 ? 0 : (double) hits / same, different == 0 ? 0 : (double) falseHits / different};
    }
}
