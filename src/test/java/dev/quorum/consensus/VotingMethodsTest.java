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
