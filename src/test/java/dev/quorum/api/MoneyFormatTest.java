package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumTestSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Money in Quorum's JSON is a plain number with nine decimals (nano-dollars, the ledger's unit), never an exponent:
 * in results and their responses, consensus and cascade results, the OpenAI API's {@code quorum} object, the usage
 * report and its budgets, and a budget refusal's {@code error.budget}.
 */
class MoneyFormatTest extends QuorumTestSupport {

    /** A field whose name ends in Usd, with the number it holds as written. */
    private static final Pattern AMOUNT = Pattern.compile("\"(\\w*Usd)\":(-?[0-9][0-9.eE+-]*)");
    private static final Pattern NINE_DECIMALS = Pattern.compile("-?\\d+\\.\\d{9}");

    @Override
    protected Map<String, String> overrides() {
        // a budget only anthropic-sim falls under, so small that its calls are refused (429 with error.budget)
        return Map.of("quorum.budget.tiny.scope", "provider", "quorum.budget.tiny.key", "anthropic-sim",
                "quorum.budget.tiny.period", "day", "quorum.budget.tiny.limit-usd", "0.000001",
                "quorum.budget.tiny.policy", "reject");
    }

    @Test
    void should_format_amounts_with_nine_decimals_and_no_exponent() {
        assertThat(Usd.format(5.7799999999999995E-5)).isEqualTo("0.000057800");
        assertThat(Usd.format(1.05E-5)).isEqualTo("0.000010500");
        assertThat(Usd.format(1e-9)).isEqualTo("0.000000001");
        assertThat(Usd.format(0)).isEqualTo("0.000000000");
        assertThat(Usd.format(-2.1E-6)).isEqualTo("-0.000002100");
        assertThat(Usd.format(12.5)).isEqualTo("12.500000000");
        assertThat(Usd.format(2.5e9)).isEqualTo("2500000000.000000000");
        assertThat(Usd.ofNanos(1_505).toString()).isEqualTo("0.000001505");
        assertThat(Usd.ofNanos(1_505).doubleValue()).isEqualTo(1.505E-6);
    }

    @Test
    void should_write_every_amount_of_results_and_reports_as_a_plain_number_with_nine_decimals() {
        // given / when: answers in every mode, an OpenAI API answer, a refused call and the usage report
        List<HttpResponse<String>> replies = List.of(
                post("/api/v1/complete", request(Map.of("prompt", "What is the capital of France?",
                        "provider", "openai-sim"))),
                post("/api/v1/consensus", request(Map.of("prompt", "What is the capital of France?",
                        "providers", List.of("openai-sim", "gemini-sim", "mistral-sim")))),
                post("/api/v1/complete", request(Map.of("prompt", "What is the capital of France?", "mode", "cascade",
                        "providers", List.of("openai-sim", "mistral-sim")))),
                post("/v1/chat/completions", "{\"model\":\"openai-sim\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"What is the capital of France?\"}]}"),
                post("/api/v1/complete", request(Map.of("prompt", "hello", "provider", "anthropic-sim"))));
        assertThat(replies.get(4).statusCode()).as(replies.get(4).body()).isEqualTo(429);
        HttpResponse<String> usage = get("/api/v1/usage?period=day&by=provider");

        // then
        List<String> fields = new ArrayList<>();
        for (HttpResponse<String> reply : concat(replies, usage)) {
            Matcher amount = AMOUNT.matcher(reply.body());
            while (amount.find()) {
                fields.add(amount.group(1));
                assertThat(amount.group(2)).as("%s in %s", amount.group(1), reply.body()).matches(NINE_DECIMALS);
            }
        }
        assertThat(fields).contains("costUsd", "panelCostUsd", "strongAloneCostUsd", "costSavedUsd", "limitUsd",
                "spentUsd", "reservedUsd", "estimateUsd", "remainingUsd");
    }

    private static List<HttpResponse<String>> concat(List<HttpResponse<String>> replies, HttpResponse<String> last) {
        List<HttpResponse<String>> all = new ArrayList<>(replies);
        all.add(last);
        return all;
    }
}
