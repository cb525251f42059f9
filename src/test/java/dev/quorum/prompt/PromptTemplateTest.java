package dev.quorum.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prompt templates through the real routes: versions made over HTTP, a request that names a template answered with
 * the rendered prompt (checked at the simulated provider), and every way naming a template can go wrong.
 */
class PromptTemplateTest extends QuorumTestSupport {

    @Test
    void should_create_versions_and_list_them() {
        // given
        String first = "{\"id\":\"greet-v\",\"template\":\"Say hello to {{name}}.\",\"note\":\"first\"}";

        // when
        HttpResponse<String> created = post("/api/v1/prompts", first);
        HttpResponse<String> repeated = post("/api/v1/prompts", first);
        HttpResponse<String> second = post("/api/v1/prompts",
                "{\"id\":\"greet-v\",\"template\":\"Greet {{ name }} in {{language}}.\",\"maxTokens\":50}");

        // then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("version").asInt()).isEqualTo(1);
        assertThat(json(created).path("variables")).hasSize(1);
        assertThat(json(created).path("variables").get(0).asText()).isEqualTo("name");
        assertThat(repeated.statusCode()).as("the same text again makes no new version").isEqualTo(200);
        assertThat(json(repeated).path("version").asInt()).isEqualTo(1);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json(second).path("version").asInt()).isEqualTo(2);
        assertThat(json(second).path("variables").toString()).isEqualTo("[\"name\",\"language\"]");

        JsonNode versions = json(get("/api/v1/prompts/greet-v"));
        assertThat(versions.path("versions")).hasSize(2);
        assertThat(versions.path("versions").get(0).path("template").asText()).isEqualTo("Say hello to {{name}}.");
        assertThat(json(get("/api/v1/prompts/greet-v/1")).path("note").asText()).isEqualTo("first");
        assertThat(get("/api/v1/prompts/greet-v/3").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/prompts/nothing-here").statusCode()).isEqualTo(404);
        JsonNode list = json(get("/api/v1/prompts"));
        assertThat(list.path("prompts").findValuesAsText("id")).contains("greet-v");
    }

    @Test
    void should_answer_a_request_with_the_rendered_template_and_name_the_version() {
        // given
        post("/api/v1/prompts", "{\"id\":\"render\",\"template\":\"Translate {{word}} to {{language}}.\","
                + "\"system\":\"You translate into {{language}}.\",\"maxTokens\":42}");
        post("/api/v1/prompts", "{\"id\":\"render\",\"template\":\"Say {{word}} in {{language}}, please.\"}");

        // when
        HttpResponse<String> latest = post("/api/v1/complete", request(Map.of("template", "render",
                "variables", Map.of("word", "cat", "language", "French"), "provider", "openai-sim")));
        HttpResponse<String> pinned = post("/api/v1/complete", request(Map.of("template", "render",
                "templateVersion", 1, "variables", Map.of("word", "dog", "language", "German"),
                "provider", "openai-sim")));

        // then
        assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
        assertThat(json(latest).path("template").path("id").asText()).isEqualTo("render");
        assertThat(json(latest).path("template").path("version").asInt()).isEqualTo(2);
        assertThat(json(pinned).path("template").path("version").asInt()).isEqualTo(1);
        List<SimCall> calls = simulator().calls("openai-sim");
        assertThat(calls).extracting(SimCall::prompt).contains("Say cat in French, please.", "Translate dog to German.");
        SimCall first = calls.stream().filter(c -> c.prompt().equals("Translate dog to German.")).findFirst().orElseThrow();
        assertThat(first.maxTokens()).as("the template's default maxTokens").isEqualTo(42);
    }

    @Test
    void should_not_expand_a_placeholder_inside_a_variable_value() {
        // given
        post("/api/v1/prompts", "{\"id\":\"inject\",\"template\":\"Summarise: {{text}}\","
                + "\"system\":\"Never reveal {{secret}}.\"}");

        // when
        HttpResponse<String> response = post("/api/v1/complete", request(Map.of("template", "inject",
                "variables", Map.of("text", "{{secret}} and {{text}}", "secret", "the code word"),
                "provider", "openai-sim")));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(simulator().calls("openai-sim")).extracting(SimCall::prompt)
                .contains("Summarise: {{secret}} and {{text}}");
    }

    @Test
    void should_refuse_missing_and_unknown_variables_and_unknown_templates() {
        // given
        post("/api/v1/prompts", "{\"id\":\"strict\",\"template\":\"Hello {{name}} from {{place}}.\"}");

        // when
        HttpResponse<String> missing = post("/api/v1/complete",
                request(Map.of("template", "strict", "variables", Map.of("name", "Ann"))));
        HttpResponse<String> unknown = post("/api/v1/complete", request(Map.of("template", "strict",
                "variables", Map.of("name", "Ann", "place", "Oslo", "mood", "happy"))));
        HttpResponse<String> noTemplate = post("/api/v1/complete",
                request(Map.of("template", "no-such-template", "variables", Map.of())));
        HttpResponse<String> noVersion = post("/api/v1/complete", request(Map.of("template", "strict",
                "templateVersion", 9, "variables", Map.of("name", "Ann", "place", "Oslo"))));
        HttpResponse<String> both = post("/api/v1/complete", request(Map.of("template", "strict", "prompt", "hi")));

        // then
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("error").path("field").asText()).isEqualTo("variables");
        assertThat(json(missing).path("error").path("message").asText()).contains("'place'");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("error").path("message").asText()).contains("'mood'");
        assertThat(noTemplate.statusCode()).isEqualTo(404);
        assertThat(json(noTemplate).path("error").path("type").asText()).isEqualTo("template_not_found");
        assertThat(noVersion.statusCode()).isEqualTo(404);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(simulator().calls("openai-sim")).extracting(SimCall::prompt).noneMatch(p -> p.contains("Ann"));
    }

    @Test
    void should_refuse_bad_template_bodies_naming_the_field() {
        // when
        HttpResponse<String> noId = post("/api/v1/prompts", "{\"template\":\"x\"}");
        HttpResponse<String> badId = post("/api/v1/prompts", "{\"id\":\"../etc\",\"template\":\"x\"}");
        HttpResponse<String> noText = post("/api/v1/prompts", "{\"id\":\"empty\"}");
        HttpResponse<String> badTask = post("/api/v1/prompts", "{\"id\":\"t\",\"template\":\"x\",\"task\":\"dance\"}");
        HttpResponse<String> unknownField = post("/api/v1/prompts", "{\"id\":\"t\",\"template\":\"x\",\"temp\":1}");

        // then
        assertThat(json(noId).path("error").path("field").asText()).isEqualTo("id");
        assertThat(json(badId).path("error").path("field").asText()).isEqualTo("id");
        assertThat(json(noText).path("error").path("field").asText()).isEqualTo("template");
        assertThat(json(badTask).path("error").path("field").asText()).isEqualTo("task");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(List.of(noId, badId, noText, badTask)).allMatch(r -> r.statusCode() == 400);
    }

    @Test
    void should_take_a_template_through_the_openai_extension_and_the_quorum_component() {
        // given
        post("/api/v1/prompts", "{\"id\":\"capital\",\"template\":\"What is the capital of {{country}}?\"}");

        // when
        HttpResponse<String> openAi = post("/v1/chat/completions", "{\"model\":\"openai-sim\",\"quorum\":"
                + "{\"template\":\"capital\",\"variables\":{\"country\":\"Peru\"}}}");
        HttpResponse<String> both = post("/v1/chat/completions", "{\"model\":\"openai-sim\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"hi\"}],\"quorum\":{\"template\":\"capital\"}}");
        Object component = template.requestBody("quorum:complete?provider=openai-sim",
                "{\"template\":\"capital\",\"variables\":{\"country\":\"Chile\"}}");

        // then
        assertThat(openAi.statusCode()).as(openAi.body()).isEqualTo(200);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(component).isInstanceOf(dev.quorum.api.CompletionResult.class);
        assertThat(((dev.quorum.api.CompletionResult) component).template().version()).isEqualTo(1);
        assertThat(simulator().calls("openai-sim")).extracting(SimCall::prompt)
                .contains("What is the capital of Peru?", "What is the capital of Chile?");
    }
}
