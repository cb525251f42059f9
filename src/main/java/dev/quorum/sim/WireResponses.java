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

    /**
     * The finish reason each provider sends, in its own words: a natural end, or a stop at the request's output token
     * limit ({@code truncated}): OpenAI and Mistral {@code length}, Anthropic {@code max_tokens}, Gemini
     * {@code MAX_TOKENS}, Ollama's {@code done_reason} {@code length}.
     */
    static String finishReason(WireFormat format, boolean truncated) {
        return switch (format) {
            case OPENAI, MISTRAL -> truncated ? "length" : "stop";
            case ANTHROPIC -> truncated ? "max_tokens" : "end_turn";
            case GEMINI -> truncated ? "MAX_TOKENS" : "STOP";
            case OLLAMA -> truncated ? "length" : "stop";
        };
    }

    /** A tool call a simulated provider makes: an id, the function's name and its arguments object. */
    record ToolCallOut(String id, String name, JsonNode arguments) {
    }

    /** The finish reason of an answer that calls tools, in each provider's words. */
    static String toolFinishReason(WireFormat format) {
        return switch (format) {
            case OPENAI, MISTRAL -> "tool_calls";
            case ANTHROPIC -> "tool_use";
            case GEMINI -> "STOP";
            case OLLAMA -> "stop";
        };
    }

    /** An answer that calls tools, in {@code format}'s shape. */
    static ObjectNode toolAnswer(ObjectMapper mapper, WireFormat format, String model, List<ToolCallOut> calls, int in,
                                 int out) {
        ObjectNode body = answer(mapper, format, model, "", in, out, false);
        String finish = toolFinishReason(format);
        switch (format) {
            case OPENAI, MISTRAL -> {
                ObjectNode choice = (ObjectNode) body.path("choices").get(0);
                choice.put("finish_reason", finish);
                ObjectNode message = (ObjectNode) choice.path("message");
                message.putNull("content");
                openAiCalls(message.putArray("tool_calls"), calls, false);
            }
            case ANTHROPIC -> {
                body.put("stop_reason", finish);
                com.fasterxml.jackson.databind.node.ArrayNode content = body.putArray("content");
                for (ToolCallOut call : calls) {
                    content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                            .set("input", call.arguments());
                }
            }
            case GEMINI -> {
                ObjectNode candidate = (ObjectNode) body.path("candidates").get(0);
                com.fasterxml.jackson.databind.node.ArrayNode parts = ((ObjectNode) candidate.path("content"))
                        .putArray("parts");
                for (ToolCallOut call : calls) {
                    parts.addObject().putObject("functionCall").put("name", call.name()).set("args", call.arguments());
                }
            }
            case OLLAMA -> {
                com.fasterxml.jackson.databind.node.ArrayNode array = ((ObjectNode) body.path("message"))
                        .putArray("tool_calls");
                for (ToolCallOut call : calls) {
                    array.addObject().putObject("function").put("name", call.name()).set("arguments", call.arguments());
                }
            }
        }
        return body;
    }

    private static void openAiCalls(com.fasterxml.jackson.databind.node.ArrayNode array, List<ToolCallOut> calls,
                                    boolean indexed) {
        for (int i = 0; i < calls.size(); i++) {
            ToolCallOut call = calls.get(i);
            ObjectNode node = array.addObject();
            if (indexed) {
                node.put("index", i);
            }
            node.put("id", call.id()).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.arguments().toString());
        }
    }

    /** A streamed answer that calls tools: each call whole in one frame, then the format's end frames. */
    static Stream toolStream(ObjectMapper mapper, WireFormat format, String model, List<ToolCallOut> calls, int in,
                             int out, boolean includeUsage) {
        Stream text = stream(mapper, format, model, "", in, out, includeUsage, false);
        String finish = toolFinishReason(format);
        List<byte[]> head = new ArrayList<>();
        List<byte[]> tail = new ArrayList<>();
        switch (format) {
            case OPENAI, MISTRAL -> {
                head.addAll(text.head());
                String id = "chatcmpl-" + UUID.randomUUID();
                long created = System.currentTimeMillis() / 1000;
                ObjectNode chunk = chunk(mapper, id, created, model);
                ObjectNode delta = ((ObjectNode) chunk.path("choices").get(0)).putObject("delta");
                openAiCalls(delta.putArray("tool_calls"), calls, true);
                tail.add(sse(mapper, null, chunk));
                for (byte[] frame : text.tail()) {
                    tail.add(new String(frame, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"" + finish + "\"")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            case ANTHROPIC -> {
                head.add(text.head().get(0));
                for (int i = 0; i < calls.size(); i++) {
                    ToolCallOut call = calls.get(i);
                    ObjectNode start = mapper.createObjectNode().put("type", "content_block_start").put("index", i);
                    start.putObject("content_block").put("type", "tool_use").put("id", call.id())
                            .put("name", call.name()).putObject("input");
                    tail.add(sse(mapper, "content_block_start", start));
                    ObjectNode delta = mapper.createObjectNode().put("type", "content_block_delta").put("index", i);
                    delta.putObject("delta").put("type", "input_json_delta").put("partial_json",
                            call.arguments().toString());
                    tail.add(sse(mapper, "content_block_delta", delta));
                    tail.add(sse(mapper, "content_block_stop", mapper.createObjectNode()
                            .put("type", "content_block_stop").put("index", i)));
                }
                ObjectNode delta = mapper.createObjectNode().put("type", "message_delta");
                delta.putObject("delta").put("stop_reason", finish).putNull("stop_sequence");
                delta.putObject("usage").put("output_tokens", out);
                tail.add(sse(mapper, "message_delta", delta));
                tail.add(sse(mapper, "message_stop", mapper.createObjectNode().put("type", "message_stop")));
            }
            case GEMINI, OLLAMA -> tail.add(format == WireFormat.GEMINI
                    ? sse(mapper, null, toolAnswer(mapper, format, model, calls, in, out))
                    : line(mapper, toolAnswer(mapper, format, model, calls, in, out)));
        }
        return new Stream(text.contentType(), head, List.of(), tail, text.piece());
    }

    static ObjectNode answer(ObjectMapper mapper, WireFormat format, String model, String answer, int in, int out,
                             boolean truncated) {
        String finish = finishReason(format, truncated);
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
                choice.put("finish_reason", finish);
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
                body.put("stop_reason", finish);
                body.putNull("stop_sequence");
                body.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            case GEMINI -> {
                ObjectNode candidate = body.putArray("candidates").addObject();
                ObjectNode content = candidate.putObject("content");
                content.put("role", "model");
                content.putArray("parts").addObject().put("text", answer);
                candidate.put("finishReason", finish);
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
                body.put("done_reason", finish);
                body.put("prompt_eval_count", in);
                body.put("eval_count", out);
            }
        }
        return body;
    }

    /**
     * A streamed answer in {@code format}'s framing: the frames before the text, one frame per piece of text, and the
     * frames after it (finish reason and usage). OpenAI, Mistral, Anthropic and Gemini stream server-sent events;
     * Ollama streams one JSON object per line.
     */
    record Stream(String contentType, List<byte[]> head, List<String> pieces, List<byte[]> tail, Piece piece) {
    }

    /** Frames one piece of streamed text. */
    interface Piece {
        byte[] frame(String text);
    }

    static Stream stream(ObjectMapper mapper, WireFormat format, String model, String answer, int in, int out,
                         boolean includeUsage, boolean truncated) {
        String finish = finishReason(format, truncated);
        List<byte[]> head = new ArrayList<>();
        List<byte[]> tail = new ArrayList<>();
        List<String> pieces = pieces(answer);
        switch (format) {
            case OPENAI, MISTRAL -> {
                String id = "chatcmpl-" + UUID.randomUUID();
                long created = System.currentTimeMillis() / 1000;
                ObjectNode first = chunk(mapper, id, created, model);
                ObjectNode role = ((ObjectNode) first.path("choices").get(0)).putObject("delta");
                role.put("role", "assistant").put("content", "");
                head.add(sse(mapper, null, first));
                ObjectNode last = chunk(mapper, id, created, model);
                ((ObjectNode) last.path("choices").get(0)).put("finish_reason", finish).putObject("delta");
                ObjectNode usage = mapper.createObjectNode().put("prompt_tokens", in).put("completion_tokens", out)
                        .put("total_tokens", in + out);
                if (format == WireFormat.MISTRAL) {
                    last.set("usage", usage);
                }
                tail.add(sse(mapper, null, last));
                if (format == WireFormat.OPENAI && includeUsage) {
                    ObjectNode usageChunk = chunk(mapper, id, created, model);
                    usageChunk.putArray("choices");
                    usageChunk.set("usage", usage);
                    tail.add(sse(mapper, null, usageChunk));
                }
                tail.add("data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return new Stream("text/event-stream", head, pieces, tail, text -> {
                    ObjectNode chunk = chunk(mapper, id, created, model);
                    ((ObjectNode) chunk.path("choices").get(0)).putObject("delta").put("content", text);
                    return sse(mapper, null, chunk);
                });
            }
            case ANTHROPIC -> {
                ObjectNode start = mapper.createObjectNode().put("type", "message_start");
                ObjectNode message = start.putObject("message");
                message.put("id", "msg_" + UUID.randomUUID().toString().replace("-", "")).put("type", "message")
                        .put("role", "assistant").put("model", model);
                message.putArray("content");
                message.putNull("stop_reason");
                message.putNull("stop_sequence");
                message.putObject("usage").put("input_tokens", in).put("output_tokens", 1);
                head.add(sse(mapper, "message_start", start));
                ObjectNode blockStart = mapper.createObjectNode().put("type", "content_block_start").put("index", 0);
                blockStart.putObject("content_block").put("type", "text").put("text", "");
                head.add(sse(mapper, "content_block_start", blockStart));
                tail.add(sse(mapper, "content_block_stop", mapper.createObjectNode().put("type", "content_block_stop")
                        .put("index", 0)));
                ObjectNode delta = mapper.createObjectNode().put("type", "message_delta");
                delta.putObject("delta").put("stop_reason", finish).putNull("stop_sequence");
                delta.putObject("usage").put("output_tokens", out);
                tail.add(sse(mapper, "message_delta", delta));
                tail.add(sse(mapper, "message_stop", mapper.createObjectNode().put("type", "message_stop")));
                return new Stream("text/event-stream", head, pieces, tail, text -> {
                    ObjectNode chunk = mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
                    chunk.putObject("delta").put("type", "text_delta").put("text", text);
                    return sse(mapper, "content_block_delta", chunk);
                });
            }
            case GEMINI -> {
                ObjectNode last = geminiChunk(mapper, model, "");
                ((ObjectNode) last.path("candidates").get(0)).put("finishReason", finish);
                last.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out)
                        .put("totalTokenCount", in + out);
                tail.add(sse(mapper, null, last));
                return new Stream("text/event-stream", head, pieces, tail,
                        text -> sse(mapper, null, geminiChunk(mapper, model, text)));
            }
            case OLLAMA -> {
                ObjectNode last = ollamaChunk(mapper, model, "");
                last.put("done", true).put("done_reason", finish).put("prompt_eval_count", in).put("eval_count", out);
                tail.add(line(mapper, last));
                return new Stream("application/x-ndjson", head, pieces, tail,
                        text -> line(mapper, ollamaChunk(mapper, model, text)));
            }
            default -> throw new IllegalArgumentException("no stream framing for " + format);
        }
    }

    /** The answer in small pieces (a word and the space after it), which joined are the answer. */
    static List<String> pieces(String answer) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < answer.length(); i++) {
            if (Character.isWhitespace(answer.charAt(i)) && (i + 1 == answer.length()
                    || !Character.isWhitespace(answer.charAt(i + 1)))) {
                pieces.add(answer.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < answer.length()) {
            pieces.add(answer.substring(start));
        }
        return pieces;
    }

    private static ObjectNode chunk(ObjectMapper mapper, String id, long created, String model) {
        ObjectNode chunk = mapper.createObjectNode();
        chunk.put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putNull("finish_reason");
        return chunk;
    }

    private static ObjectNode geminiChunk(ObjectMapper mapper, String model, String text) {
        ObjectNode chunk = mapper.createObjectNode();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        candidate.put("index", 0);
        chunk.put("modelVersion", model);
        return chunk;
    }

    private static ObjectNode ollamaChunk(ObjectMapper mapper, String model, String text) {
        ObjectNode chunk = mapper.createObjectNode();
        chunk.put("model", model).put("created_at", java.time.Instant.now().toString());
        chunk.putObject("message").put("role", "assistant").put("content", text);
        chunk.put("done", false);
        return chunk;
    }

    private static byte[] sse(ObjectMapper mapper, String event, JsonNode data) {
        try {
            String frame = (event == null ? "" : "event: " + event + "\n") + "data: " + mapper.writeValueAsString(data)
                    + "\n\n";
            return frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] line(ObjectMapper mapper, JsonNode data) {
        try {
            return (mapper.writeValueAsString(data) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
                .hang(json.path("hang").asBoolean(false))
                .streamChunkDelayMs(json.path("streamChunkDelayMs").asLong(0))
                .streamBreakAfterChars(json.path("streamBreakAfterChars").asInt(-1))
                .trickleMs(json.path("trickleMs").asLong(0));
        if (json.hasNonNull("errorBody")) {
            builder.errorBody(json.path("errorBody").asText());
        }
        if (json.hasNonNull("reportedInputTokens")) {
            builder.reportedInputTokens(json.path("reportedInputTokens").asInt());
        }
        if (json.hasNonNull("retryAfterForm")) {
            builder.retryAfterForm(SimScript.RetryAfterForm.parse("retryAfterForm", json.path("retryAfterForm").asText()));
        }
        if (json.hasNonNull("reportedOutputTokens")) {
            builder.reportedOutputTokens(json.path("reportedOutputTokens").asInt());
        }
        if (json.hasNonNull("toolCallName")) {
            builder.toolCallName(json.path("toolCallName").asText());
        }
        if (json.hasNonNull("toolCallArguments")) {
            JsonNode arguments = json.path("toolCallArguments");
            builder.toolCallArguments(arguments.isTextual() ? arguments.textValue() : arguments.toString());
        }
        if (json.hasNonNull("jsonAnswer")) {
            JsonNode answer = json.path("jsonAnswer");
            builder.jsonAnswer(answer.isTextual() ? answer.textValue() : answer.toString());
        }
        List<String> models = new ArrayList<>();
        json.path("models").forEach(model -> models.add(model.asText()));
        return builder.models(models).build();
    }
}
