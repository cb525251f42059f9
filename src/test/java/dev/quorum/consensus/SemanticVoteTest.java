package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.quorum.embedding.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The semantic vote on the real all-MiniLM-L6-v2 model, watching which texts it embeds. */
class SemanticVoteTest {

    /** The real model, remembering every text it was asked to embed. */
    private static final class Recording implements EmbeddingModel {
        final EmbeddingModel model = LocalEmbeddingModel.allMiniLmL6V2();
        final List<String> embedded = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(segment -> embedded.add(segment.text()));
            return model.embedAll(segments);
        }
    }

    private static final Recording MODEL = new Recording();

    @Test
    void should_break_a_tie_between_unrelated_answers_towards_the_most_accurate_provider_as_its_reasoning_says() {
        // given: before, the first panel member won while the reasoning named the most accurate provider
        SemanticVote vote = new SemanticVote(MODEL, 0.6);
        List<Ballot> ballots = List.of(new Ballot("first", "The sky is blue because air scatters blue light.", 0.6),
                new Ballot("accurate", "Mitochondria produce most of the energy of a cell.", 0.9));

        // when
        Vote result = vote.decide(ballots, "Why is the sky blue?");

        // then
        assertThat(result.tie()).isTrue();
        assertThat(result.provider()).isEqualTo("accurate");
        assertThat(result.answer()).startsWith("Mitochondria");
        assertThat(result.reasoning()).contains("accurate (the most accurate provider among them)");
    }

    @Test
    void should_group_a_short_answer_with_the_sentence_stating_it_and_keep_near_identical_contradictions_apart() {
        // given
        SemanticVote vote = new SemanticVote(MODEL, 0.6);

        // when
        Vote demo = vote.decide(List.of(new Ballot("a", "Paris.", 0.8),
                new Ballot("b", "The capital of France is Paris.", 0.8), new Ballot("c", "Lyon.", 0.8)),
                "What is the capital of France?");
        double entity = vote.similarity("The capital of Australia is Canberra.", "The capital of Australia is Sydney.");
        double negation = vote.similarity("The warranty covers water damage.", "The warranty does not cover water damage.");
        double label = vote.similarity("The sentiment of this review is positive.", "The sentiment of this review is negative.");
        double paraphrase = vote.similarity("Paris is the capital of France.", "The capital city of France is Paris.");

        // then
        assertThat(demo.agreeing()).containsExactly("a", "b");
        assertThat(entity).isZero();
        assertThat(negation).isZero();
        assertThat(label).isZero();
        assertThat(paraphrase).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void should_embed_an_answer_given_word_for_word_by_several_providers_once_and_vote_as_if_it_had_not() {
        // given
        Recording recording = new Recording();
        SemanticVote vote = new SemanticVote(recording, 0.75);
        List<Ballot> ballots = List.of(new Ballot("a", "The capital of France is Paris.", 0.8),
                new Ballot("b", "Paris is the capital city of France.", 0.8),
                new Ballot("c", "The capital of France is Paris.", 0.8),
                new Ballot("d", "Berlin is the capital of Germany.", 0.8));

        // when
        Vote result = vote.decide(ballots);

        // then
        // (each distinct text once, in the order the open pairs need them)
        assertThat(recording.embedded).containsExactlyInAnyOrder("The capital of France is Paris.",
                "Paris is the capital city of France.", "Berlin is the capital of Germany.");
        assertThat(result.answer()).isEqualTo("The capital of France is Paris.");
        assertThat(result.agreeing()).containsExactly("a", "b", "c");
        assertThat(result.ratio()).isEqualTo(0.75);
    }
}
