package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two long explanations that are one text with a phrase said in other words are the same answer ({@link Rewording});
 * before, the contradiction guard read any content word put in place of another as a changed claim, and every such pair
 * of the newer tuning and blind sets' {@code long-contradict} category was split. An edit that changes the claim (one
 * word for another, a number, a negation, an opposite, words moved, an ordinal, a word of quantity, necessity or
 * condition, a phrase whose words are unrelated to the other's) still splits them, whichever answer comes first.
 * Written for this test, not taken from the evaluation fixtures.
 */
class RewordingTest {

    private static final String QUESTION = "How does a refrigerator keep food cold?";
    private static final String FIRST = "A refrigerator moves heat out of its cabinet rather than making cold. "
            + "A refrigerant absorbs heat as it evaporates in the coils inside the cabinet. ";
    private static final String LAST = " It condenses back into a liquid, passes through an expansion valve, and the "
            + "cycle repeats.";
    private static final String ANSWER = FIRST + "A compressor then raises the pressure of the vapour, and the hot "
            + "refrigerant gives off its heat through the coils at the back." + LAST;

    private static Equivalence.Verdict verdict(String a, String b) {
        Question asked = Question.of(QUESTION);
        Equivalence.Verdict verdict = Equivalence.compare(Equivalence.Reading.of(a, asked),
                Equivalence.Reading.of(b, asked), asked);
        Equivalence.Verdict weighed = Equivalence.weighed(Equivalence.Reading.of(a, asked),
                Equivalence.Reading.of(b, asked), asked);
        // weighing whether a split is tentative never changes what is decided
        assertThat(weighed.decision()).isEqualTo(verdict.decision());
        assertThat(verdict.tentative()).isFalse();
        return weighed;
    }

    private static boolean reworded(String a, String b) {
        Question asked = Question.of(QUESTION);
        return Rewording.reworded(Equivalence.Reading.of(a, asked), Equivalence.Reading.of(b, asked));
    }

    @Test
    void should_join_one_explanation_with_a_phrase_said_in_other_words() {
        String reworded = FIRST + "A compressor then raises the pressure of the vapour, and the hot refrigerant releases "
                + "the warmth it carries through the coils at the back." + LAST;

        Equivalence.Verdict verdict = verdict(ANSWER, reworded);

        assertThat(verdict.decision()).isEqualTo(Equivalence.Decision.SAME);
        assertThat(verdict.rule()).isEqualTo("one explanation with phrases reworded");
        // read the same both ways
        assertThat(reworded(reworded, ANSWER)).isTrue();
        assertThat(verdict(reworded, ANSWER).rule()).isEqualTo("one explanation with phrases reworded");
    }

    @Test
    void should_still_split_an_explanation_edited_to_claim_something_else() {
        String phrase = "A compressor then raises the pressure of the vapour, and the hot refrigerant releases the warmth "
                + "it carries through the coils at the back.";
        // one word in place of another, alone: how an explanation is edited to say something else
        assertDifferent(ANSWER.replace("at the back", "at the front"));
        // the phrase reworded, and an opposite, a number, a negation or an ordinal elsewhere
        assertDifferent(FIRST.replace("inside the cabinet", "outside the cabinet") + phrase + LAST);
        assertDifferent(FIRST + phrase + LAST.replace("It condenses", "It does not condense"));
        assertDifferent(ANSWER.replace("and the cycle repeats", "and the cycle repeats about 40 times an hour"),
                FIRST + phrase + LAST.replace("and the cycle repeats", "and the cycle repeats about 4 times an hour"));
        assertDifferent(ANSWER.replace("passes through", "as the second step passes through"),
                FIRST + phrase + LAST.replace("passes through", "as the third step passes through"));
        // the same words the other way round, and the phrase reworded: the guard still reads the swap
        String opening = FIRST.substring(0, FIRST.indexOf('.') + 1);
        Equivalence.Verdict swapped = verdict(
                ANSWER.replace(opening, "A refrigerator moves heat from the cabinet to the kitchen, not cold."),
                FIRST.replace(opening, "A refrigerator moves heat from the kitchen to the cabinet, not cold.") + phrase
                        + LAST);
        assertThat(swapped.decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(swapped.rule()).contains("swapped");
        // the phrase reworded, and a word of quantity, necessity or condition in place of another
        String tail = " Most models must be defrosted by hand if ice builds up.";
        assertDifferent(ANSWER + tail, FIRST + phrase + LAST + tail.replace("Most models", "A handful of models"));
        assertDifferent(ANSWER + tail, FIRST + phrase + LAST + tail.replace("must", "may"));
        assertDifferent(ANSWER + tail, FIRST + phrase + LAST + tail.replace(" if ", " unless "));
        // a phrase in place of another with no word of it related to the other's: another claim, however long
        assertDifferent(FIRST + "A compressor then raises the pressure of the vapour, and the hot refrigerant stores "
                + "its energy in a battery under the floor." + LAST);
        // one or two words in place of others that are not their synonyms, beside a phrase reworded
        assertDifferent(FIRST + phrase.replace("at the back", "at the front") + LAST);
        // the phrase reworded, and a sentence of another claim added: no detail
        assertDifferent(FIRST + phrase + LAST + " In fact, the freezer compartment stays warmer than the kitchen.");
        // a sentence on another thing in place of one is no rewording ("one sentence … in place of another")
        assertDifferent(FIRST + "A gas burner then heats a second fluid, which carries the warmth out by convection."
                + LAST);
    }

    @Test
    void should_call_a_split_tentative_only_when_words_put_in_place_of_others_are_all_that_changed() {
        // words WordNet does not relate, the rest the same: split, as often a phrase said otherwise as a changed claim
        Equivalence.Verdict replaced = verdict(ANSWER, ANSWER.replace("gives off its heat", "releases its heat"));
        assertThat(replaced.decision()).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(replaced.tentative()).isTrue();
        assertThat(verdict(ANSWER.replace("gives off its heat", "releases its heat"), ANSWER).tentative()).isTrue();
        // anything else changed is no tentative split: an opposite, a negation, a number (however close), two kinds
        // of one thing, or words replaced beside a negation
        assertFirm(ANSWER.replace("at the back", "at the front"));
        assertFirm(ANSWER.replace("It condenses", "It does not condense"));
        assertFirm(ANSWER.replace("and the cycle repeats", "and the cycle repeats 1835 times"),
                ANSWER.replace("and the cycle repeats", "and the cycle repeats 1845 times"));
        assertFirm(ANSWER.replace("through the coils", "through the copper coils"),
                ANSWER.replace("through the coils", "through the aluminium coils"));
        assertFirm(ANSWER.replace("gives off its heat", "releases its heat").replace("It condenses",
                "It does not condense"));
        // an ordinal, a word of a scale or a multiplier on one side only (a reviewer's: "A second bulge" / "A smaller
        // bulge", "the whole lake" / "the upper lake")
        assertFirm(ANSWER.replace("passes through", "as the second step passes through"),
                ANSWER.replace("passes through", "as the next step passes through"));
        assertFirm(ANSWER.replace("rather than making cold", "rather than making whole cold"),
                ANSWER.replace("rather than making cold", "rather than making upper cold"));
        assertFirm(ANSWER.replace("the cycle repeats", "the cycle repeats twice"),
                ANSWER.replace("the cycle repeats", "the cycle repeats slowly"));
        // words replaced in more than two places: a rewrite, not one clause said otherwise
        assertFirm(ANSWER.replace("evaporates", "boils").replace("condenses", "settles").replace("absorbs heat",
                "gathers heat"));
        // short answers are never tentative
        assertThat(verdict("The compressor gives off heat.", "The compressor releases heat.").tentative()).isFalse();
    }

    private static void assertFirm(String other) {
        assertFirm(ANSWER, other);
    }

    private static void assertFirm(String one, String other) {
        Equivalence.Verdict verdict = verdict(one, other);
        assertThat(verdict.decision()).as(other).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(verdict.tentative()).as(verdict.rule()).isFalse();
        assertThat(verdict(other, one).tentative()).as(verdict.rule()).isFalse();
    }

    private static void assertDifferent(String other) {
        assertDifferent(ANSWER, other);
    }

    private static void assertDifferent(String one, String other) {
        assertThat(reworded(one, other)).as(other).isFalse();
        assertThat(reworded(other, one)).as(other).isFalse();
        assertThat(verdict(one, other).decision()).as(other).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_read_only_explanations() {
        // the word rules read English: a French explanation's "ne … pas" is no negation they count
        String french = "Un réfrigérateur déplace la chaleur hors de son compartiment au lieu de produire du froid. Le "
                + "fluide frigorigène absorbe la chaleur en s'évaporant dans les serpentins à l'intérieur. Un compresseur "
                + "augmente ensuite la pression de la vapeur, et le fluide chaud libère sa chaleur par les serpentins "
                + "à l'arrière. Il redevient liquide, traverse un détendeur, et le cycle recommence.";
        assertThat(reworded(french, french.replace("libère sa chaleur", "ne libère pas la chaleur qu'il porte")))
                .isFalse();
        // short answers and code are read by their own rules
        assertThat(reworded("The compressor raises the pressure.", "The compressor squeezes the vapour hard."))
                .isFalse();
        String code = "int total = 0;\nfor (int price : prices) {\n    total += price;\n}\nreturn total;";
        assertThat(reworded(code.repeat(4), code.repeat(4).replace("total += price", "total = total + price")))
                .isFalse();
    }

    @Test
    void should_read_a_flood_in_bounded_time() {
        String flood = ANSWER + " " + "the coils carry heat away ".repeat(50_000);
        String other = ANSWER.replace("raises the pressure of the vapour", "squeezes the vapour hard") + " "
                + "the coils carry heat away ".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int k = 0; k < 20; k++) {
                verdict(flood, other);
            }
        });
    }
}
