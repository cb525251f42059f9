package dev.quorum.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The JSON bodies the simulator answers with, in each provider's own shape, and the admin API's script format. */
final class WireResponses {

    private WireResponses() {
    }

    static ObjectNode answer(ObjectMapper mapper, WireFormat format, String model, String answer, int in, int out) {
        ObjectNode body = mapper.createObjectNode();
        switch (format) {
            case OPENAI, MISTRAL -> {
                body.put("id", "chatcmpl-" + UUID.randomUUID());
                body.put("object", "chat.completion");
                body.put("created", System.currentTimeMillis() / 1000);
                body.put("model", model);
                ObjectNode choice = body.putArray("choices").addObject();
                choice.put("index", 0);
                choice.putObject("message").put("role", "assistant").put("content", answer);
                choice.put("finish_reason", "stop");
                ObjectNode usage = body.putObject("usage");
                usage.put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
                if (format == WireFormat.OPENAI) {
                    usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
                    usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
                }
            }
            case ANTHROPIC -> {
                body.put("id", "msg_" + UUID.randomUUID().toString().replace("-", ""));
                body.put("type", "message");
                body.put("role", "assistant");
                body.put("model", model);
                body.putArray("content").addObject().put("type", "text").put("text", answer);
                body.put("stop_reason", "end_turn");
                body.putNull("stop_sequence");
                body.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            case GEMINI -> {
                ObjectNode candidate = body.putArray("candidates").addObject();
                ObjectNode content = candidate.putObject("content");
                content.put("role", "model");
                content.putArray("parts").addObject().put("text", answer);
                candidate.put("finishReason", "STOP");
                body.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out)
                        .put("totalTokenCount", in + out);
                body.put("modelVersion", model);
                body.put("responseId", UUID.randomUUID().toString());
            }
            case OLLAMA -> {
                body.put("model", model);
                body.put("created_at", java.time.Instant.now().toString());
                body.putObject("message").put("role", "assistant").put("content", answer);
                body.put("done", true);
                body.put("done_reason", "stop");
                body.put("prompt_eval_count", in);
                body.put("eval_count", out);
            }
        }
        return body;
    }

    static ObjectNode error(ObjectMapper mapper, WireFormat format, int status, String message) {
        ObjectNode body = mapper.createObjectNode();
        switch (format) {
            case OPENAI, MISTRAL -> body.putObject("error").put("message", message)
                    .put("type", status == 429 ? "rate_limit_exceeded" : "server_error").put("code", status);
            case ANTHROPIC -> {
                body.put("type", "error");
                body.putObject("error").put("type", status == 429 ? "rate_limit_error"
                        : status == 529 ? "overloaded_error" : "api_error").put("message", message);
            }
            case GEMINI -> body.putObject("error").put("code", status).put("message", message)
                    .put("status", status == 429 ? "RESOURCE_EXHAUSTED" : status == 503 ? "UNAVAILABLE" : "INTERNAL");
            case OLLAMA -> body.put("error", message);
        }
        return body;
    }

    /** A script from the admin API's JSON: the {@link SimScript} fields in camelCase, rules as {pattern, answer}. */
    static SimScript scriptFromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        SimScript.Builder builder = SimScript.builder();
        for (JsonNode rule : json.path("rules")) {
            if (!rule.path("pattern").isTextual() || !rule.path("answer").isTextual()) {
                throw new IllegalArgumentException("each rule needs a string 'pattern' and 'answer'");
            }
            builder.rule(rule.path("pattern").textValue(), rule.path("answer").textValue());
        }
        if (json.hasNonNull("defaultAnswer")) {
            builder.defaultAnswer(json.path("defaultAnswer").asText());
        }
        builder.latencyMs(json.path("latencyMs").asLong(0))
                .errorRate(json.path("errorRate").asDouble(0))
                .errorStatus(json.path("errorStatus").asInt(500))
                .retryAfterSeconds(json.path("retryAfterSeconds").asInt(1))
                .failNext(json.path("failNext").asInt(0))
                .hang(json.path("hang").asBoolean(false));
        List<String> models = new ArrayList<>();
        json.path("models").forEach(model -> models.add(model.asText()));
        return builder.models(models).build();
    }
}
