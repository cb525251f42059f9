package dev.quorum.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the chat fields of a request ({@code messages}, {@code tools}, {@code toolChoice}, {@code responseFormat},
 * {@code topP}, {@code stop}, {@code seed}, {@code n}) and builds its {@link Chat}. Every refusal is an
 * {@link InvalidRequestException} naming the field down to the element ({@code messages[2].content[1].url},
 * {@code tools[0].name}): a tool without a name, a schema that is not an object, an image that is neither a
 * {@code data:} nor an http(s) URL, a tool result answering no earlier tool call. Called by {@link RequestParser}
 * only when a request has one of these fields, so a plain prompt costs nothing here.
 */
final class ChatParser {

    /** The most messages a conversation may hold. */
    static final int MAX_MESSAGES = 1_000;
    /** The most tools a request may offer (OpenAI's own limit). */
    static final int MAX_TOOLS = 128;
    /** The most stop sequences (OpenAI's own limit). */
    static final int MAX_STOP = 4;
    /** The longest tool call id, and the longest stop sequence. */
    static final int MAX_ID_CHARS = 256;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A message as written: {@code content} is a string, an array of parts, or absent for a tool-calling turn. */
    record WireMessage(String role, JsonNode content, List<WireToolCall> toolCalls, String toolCallId, String name) {
    }

    /** A tool call as written: {@code arguments} a JSON object, or a string holding one (OpenAI's form). */
    record WireToolCall(String id, String type, String name, JsonNode arguments) {
    }

    /** A tool as written. */
    record WireTool(String name, String description, JsonNode parameters) {
    }

    /** An output format as written. */
    record WireResponseFormat(String type, String name, JsonNode schema, Boolean strict) {
    }

    private final int maxPromptChars;
    private final int maxSystemChars;
    private final int maxImageChars;
    /** The most choices ({@code n}) a request may ask for (quorum.request.max-n). */
    private int maxChoices = DEFAULT_MAX_CHOICES;

    /** quorum.request.max-n when it is not set. */
    static final int DEFAULT_MAX_CHOICES = 8;

    void maxChoices(int maxChoices) {
        this.maxChoices = Math.max(1, maxChoices);
    }

    /** {@code maxImageChars} 0: an image URL is held to the larger text limit. */
    ChatParser(int maxPromptChars, int maxSystemChars, int maxImageChars) {
        this.maxPromptChars = maxPromptChars;
        this.maxSystemChars = maxSystemChars;
        this.maxImageChars = maxImageChars > 0 ? maxImageChars : Math.max(maxPromptChars, maxSystemChars);
    }

    /** The chat of a request that set at least one chat field; {@code system} (the shorthand) goes first. */
    Chat parse(String system, List<WireMessage> wireMessages, Double topP, JsonNode stop, Long seed, Integer n,
               WireResponseFormat format, List<WireTool> wireTools, JsonNode toolChoice) {
        List<Chat.Tool> tools = tools(wireTools);
        long toolChars = 0;
        for (Chat.Tool tool : tools) {
            toolChars += (tool.description() == null ? 0 : tool.description().length())
                    + (tool.parameters() == null ? 0 : tool.parameters().toString().length());
        }
        if (toolChars > maxPromptChars) {
            throw new InvalidRequestException("tools", "the tools' descriptions and parameters have " + toolChars
                    + " characters; the limit is " + maxPromptChars + " (quorum.request.max-prompt-chars)");
        }
        List<Chat.Message> messages = new ArrayList<>();
        if (system != null && !system.isEmpty() && wireMessages != null) {
            messages.add(new Chat.Message("system", List.of(Chat.Part.text(system)), List.of(), null));
        }
        if (wireMessages != null) {
            messages.addAll(messages(wireMessages));
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new InvalidRequestException("topP", "'topP' must be a number above 0 and at most 1, not " + topP);
        }
        if (n != null && (n < 1 || n > maxChoices)) {
            throw new InvalidRequestException("n", "'n' must be a whole number from 1 to " + maxChoices
                    + " (quorum.request.max-n), not " + n);
        }
        String[] choice = toolChoice(toolChoice, tools);
        return new Chat(List.copyOf(messages), topP, stop(stop), seed, responseFormat(format), tools, choice[0],
                choice[1], n == null || n == 1 ? null : n);
    }

    private List<Chat.Message> messages(List<WireMessage> wire) {
        if (wire.isEmpty()) {
            throw new InvalidRequestException("messages", "'messages' must be a non-empty array of {role, content}");
        }
        if (wire.size() > MAX_MESSAGES) {
            throw new InvalidRequestException("messages", "'messages' holds " + wire.size() + " messages; at most "
                    + MAX_MESSAGES + " are accepted");
        }
        List<Chat.Message> messages = new ArrayList<>(wire.size());
        Set<String> callIds = new HashSet<>();
        long systemChars = 0;
        long otherChars = 0;
        boolean user = false;
        for (int i = 0; i < wire.size(); i++) {
            WireMessage message = wire.get(i);
            String at = "messages[" + i + "]";
            if (message == null) {
                throw new InvalidRequestException("messages", "'" + at + "' must be a message {role, content}, not null");
            }
            String role = message.role() == null ? null : message.role().trim();
            if (role == null) {
                throw new InvalidRequestException(at + ".role", "'" + at + ".role' is required: system, user, "
                        + "assistant or tool");
            }
            Chat.Message parsed = switch (role) {
                case "system", "developer" -> new Chat.Message("system", textOnly(at, message.content(), true),
                        List.of(), null);
                case "user" -> new Chat.Message("user", parts(at, message.content()), List.of(), null);
                case "assistant" -> assistant(at, message, callIds);
                case "tool" -> tool(at, message, callIds);
                default -> throw new InvalidRequestException(at + ".role", "'" + at + ".role' must be system, user, "
                        + "assistant or tool, not '" + StrictJson.abbreviate(role) + "'");
            };
            if (!"assistant".equals(role) && message.toolCalls() != null) {
                throw new InvalidRequestException(at + ".toolCalls", "'" + at + ".toolCalls' is only for assistant "
                        + "messages");
            }
            user |= "user".equals(parsed.role());
            for (Chat.ToolCall call : parsed.toolCalls()) {
                otherChars += call.arguments().length();
            }
            for (int j = 0; j < parsed.parts().size(); j++) {
                Chat.Part part = parsed.parts().get(j);
                if (part.image() && part.imageUrl().length() > maxImageChars) {
                    throw new InvalidRequestException(at + ".content[" + j + "].url", "'" + at + ".content[" + j
                            + "].url' has " + part.imageUrl().length() + " characters; the limit is " + maxImageChars
                            + " (quorum.request.max-image-chars)");
                }
                if (part.text() != null) {
                    RequestParser.requireWholeCharacters(at + ".content", part.text());
                    if ("system".equals(parsed.role())) {
                        systemChars += part.text().length();
                    } else {
                        otherChars += part.text().length();
                    }
                }
            }
            messages.add(parsed);
        }
        if (!user) {
            throw new InvalidRequestException("messages", "'messages' must hold at least one user message");
        }
        if (systemChars > maxSystemChars) {
            throw new InvalidRequestException("messages", "the system messages have " + systemChars
                    + " characters; the limit is " + maxSystemChars + " (quorum.request.max-system-chars)");
        }
        if (otherChars > maxPromptChars) {
            throw new InvalidRequestException("messages", "the messages have " + otherChars
                    + " characters; the limit is " + maxPromptChars + " (quorum.request.max-prompt-chars)");
        }
        return messages;
    }

    private static Chat.Message assistant(String at, WireMessage message, Set<String> callIds) {
        List<Chat.Part> parts = message.content() == null || message.content().isNull() ? List.of()
                : textOnly(at, message.content(), false);
        List<Chat.ToolCall> calls = new ArrayList<>();
        if (message.toolCalls() != null) {
            for (int j = 0; j < message.toolCalls().size(); j++) {
                WireToolCall call = message.toolCalls().get(j);
                String where = at + ".toolCalls[" + j + "]";
                if (call == null || call.id() == null || call.id().isBlank()) {
                    throw new InvalidRequestException(where + ".id", "'" + where + ".id' is required: the id a tool "
                            + "message answers with its toolCallId");
                }
                if (call.id().length() > MAX_ID_CHARS) {
                    throw new InvalidRequestException(where + ".id", "'" + where + ".id' has more than " + MAX_ID_CHARS
                            + " characters");
                }
                if (call.type() != null && !"function".equals(call.type())) {
                    throw new InvalidRequestException(where + ".type", "'" + where + ".type' must be 'function'");
                }
                String name = toolName(where + ".name", call.name());
                calls.add(new Chat.ToolCall(call.id(), name, arguments(where + ".arguments", call.arguments())));
                callIds.add(call.id());
            }
        }
        if (parts.isEmpty() && calls.isEmpty()) {
            throw new InvalidRequestException(at + ".content", "'" + at + ".content' is required: an assistant "
                    + "message holds text, tool calls or both");
        }
        return new Chat.Message("assistant", parts, List.copyOf(calls), null);
    }

    private static Chat.Message tool(String at, WireMessage message, Set<String> callIds) {
        String id = message.toolCallId();
        if (id == null || id.isBlank()) {
            throw new InvalidRequestException(at + ".toolCallId", "'" + at + ".toolCallId' is required: the id of "
                    + "the tool call this message answers");
        }
        if (!callIds.contains(id)) {
            throw new InvalidRequestException(at + ".toolCallId", "'" + at + ".toolCallId' is '"
                    + StrictJson.abbreviate(id) + "', which no earlier assistant message's tool call has");
        }
        return new Chat.Message("tool", textOnly(at, message.content(), true), List.of(), id);
    }

    /** Text content: a string, or an array of text parts joined; {@code required} refuses none at all. */
    private static List<Chat.Part> textOnly(String at, JsonNode content, boolean required) {
        List<Chat.Part> parts = parts(at, content);
        for (int j = 0; j < parts.size(); j++) {
            if (parts.get(j).image()) {
                throw new InvalidRequestException(at + ".content[" + j + "]", "'" + at + ".content[" + j
                        + "]' is an image; only user messages may hold images");
            }
        }
        if (required && parts.isEmpty()) {
            throw new InvalidRequestException(at + ".content", "'" + at + ".content' is required");
        }
        return parts;
    }

    private static List<Chat.Part> parts(String at, JsonNode content) {
        if (content == null || content.isNull()) {
            throw new InvalidRequestException(at + ".content", "'" + at + ".content' is required: a string or an "
                    + "array of parts");
        }
        if (content.isTextual()) {
            return List.of(Chat.Part.text(content.textValue()));
        }
        if (!content.isArray() || content.isEmpty()) {
            throw new InvalidRequestException(at + ".content", "'" + at + ".content' must be a string or a non-empty "
                    + "array of parts {type: text, text} or {type: image, url}");
        }
        List<Chat.Part> parts = new ArrayList<>(content.size());
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String where = at + ".content[" + j + "]";
            String type = part.path("type").asText("");
            switch (type) {
                case "text" -> {
                    requireOnly(where, part, "type", "text");
                    if (!part.path("text").isTextual()) {
                        throw new InvalidRequestException(where + ".text", "'" + where + ".text' must be a string");
                    }
                    parts.add(Chat.Part.text(part.path("text").textValue()));
                }
                case "image" -> {
                    requireOnly(where, part, "type", "url", "detail");
                    String url = part.path("url").isTextual() ? part.path("url").textValue() : null;
                    String detail = part.path("detail").isTextual() ? part.path("detail").textValue() : null;
                    parts.add(image(where, url, detail));
                }
                default -> throw new InvalidRequestException(where + ".type", "'" + where + ".type' must be 'text' or "
                        + "'image', not '" + StrictJson.abbreviate(type) + "'");
            }
        }
        return List.copyOf(parts);
    }

    /** An image part: a {@code data:image/...;base64,} URL or an http(s) URL; nothing else reaches a provider. */
    static Chat.Part image(String where, String url, String detail) {
        if (url == null) {
            throw new InvalidRequestException(where + ".url", "'" + where + ".url' is required: a data:image/...;base64, "
                    + "or an http(s) URL");
        }
        boolean data = url.startsWith("data:image/") && url.indexOf(";base64,") > 0;
        boolean web = url.startsWith("https://") || url.startsWith("http://");
        if (!data && !web) {
            throw new InvalidRequestException(where + ".url", "'" + where + ".url' must be a data:image/...;base64, "
                    + "or an http(s) URL, not '" + StrictJson.abbreviate(url) + "'");
        }
        if (detail != null && !List.of("auto", "low", "high").contains(detail)) {
            throw new InvalidRequestException(where + ".detail", "'" + where + ".detail' must be auto, low or high");
        }
        return new Chat.Part(null, url, detail);
    }

    private static void requireOnly(String where, JsonNode part, String... names) {
        for (var fields = part.fieldNames(); fields.hasNext(); ) {
            String name = fields.next();
            if (!List.of(names).contains(name)) {
                throw new InvalidRequestException(where, "'" + where + "' has an unknown field '"
                        + StrictJson.abbreviate(name) + "'");
            }
        }
    }

    /** Arguments as a compact JSON object text. */
    private static String arguments(String field, JsonNode arguments) {
        JsonNode object = arguments;
        if (arguments != null && arguments.isTextual()) {
            try {
                object = MAPPER.readTree(arguments.textValue());
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException(field, "'" + field + "' must be a JSON object (or a string holding "
                        + "one); it is not JSON");
            }
        }
        if (object == null || object.isNull()) {
            return "{}";
        }
        if (!object.isObject()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a JSON object (or a string holding one)");
        }
        return object.toString();
    }

    private static List<Chat.Tool> tools(List<WireTool> wire) {
        if (wire == null || wire.isEmpty()) {
            return List.of();
        }
        if (wire.size() > MAX_TOOLS) {
            throw new InvalidRequestException("tools", "'tools' lists " + wire.size() + " tools; at most " + MAX_TOOLS);
        }
        List<Chat.Tool> tools = new ArrayList<>(wire.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < wire.size(); i++) {
            WireTool tool = wire.get(i);
            String at = "tools[" + i + "]";
            if (tool == null) {
                throw new InvalidRequestException(at, "'" + at + "' must be a tool {name, description, parameters}");
            }
            String name = toolName(at + ".name", tool.name());
            if (!names.add(name)) {
                throw new InvalidRequestException(at + ".name", "'" + at + ".name' repeats the tool name '" + name + "'");
            }
            tools.add(new Chat.Tool(name, tool.description(), schema(at + ".parameters", tool.parameters(), false)));
        }
        return List.copyOf(tools);
    }

    /** A function name as every provider accepts it: 1 to 64 of letters, digits, '_' and '-'. */
    private static String toolName(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException(field, "'" + field + "' is required: the function's name");
        }
        if (name.length() > 64 || !name.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '_' || c == '-')) {
            throw new InvalidRequestException(field, "'" + field + "' must be 1 to 64 letters, digits, '_' or '-', not '"
                    + StrictJson.abbreviate(name) + "'");
        }
        return name;
    }

    /** A JSON schema of an object: a JSON object whose {@code type}, when given, is "object". */
    private static Map<String, Object> schema(String field, JsonNode schema, boolean required) {
        if (schema == null || schema.isNull()) {
            if (required) {
                throw new InvalidRequestException(field, "'" + field + "' is required: a JSON schema object");
            }
            return null;
        }
        if (!schema.isObject() || schema.has("type") && !"object".equals(schema.path("type").asText())) {
            throw new InvalidRequestException(field, "'" + field + "' must be a JSON schema of an object "
                    + "({\"type\":\"object\",\"properties\":{...}}), not " + StrictJson.abbreviate(schema.toString()));
        }
        nested(field, field, schema);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.convertValue(schema, LinkedHashMap.class);
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Every schema inside a schema (properties, items, anyOf/oneOf/allOf, $defs) must be a JSON object too, so the
     * schema can be handed to every provider's client as LangChain4j's schema elements; a refusal names {@code field}
     * and, in its message, the path inside it.
     */
    private static void nested(String field, String path, JsonNode schema) {
        for (String key : List.of("properties", "$defs", "definitions")) {
            JsonNode children = schema.get(key);
            if (children == null) {
                continue;
            }
            if (!children.isObject()) {
                throw new InvalidRequestException(field, "'" + path + "." + key + "' must be an object of schemas");
            }
            for (var entries = children.fields(); entries.hasNext(); ) {
                var entry = entries.next();
                requireSchema(field, path + "." + key + "." + entry.getKey(), entry.getValue());
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            requireSchema(field, path + ".items", items);
        }
        for (String key : List.of("anyOf", "oneOf", "allOf")) {
            JsonNode options = schema.get(key);
            if (options == null) {
                continue;
            }
            if (!options.isArray()) {
                throw new InvalidRequestException(field, "'" + path + "." + key + "' must be an array of schemas");
            }
            for (int i = 0; i < options.size(); i++) {
                requireSchema(field, path + "." + key + "[" + i + "]", options.get(i));
            }
        }
    }

    private static void requireSchema(String field, String path, JsonNode schema) {
        if (!schema.isObject()) {
            throw new InvalidRequestException(field, "'" + path + "' must be a JSON schema object, not "
                    + StrictJson.abbreviate(schema.toString()));
        }
        nested(field, path, schema);
    }

    private static Chat.ResponseFormat responseFormat(WireResponseFormat format) {
        if (format == null) {
            return null;
        }
        String type = format.type() == null ? "" : format.type();
        return switch (type) {
            case "text" -> new Chat.ResponseFormat("text", null, null, null);
            case "json_object" -> new Chat.ResponseFormat("json_object", null, null, null);
            case "json_schema" -> new Chat.ResponseFormat("json_schema",
                    format.name() == null || format.name().isBlank() ? "response" : toolName("responseFormat.name",
                            format.name()),
                    schema("responseFormat.schema", format.schema(), true), format.strict());
            default -> throw new InvalidRequestException("responseFormat.type", "'responseFormat.type' must be text, "
                    + "json_object or json_schema, not '" + StrictJson.abbreviate(type) + "'");
        };
    }

    private static String[] toolChoice(JsonNode choice, List<Chat.Tool> tools) {
        if (choice == null || choice.isNull()) {
            return new String[] {null, null};
        }
        if (choice.isTextual() && Chat.TOOL_CHOICES.contains(choice.textValue())) {
            if ("required".equals(choice.textValue()) && tools.isEmpty()) {
                throw new InvalidRequestException("toolChoice", "'toolChoice' is 'required' but 'tools' offers none");
            }
            return new String[] {choice.textValue(), null};
        }
        if (choice.isObject() && choice.path("name").isTextual() && choice.size() == 1) {
            String name = choice.path("name").textValue();
            if (tools.stream().noneMatch(tool -> tool.name().equals(name))) {
                throw new InvalidRequestException("toolChoice", "'toolChoice' names the tool '"
                        + StrictJson.abbreviate(name) + "', which 'tools' does not offer");
            }
            return new String[] {"required", name};
        }
        throw new InvalidRequestException("toolChoice", "'toolChoice' must be auto, none, required or {\"name\": "
                + "\"<tool>\"}");
    }

    private static List<String> stop(JsonNode stop) {
        if (stop == null || stop.isNull()) {
            return null;
        }
        List<String> sequences = new ArrayList<>();
        if (stop.isTextual()) {
            sequences.add(stop.textValue());
        } else if (stop.isArray() && stop.size() <= MAX_STOP) {
            for (JsonNode sequence : stop) {
                if (!sequence.isTextual()) {
                    throw new InvalidRequestException("stop", "'stop' must hold strings");
                }
                sequences.add(sequence.textValue());
            }
        } else {
            throw new InvalidRequestException("stop", "'stop' must be a string or an array of at most " + MAX_STOP
                    + " strings");
        }
        if (sequences.stream().anyMatch(sequence -> sequence.isEmpty() || sequence.length() > MAX_ID_CHARS)) {
            throw new InvalidRequestException("stop", "'stop' must hold strings of 1 to " + MAX_ID_CHARS
                    + " characters");
        }
        return List.copyOf(sequences);
    }
}
