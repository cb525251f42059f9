package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Regular expressions and globs given as answers, compared by what they match ({@link Patterns}). */
class PatternsTest {

    private static Equivalence.Decision decide(String question, String a, String b) {
        return Patterns.compare(a, b, Question.of(question));
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Write a regex for one or more digits.            | [0-9]+             | `\\d{1,}`
            Write a regex for one or more digits.            | /^[0-9]+$/         | \\d+
            Give a regular expression for a lowercase word.   | [a-z]+             | [a-z][a-z]*
            Give a regex for a hex colour like #aa00ff.      | #[0-9a-f]{6}       | #([0-9a-f]{2}){3}
            Give a shell glob for files ending in .jpg or .jpeg. | *.{jpg,jpeg}   | *.{jpeg,jpg}
            Regex: match lines that start with WARN.         | ^WARN              | ^WARN.*
            Regex: find lines containing a number.           | \\d                | [0-9]+
            """)
    void should_join_patterns_written_differently_that_match_the_same_strings(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.SAME);
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Write a regex for one or more digits.            | `\\d+`             | `\\d*`
            Give a regex for an optional sign and digits.     | -?\\d+             | -*\\d+
            Give a regex for a US ZIP code with an optional +4 part. | ^\\d{5}(-\\d{4})?$ | ^\\d{5}-?\\d{4}?$
            Give a shell glob for files ending in .jpg or .jpeg. | *.{jpg,jpeg}   | *.jp?g
            Give a regex for a time such as 09:45.           | [0-2][0-9]:[0-5][0-9] | [0-2][0-9]:[0-6][0-9]
            Write a regex that matches a string of exactly three letters. | ^[a-z]{3}$ | ^[a-z]{3}
            Write a regex that matches a string of exactly three letters. | ^[a-z]{3}$ | [a-z]{3}$
            Regex: match lines that start with WARN.         | ^WARN              | WARN$
            Regex: match lines that end with a semicolon.    | ;$                 | ;
            """)
    void should_split_patterns_that_look_alike_but_match_different_strings(String question, String a, String b) {
        // when / then
        assertThat(decide(question, a, b)).isEqualTo(Equivalence.Decision.DIFFERENT);
    }

    @Test
    void should_leave_prose_other_questions_and_broken_patterns_to_the_other_rules() {
        assertThat(decide("Write a regex for one or more digits.", "[0-9]+", "One or more digits, as a character class."))
                .isNull();
        assertThat(decide("How many digits?", "[0-9]+", "\\d+")).isNull();
        assertThat(decide("Write a regex for one or more digits.", "[0-9", "\\d+")).isNull();
        // and the verdict is the rule's in the vote
        Question question = Question.of("Write a regex for one or more digits.");
        assertThat(Equivalence.compare(Equivalence.Reading.of("-?\\d+", question),
                Equivalence.Reading.of("-*\\d+", question), question).rule())
                .isEqualTo("patterns that match different strings");
    }

    @Test
    void should_stop_a_pattern_that_backtracks_without_end_and_leave_it_to_the_other_rules() {
        // "(a+)+b" backtracks on runs of a's; on samples of at most 16 characters it ends within the character budget
        long started = System.nanoTime();
        Equivalence.Decision decision = decide("Give a regex for a's then b.", "(a+)+b", "(a|aa)+b");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(decision).isIn(null, Equivalence.Decision.SAME);
        assertThat(millis).as("one comparison, however the patterns backtrack").isLessThan(5_000);
        // the budget is what stops it: the same two patterns with a budget they spend are left to the other rules
        Question question = Question.of("Give a regex for a's then b.");
        assertThat(Patterns.compare("(a+)+b", "(a|aa)+b", question, Patterns.BUDGET))
                .isEqualTo(Equivalence.Decision.SAME);
        assertThat(Patterns.compare("(a+)+b", "(a|aa)+b", question, 1_000)).isNull();
        // a repetition counted in the thousands would draw strings that long: not compared at all
        assertThat(Patterns.pattern("a{100000}")).isNull();
        assertThat(decide("Give a regex for a's.", "a{100000}", "a{99999}a")).isNull();
    }
}
