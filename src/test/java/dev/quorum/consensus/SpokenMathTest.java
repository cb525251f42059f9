package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mathematics in notation against mathematics in words ({@link SpokenMath}). */
class SpokenMathTest {

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            What is the volume of a cube of side s?          | s³                 | s squared
            What is the derivative of x⁴?                    | 4x³                | Four x to the fourth power.
            What is Ohm's law?                               | V = IR             | Voltage equals current divided by resistance.
            What is the derivative of sin x?                 | −cos x             | The cosine of x.
            What is the legal drinking age condition?        | age ≥ 21           | Anyone older than 21.
            What is the pressure formula?                    | p = F / A          | Force times area.
            What is the area of a circle?                    | A = πr²            | Pi times the radius.
""")
    void should_split_notation_and_words_that_say_different_mathematics(String question, String a, String b) {
        assertThat(SpokenMath.compare(a, b, Question.of(question))).isEqualTo(Equivalence.Decision.DIFFERENT);
        assertThat(Equivalence.compare(Equivalence.Reading.of(a, Question.of(question)),
                Equivalence.Reading.of(b, Question.of(question)), Question.of(question)).rule())
                .isIn("notation and words that say different mathematics", "a law and words that say another");
    }

    @ParameterizedTest(name = "{1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            What is the volume of a cube of side s?          | s³                 | s cubed
            What is the derivative of x³?                    | 3x²                | The derivative of x cubed is three x squared.
            What is Ohm's law?                               | V = IR             | Voltage equals current times resistance.
            What is the derivative of cos x?                 | −sin x             | Minus the sine of x.
            What is the legal drinking age condition?        | age ≥ 21           | At least 21 years old.
            Write the interval of x with abs(x) below 3.     | (−3, 3)            | −3 < x < 3
            """)
    void should_decide_nothing_where_the_words_say_the_same_or_nothing_of_it(String question, String a, String b) {
        assertThat(SpokenMath.compare(a, b, Question.of(question))).isNull();
    }
}
