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
        assertThat(recording.embedded).containsExactly("The capital of France is Paris.",
                "Paris is the capital city of France.", "Berlin is the capital of Germany.");
        assertThat(result.answer()).isEqualTo("The capital of France is Paris.");
        assertThat(result.agreeing()).containsExactly("a", "b", "c");
        assertThat(result.ratio()).isEqualTo(0.75);
    }
}
