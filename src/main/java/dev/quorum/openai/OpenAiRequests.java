package dev.quorum.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.api.StrictJson;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Translates an OpenAI chat-completions request into Quorum's request JSON, which {@code direct:intake} validates
 * like any other trigger's. The model name picks the path: a provider id pins that provider, {@code quorum/route}
 * lets the router choose, {@code quorum/consensus[-<algorithm>]} asks a voting panel and {@code quorum/cascade} a
 * cascade. Messages, tools, tool choice, response format (JSON mode and JSON schema), image parts, top-p, stop and
 * seed map one to one onto Quorum's chat fields ({@code messages}, {@code tools}, ...), so providers receive the
 * conversation as it was sent; a single user message (with system messages) stays the plain {@code prompt} and
 * {@code system} shorthand, the cheap path. Options Quorum cannot honour ({@code n} &gt; 1, audio and file parts,
 * the deprecated {@code functions}) are refused with a 400 naming the parameter rather than silently ignored;
 * sampling options Quorum has no field for are accepted and ignored.
 */
public final class OpenAiRequests {

    /** The virtual model that routes by task and priority. */
    public static final String ROUTE_MODEL = "quorum/route";
    /** The virtual model that asks a panel and votes with the configured default algorithm. */
    public static final String CONSENSUS_MODEL = "quorum/consensus";
    /** The virtual model that asks a cheap panel first and escalates on a split. */
    public static final String CASCADE_MODEL = "quorum/cascade";

    private static final String CONSENSUS_PREFIX = CONSENSUS_MODEL + "-";

    /** OpenAI parameters that change nothing in Quorum's answer; accepted so SDK defaults never fail a call. */
    private static final Set<String> IGNORED = Set.of("frequency_penalty", "presence_penalty",
            "logit_bias", "logprobs", "top_logprobs", "store", "service_tier", "parallel_tool_calls",
            "reasoning_effort", "prediction", "modalities", "web_search_options", "verbosity", "prompt_cache_key",
            "safety_identifier");
    private static final Set<String> HANDLED = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "stream", "stream_options", "n", "user", "metadata", "tools", "tool_choice", "functions",
            "function_call", "response_format", "quorum", "top_p", "stop", "seed");
    /** Request fields the model name or the API key decide; a {@code quorum} extension object may not set them. */
    private static final Set<String> RESERVED = Set.of("prompt", "system", "mode", "provider", "tenant", "messages",
            "tools", "toolChoice", "responseFormat");

    private final Predicate<String> knownProvider;
    private final List<String> algorithms;

    public OpenAiRequests(Predicate<String> knownProvider, List<String> algorithms) {
        this.knownProvider = knownProvider;
        this.algorithms = List.copyOf(algorithms);
    }

    /** The consensus algorithms a {@code quorum/consensus-<algorithm>} model may name. */
    public List<String> algorithms() {
        return algorithms;
    }

    /** What an OpenAI request asks: the Quorum request JSON, the model name to echo and how to reply. */
    public record Translation(ObjectNode request, String model, boolean stream, boolean streamUsage) {
    }

    public Translation translate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(null, "the request body must be a JSON object with 'model' and 'messages'");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!HANDLED.contains(name) && !IGNORED.contains(name)) {
                throw new InvalidRequestException(name, "Unrecognized request argument supplied: " + StrictJson.abbreviate(name));
            }
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        String model = text(body, "model");
        if (model == null || model.isBlank()) {
            throw new InvalidRequestException("model", "'model' is required: a provider id or one of quorum/route, "
                    + "quorum/consensus, quorum/consensus-<algorithm>, quorum/cascade (GET /v1/models lists them)");
        }
        selectPath(model, request);
        if (body.path("quorum").hasNonNull("template")) {
            // the prompt template gives the prompt (docs/prompts.md): the messages may only be left out or empty
            JsonNode messages = body.get("messages");
            if (messages != null && !messages.isNull() && !(messages.isArray() && messages.isEmpty())) {
                throw new InvalidRequestException("messages", "give either 'messages' or 'quorum.template', not both");
            }
        } else {
            messages(body.get("messages"), request);
        }

        JsonNode maxTokens = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull()) {
            String param = body.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
            if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt() || maxTokens.intValue() < 1) {
                throw new InvalidRequestException(param, "'" + param + "' must be a positive whole number");
            }
            request.put("maxTokens", maxTokens.intValue());
        }
        JsonNode temperature = body.get("temperature");
        if (temperature != null && !temperature.isNull()) {
            request.set("temperature", temperature);
        }
        JsonNode n = body.get("n");
        if (n != null && !n.isNull()) {
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
                throw new InvalidRequestException("n", "'n' must be a positive whole number of choices");
            }
            // the native parser holds n to quorum.request.max-n and single mode; each choice is its own call
            request.put("n", n.intValue());
        }
        refuseFunctions(body);
        copy(body, "top_p", request, "topP");
        copy(body, "stop", request, "stop");
        copy(body, "seed", request, "seed");
        tools(body.get("tools"), request);
        toolChoice(body.get("tool_choice"), request);
        responseFormat(body.get("response_format"), request);
        String user = text(body, "user");
        if (user != null && !user.isBlank()) {
            request.put("tenant", user);
        }
        JsonNode metadata = body.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            request.set("metadata", metadata);
        }
        extension(body.get("quorum"), request);

        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw new InvalidRequestException("stream", "'stream' must be true or false");
        }
        boolean streamed = stream != null && stream.asBoolean(false);
        boolean usage = streamed && body.path("stream_options").path("include_usage").asBoolean(false);
        return new Translation(request, model, streamed, usage);
    }

    private void selectPath(String model, ObjectNode request) {
        if (model.equals(ROUTE_MODEL)) {
            return;
        }
        if (model.equals(CONSENSUS_MODEL)) {
            request.put("mode", "consensus");
            return;
        }
        if (model.startsWith(CONSENSUS_PREFIX)) {
            String algorithm = model.substring(CONSENSUS_PREFIX.length());
            if (!algorithms.contains(algorithm)) {
                throw modelNotFound(model);
            }
            request.put("mode", "consensus");
            request.put("algorithm", algorithm);
            return;
        }
        if (model.equals(CASCADE_MODEL)) {
            request.put("mode", "cascade");
            return;
        }
        if (model.startsWith("quorum/") || !knownProvider.test(model)) {
            throw modelNotFound(model);
        }
        request.put("provider", model);
    }

    private static QuorumException modelNotFound(String model) {
        return new QuorumException("model_not_found", 404, "model", "The model '" + StrictJson.abbreviate(model)
                + "' does not exist on this Quorum; GET /v1/models lists the providers and quorum/* models");
    }

    /**
     * A single user message of text, after system (and developer) messages, is the plain {@code prompt} and
     * {@code system}; any other conversation goes as Quorum {@code messages}, one for one: roles, text and image parts,
     * the assistant's tool calls and the tool results with their call ids.
     */
    private static void messages(JsonNode messages, ObjectNode request) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("messages", "'messages' must be a non-empty array of {role, content}");
        }
        if (plain(messages)) {
            StringBuilder system = new StringBuilder();
            for (JsonNode message : messages) {
                String content = message.path("content").textValue();
                if ("user".equals(message.path("role").asText())) {
                    request.put("prompt", content);
                } else {
                    append(system, content);
                }
            }
            if (!system.isEmpty()) {
                request.put("system", system.toString());
            }
            return;
        }
        ArrayNode out = request.putArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String at = "messages[" + i + "]";
            if (!message.isObject()) {
                throw new InvalidRequestException(at, "'" + at + "' must be a message object {role, content}");
            }
            ObjectNode converted = out.addObject();
            String role = message.path("role").asText("");
            if ("function".equals(role) || message.has("function_call") && !message.get("function_call").isNull()) {
                throw new InvalidRequestException(at, "'" + at + "' uses the deprecated functions API; send 'tools' "
                        + "and 'tool' messages instead");
            }
            converted.put("role", role);
            for (Iterator<Map.Entry<String, JsonNode>> fields = message.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                switch (field.getKey()) {
                    case "role", "name", "refusal", "annotations", "audio" -> { }
                    case "content" -> converted.set("content", content(at, value));
                    case "tool_call_id" -> converted.set("toolCallId", value);
                    case "tool_calls" -> {
                        if (!value.isArray()) {
                            throw new InvalidRequestException(at + ".tool_calls", "'" + at + ".tool_calls' must be an array");
                        }
                        ArrayNode calls = converted.putArray("toolCalls");
                        for (JsonNode call : value) {
                            ObjectNode copy = calls.addObject();
                            copy.set("id", call.get("id"));
                            copy.set("type", call.get("type"));
                            copy.set("name", call.path("function").get("name"));
                            copy.set("arguments", call.path("function").get("arguments"));
                        }
                    }
                    default -> throw new InvalidRequestException(at + "." + field.getKey(), "'" + at + "."
                            + StrictJson.abbreviate(field.getKey()) + "' is not a chat message field");
                }
            }
        }
    }

    /** Only system/developer messages and one last user message, every content a string. */
    private static boolean plain(JsonNode messages) {
        int last = messages.size() - 1;
        for (int i = 0; i <= last; i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject() || message.size() != 2 || !message.path("content").isTextual()) {
                return false;
            }
            String role = message.path("role").asText("");
            if (i == last ? !"user".equals(role) : !"system".equals(role) && !"developer".equals(role)) {
                return false;
            }
        }
        return true;
    }

    /** OpenAI content (a string, parts of text and image_url, or null) in Quorum's form. */
    private static JsonNode content(String at, JsonNode content) {
        if (content == null || content.isNull() || content.isTextual() || !content.isArray()) {
            return content;
        }
        ArrayNode parts = JsonNodeFactory.instance.arrayNode();
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String where = at + ".content[" + j + "]";
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> parts.addObject().put("type", "text").set("text", part.get("text"));
                case "image_url" -> {
                    JsonNode image = part.path("image_url");
                    ObjectNode converted = parts.addObject().put("type", "image");
                    converted.set("url", image.isTextual() ? image : image.get("url"));
                    if (image.hasNonNull("detail")) {
                        converted.set("detail", image.get("detail"));
                    }
                }
                default -> throw new InvalidRequestException(where + ".type", "'" + where + ".type' '"
                        + StrictJson.abbreviate(type) + "' is not supported; text and image_url are");
            }
        }
        return parts;
    }

    private static void tools(JsonNode tools, ObjectNode request) {
        if (tools == null || tools.isNull()) {
            return;
        }
        if (!tools.isArray()) {
            throw new InvalidRequestException("tools", "'tools' must be an array of {type: function, function: {...}}");
        }
        ArrayNode out = request.putArray("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String at = "tools[" + i + "]";
            if (!"function".equals(tool.path("type").asText())) {
                throw new InvalidRequestException(at + ".type", "'" + at + ".type' must be 'function'");
            }
            JsonNode function = tool.path("function");
            if (!function.path("name").isTextual() || function.path("name").textValue().isBlank()) {
                throw new InvalidRequestException(at + ".function.name", "'" + at + ".function.name' is required: "
                        + "the function's name");
            }
            ObjectNode copy = out.addObject();
            copy.set("name", function.get("name"));
            if (function.hasNonNull("description")) {
                copy.set("description", function.get("description"));
            }
            if (function.has("parameters")) {
                JsonNode parameters = function.get("parameters");
                if (!parameters.isNull() && !parameters.isObject()) {
                    throw new InvalidRequestException(at + ".function.parameters", "'" + at + ".function.parameters' "
                            + "must be a JSON schema object");
                }
                copy.set("parameters", parameters);
            }
        }
    }

    private static void toolChoice(JsonNode choice, ObjectNode request) {
        if (choice == null || choice.isNull()) {
            return;
        }
        if (choice.isObject()) {
            JsonNode name = choice.path("function").path("name");
            if (!"function".equals(choice.path("type").asText()) || !name.isTextual()) {
                throw new InvalidRequestException("tool_choice", "'tool_choice' must be none, auto, required or "
                        + "{type: function, function: {name}}");
            }
            request.putObject("toolChoice").set("name", name);
            return;
        }
        request.set("toolChoice", choice);
    }

    private static void responseFormat(JsonNode format, ObjectNode request) {
        if (format == null || format.isNull()) {
            return;
        }
        if (!format.isObject()) {
            throw new InvalidRequestException("response_format", "'response_format' must be an object {type}");
        }
        ObjectNode out = request.putObject("responseFormat");
        out.set("type", format.get("type"));
        if ("json_schema".equals(format.path("type").asText())) {
            JsonNode schema = format.path("json_schema");
            if (!schema.isObject()) {
                throw new InvalidRequestException("response_format.json_schema", "'response_format.json_schema' is "
                        + "required: {name, schema}");
            }
            out.set("name", schema.get("name"));
            out.set("schema", schema.get("schema"));
            if (schema.has("strict")) {
                out.set("strict", schema.get("strict"));
            }
        }
    }

    private static void copy(JsonNode body, String from, ObjectNode request, String to) {
        JsonNode value = body.get(from);
        if (value != null && !value.isNull()) {
            request.set(to, value);
        }
    }

    private static void refuseFunctions(JsonNode body) {
        for (String param : List.of("functions", "function_call")) {
            JsonNode value = body.get(param);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                throw new InvalidRequestException(param, "'" + param + "' is OpenAI's deprecated functions API; send "
                        + "'tools' and 'tool_choice' instead");
            }
        }
    }

    /** The {@code quorum} extension object ({@code extra_body} in the SDKs) carries Quorum's own request fields. */
    private static void extension(JsonNode extension, ObjectNode request) {
        if (extension == null || extension.isNull()) {
            return;
        }
        if (!extension.isObject()) {
            throw new InvalidRequestException("quorum", "'quorum' must be an object of Quorum request fields");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = extension.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (RESERVED.contains(field.getKey())) {
                throw new InvalidRequestException("quorum", "'quorum." + StrictJson.abbreviate(field.getKey())
                        + "' cannot be set: the model, the messages and the API key decide it");
            }
            request.set(field.getKey(), field.getValue());
        }
    }

    private static void append(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(part);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** The quorum/* model names {@code GET /v1/models} lists next to the enabled providers. */
    public List<String> virtualModels() {
        List<String> models = new java.util.ArrayList<>();
        models.add(ROUTE_MODEL);
        models.add(CONSENSUS_MODEL);
        algorithms.forEach(algorithm -> models.add(CONSENSUS_PREFIX + algorithm));
        models.add(CASCADE_MODEL);
        return List.copyOf(models);
    }
}
