package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.quorum.embedding.LocalEmbeddingModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refusal or a plea of ignorance is not the same as an answer ({@link NonAnswer}), however many of the question's
 * words it repeats: before, "I'm not sure what the capital of France is." joined "The capital of France is Paris." at a
 * cosine of 0.86, and a vote counted it as agreeing.
 */
class NonAnswerTest {

    private static Equivalence.Decision decide(String question, String a, String b) {
        return EquivalenceTest.decide(question, a, b);
    }

    @Test
    void should_keep_a_refusal_or_a_plea_of_ignorance_apart_from_any_answer() {
        String capital = "What is the capital of France?";
        assertThat(decide(capital, "The capital of France is Paris.", "I am not sure what the capital of France is."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(capital, "Paris.", "I don't know what the capital of France is."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(capital, "Paris.", "I don’t know.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide(capital, "Paris.", "Sorry, but I can't help with that."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Why do we have seasons?", "Because the Earth's axis is tilted.",
                "I'm not able to explain that.")).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is Paris the capital of France?", "Yes.", "I have no idea."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(decide("Is the site up?", "No.", "As an AI, I cannot browse the internet."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_a_hedge_that_goes_on_to_answer_as_an_answer() {
        assertThat(NonAnswer.is("i'm not sure, but i think it's paris.")).isFalse();
        assertThat(NonAnswer.is("i can't say for certain; probably 1969.")).isFalse();
        assertThat(NonAnswer.is("i don't know of any exclusion, so yes.")).isFalse();
        assertThat(NonAnswer.is("i cannot stress this enough: back up first.")).isFalse();
        assertThat(NonAnswer.is("paris. i don't know why people ask.")).isFalse();
        assertThat(decide("When did Apollo 11 land?", "1969.", "I can't say for certain; probably 1969."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Does the policy cover it?", "I don't know of any exclusion, so yes.", "Yes, it is covered."))
                .isEqualTo(Equivalence.Decision.SAME);
    }

    @Test
    void should_read_a_hedged_answer_as_the_answer_it_gives() {
        // (before, each was kept apart from the answer: "named only as context", or "negated" for "not certain")
        String capital = "What is the capital of France?";
        assertThat(decide(capital, "Paris.", "I'm not sure, but I think it's Paris."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(capital, "Paris.", "Not sure, but probably Paris.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(capital, "Paris.", "I’m not 100% sure, but I believe it is Paris."))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide(capital, "The capital of France is Paris.",
                "I'm not certain, but I think the capital of France is Paris.")).isEqualTo(Equivalence.Decision.SAME);
        assertThat(decide("Is the Earth round?", "Yes.", "I could be wrong, but yes."))
                .isEqualTo(Equivalence.Decision.SAME);
        // (the hedge does not make another answer the same, nor a hedge with nothing after it an answer)
        assertThat(decide(capital, "Lyon.", "I'm not sure, but I think it's Paris."))
                .isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(AnswerText.withoutRemark("I'm not sure, but")).isEqualTo("I'm not sure, but");
    }

    @Test
    void should_leave_the_refusal_out_of_the_agreeing_answers_of_a_vote() {
        // given
        SemanticVote vote = new SemanticVote(LocalEmbeddingModel.allMiniLmL6V2(), 0.60, 0.35);
        List<Ballot> ballots = List.of(new Ballot("a", "The capital of France is Paris.", 0.8),
                new Ballot("b", "Paris.", 0.8),
                new Ballot("c", "I am not sure what the capital of France is.", 0.9));

        // when
        Vote result = vote.decide(ballots, "What is the capital of France?");

        // then
        assertThat(result.agreeing()).containsExactlyInAnyOrder("a", "b");
        assertThat(result.dissenting()).containsExactly("c");
    }

    @Test
    void should_read_a_hostile_opening_in_linear_time() {
        String flood = "sorry, i don't know " + "really ".repeat(200_000);
        String hedges = "i'm not sure " + "but ".repeat(200_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(NonAnswer.is(flood)).isTrue();
            assertThat(NonAnswer.is(hedges)).isFalse();
        });
    }
}
