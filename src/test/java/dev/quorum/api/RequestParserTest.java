package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(20, 30, Set.of("a", "b")::contains,
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

    @Test
    void should_read_the_routing_fields() {
        // when
        CompletionRequest request = parse("""
                {"prompt":"hi","task":"Long-Context","priority":"COST","maxCostUsd":0.01,"maxLatencyMs":1500,
                 "capabilities":["code","json"]}""");

        // then
        assertThat(request.task()).isEqualTo("long-context");
        assertThat(request.priority()).isEqualTo("cost");
        assertThat(request.maxCostUsd()).isEqualTo(0.01);
        assertThat(request.maxLatencyMs()).isEqualTo(1500L);
        assertThat(request.capabilities()).containsExactly("code", "json");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            task         | {"prompt":"hi","task":"poetry"}                  | must be one of code, reasoning
            priority     | {"prompt":"hi","priority":"cheap"}               | must be one of cost, quality, latency, balanced
            priority     | {"prompt":"hi","priority":1}                     | must be a string
            maxCostUsd   | {"prompt":"hi","maxCostUsd":0}                   | positive number of US dollars
            maxCostUsd   | {"prompt":"hi","maxCostUsd":"1"}                 | positive number of US dollars
            maxLatencyMs | {"prompt":"hi","maxLatencyMs":2.5}               | positive whole number of milliseconds
            maxLatencyMs | {"prompt":"hi","maxLatencyMs":-1}                | positive whole number of milliseconds
            capabilities | {"prompt":"hi","capabilities":"code"}            | must be an array
            capabilities | {"prompt":"hi","capabilities":["code",7]}        | capability names as strings
            """)
    void should_reject_a_bad_routing_field_naming_it(String field, String json, String message) {
        // then
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt":"hi"} xyz            | nothing after it
            {"prompt":"hi"} {}             | nothing after it
            {"prompt":"hi"}]               | nothing after it
            {"prompt":"hi"} {"prompt":"x"} | nothing after it
            """)
    void should_reject_anything_after_the_request_object(String json, String message) {
        // then
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isNull())
                .hasMessageContaining(message);
    }

    @Test
    void should_bound_nesting_numbers_names_and_strings_naming_the_field() {
        // given: the inputs that gave 500 internal_error (a NullPointerException reading the tree)
        String deep = "{\"prompt\":\"hi\",\"metadata\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
        String deepArray = "{\"prompt\":\"hi\",\"metadata\":{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
        String longNumber = "{\"prompt\":\"hi\",\"maxTokens\":" + "9".repeat(500) + "}";
        String hugeNumber = "{\"prompt\":\"hi\",\"maxTokens\":" + "9".repeat(100_000) + "}";
        String longName = "{\"prompt\":\"hi\",\"" + "n".repeat(100_000) + "\":1}";
        String longString = "{\"prompt\":\"hi\",\"system\":\"" + "s".repeat(100_000) + "\"}";

        // then
        assertRejected(deep, "metadata", "deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels");
        assertRejected(deepArray, "metadata", "deeper than " + StrictJson.MAX_NESTING_DEPTH + " levels");
        assertRejected(longNumber, "maxTokens", "number longer than " + StrictJson.MAX_NUMBER_LENGTH + " characters");
        assertRejected(longName, null, "field name longer than " + StrictJson.MAX_NAME_LENGTH + " characters");
        assertRejected(hugeNumber, "maxTokens", "holds a value longer than " + RequestParser.MIN_STRING_CHARS + " characters");
        assertRejected(longString, "system", "'system' holds a value longer than " + RequestParser.MIN_STRING_CHARS);
        assertRejected("{\"prompt\":\"hi\",\"system\":\"" + "s".repeat(31) + "\"}", "system",
                "'system' has 31 characters; the limit is 30 (quorum.request.max-system-chars)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            prompt       | {"prompt":["hi"]}                          | 'prompt' must be a string, not an array
            prompt       | {"prompt":true}                            | 'prompt' must be a string, not a boolean (true)
            maxTokens    | {"prompt":"hi","maxTokens":"5"}            | 'maxTokens' must be a positive whole number, not the string "5"
            maxTokens    | {"prompt":"hi","maxTokens":5.0}            | 'maxTokens' must be a positive whole number, not the number 5.0
            maxTokens    | {"prompt":"hi","maxTokens":[5]}            | 'maxTokens' must be a positive whole number, not an array
            temperature  | {"prompt":"hi","temperature":"0.5"}        | 'temperature' must be a number from 0 to 2, not the string "0.5"
            temperature  | {"prompt":"hi","temperature":1e400}        | 'temperature' must be a number from 0 to 2, not the number Infinity
            maxCostUsd   | {"prompt":"hi","maxCostUsd":1e400}         | 'maxCostUsd' must be a positive number of US dollars, not the number Infinity
            timeoutMs    | {"prompt":"hi","timeoutMs":-99999999999999999999} | from 1 to 600000, not the number -99999999999999999999
            providers    | {"prompt":"hi","providers":"a"}            | 'providers' must be a non-empty array of provider ids, not the string "a"
            providers    | {"prompt":"hi","providers":["a",null]}     | 'providers' must hold provider ids as strings, not null
            providers    | {"prompt":"hi","providers":[["a"]]}        | 'providers' must hold provider ids as strings, not an array (at providers[0])
            metadata     | {"prompt":"hi","metadata":[]}              | 'metadata' must be a JSON object, not an array
            prompt       | {"prompt":"hi","prompt":"again"}           | Duplicate field 'prompt'
            prompt       | {"prompt":"hi","prompt":"hi"}              | not valid JSON at 'prompt'
            metadata     | {"prompt":"hi","metadata":{"a":1,"a":2}}   | Duplicate field 'a'
            """)
    void should_refuse_every_value_of_the_wrong_type_without_coercing_it(String field, String json, String message) {
        // then
        assertRejected(json, field, message);
    }

    @Test
    void should_name_the_field_that_holds_bytes_that_are_no_text() {
        // given: invalid UTF-8 in the prompt, a raw NUL in the system message
        byte[] badUtf8 = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        byte[] rawNul = "{\"prompt\":\"hi\",\"system\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);

        // then
        assertThatThrownBy(() -> parser.parse(badUtf8))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("prompt"))
                .hasMessageContaining("Invalid UTF-8");
        assertThatThrownBy(() -> parser.parse(rawNul))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("system"))
                .hasMessageContaining("CTRL-CHAR");
    }

    @Test
    void should_refuse_half_characters_in_text_sent_to_a_provider() {
        // given: a surrogate as CESU-8 bytes (which the JSON parser lets through) and as an escape
        byte[] cesu = {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        // then
        assertThatThrownBy(() -> parser.parse(cesu))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("prompt"))
                .hasMessageContaining("unpaired surrogate U+D800");
        assertRejected("{\"prompt\":\"hi\",\"system\":\"a\\udc00\"}", "system", "unpaired surrogate U+DC00");
        assertThat(parse("{\"prompt\":\"\\ud83d\\ude00 fine\"}").prompt()).isEqualTo("\ud83d\ude00 fine");
    }

    @Test
    void should_hold_the_strings_the_ledger_stores_to_its_columns() {
        // given
        String tenant200 = "t".repeat(RequestParser.MAX_TENANT_CHARS);

        // then
        assertThat(parse("{\"prompt\":\"hi\",\"tenant\":\"" + tenant200 + "\"}").tenant()).isEqualTo(tenant200);
        assertThat(parse("{\"prompt\":\"hi\",\"tenant\":\"acme \\u00e9t\\u00e9 \\ud83d\\ude00\"}").tenant())
                .isEqualTo("acme \u00e9t\u00e9 \ud83d\ude00");
        assertRejected("{\"prompt\":\"hi\",\"tenant\":\"" + tenant200 + "t\"}", "tenant",
                "'tenant' has 201 characters; the limit is 200");
        assertRejected("{\"prompt\":\"hi\",\"tenant\":\"a\\nb\"}", "tenant", "U+000A");
        assertRejected("{\"prompt\":\"hi\",\"tenant\":\"a\\u202eb\"}", "tenant", "U+202E");
        assertRejected("{\"prompt\":\"hi\",\"tenant\":\"a\\u0000b\"}", "tenant", "U+0000");
        assertRejected("{\"prompt\":\"hi\",\"tenant\":\"\\ud800\"}", "tenant", "U+D800");
        assertRejected("{\"prompt\":\"hi\",\"id\":\"" + "i".repeat(129) + "\"}", "id", "1 to 128 characters");
        assertRejected("{\"prompt\":\"hi\",\"id\":\"a\\tb\"}", "id", "1 to 128 characters");
        assertRejected("{\"prompt\":\"hi\",\"provider\":\"" + "p".repeat(500) + "\"}", "provider", "unknown provider");
        assertRejected("{\"prompt\":\"hi\",\"providers\":[" + "\"a\",".repeat(40) + "\"b\"]}", "providers",
                "at most " + RequestParser.MAX_LIST_ENTRIES);
    }

    @Test
    void should_let_the_api_key_tenant_replace_whatever_the_request_names() {
        // when
        CompletionRequest request = parser.parse(("{\"prompt\":\"hi\",\"tenant\":\"" + "t".repeat(500) + "\"}")
                .getBytes(StandardCharsets.UTF_8), "acme");

        // then
        assertThat(request.tenant()).isEqualTo("acme");
    }

    @Test
    void should_quote_at_most_forty_characters_of_a_hostile_value() {
        // then
        assertThatThrownBy(() -> parse("{\"prompt\":\"hi\",\"mode\":\"" + "m".repeat(900) + "\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("m".repeat(40) + "…"));
    }

    private void assertRejected(String json, String field, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"prompt":NaN}                  | Non-standard token 'NaN'
            {"prompt":"hi",}                | was expecting double-quote to start field name
            {'prompt':'hi'}                 | was expecting double-quote to start field name
            xyz                             | Unrecognized token 'xyz'
            """)
    void should_say_where_json_is_malformed_without_blaming_a_field(String json, String message) {
        // then
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isNull())
                .hasMessageStartingWith("the request body is not valid JSON: ")
                .hasMessageContaining(message)
                .hasMessageContaining("(line 1, column")
                .hasMessageNotContaining("enable `");
    }
}
