package dev.quorum.routing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.embedding.Similarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the task whose configured example prompts are most similar in meaning to a prompt: every example is embedded
 * once at start-up with the in-process all-MiniLM-L6-v2 model, each prompt once per request (a few milliseconds), and
 * the best cosine similarity wins if it reaches the threshold.
 */
public final class SemanticRouter {

    /** The best example's task and its cosine similarity to the prompt. */
    record Match(String task, double similarity) {
    }

    private record Example(String task, float[] vector) {
    }

    private final EmbeddingModel model;
    private final List<Example> examples = new ArrayList<>();
    private final double threshold;

    SemanticRouter(EmbeddingModel model, Map<String, List<String>> examplesByTask, double threshold) {
        this.model = model;
        this.threshold = threshold;
        examplesByTask.forEach((task, prompts) -> {
            for (String prompt : prompts) {
                examples.add(new Example(task, model.embed(prompt).content().vector()));
            }
        });
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the semantic router is enabled but has no example prompts: set "
                    + "quorum.routing.semantic.example.<task>.<n>");
        }
    }

    int examples() {
        return examples.size();
    }

    /** The closest task, or {@code null} when no example is similar enough. */
    Match match(String prompt) {
        Embedding embedding = model.embed(prompt).content();
        float[] vector = embedding.vector();
        Match best = null;
        for (Example example : examples) {
            double similarity = Similarity.cosine(vector, example.vector());
            if (best == null || similarity > best.similarity()) {
                best = new Match(example.task(), similarity);
            }
        }
        return best != null && best.similarity() >= threshold ? best : null;
    }
}
