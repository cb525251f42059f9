package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A fixed, seeded corpus of about 1,150 malformed inputs, generated here, sent to every endpoint that takes a body
 * ({@code POST /api/v1/complete}, {@code /api/v1/consensus}, {@code /v1/chat/completions}) and, with hostile query
 * strings and paths, to {@code GET /api/v1/usage} and {@code GET /v1/models/<id>}: deep nesting, huge numbers and
 * names, trailing garbage, every field with every wrong type, invalid UTF-8, NUL bytes, empty bodies, other content
 * types, duplicate keys, huge arrays, negative and overflowing numbers, unknown modes and algorithms, and random
 * truncations and byte insertions. No answer may be a 5xx; every refusal is a JSON error that names the field (where
 * the case has one) or the problem; no provider is called for an input designed to be invalid; and Quorum still
 * answers a valid request afterwards. The same seed gives the same corpus on every run.
 */
class HostileInputFuzzTest extends QuorumTestSupport {

    private static final long SEED = 16;
    private static final String VALID = "{\"prompt\":\"What is the capital of France?\",\"provider\":\"openai-sim\"}";
    private static final String VALID_OPENAI =
            "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}";
    private static final List<String> PROVIDERS = List.of("openai-sim", "anthropic-sim", "gemini-sim", "mistral-sim",
            "ollama-sim");

    /** One input: where it goes, its bytes and content type, and what the answer must say. */
    private record Case(String name, String path, byte[] body, String contentType, String field, boolean mustFail) {
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.routing.retry.max-attempts", "1");
    }

    @Test
    void should_answer_every_hostile_input_with_a_json_4xx_naming_the_problem_and_keep_serving() {
        // given
        List<Case> designed = designedCases();
        List<Case> mutated = mutatedCases(new Random(SEED));
        simulator().reset();
        SoftAssertions softly = new SoftAssertions();

        // when / then: inputs designed to be invalid are refused at intake, before any provider
        for (Case input : designed) {
            check(softly, input, send(input));
        }
        for (String provider : PROVIDERS) {
            softly.assertThat(simulator().calls(provider)).as("calls to %s for invalid input", provider).isEmpty();
        }
        // random corruptions of valid requests: may happen to stay valid, never a 5xx
        for (Case input : mutated) {
            check(softly, input, send(input));
        }
        // hostile query strings and paths on the GET endpoints
        for (String target : hostileTargets()) {
            Raw response = raw("GET", target);
            softly.assertThat(response.status()).as("GET %s: %s", abbreviate(target), response.body()).isBetween(200, 499);
            softly.assertThat(isJson(response.body())).as("GET %s answers JSON: %s", abbreviate(target),
                    response.body()).isTrue();
        }
        // a malformed %-escape in the path or query is refused by the HTTP server itself, before any route runs (its
        // own plain-text 400, not Quorum's JSON)
        for (String target : malformedEscapes()) {
            Raw response = raw("GET", target);
            softly.assertThat(response.status()).as("GET %s: %s", abbreviate(target), response.body()).isEqualTo(400);
        }
        softly.assertAll();
        assertThat(designed.size() + mutated.size() + hostileTargets().size() + malformedEscapes().size())
                .isGreaterThan(300);

        // then: Quorum still answers
        assertThat(post("/api/v1/complete", VALID).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/consensus", "{\"prompt\":\"What is the capital of France?\"}").statusCode()).isEqualTo(200);
        assertThat(post("/v1/chat/completions", VALID_OPENAI).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/usage?period=day").status()).isEqualTo(200);
    }

    private static void check(SoftAssertions softly, Case input, HttpResponse<String> response) {
        String label = input.path() + " " + input.name();
        int status = response.statusCode();
        softly.assertThat(status).as("%s: %s", label, abbreviate(response.body())).isLessThan(500);
        if (input.mustFail()) {
            softly.assertThat(status).as("%s is refused: %s", label, abbreviate(response.body())).isBetween(400, 499);
        }
        JsonNode body = parse(response.body());
        softly.assertThat(body).as("%s answers a JSON object: %s", label, abbreviate(response.body())).isNotNull();
        softly.assertThat(response.body()).as(label).doesNotContain("Exception").doesNotContain("at dev.quorum")
                .doesNotContain("com.fasterxml").doesNotContain("$Wire");
        if (body == null || status < 400) {
            return;
        }
        JsonNode error = body.path("error");
        softly.assertThat(error.path("message").asText()).as("%s says what is wrong", label).isNotBlank();
        if (input.field() != null) {
            String named = input.path().startsWith("/v1/") ? error.path("param").asText() : error.path("field").asText();
            // the field, or an element of it named more precisely (messages[0].content[1].image_url.url)
            softly.assertThat(named).as("%s names the field: %s", label, abbreviate(response.body()))
                    .satisfiesAnyOf(name -> assertThat(name).isEqualTo(input.field()),
                            name -> assertThat(name).startsWith(input.field() + "["),
                            name -> assertThat(name).startsWith(input.field() + "."));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the corpus

    private enum Kind { STRING, ENUM, INT, LONG, DOUBLE, LIST, OBJECT }

    /** Every field of Quorum's request with its kind: what it holds decides which values are wrong for it. */
    private static final Map<String, Kind> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", Kind.STRING);
        FIELDS.put("prompt", Kind.STRING);
        FIELDS.put("system", Kind.STRING);
        FIELDS.put("provider", Kind.STRING);
        FIELDS.put("tenant", Kind.STRING);
        FIELDS.put("mode", Kind.ENUM);
        FIELDS.put("task", Kind.ENUM);
        FIELDS.put("priority", Kind.ENUM);
        FIELDS.put("algorithm", Kind.ENUM);
        FIELDS.put("maxTokens", Kind.INT);
        FIELDS.put("quorum", Kind.INT);
        FIELDS.put("maxLatencyMs", Kind.LONG);
        FIELDS.put("timeoutMs", Kind.LONG);
        FIELDS.put("temperature", Kind.DOUBLE);
        FIELDS.put("maxCostUsd", Kind.DOUBLE);
        FIELDS.put("minAgreement", Kind.DOUBLE);
        FIELDS.put("providers", Kind.LIST);
        FIELDS.put("capabilities", Kind.LIST);
        FIELDS.put("metadata", Kind.OBJECT);
    }

    /** JSON values of the wrong type, or the right type and an impossible value, for a field of this kind. */
    private static List<String> wrongValues(String field, Kind kind) {
        List<String> values = new ArrayList<>(List.of("true", "false", "[[1]]", "[1,\"a\",null,{}]"));
        if (kind != Kind.OBJECT) {
            values.add("{\"a\":1}");
            values.add("{}");
        }
        if (kind != Kind.LIST) {
            values.add("[\"x\"]");
            values.add("[]");
        }
        if (kind == Kind.STRING || kind == Kind.ENUM || kind == Kind.LIST || kind == Kind.OBJECT) {
            values.addAll(List.of("1", "1.5", "-1", "1e400", "99999999999999999999"));
        }
        switch (kind) {
            case STRING -> {
                switch (field) {
                    case "id" -> values.addAll(List.of("\"../../etc/passwd\"", "\"a\\u0000b\"", "\"" + "i".repeat(129) + "\"", "\"\""));
                    case "prompt" -> values.addAll(List.of("\"\"", "\"   \"", "null"));
                    case "provider" -> values.addAll(List.of("\"nope\"", "\"" + "p".repeat(500) + "\"", "\"\""));
                    case "tenant" -> values.addAll(List.of("\"" + "t".repeat(201) + "\"", "\"a\\nb\"", "\"a\\u202eb\"",
                            "\"\\ud800\"", "\"a\\u0000\""));
                    default -> { }
                }
            }
            case ENUM -> values.addAll(List.of("\"bogus\"", "\"\"", "\"" + "e".repeat(900) + "\"", "\"SINGLE\\u0000\""));
            case INT -> values.addAll(List.of("\"5\"", "1.5", "1.0", "0", "-1", "99999999999", "1e400", "-2147483649"));
            case LONG -> {
                values.addAll(List.of("\"5\"", "1.5", "0", "-1", "99999999999999999999", "1e3"));
                if (field.equals("timeoutMs")) {
                    values.add("600001");
                }
            }
            case DOUBLE -> {
                values.addAll(List.of("\"0.5\"", "\"NaN\"", "-1", "1e400", "-1e400"));
                values.add(field.equals("maxCostUsd") ? "0" : "5");
            }
            case LIST -> {
                values.addAll(List.of("\"openai-sim\"", "[null]", "[[\"a\"]]", "[1]", "[{}]"));
                values.add("[" + "\"openai-sim\",".repeat(40) + "\"openai-sim\"]");
                values.add("[" + "\"openai-sim\",".repeat(20_000) + "\"openai-sim\"]");
                if (field.equals("providers")) {
                    values.addAll(List.of("[]", "[\"nope\"]", "[\"" + "x".repeat(500) + "\"]"));
                }
            }
            case OBJECT -> values.addAll(List.of("\"x\"", "1", "[]"));
        }
        return values;
    }

    private static List<Case> designedCases() {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/api/v1/complete", "/api/v1/consensus")) {
            // every field with every wrong type
            for (Map.Entry<String, Kind> field : FIELDS.entrySet()) {
                for (String value : wrongValues(field.getKey(), field.getValue())) {
                    String body = field.getKey().equals("prompt") ? "{\"prompt\":" + value + "}"
                            : "{\"prompt\":\"hi\",\"" + field.getKey() + "\":" + value + "}";
                    cases.add(new Case(field.getKey() + "=" + abbreviate(value), path, utf8(body), "application/json",
                            field.getKey(), true));
                }
            }
            // the fuzz findings and the rest of the structural catalogue
            cases.add(json("100,000-digit number", path, "{\"prompt\":\"hi\",\"maxTokens\":" + "9".repeat(100_000) + "}", "maxTokens"));
            cases.add(json("100,000-character name", path, "{\"prompt\":\"hi\",\"" + "n".repeat(100_000) + "\":1}", null));
            cases.add(json("10,000 levels in metadata", path, "{\"prompt\":\"hi\",\"metadata\":"
                    + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}", "metadata"));
            cases.add(json("10,000 array levels in metadata", path, "{\"prompt\":\"hi\",\"metadata\":{\"a\":"
                    + "[".repeat(10_000) + "]".repeat(10_000) + "}}", "metadata"));
            cases.add(json("unknown field", path, "{\"prompt\":\"hi\",\"promt\":\"typo\"}", "promt"));
            cases.add(json("100,000-character unknown field value", path, "{\"prompt\":\"hi\",\"x\":\"" + "v".repeat(100_000) + "\"}", null));
            cases.add(json("duplicate prompt", path, "{\"prompt\":\"hi\",\"prompt\":\"again\"}", "prompt"));
            cases.add(json("duplicate key in metadata", path, "{\"prompt\":\"hi\",\"metadata\":{\"k\":1,\"k\":2}}", "metadata"));
            cases.add(json("200,000-character system", path, "{\"prompt\":\"hi\",\"system\":\"" + "s".repeat(200_000) + "\"}", "system"));
            cases.add(json("200,000-character prompt", path, "{\"prompt\":\"" + "p".repeat(200_000) + "\"}", "prompt"));
            cases.addAll(structural(path));
            cases.addAll(chatCases(path));
        }
        cases.addAll(openAiCases());
        for (String path : List.of("/api/v1/complete", "/api/v1/consensus", "/v1/chat/completions")) {
            for (String type : List.of("text/plain", "application/xml", "application/octet-stream",
                    "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded",
                    "application/json; charset=bogus", "application/json; charset=utf-16", "")) {
                cases.add(new Case("not JSON as " + type, path, utf8("<request><prompt>hi</prompt></request>"), type,
                        null, true));
                cases.add(new Case("form fields as " + type, path, utf8("prompt=hi&provider=openai-sim"), type, null, true));
            }
        }
        return cases;
    }

    /** The chat fields (issue 19) with wrong values: each a 400 naming the field or the element at fault. */
    private static List<Case> chatCases(String path) {
        String user = "{\"role\":\"user\",\"content\":\"hi\"}";
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("messages", List.of("1", "\"hi\"", "{}", "[]", "[1]", "[null]", "[{}]", "[{\"role\":\"user\"}]",
                "[{\"role\":\"user\",\"content\":{}}]", "[{\"role\":\"user\",\"content\":[]}]",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"file:///etc/passwd\"}]}]",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"data:text/html,<script>\"}]}]",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"https://x\",\"detail\":\"max\"}]}]",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\",\"extra\":1}]}]",
                "[" + user + ",{\"role\":\"tool\",\"toolCallId\":\"nope\",\"content\":\"x\"}]",
                "[" + user + ",{\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c\",\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}]}]",
                "[" + user + ",{\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c\",\"name\":\"f\",\"bogus\":1}]}]",
                "[{\"role\":\"user\",\"content\":\"\\ud800\"}]",
                "[{\"role\":\"user\",\"content\":\"hi\",\"toolCalls\":[]}]"));
        wrong.put("tools", List.of("1", "{}", "[1]", "[{}]", "[{\"name\":\"\"}]", "[{\"name\":\"a b\"}]",
                "[{\"name\":\"f\",\"parameters\":1}]", "[{\"name\":\"f\",\"parameters\":{\"type\":\"string\"}}]",
                "[{\"name\":\"" + "f".repeat(65) + "\"}]"));
        wrong.put("toolChoice", List.of("1", "\"always\"", "{}", "{\"name\":1}", "{\"name\":\"g\"}", "\"required\""));
        wrong.put("responseFormat", List.of("1", "\"json\"", "{}", "{\"type\":\"xml\"}", "{\"type\":\"json_schema\"}",
                "{\"type\":\"json_schema\",\"schema\":[]}", "{\"type\":\"json_object\",\"bogus\":1}"));
        wrong.put("topP", List.of("0", "2", "\"1\"", "-1"));
        wrong.put("stop", List.of("1", "\"\"", "[1]", "[\"a\",\"b\",\"c\",\"d\",\"e\"]", "{}"));
        wrong.put("seed", List.of("\"1\"", "1.5", "[]"));
        wrong.put("n", List.of("9", "0", "\"1\""));
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : wrong.entrySet()) {
            for (String value : field.getValue()) {
                String body = field.getKey().equals("messages") ? "{\"messages\":" + value + "}"
                        : "{\"prompt\":\"hi\",\"" + field.getKey() + "\":" + value + "}";
                cases.add(new Case(field.getKey() + "=" + abbreviate(value), path, utf8(body), "application/json",
                        field.getKey(), true));
            }
        }
        return cases;
    }

    /** Bodies that are no request at all, the same for every endpoint. */
    private static List<Case> structural(String path) {
        List<Case> cases = new ArrayList<>();
        String[] bodies = {"", " ", "\n\t", "null", "true", "42", "-0", "\"prompt\"", "[]", "[{\"prompt\":\"hi\"}]", "{",
                "}", "{\"prompt\"", "{\"prompt\":}", "{\"prompt\":\"hi\"", "{\"prompt\":\"hi\",}", "{'prompt':'hi'}",
                "{prompt:\"hi\"}", "{\"prompt\":\"hi\"} xyz", "{\"prompt\":\"hi\"} {}", "{\"prompt\":\"hi\"}]",
                "{\"prompt\":\"hi\"}{\"prompt\":\"hi\"}", "{\"prompt\":\"hi\" /* comment */}", "{\"prompt\":NaN}",
                "{\"prompt\":\"hi\",\"maxTokens\":Infinity}", "{\"prompt\":\"hi\",\"maxTokens\":01}",
                "{\"prompt\":\"hi\",\"maxTokens\":0x10}", "{\"prompt\":\"hi\",\"maxTokens\":+1}",
                "{\"prompt\":\"\\x41\"}", "{\"prompt\":\"\\u12\"}", "{\"prompt\":\"hi\\\"}",
                "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                "\uFEFF{\"prompt\":1}", "{\"prompt\":\"hi\",\"\":1}"};
        for (String body : bodies) {
            cases.add(json("structural " + abbreviate(body), path, body, null));
        }
        // bytes that are no UTF-8 text, raw control characters, a NUL byte
        byte[][] raw = {
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'},
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', 'a', 0, 'b', '"', '}'},
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', 'a', '\n', 'b', '"', '}'},
                {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'},
                {0, 0, 0, 0},
                {(byte) 0xFE, (byte) 0xFF, 0, '{'},
                {'{', '"', 'p', 'r', 'o', 'm', 'p', 't', '"', ':', '"', 'h', 'i', '"', '}', 0},
        };
        for (int i = 0; i < raw.length; i++) {
            cases.add(new Case("raw bytes " + i, path, raw[i], "application/json", null, true));
        }
        return cases;
    }

    private static List<Case> openAiCases() {
        String path = "/v1/chat/completions";
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        List<Case> cases = new ArrayList<>(structural(path));
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("model", List.of("1", "null", "[\"openai-sim\"]", "{}", "\"\"", "\"" + "m".repeat(5_000) + "\"",
                "\"quorum/consensus-bogus\"", "\"quorum/\"", "\"quorum/consensus-\\u0000\""));
        wrong.put("max_tokens", List.of("\"5\"", "-1", "0", "1.5", "1e400", "99999999999", "true", "[]"));
        wrong.put("max_completion_tokens", List.of("\"5\"", "-1", "0", "1.5", "99999999999"));
        wrong.put("temperature", List.of("\"hot\"", "5", "-1", "true", "[]", "{}"));
        wrong.put("n", List.of("9", "\"1\"", "0", "-1", "1.5", "[]"));
        wrong.put("stream", List.of("\"yes\"", "1", "[]", "{}"));
        wrong.put("user", List.of("1", "[]", "{}", "\"" + "u".repeat(201) + "\"", "\"a\\nb\"", "\"a\\u202eb\""));
        wrong.put("metadata", List.of("1", "\"x\"", "[]", "true"));
        wrong.put("tools", List.of("[{\"type\":\"function\",\"function\":{}}]", "1", "[1]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":[]}}]"));
        wrong.put("functions", List.of("[{\"name\":\"f\"}]"));
        wrong.put("tool_choice", List.of("{\"type\":\"function\"}", "\"required\""));
        wrong.put("response_format", List.of("{\"type\":\"json_schema\"}", "{\"type\":1}", "\"json\"", "[]",
                "{\"type\":\"json_schema\",\"json_schema\":{\"schema\":1}}"));
        wrong.put("quorum", List.of("1", "\"x\"", "[]", "{\"prompt\":\"x\"}", "{\"maxTokens\":\"5\"}", "{\"bogus\":1}",
                "{\"providers\":[\"nope\"]}", "{\"tenant\":\"x\"}"));
        wrong.put("frobnicate", List.of("1"));
        for (Map.Entry<String, List<String>> field : wrong.entrySet()) {
            for (String value : field.getValue()) {
                String body = "{\"model\":\"openai-sim\"," + messages + ",\"" + field.getKey() + "\":" + value + "}";
                if (field.getKey().equals("model")) {
                    body = "{\"model\":" + value + "," + messages + "}";
                }
                // a quorum field, a tenant or a tool refusal is named as the OpenAI parameter that carried it
                String param = switch (field.getKey()) {
                    case "max_completion_tokens", "quorum" -> null;
                    default -> field.getKey();
                };
                cases.add(new Case(field.getKey() + "=" + abbreviate(value), path, utf8(body), "application/json",
                        param, true));
            }
        }
        String[] messagesWrong = {"\"hi\"", "[]", "[1]", "[null]", "[[]]", "[{}]", "[{\"role\":1,\"content\":\"hi\"}]",
                "[{\"role\":\"user\"}]", "[{\"role\":\"user\",\"content\":1}]", "[{\"role\":\"user\",\"content\":{}}]",
                "[{\"role\":\"user\",\"content\":[1]}]", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":1}]}]",
                "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]", "[{\"role\":\"system\",\"content\":\"hi\"}]",
                "[{\"role\":\"tool\",\"content\":\"hi\"}]", "[{\"role\":\"wizard\",\"content\":\"hi\"}]",
                "[{\"role\":\"assistant\",\"content\":\"hi\"}]", "[{\"role\":\"user\",\"content\":\"\"}]",
                "[{\"role\":\"user\",\"content\":\"" + "c".repeat(200_000) + "\"}]",
                "[" + "{\"role\":\"user\",\"content\":\"hi\"},".repeat(20_000) + "{\"role\":\"user\",\"content\":\"" + "c".repeat(10) + "\"}]"};
        for (String value : messagesWrong) {
            cases.add(new Case("messages=" + abbreviate(value), path,
                    utf8("{\"model\":\"openai-sim\",\"messages\":" + value + "}"), "application/json", "messages", true));
        }
        return cases;
    }

    /** Valid requests corrupted at random: cut short, or with a random byte put in or changed. */
    private static List<Case> mutatedCases(Random random) {
        List<Case> cases = new ArrayList<>();
        String[][] sources = {{"/api/v1/complete", VALID}, {"/api/v1/consensus",
                "{\"prompt\":\"Capital of France?\",\"providers\":[\"openai-sim\",\"gemini-sim\"],\"quorum\":2,\"temperature\":0.5}"},
                {"/v1/chat/completions", VALID_OPENAI}};
        byte[] interesting = {0, '"', '\\', '{', '}', '[', ']', ',', ':', 'x', '9', '-', '.', 'e', (byte) 0x80,
                (byte) 0xC3, (byte) 0xFF, '\n', 0x7F};
        for (String[] source : sources) {
            byte[] original = utf8(source[1]);
            for (int i = 0; i < 25; i++) {
                int cut = random.nextInt(original.length - 1);
                cases.add(new Case("cut at " + cut, source[0], java.util.Arrays.copyOf(original, cut), "application/json",
                        null, true));
            }
            for (int i = 0; i < 25; i++) {
                byte[] mutated = original.clone();
                int at = random.nextInt(mutated.length);
                mutated[at] = interesting[random.nextInt(interesting.length)];
                cases.add(new Case("byte " + at + " changed", source[0], mutated, "application/json", null, false));
            }
            for (int i = 0; i < 25; i++) {
                int at = random.nextInt(original.length);
                byte[] mutated = new byte[original.length + 1];
                System.arraycopy(original, 0, mutated, 0, at);
                mutated[at] = interesting[random.nextInt(interesting.length)];
                System.arraycopy(original, at, mutated, at + 1, original.length - at);
                cases.add(new Case("byte put in at " + at, source[0], mutated, "application/json", null, false));
            }
        }
        return cases;
    }

    /** Query strings and paths for the GET endpoints, sent byte for byte. */
    private static List<String> hostileTargets() {
        List<String> targets = new ArrayList<>();
        for (String value : List.of("", "week", "DAY", "day%00", "day%0d%0aX-Injected:%201", "..%2f..%2f",
                "%27%3B%20DROP%20TABLE%20usage_ledger%3B--", "%F0%9F%98%80", "%ff%fe", "x".repeat(3_000),
                "day&period=month", "day&by=tenant%00", "day&by=" + "b".repeat(2_000), "day;by=tenant", "day#x")) {
            targets.add("/api/v1/usage?period=" + value);
            targets.add("/api/v1/usage?by=" + value);
        }
        for (String id : List.of("%00", "..%2f..%2fetc%2fpasswd", "quorum%2Froute%2F..", "%ff%fe", "x".repeat(3_000),
                "quorum/consensus-%00", "%F0%9F%98%80", "a?b=c", "openai-sim%0d%0aX:1", "openai-sim/../usage")) {
            targets.add("/v1/models/" + id);
        }
        targets.add("/api/v1/providers?x=" + "y".repeat(3_000));
        return targets;
    }

    /** Targets with a %-escape that is no escape: the HTTP server refuses them before any route. */
    private static List<String> malformedEscapes() {
        return List.of("/api/v1/usage?period=%zz", "/api/v1/usage?by=%", "/api/v1/usage?period=month&by=%zz",
                "/v1/models/%zz", "/v1/models/%", "/api/v1/providers?x=%zz");
    }

    private static Case json(String name, String path, String body, String field) {
        return new Case(name, path, utf8(body), "application/json", path.startsWith("/v1/") ? null : field, true);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sending

    /** HTTP/1.1 without the h2c upgrade the default client offers on every request. */
    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(Case input) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + input.path()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(input.body()));
        if (!input.contentType().isEmpty()) {
            request.header("Content-Type", input.contentType());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(input.path() + " " + input.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Raw(int status, String body) {
    }

    /** A request written byte for byte on a socket: a client library would refuse to send most of these targets. */
    private Raw raw(String method, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + abbreviate(target), e);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++) {
                match = data[i + j] == pattern[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isJson(String body) {
        try {
            return JSON.readTree(body) != null && !JSON.readTree(body).isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\u0000", "\\0");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…(" + flat.length() + ")";
    }
}
