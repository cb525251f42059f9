package dev.quorum.openai;

import com.fasterxml.jackson.databind.JsonNode;
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
 * cascade. OpenAI options Quorum cannot honour (tools, n &gt; 1, JSON mode, images) are refused with a 400 naming
 * the parameter rather than silently ignored; sampling options Quorum has no field for are accepted and ignored.
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
    private static final Set<String> IGNORED = Set.of("top_p", "frequency_penalty", "presence_penalty", "stop", "seed",
            "logit_bias", "logprobs", "top_logprobs", "store", "service_tier", "parallel_tool_calls",
            "reasoning_effort", "prediction", "modalities", "web_search_options", "verbosity", "prompt_cache_key",
            "safety_identifier");
    private static final Set<String> HANDLED = Set.of("model", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "stream", "stream_options", "n", "user", "metadata", "tools", "tool_choice", "functions",
            "function_call", "response_format", "quorum");
    /** Request fields the model name or the API key decide; a {@code quorum} extension object may not set them. */
    private static final Set<String> RESERVED = Set.of("prompt", "system", "mode", "provider", "tenant");

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
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.intValue() == 1)) {
            throw new InvalidRequestException("n", "'n' must be 1: Quorum returns one answer per request");
        }
        refuseTools(body);
        JsonNode format = body.get("response_format");
        if (format != null && !format.isNull() && !"text".equals(format.path("type").asText())) {
            throw new InvalidRequestException("response_format", "response_format '"
                    + StrictJson.abbreviate(format.path("type").asText()) + "' is not supported; only 'text'");
        }
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
     * System (and developer) messages become the request's system text. One user message is the prompt; a longer
     * conversation is written out turn by turn as the prompt, ending with the last user message, because Quorum
     * sends providers one system and one user message.
     */
    private static void messages(JsonNode messages, ObjectNode request) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("messages", "'messages' must be a non-empty array of {role, content}");
        }
        StringBuilder system = new StringBuilder();
        StringBuilder transcript = new StringBuilder();
        String lastUser = null;
        int turns = 0;
        String lastRole = null;
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            String content = content(message);
            switch (role) {
                case "system", "developer" -> append(system, content);
                case "user", "assistant" -> {
                    if (message.hasNonNull("tool_calls") || message.hasNonNull("function_call")) {
                        throw new InvalidRequestException("messages", "tool calls are not supported by Quorum");
                    }
                    append(transcript, ("user".equals(role) ? "User: " : "Assistant: ") + content);
                    turns++;
                    lastRole = role;
                    if ("user".equals(role)) {
                        lastUser = content;
                    }
                }
                case "tool", "function" -> throw new InvalidRequestException("messages",
                        "messages with role '" + StrictJson.abbreviate(role) + "' are not supported: Quorum does not call tools");
                default -> throw new InvalidRequestException("messages", "a message's 'role' must be system, "
                        + "developer, user or assistant, not '" + StrictJson.abbreviate(role) + "'");
            }
        }
        if (!"user".equals(lastRole)) {
            throw new InvalidRequestException("messages", "the last non-system message must come from the user");
        }
        request.put("prompt", turns == 1 ? lastUser : transcript.toString());
        if (!system.isEmpty()) {
            request.put("system", system.toString());
        }
    }

    private static String content(JsonNode message) {
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            return content.textValue();
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw new InvalidRequestException("messages", "only text content parts are supported, not '"
                            + StrictJson.abbreviate(part.path("type").asText()) + "'");
                }
                text.append(part.path("text").textValue());
            }
            return text.toString();
        }
        throw new InvalidRequestException("messages", "each message needs a 'content' string or an array of text parts");
    }

    private static void refuseTools(JsonNode body) {
        for (String param : List.of("tools", "functions")) {
            JsonNode value = body.get(param);
            if (value != null && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                throw new InvalidRequestException(param, "'" + param + "' are not supported: Quorum does not call tools");
            }
        }
        for (String param : List.of("tool_choice", "function_call")) {
            JsonNode value = body.get(param);
            if (value != null && !value.isNull() && !"none".equals(value.asText()) && !"auto".equals(value.asText())) {
                throw new InvalidRequestException(param, "'" + param + "' is not supported: Quorum does not call tools");
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
