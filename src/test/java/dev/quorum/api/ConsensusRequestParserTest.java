package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The consensus fields of a request: algorithm, minAgreement, quorum and timeoutMs, and their clear errors. */
class ConsensusRequestParserTest {

    private final RequestParser parser = new RequestParser(200, 200, Set.of("a", "b", "c")::contains,
            EnumSet.allOf(Mode.class));

    private CompletionRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_the_consensus_fields() {
        // when
        CompletionRequest request = parse("""
                {"prompt":"hi","mode":"consensus","providers":["a","b","c"],"algorithm":"Weighted","minAgreement":0.75,
                 "quorum":3,"timeoutMs":2500}""");

        // then
        assertThat(request.mode()).isEqualTo(Mode.CONSENSUS);
        assertThat(request.algorithm()).isEqualTo("weighted");
        assertThat(request.minAgreement()).isEqualTo(0.75);
        assertThat(request.quorum()).isEqualTo(3);
        assertThat(request.timeoutMs()).isEqualTo(2500L);
    }

    @Test
    void should_leave_unset_consensus_fields_null_so_the_configured_defaults_apply() {
        // when
        CompletionRequest request = parse("{\"prompt\":\"hi\",\"mode\":\"cascade\"}");

        // then
        assertThat(request.mode()).isEqualTo(Mode.CASCADE);
        assertThat(request.algorithm()).isNull();
        assertThat(request.minAgreement()).isNull();
        assertThat(request.quorum()).isNull();
        assertThat(request.timeoutMs()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt":"hi","algorithm":"vote"}                       | algorithm    | must be one of majority, weighted, semantic, threshold, judge, fusion
            {"prompt":"hi","minAgreement":0}                         | minAgreement | above 0 and at most 1
            {"prompt":"hi","minAgreement":1.5}                       | minAgreement | above 0 and at most 1
            {"prompt":"hi","minAgreement":"high"}                    | minAgreement | not the string "high"
            {"prompt":"hi","quorum":0}                               | quorum       | positive whole number
            {"prompt":"hi","quorum":1.5}                             | quorum       | positive whole number
            {"prompt":"hi","providers":["a","b"],"quorum":3}         | quorum       | 'providers' names only 2 providers
            {"prompt":"hi","timeoutMs":0}                            | timeoutMs    | from 1 to 600000
            {"prompt":"hi","timeoutMs":600001}                       | timeoutMs    | from 1 to 600000
            """)
    void should_reject_bad_consensus_fields_naming_the_field(String json, String field, String message) {
        // when / then
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining(message);
    }
}
