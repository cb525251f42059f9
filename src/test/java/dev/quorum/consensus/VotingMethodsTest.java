package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The voting methods on their own, with ballots of known accuracy. */
class VotingMethodsTest {

    private static Ballot ballot(String provider, String answer, double accuracy) {
        return new Ballot(provider, answer, accuracy);
    }

    @Test
    void should_break_a_majority_tie_towards_the_most_accurate_provider_and_report_the_tie() {
        // given
        List<Ballot> ballots = List.of(ballot("a", "x", 0.6), ballot("b", "y", 0.9));

        // when
        Vote vote = new MajorityVote().decide(ballots);

        // then
        assertThat(vote.answer()).isEqualTo("y");
        assertThat(vote.tie()).isTrue();
        assertThat(vote.ratio()).isEqualTo(0.5);
    }

    @Test
    void should_count_a_short_answer_and_the_sentence_that_states_it_as_one_answer_under_majority() {
        // given: the README's demo, with and without the question
        List<Ballot> ballots = List.of(ballot("a", "Paris.", 0.8), ballot("b", "The capital of France is Paris.", 0.9),
                ballot("c", "Lyon.", 0.7));

        // when
        Vote asked = new MajorityVote().decide(ballots, "What is the capital of France?");
        Vote unasked = new MajorityVote().decide(ballots);
        Vote twoOnly = new MajorityVote().decide(ballots.subList(0, 2), "What is the capital of France?");

        // then
        assertThat(asked.agreeing()).containsExactly("a", "b");
        assertThat(asked.answer()).isEqualTo("The capital of France is Paris.");
        assertThat(asked.ratio()).isCloseTo(0.667, org.assertj.core.data.Offset.offset(0.001));
        assertThat(unasked.agreeing()).containsExactly("a", "b");
        assertThat(twoOnly.dissenting()).isEmpty();
    }

    @Test
    void should_not_count_a_sentence_that_says_more_or_something_else_with_a_short_answer() {
        // given
        String question = "In which year did the Berlin Wall fall?";

        // when
        Vote rival = new MajorityVote().decide(List.of(ballot("a", "1961", 0.8),
                ballot("b", "The Berlin Wall was built in 1961 and fell in 1989.", 0.8)), question);
        Vote negated = new MajorityVote().decide(List.of(ballot("a", "Paris.", 0.8),
                ballot("b", "The capital of France is not Paris.", 0.8)), "What is the capital of France?");

        // then
        assertThat(rival.tie()).isTrue();
        assertThat(negated.tie()).isTrue();
    }

    @Test
    void should_report_each_answers_share_of_the_vote() {
        // given
        List<Ballot> ballots = List.of(ballot("a", "42", 0.8), ballot("b", "42.0", 0.7), ballot("c", "41", 0.9));

        // when
        Vote majority = new MajorityVote().decide(ballots);
        Vote weighted = new WeightedVote(0.51, 0.99).decide(ballots);

        // then
        assertThat(majority.share("a")).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(majority.share("c")).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.share("a") + weighted.share("c")).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.share("a")).isEqualTo(weighted.ratio());
    }

    @Test
    void should_report_a_fusion_whose_fields_mostly_agree_at_the_level_its_ratio_says() {
        // given: every answer differs from the merged object in at most one of three fields
        List<Ballot> ballots = List.of(ballot("a", "{\"a\":1,\"b\":2,\"c\":3}", 0.8),
                ballot("b", "{\"a\":1,\"b\":2,\"c\":4}", 0.8), ballot("c", "{\"a\":1,\"b\":5,\"c\":3}", 0.8));

        // when
        Vote vote = new FusionVote().decide(ballots);
        String level = new ConsensusResults(0.9).level(vote, 3, 3, 0.66);

        // then: the ratio is 0.778 (1 + 2/3 + 2/3 over three fields); before, only answer a agreed and it was a conflict
        assertThat(vote.ratio()).isCloseTo(0.778, org.assertj.core.data.Offset.offset(0.001));
        assertThat(vote.agreeing()).containsExactly("a", "b", "c");
        assertThat(level).isEqualTo("medium");
        assertThat(vote.share("a")).isEqualTo(vote.ratio());
        assertThat(vote.share("b")).isCloseTo((1 + 2 / 3.0 + 1 / 3.0) / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void should_still_call_a_fusion_of_answers_that_agree_on_nothing_a_conflict() {
        // given
        List<Ballot> ballots = List.of(ballot("a", "{\"a\":1,\"b\":2}", 0.8), ballot("b", "{\"a\":3,\"b\":4}", 0.7));

        // when
        Vote vote = new FusionVote().decide(ballots);

        // then
        assertThat(vote.ratio()).isEqualTo(0.5);
        assertThat(new ConsensusResults(0.9).level(vote, 2, 2, 0.66)).isEqualTo("conflict");
    }

    @Test
    void should_weigh_by_clipped_log_odds() {
        // given
        WeightedVote weighted = new WeightedVote(0.51, 0.99);

        // when / then
        assertThat(weighted.weight(0.8)).isCloseTo(Math.log(4), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.weight(1.0)).isEqualTo(weighted.weight(0.99));
        assertThat(weighted.weight(0.3)).isEqualTo(weighted.weight(0.51)).isPositive();
    }

    @Test
    void should_read_the_judges_choice_and_the_answers_it_says_agree() {
        // given
        List<Ballot> ballots = List.of(ballot("a", "Paris", 0.8), ballot("b", "It is Paris", 0.8), ballot("c", "Lyon", 0.8));
        JudgeVote judge = new JudgeVote();

        // when
        Vote listed = judge.judged(ballots, "best=2; agreeing=1, 2", "j");
        Vote bare = judge.judged(ballots, "Answer 3 is best", "j");
        Vote useless = judge.judged(ballots, "I cannot tell", "j");

        // then
        assertThat(listed.provider()).isEqualTo("b");
        assertThat(listed.agreeing()).containsExactly("a", "b");
        assertThat(bare.provider()).isEqualTo("c");
        assertThat(bare.agreeing()).containsExactly("c");
        assertThat(useless).isNull();
        assertThat(judge.prompt("Capital of France?", ballots)).contains("[1] Paris").contains("[3] Lyon");
    }

    @Test
    void should_fall_back_to_majority_when_no_answer_is_json() {
        // given
        List<Ballot> ballots = List.of(ballot("a", "yes", 0.8), ballot("b", "Yes.", 0.8), ballot("c", "no", 0.8));

        // when
        Vote vote = new FusionVote().decide(ballots);

        // then
        assertThat(vote.answer()).isEqualTo("yes");
        assertThat(vote.notes()).anyMatch(note -> note.contains("decided by majority"));
    }
}
