package dev.quorum.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batched model against LangChain4j's own all-MiniLM-L6-v2 (quantised) model, which embeds one text per run: the
 * same vectors for a text embedded alone, of any length (both cut it at 128 positions), and nearly the same vectors and
 * similarities for texts that share a padded run.
 */
class LocalEmbeddingModelTest {

    private static LocalEmbeddingModel model;
    private static AllMiniLmL6V2QuantizedEmbeddingModel reference;

    @BeforeAll
    static void load() {
        model = LocalEmbeddingModel.allMiniLmL6V2();
        reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Test
    void should_give_the_reference_vectors_for_a_text_of_any_length_embedded_alone() {
        // given
        String words = "The committee reviewed the quarterly report and approved the budget for the coming year. ";
        List<String> texts = List.of("The capital of France is Paris.",
                "Unbelievably, the antidisestablishmentarianism debate continued.", words.repeat(4), words.repeat(40), "42");

        for (String text : texts) {
            // when
            Response<Embedding> alone = model.embed(text);

            // then
            assertThat(alone.content().vector()).hasSize(384);
            assertThat(Similarity.cosine(alone.content().vector(), reference.embed(text).content().vector()))
                    .as(text).isGreaterThan(0.9999);
        }
        assertThat(model.embed(words.repeat(40)).tokenUsage().inputTokenCount())
                .as("cut at the 128 positions the tokenizer is configured for").isEqualTo(128);
    }

    @Test
    void should_give_nearly_the_reference_vectors_and_similarities_for_texts_that_share_a_run() {
        // given: the int8 model quantises its activations over the whole batch, so a text's vector moves a little
        // with the texts it shares a run with; what the vote reads, the similarity of two answers, barely moves
        List<String> texts = List.of("The capital of France is Paris.", "Paris is the capital city of France.",
                "Berlin is the capital of Germany.", "No.");

        // when
        List<Embedding> together = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();

        // then
        List<float[]> expected = texts.stream().map(text -> reference.embed(text).content().vector()).toList();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Similarity.cosine(together.get(i).vector(), expected.get(i))).as(texts.get(i)).isGreaterThan(0.98);
            for (int j = i + 1; j < texts.size(); j++) {
                assertThat(Similarity.cosine(together.get(i).vector(), together.get(j).vector()))
                        .as("%s / %s", texts.get(i), texts.get(j))
                        .isCloseTo(Similarity.cosine(expected.get(i), expected.get(j)), within(0.02));
            }
        }
    }

    @Test
    void should_run_texts_of_similar_length_together_and_a_much_longer_one_alone() {
        // given
        List<String> rows = List.of("x".repeat(120), "x".repeat(9), "x".repeat(11), "x".repeat(10), "x".repeat(40));

        // when
        List<List<String>> batches = LocalEmbeddingModel.batches(rows, String::length);

        // then
        assertThat(batches).extracting(batch -> batch.stream().map(String::length).toList())
                .containsExactly(List.of(9, 10, 11), List.of(40), List.of(120));
    }
}
