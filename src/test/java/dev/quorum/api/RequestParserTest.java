package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(new ObjectMapper(), 20, Set.of("a", "b")::contains,
            EnumSet.of(Mode.SINGLE));

    private CompletionRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_every_field_of_a_full_request() {
        // when
        CompletionRequest request = parse("""
                {"id":"r-1","prompt":"hi","system":"be brief","mode":"SINGLE","provider":"a","providers":["a","b"],
                 "maxTokens":12,"temperature":0.5,"tenant":"acme","task":"code","metadata":{"k":1}}""");

        // then
        assertThat(request.id()).isEqualTo("r-1");
        assertThat(request.prompt()).isEqualTo("hi");
        assertThat(request.system()).isEqualTo("be brief");
        assertThat(request.mode()).isEqualTo(Mode.SINGLE);
        assertThat(request.provider()).isEqualTo("a");
        assertThat(request.providers()).containsExactly("a", "b");
        assertThat(request.maxTokens()).isEqualTo(12);
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.tenant()).isEqualTo("acme");
        assertThat(request.task()).isEqualTo("code");
        assertThat(request.metadata()).containsEntry("k", 1);
    }

    @Test
    void should_default_the_mode_and_generate_an_id() {
        // when
        CompletionRequest request = parse("{\"prompt\":\"hi\"}");

        // then
        assertThat(request.mode()).isEqualTo(Mode.SINGLE);
        assertThat(request.id()).hasSize(36);
        assertThat(parse("{\"prompt\":\"hi\"}").id()).isNotEqualTo(request.id());
    }

    @Test
    void should_count_the_limit_in_characters_inclusively() {
        // then
        assertThat(parse("{\"prompt\":\"" + "y".repeat(20) + "\"}").prompt()).hasSize(20);
        assertThatThrownBy(() -> parse("{\"prompt\":\"" + "y".repeat(21) + "\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("21 characters; the limit is 20");
    }

    @Test
    void should_reject_a_fractional_or_huge_max_tokens() {
        // then
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"maxTokens\":1.5}"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("maxTokens"));
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"maxTokens\":99999999999}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("positive whole number");
    }

    @Test
    void should_name_the_unknown_provider_inside_a_panel() {
        // then
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"providers\":[\"a\",\"zzz\"]}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'zzz'")
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("providers"));
    }
}
