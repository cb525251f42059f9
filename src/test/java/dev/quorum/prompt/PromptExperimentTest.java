package dev.quorum.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An A/B experiment between two versions of a template through the real routes: a weighted, sticky split, feedback,
 * each arm's figures, and the winner rule (Welch's t-test on the scores: a winner only when significant).
 */
class PromptExperimentTest extends QuorumTestSupport {

    private JsonNode ask(String template, String id, String key) {
        Map<String, Object> request = new HashMap<>(Map.of("template", template, "id", id, "provider", "openai-sim",
                "variables", Map.of("q", "Which colour is the sky?")));
        if (key != null) {
            request.put("experimentKey", key);
        }
        return json(post("/api/v1/complete", request(request)));
    }

    private void twoVersions(String id) {
        post("/api/v1/prompts", "{\"id\":\"" + id + "\",\"template\":\"Answer A: {{q}}\"}");
        post("/api/v1/prompts", "{\"id\":\"" + id + "\",\"template\":\"Answer B: {{q}}\"}");
    }

    @Test
    void should_split_by_weight_keep_a_key_in_its_arm_and_name_a_winner_only_when_significant() {
        // given
        twoVersions("ab");
        HttpResponse<String> started = post("/api/v1/prompts/ab/experiment", "{\"arms\":{\"1\":50,\"2\":50}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        // when: 40 requests, each its own id
        Map<Integer, Integer> perVersion = new HashMap<>();
        Map<String, Integer> versionOf = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            JsonNode result = ask("ab", "ab-" + i, null);
            int version = result.path("template").path("version").asInt();
            assertThat(result.path("template").path("experiment").asBoolean()).as(result.toString()).isTrue();
            perVersion.merge(version, 1, Integer::sum);
            versionOf.put("ab-" + i, version);
        }
        Set<Integer> sticky = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            sticky.add(ask("ab", "sticky-" + i, "user-7").path("template").path("version").asInt());
        }
        JsonNode pinned = json(post("/api/v1/complete", request(Map.of("template", "ab", "templateVersion", 2,
                "provider", "openai-sim", "variables", Map.of("q", "Pinned?")))));
        JsonNode before = json(get("/api/v1/prompts/ab/experiment"));

        // then: both arms used, one key in one arm, no winner without scores
        assertThat(perVersion.keySet()).containsExactlyInAnyOrder(1, 2);
        assertThat(perVersion.values()).allMatch(n -> n >= 8);
        assertThat(sticky).hasSize(1);
        assertThat(pinned.path("template").path("version").asInt()).isEqualTo(2);
        assertThat(pinned.path("template").path("experiment").isMissingNode()).isTrue();
        assertThat(before.path("winner").isNull()).isTrue();
        assertThat(before.path("test").asText()).contains("Welch");

        // when: version 1 scored high, version 2 low
        int n = 0;
        for (Map.Entry<String, Integer> request : versionOf.entrySet()) {
            double score = request.getValue() == 1 ? (n % 2 == 0 ? 0.9 : 0.8) : (n % 2 == 0 ? 0.2 : 0.3);
            HttpResponse<String> feedback = post("/api/v1/feedback",
                    "{\"requestId\":\"" + request.getKey() + "\",\"score\":" + score + "}");
            assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
            n++;
        }
        JsonNode report = json(get("/api/v1/prompts/ab/experiment"));

        // then
        assertThat(report.path("winner").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.path("pValue").asDouble()).isLessThan(0.05);
        JsonNode first = report.path("arms").get(0);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("requests").asLong()).isEqualTo(perVersion.get(1) + (sticky.contains(1) ? 6 : 0));
        assertThat(first.path("score").path("mean").asDouble()).isBetween(0.8, 0.9);
        assertThat(first.path("score").path("ci95")).hasSize(2);
        assertThat(first.path("errorRate").path("ci95")).hasSize(2);
        assertThat(first.path("meanCostUsd").asDouble()).isPositive();
    }

    @Test
    void should_name_no_winner_when_the_scores_do_not_differ_significantly() {
        // given
        twoVersions("tie");
        post("/api/v1/prompts/tie/experiment", "{\"arms\":{\"1\":1,\"2\":1}}");
        for (int i = 0; i < 20; i++) {
            ask("tie", "tie-" + i, null);
            post("/api/v1/feedback", "{\"requestId\":\"tie-" + i + "\",\"score\":" + (i % 3 == 0 ? 0.4 : 0.6) + "}");
        }

        // when
        JsonNode report = json(get("/api/v1/prompts/tie/experiment"));

        // then
        assertThat(report.path("winner").isNull()).as(report.toString()).isTrue();
        assertThat(report.path("reason").asText()).isNotBlank();
    }

    @Test
    void should_refuse_bad_experiments_and_feedback() {
        // given
        twoVersions("bad");

        // then
        assertThat(post("/api/v1/prompts/bad/experiment", "{\"arms\":{\"1\":50,\"7\":50}}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/prompts/bad/experiment", "{\"arms\":{\"1\":50}}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/prompts/bad/experiment", "{\"arms\":{\"1\":0,\"2\":5}}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/prompts/none/experiment", "{\"arms\":{\"1\":1,\"2\":1}}").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/prompts/bad/experiment").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/feedback", "{\"requestId\":\"never-asked\",\"score\":0.5}").statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/feedback", "{\"requestId\":\"x\",\"score\":1.5}").statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/prompts/bad/1", "{}").statusCode()).isEqualTo(405);
    }
}
