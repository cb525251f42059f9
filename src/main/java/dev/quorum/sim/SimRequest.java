package dev.quorum.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a chat request asked a simulated provider, read from its own wire format: the messages in order with their
 * roles (text, image count, tool calls, the call a tool result answers), the tools offered and whether one must be
 * called, the JSON output asked for (and its schema) and the stop sequences. Recorded with each {@link SimCall}, so
 * tests can assert that a conversation arrived as separate messages, that tools and schemas reached the provider, and
 * that images were sent.
 */
public record SimRequest(List<Message> messages, List<Tool> tools, String toolChoice, String forcedTool,
                         boolean json, JsonNode schema, List<String> stop) {

    /** One message: role (system, user, assistant, tool), its text, how many images, tool calls (names), call id. */
    public record Message(String role, String text, int images, List<String> toolCalls, String toolCallId) {
    }

    /** A tool offered: its name and parameters schema. */
    public record Tool(String name, JsonNode parameters) {
    }

    /** The roles of the messages, in order. */
    public List<String> roles() {
        return messages.stream().map(Message::role).toList();
    }

    /** Image parts across all messages. */
    public int images() {
        return messages.stream().mapToInt(Message::images).sum();
    }

    /** The last message, or {@code null}. */
    public Message last() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }

    static SimRequest of(WireFormat format, JsonNode request) {
        return switch (format) {
            case OPENAI, MISTRAL -> openAi(request);
            case ANTHROPIC -> anthropic(request);
            case GEMINI -> gemini(request);
            case OLLAMA -> ollama(request);
        };
    }

    private static SimRequest openAi(JsonNode request) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            StringBuilder text = new StringBuilder();
            int images = 0;
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.textValue());
            } else {
                for (JsonNode part : content) {
                    if (part.has("text")) {
                        join(text, part.path("text").asText());
                    } else if ("image_url".equals(part.path("type").asText())) {
                        images++;
                    }
                }
            }
            List<String> calls = new ArrayList<>();
            for (JsonNode call : message.path("tool_calls")) {
                calls.add(call.path("function").path("name").asText());
            }
            messages.add(new Message(message.path("role").asText(), text.toString(), images, calls,
                    message.path("tool_call_id").asText(null)));
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            tools.add(new Tool(tool.path("function").path("name").asText(), tool.path("function").path("parameters")));
        }
        JsonNode choice = request.path("tool_choice");
        String forced = choice.path("function").path("name").asText(null);
        String toolChoice = forced != null ? "required" : "any".equals(choice.asText()) ? "required"
                : choice.asText(null);
        JsonNode format = request.path("response_format");
        String type = format.path("type").asText("text");
        return new SimRequest(messages, tools, toolChoice, forced, !"text".equals(type),
                format.path("json_schema").path("schema").isObject() ? format.path("json_schema").path("schema") : null,
                strings(request.path("stop")));
    }

    private static SimRequest anthropic(JsonNode request) {
        List<Message> messages = new ArrayList<>();
        JsonNode system = request.path("system");
        if (!system.isMissingNode() && !system.isNull()) {
            messages.add(new Message("system", text(system), 0, List.of(), null));
        }
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                messages.add(new Message(message.path("role").asText(), content.textValue(), 0, List.of(), null));
                continue;
            }
            StringBuilder text = new StringBuilder();
            int images = 0;
            List<String> calls = new ArrayList<>();
            for (JsonNode part : content) {
                switch (part.path("type").asText()) {
                    case "text" -> join(text, part.path("text").asText());
                    case "image" -> images++;
                    case "tool_use" -> calls.add(part.path("name").asText());
                    case "tool_result" -> messages.add(new Message("tool", text(part.path("content")), 0, List.of(),
                            part.path("tool_use_id").asText()));
                    default -> { }
                }
            }
            if (!text.isEmpty() || images > 0 || !calls.isEmpty()) {
                messages.add(new Message(message.path("role").asText(), text.toString(), images, calls, null));
            }
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            tools.add(new Tool(tool.path("name").asText(), tool.path("input_schema")));
        }
        JsonNode choice = request.path("tool_choice");
        String type = choice.path("type").asText(null);
        String forced = "tool".equals(type) ? choice.path("name").asText(null) : null;
        JsonNode format = request.path("output_format");
        boolean json = format.isObject();
        return new SimRequest(messages, tools, "any".equals(type) || forced != null ? "required" : type, forced, json,
                format.path("schema").isObject() ? format.path("schema") : null, strings(request.path("stop_sequences")));
    }

    private static SimRequest gemini(JsonNode request) {
        List<Message> messages = new ArrayList<>();
        JsonNode system = request.path("systemInstruction");
        if (system.isObject()) {
            messages.add(new Message("system", text(system.path("parts")), 0, List.of(), null));
        }
        for (JsonNode content : request.path("contents")) {
            StringBuilder text = new StringBuilder();
            int images = 0;
            List<String> calls = new ArrayList<>();
            for (JsonNode part : content.path("parts")) {
                if (part.has("text")) {
                    join(text, part.path("text").asText());
                } else if (part.has("inlineData") || part.has("fileData")) {
                    images++;
                } else if (part.has("functionCall")) {
                    calls.add(part.path("functionCall").path("name").asText());
                } else if (part.has("functionResponse")) {
                    messages.add(new Message("tool", part.path("functionResponse").path("response").toString(), 0,
                            List.of(), part.path("functionResponse").path("name").asText()));
                }
            }
            if (!text.isEmpty() || images > 0 || !calls.isEmpty()) {
                String role = content.path("role").asText("user");
                messages.add(new Message("model".equals(role) ? "assistant" : role, text.toString(), images, calls,
                        null));
            }
        }
        List<Tool> tools = new ArrayList<>();
        // the API takes a list of tools; LangChain4j sends one tool object
        JsonNode declared = request.path("tools");
        for (JsonNode tool : declared.isObject() ? List.of(declared) : declared) {
            for (JsonNode function : tool.path("functionDeclarations")) {
                tools.add(new Tool(function.path("name").asText(), function.path("parameters")));
            }
        }
        JsonNode calling = request.path("toolConfig").path("functionCallingConfig");
        String mode = calling.path("mode").asText(null);
        String forced = calling.path("allowedFunctionNames").size() == 1
                ? calling.path("allowedFunctionNames").get(0).asText() : null;
        JsonNode config = request.path("generationConfig");
        boolean json = "application/json".equals(config.path("responseMimeType").asText());
        JsonNode schema = config.path("responseSchema").isObject() ? config.path("responseSchema")
                : config.path("responseJsonSchema").isObject() ? config.path("responseJsonSchema") : null;
        return new SimRequest(messages, tools, "ANY".equals(mode) ? "required" : mode == null ? null
                : mode.toLowerCase(java.util.Locale.ROOT), forced, json, schema, strings(config.path("stopSequences")));
    }

    private static SimRequest ollama(JsonNode request) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            List<String> calls = new ArrayList<>();
            for (JsonNode call : message.path("tool_calls")) {
                calls.add(call.path("function").path("name").asText());
            }
            messages.add(new Message(message.path("role").asText(), message.path("content").asText(""),
                    message.path("images").size(), calls, message.path("tool_name").asText(null)));
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode tool : request.path("tools")) {
            tools.add(new Tool(tool.path("function").path("name").asText(), tool.path("function").path("parameters")));
        }
        JsonNode format = request.path("format");
        boolean json = format.isObject() || "json".equals(format.asText());
        return new SimRequest(messages, tools, null, null, json, format.isObject() ? format : null,
                strings(request.path("options").path("stop")));
    }

    /** Text of a string, or of an array of parts with {@code text}. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.isTextual()) {
                join(text, part.textValue());
            } else if (part.has("text")) {
                join(text, part.path("text").asText());
            }
        }
        return text.toString();
    }

    private static void join(StringBuilder text, String part) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(part);
    }

    private static List<String> strings(JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        List<String> strings = new ArrayList<>();
        value.forEach(item -> strings.add(item.asText()));
        return List.copyOf(strings);
    }
}
