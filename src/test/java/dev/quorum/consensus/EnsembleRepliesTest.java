package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.api.Verification;
import org.junit.jupiter.api.Test;

/**
 * How the verify, rank and entailment steps read their judges' replies: only a reply in the asked form counts,
 * everything else is unclear or unusable, whatever the judge meant.
 */
class EnsembleRepliesTest {

    @Test
    void should_read_a_verdict_only_from_a_first_line_that_starts_with_one() {
        // when / then
        assertThat(VerifyEnsemble.verdict("v", "VALID").verdict()).isEqualTo("valid");
        assertThat(VerifyEnsemble.verdict("v", "**INVALID**: Lyon is not the capital.").reason())
                .isEqualTo("Lyon is not the capital.");
        assertThat(VerifyEnsemble.verdict("v", "Verdict: valid - correct").verdict()).isEqualTo("valid");
        assertThat(VerifyEnsemble.verdict("v", "INVALID\nThe answer names the wrong city.").reason())
                .isEqualTo("The answer names the wrong city.");
        for (String garbled : new String[] {"", "The answer is valid.", "Paris", "INVALIDATED", "validity unclear",
                "I cannot judge this.", "Yes"}) {
            Verification.Check check = VerifyEnsemble.verdict("v", garbled);
            assertThat(check.verdict()).as(garbled).isEqualTo("unclear");
        }
    }

    @Test
    void should_read_a_ranking_only_when_every_number_is_an_answer_and_none_repeats() {
        // when / then
        assertThat(RankVote.parse("ranking=3, 1, 2", 3)).containsExactly(2, 0, 1);
        assertThat(RankVote.parse("**Ranking:** [2, 1]", 3)).containsExactly(1, 0);
        assertThat(RankVote.parse("**Ranking**: 2, 1", 3)).containsExactly(1, 0);
        assertThat(RankVote.parse("3 > 1 > 2", 3)).containsExactly(2, 0, 1);
        assertThat(RankVote.parse("ranking=2,1,3 because answer 1 cites 4 sources", 3)).containsExactly(1, 0, 2);
        assertThat(RankVote.parse("ranking=4, 1", 3)).isNull();
        assertThat(RankVote.parse("ranking=0", 3)).isNull();
        assertThat(RankVote.parse("ranking=1, 1, 2", 3)).isNull();
        assertThat(RankVote.parse("I think the second one is best.", 3)).isNull();
        assertThat(RankVote.parse("Answer 2 is best", 3)).isNull();
        assertThat(RankVote.parse("", 3)).isNull();
    }

    @Test
    void should_read_a_pairwise_preference_only_when_it_names_one_answer() {
        // when / then
        assertThat(RankVote.preference("better=2")).isEqualTo(2);
        assertThat(RankVote.preference("**Better:** 1")).isEqualTo(1);
        assertThat(RankVote.preference("better = answer 2, as it is complete")).isEqualTo(2);
        assertThat(RankVote.preference("2")).isEqualTo(2);
        assertThat(RankVote.preference("Answer 1.")).isEqualTo(1);
        assertThat(RankVote.preference("better=1\nbetter=2")).isNull();
        assertThat(RankVote.preference("better=3")).isNull();
        assertThat(RankVote.preference("12")).isNull();
        assertThat(RankVote.preference("I prefer the second one.")).isNull();
        assertThat(RankVote.preference("Both 1 and 2 are fine.")).isNull();
        assertThat(RankVote.preference("")).isNull();
    }

    @Test
    void should_read_entailment_only_when_both_directions_are_stated() {
        // when / then
        assertThat(EntailmentCheck.entails("1 entails 2=yes; 2 entails 1=yes")).isTrue();
        assertThat(EntailmentCheck.entails("1 entails 2 = YES; 2 entails 1: no")).isFalse();
        assertThat(EntailmentCheck.entails("1 entails 2=yes")).isNull();
        assertThat(EntailmentCheck.entails("They mean the same thing.")).isNull();
        assertThat(EntailmentCheck.entails(null)).isNull();
    }
}
