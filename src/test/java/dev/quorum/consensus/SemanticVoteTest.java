package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.quorum.embedding.AnswerPairModel;
import dev.quorum.embedding.LocalEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
    void should_offer_the_entailment_judge_long_explanations_split_only_by_words_put_in_place_of_others() {
        // given: one explanation with a phrase said in other words that WordNet does not relate ("gives off" /
        // "releases"), which the words split as they split a changed claim; a pair split by a negation, which is no
        // tentative split; and a short pair in the uncertain band
        SemanticVote vote = new SemanticVote(MODEL, 0.6, 0.35);
        String question = "How does a refrigerator keep food cold?";
        String answer = "A refrigerator moves heat out of its cabinet rather than making cold. A refrigerant absorbs heat "
                + "as it evaporates in the coils inside the cabinet. A compressor then raises the pressure of the "
                + "vapour, and the hot refrigerant gives off its heat through the coils at the back. It condenses back "
                + "into a liquid, passes through an expansion valve, and the cycle repeats.";
        String reworded = answer.replace("gives off its heat", "releases its heat");
        String negated = answer.replace("It condenses back", "It does not condense back");
        List<Ballot> ballots = List.of(new Ballot("a", answer, 0.8), new Ballot("b", reworded, 0.8),
                new Ballot("c", negated, 0.8));

        // when
        Vote vote3 = vote.decide(ballots, question);
        List<int[]> uncertain = vote.uncertainPairs(ballots, question, 0.20, 0.55);

        // then: the words split a and b; the judge is offered that pair, never the negation's
        assertThat(vote.similarity(answer, reworded, question)).isZero();
        assertThat(vote3.agreeing()).hasSize(1);
        assertThat(uncertain).extracting(pair -> pair[0] + "-" + pair[1]).containsExactly("0-1");
        // after the pairs only the embedding decided in the band, closest to the threshold first
        List<Ballot> withBand = List.of(new Ballot("a", answer, 0.8), new Ballot("b", reworded, 0.8),
                new Ballot("c", "Paris.", 0.8), new Ballot("d", "The city of light on the Seine.", 0.8));
        assertThat(vote.uncertainPairs(withBand, question, 0, 1))
                .extracting(pair -> pair[0] + "-" + pair[1]).endsWith("0-1").contains("2-3");
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

    @Test
    void should_leave_a_pair_to_the_embedding_when_a_word_rule_fails_on_it_and_log_where_not_what() {
        // given
        // (word rules with a bug: they throw on any pair holding the answer about Bora Bora, as Set.of did once)
        Recording recording = new Recording();
        SemanticVote.WordRules buggy = (a, b, question, weigh) -> {
            if (a.answer.contains("Bora") || b.answer.contains("Bora")) {
                throw new IllegalArgumentException("duplicate element: bora");
            }
            return Equivalence.compare(a, b, question);
        };
        SemanticVote vote = new SemanticVote(recording, 0.6, 0.35, buggy);
        List<Ballot> ballots = List.of(new Ballot("a", "Bora Bora, Tahiti and Moorea.", 0.8),
                new Ballot("b", "Tahiti, Moorea and Bora Bora.", 0.8),
                new Ballot("c", "The Maldives.", 0.8));
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SemanticVote.class);
        logger.addAppender(captured);

        // when
        Vote result;
        double similarity;
        try {
            result = vote.decide(ballots, "Name islands of French Polynesia.");
            similarity = vote.similarity("Bora Bora, Tahiti and Moorea.", "Tahiti, Moorea and Bora Bora.",
                    "Name islands of French Polynesia.");
        } finally {
            logger.detachAppender(captured);
        }

        // then
        // (every pair here holds a Bora Bora answer: all were embedded and decided by their cosine)
        assertThat(recording.embedded).contains("Bora Bora, Tahiti and Moorea.", "Tahiti, Moorea and Bora Bora.",
                "The Maldives.");
        assertThat(result.agreeing()).containsExactlyInAnyOrder("a", "b");
        assertThat(result.dissenting()).containsExactly("c");
        assertThat(similarity).isGreaterThan(0.6);
        // (the failure is logged with its class and place, never with the answers)
        assertThat(captured.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("IllegalArgumentException").doesNotContain("Tahiti");
        });
        // (four pairs failed at one place: one line at WARN, the rest at DEBUG at most)
        assertThat(captured.list.stream().filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN))
                .hasSize(1);
    }

    /** An answer-pair model that says {@code agreement} of every pair and remembers each call's pairs. */
    private static final class FixedPairModel implements AnswerPairModel {
        final double agreement;
        final List<List<String[]>> calls = new ArrayList<>();

        FixedPairModel(double agreement) {
            this.agreement = agreement;
        }

        @Override
        public double[] agreement(String question, List<String[]> pairs) {
            calls.add(pairs);
            double[] said = new double[pairs.size()];
            java.util.Arrays.fill(said, agreement);
            return said;
        }
    }

    @Test
    void should_move_only_the_cosines_the_words_leave_open_by_the_answer_pair_model_read_once_per_vote() {
        // given
        FixedPairModel sure = new FixedPairModel(1.0);
        SemanticVote plain = new SemanticVote(MODEL, 0.6, 0.35);
        SemanticVote read = new SemanticVote(MODEL, 0.6, 0.35, new SemanticVote.PairReading(sure, 0.4, 0.1, 0));
        SemanticVote floored = new SemanticVote(MODEL, 0.6, 0.35, new SemanticVote.PairReading(sure, 0.4, 0.1, 0.15));
        String question = "Where would you spend a week off?";
        List<Ballot> ballots = List.of(new Ballot("a", "A quiet beach somewhere warm.", 0.8),
                new Ballot("b", "A cabin up in the hills.", 0.8),
                new Ballot("c", "I would rather stay at home and read.", 0.8));

        // when
        String beach = "A quiet beach somewhere warm.";
        String home = "I would rather stay at home and read.";
        double open = plain.similarity(beach, home, question);
        double moved = read.similarity(beach, home, question);
        double kept = floored.similarity(beach, home, question);
        double decided = read.similarity("The capital of Australia is Canberra.", "The capital of Australia is Sydney.",
                "What is the capital of Australia?");
        int callsBefore = sure.calls.size();
        Vote vote = read.decide(ballots, question);

        // then
        // (weight 0.4 × (1 − ½) + shift 0.1: the open pair's cosine moves up by 0.3)
        assertThat(moved).isCloseTo(Math.min(1, open + 0.3), org.assertj.core.data.Offset.offset(1e-9));
        // (never up from under the floor: the two answers' cosine is about 0.09)
        assertThat(open).isLessThan(0.15);
        assertThat(kept).isEqualTo(open);
        // (a pair the words decided is neither moved nor read)
        assertThat(decided).isZero();
        assertThat(callsBefore).isEqualTo(1);
        // (a vote reads all its open pairs in one call: three answers, three pairs, each moved up to the threshold)
        assertThat(sure.calls).hasSize(2);
        assertThat(sure.calls.get(1)).hasSize(3);
        assertThat(vote.agreeing()).hasSize(3);
    }

    @Test
    void should_keep_the_cosines_when_the_answer_pair_model_fails_and_log_where_not_what() {
        // given
        AnswerPairModel broken = (question, pairs) -> {
            throw new IllegalStateException("The answer-pair model failed: out of memory");
        };
        SemanticVote plain = new SemanticVote(MODEL, 0.6, 0.35);
        SemanticVote read = new SemanticVote(MODEL, 0.6, 0.35, new SemanticVote.PairReading(broken, 1.2, 0.15, 0));
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SemanticVote.class);
        logger.addAppender(captured);

        // when
        String question = "Where would you spend a week off?";
        String beach = "A quiet beach somewhere warm.";
        String hills = "A cabin up in the hills.";
        double expected = plain.similarity(beach, hills, question);
        double said;
        Vote vote;
        try {
            said = read.similarity(beach, hills, question);
            vote = read.decide(List.of(new Ballot("a", beach, 0.8), new Ballot("b", hills, 0.8)), question);
        } finally {
            logger.detachAppender(captured);
        }

        // then
        assertThat(said).isEqualTo(expected);
        assertThat(vote.agreeing()).hasSize(1);
        // (a model that answers with no probability, or for other pairs, is as broken as one that throws)
        for (AnswerPairModel lying : List.<AnswerPairModel>of((q, p) -> new double[] {Double.NaN},
                (q, p) -> new double[] {1, 1, 1}, (q, p) -> new double[] {7})) {
            SemanticVote misled = new SemanticVote(MODEL, 0.6, 0.35, new SemanticVote.PairReading(lying, 1.2, 0.15, 0));
            assertThat(misled.similarity(beach, hills, question)).isEqualTo(expected);
        }
        assertThat(captured.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("IllegalStateException").contains("answer-pair model").doesNotContain("beach"));
    }
}
