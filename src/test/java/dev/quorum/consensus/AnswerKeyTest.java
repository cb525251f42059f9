package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation and short-answer extraction: what majority voting counts as the same answer. */
class AnswerKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Paris.                                   | paris
            '  The   capital is **Paris**!  '        | the capital is paris
            "Paris"                                  | paris
            it's 3.14, roughly                       | number:3.14
            '\t¡Paris; -- the   city! '               | paris the city
            """)
    void should_normalise_case_whitespace_emphasis_and_punctuation(String answer, String key) {
        // when / then
        assertThat(AnswerKey.of(answer)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            42                                       | number:42
            The answer is 42.                        | number:42
            42.0                                     | number:42
            '1,000 people'                           | number:1000
            -7 degrees                               | number:-7
            Yes, it is.                              | yes
            no.                                      | no
            NO — never                               | no
            True                                     | yes
            B                                        | choice:b
            (c)                                      | choice:c
            The answer is D.                         | choice:d
            Option a                                 | choice:a
            b) because the loop never ends           | choice:b
            A cat sat on the mat                     | a cat sat on the mat
            between 3 and 4                          | between 3 and 4
            """)
    void should_extract_the_short_answer(String answer, String key) {
        // when / then
        assertThat(AnswerKey.of(answer)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '{"b": 2, "a": 1}'                       | json:{"a":1,"b":2}
            '```json\n{"a":1,"b":2}\n```'            | json:{"a":1,"b":2}
            '[1, 2]'                                 | json:[1,2]
            """)
    void should_key_json_answers_by_their_value_with_sorted_keys(String answer, String key) {
        // when / then
        assertThat(AnswerKey.of(answer.replace("\\n", "\n"))).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            In 1815 Ada Lovelace was born in London, and in 1852 she died there after a long illness.
            The function returns 3 when the list has 3 elements
            """)
    void should_not_extract_a_short_answer_from_long_or_ambiguous_text(String answer) {
        // when / then
        assertThat(AnswerKey.of(answer)).isEqualTo(AnswerKey.normalise(answer));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Yes.                                     | true
            The answer is 42.                        | true
            (b)                                      | true
            '{"a":1}'                                | true
            Paris is the capital of France           | false
            """)
    void should_tell_short_answers_from_free_text(String answer, boolean shortAnswer) {
        // when / then
        assertThat(AnswerKey.isShortAnswer(AnswerKey.of(answer))).isEqualTo(shortAnswer);
    }
}
