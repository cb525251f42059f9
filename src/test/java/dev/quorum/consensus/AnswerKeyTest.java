package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
            [c]                                      | choice:c
            O(n log n), so B.                        | choice:b
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
            'host=localhost; port=5432'                    | json:{"host":"localhost","port":5432}
            'port: 5432, host: localhost'                  | json:{"host":"localhost","port":5432}
            'port: 5432\nhost: localhost\n'               | json:{"host":"localhost","port":5432}
            'total=59.970, paid=true, note="two words, one comma"' | json:{"note":"two words, one comma","paid":true,"total":59.97}
            """)
    void should_key_key_value_text_as_the_object_it_writes(String answer, String key) {
        // when / then: pairs in any order and syntax, numbers by value
        assertThat(AnswerKey.of(answer.replace("\\n", "\n"))).isEqualTo(key);
    }

    @Test
    void should_key_key_value_text_and_the_json_object_alike() {
        assertThat(AnswerKey.of("host=localhost; port=5432"))
                .isEqualTo(AnswerKey.of("{\"port\": 5432, \"host\": \"localhost\"}"));
        assertThat(AnswerKey.of("host=localhost; port=5433"))
                .isNotEqualTo(AnswerKey.of("{\"port\": 5432, \"host\": \"localhost\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'Priority: high, reason: the database server is down'
            'Answer: Paris'
            'host=localhost; host=example.org'
            'Note: see the docs; it works'
            """)
    void should_not_read_prose_or_a_single_pair_as_key_value_data(String answer) {
        // when / then
        assertThat(AnswerKey.structured(answer)).isNull();
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

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The answer is not 42.                    | 42
            −42                                      | 42
            3.5GB                                    | 3 GB
            1.5k                                     | 1
            4.2e1                                    | 4
            C                                        | C++
            C                                        | C#
            C++                                      | C#
            No                                       | No doubt, it is.
            No                                       | No one knows.
            500 mg                                   | 50 mg
            30 seconds                               | 30 ms
            The theory of general relativity was proposed by Albert Einstein in 1915. | The theory of general relativity was proposed by Isaac Newton in 1915.
            SELECT * FROM users WHERE age > 30;      | SELECT * FROM users WHERE age >= 30;
            '{"a":1}'                                | '{"a":1.5}'
            The committee raised the fee by 5%.      | The committee cut the fee by 5%.
            Revenue grew by ten percent.             | Staff fell by ten percent.
            4.2 × 10⁻⁴                               | 4.2 × 10⁴
            ¬p ∧ ¬q                                  | ¬p ∨ ¬q
            7 // 2                                   | 7 / 2
            git reset --soft HEAD~1                  | git reset --hard HEAD~1
            x ≤ 3                                    | x ≥ 3
            −sin x                                   | sin(x)
            6.626 × 10^-34 J·s                       | 6.626 × 10^-31 J·s
            1.6e-19 C                                | 1.6e-16 C
            """)
    void should_keep_answers_apart_that_only_look_alike(String answer, String other) {
        // when / then
        assertThat(AnswerKey.of(answer)).isNotEqualTo(AnswerKey.of(other));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            The answer is Paris                      | Paris.
            Answer: Paris                            | Paris.
            It's Paris.                              | Paris.
            forty-two                                | 42
            seven                                    | 7
            1 000                                    | 1000
            '1,000'                                  | 1000
            3.5GB                                    | 3.5 GB
            500 mg                                   | 0.5 g
            4.2e1                                    | 42
            .375                                     | 0.375
            −sin x                                   | -sin(x)
            B. Paris                                 | B
            B - Paris                                | B
            a) Paris                                 | A
            (b) Mercury                              | B
            Pacific (B)                              | B
            I think it's B                           | B
            **B**                                    | B
            Yep                                      | yes
            Nope.                                    | no
            Correct.                                 | yes
            No doubt, it is.                         | Yes
            That's right.                            | yes
            '{"a":1.0}'                              | '{"a":1}'
            '{"score": 0.90}'                        | '{"score": 0.9}'
            '```json\n{"a":1}\n```'                | '{"a":1}'
            select * from users where age > 30       | SELECT * FROM users WHERE age > 30;
            '$\\frac{n(n+1)}{2}$'                    | n(n+1)/2
            I'd go with b) Paris                     | B
            Most likely C                            | (c)
            3 × 10⁸                                  | 3e8
            """)
    void should_give_the_same_answer_in_other_words_the_same_key(String answer, String other) {
        // when / then
        assertThat(AnswerKey.of(answer.replace("\\n", "\n"))).isEqualTo(AnswerKey.of(other));
    }

    @Test
    void should_read_an_option_text_as_its_letter_when_the_question_lists_the_options() {
        // given
        Question question = Question.of("Which gas makes up most of Earth's atmosphere? (A) Oxygen (B) Nitrogen "
                + "(C) Argon (D) Carbon dioxide");

        // when / then
        assertThat(AnswerKey.of("Nitrogen", question)).isEqualTo("choice:b");
        assertThat(AnswerKey.of("Carbon dioxide.", question)).isEqualTo("choice:d");
        assertThat(AnswerKey.of("Nitrogen", Question.NONE)).isEqualTo("nitrogen");
    }

    @Test
    void should_not_take_a_number_the_question_states_for_the_answer() {
        // given
        Question question = Question.of("Who wrote the novel '1984'?");

        // when / then
        assertThat(AnswerKey.of("George Orwell wrote 1984.", question))
                .isNotEqualTo(AnswerKey.of("Aldous Huxley wrote 1984.", question));
        assertThat(AnswerKey.of("It was published in 1949.", question)).isEqualTo("number:1949");
    }

    @Test
    void should_read_the_option_an_answer_names_when_the_question_lists_the_options() {
        // given
        Question question = Question.of("Which city is the capital of France? A) Lyon B) Paris C) Nice");

        // when / then
        assertThat(AnswerKey.of("It's Paris, of course.", question)).isEqualTo("choice:b");
        assertThat(AnswerKey.of("Paris or Lyon", question)).isNotEqualTo("choice:b");
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
