package dev.quorum.api;

import java.util.List;

/**
 * The chat part of a request, set when the caller sent more than a prompt: the ordered conversation (system, user,
 * assistant and tool messages, with text and image parts and the assistant's earlier tool calls), the tools the model
 * may call and how, the output format (text, any JSON object, or JSON matching a schema) and the sampling options
 * Quorum passes through. A request of a plain {@code prompt} has none ({@link CompletionRequest#chat()} is
 * {@code null}), so the common case carries nothing extra. Built and checked by {@link ChatParser}; the provider
 * step turns it into LangChain4j's own {@code ChatRequest}.
 */
public record Chat(
        List<Message> messages,
        Double topP,
        List<String> stop,
        Long seed,
        ResponseFormat responseFormat,
        List<Tool> tools,
        String toolChoice,
        String toolChoiceName,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Integer n) {

    /** A chat asking for one choice ({@code n} unset). */
    public Chat(List<Message> messages, Double topP, List<String> stop, Long seed, ResponseFormat responseFormat,
                List<Tool> tools, String toolChoice, String toolChoiceName) {
        this(messages, topP, stop, seed, responseFormat, tools, toolChoice, toolChoiceName, null);
    }

    /** How many choices the caller asked for: {@code n}, 1 when unset. */
    public int choices() {
        return n == null ? 1 : n;
    }

    /** A tool choice: the model decides, must not call, or must call some tool (or {@code toolChoiceName}). */
    public static final List<String> TOOL_CHOICES = List.of("auto", "none", "required");

    /** How many characters an image counts as in estimates before the provider reports its tokens (~800 tokens). */
    public static final int IMAGE_ESTIMATE_CHARS = 3_200;

    /** One message of the conversation: {@code role} is system, user, assistant or tool. */
    public record Message(String role, List<Part> parts, List<ToolCall> toolCalls, String toolCallId) {

        /** The text parts joined, or {@code ""}. */
        public String text() {
            if (parts.size() == 1 && parts.get(0).text() != null) {
                return parts.get(0).text();
            }
            StringBuilder text = new StringBuilder();
            for (Part part : parts) {
                if (part.text() != null) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(part.text());
                }
            }
            return text.toString();
        }
    }

    /** A text part ({@code text} set) or an image part ({@code imageUrl}: a data: or http(s) URL). */
    public record Part(String text, String imageUrl, String detail) {

        public static Part text(String text) {
            return new Part(text, null, null);
        }

        public boolean image() {
            return imageUrl != null;
        }
    }

    /** A call of a tool by the model: its id, the function's name and its arguments as a JSON object text. */
    public record ToolCall(String id, String name, String arguments) {
    }

    /** A tool the model may call: a function name, what it does, and a JSON schema object for its parameters. */
    public record Tool(String name, String description, java.util.Map<String, Object> parameters) {
    }

    /**
     * The output format: {@code text}, {@code json_object} (any JSON object) or {@code json_schema} (JSON valid against
     * {@code schema}, named {@code name}).
     */
    public record ResponseFormat(String type, String name, java.util.Map<String, Object> schema, Boolean strict) {

        public boolean json() {
            return !"text".equals(type);
        }
    }

    /** Whether the answer must be JSON. */
    public boolean jsonMode() {
        return responseFormat != null && responseFormat.json();
    }

    /** Whether any message carries an image. */
    public boolean hasImages() {
        for (Message message : messages) {
            for (Part part : message.parts()) {
                if (part.image()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any image is given by an http(s) URL (not inline as a data: URL). */
    public boolean hasImageUrls() {
        for (Message message : messages) {
            for (Part part : message.parts()) {
                if (part.image() && !part.imageUrl().startsWith("data:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Characters the conversation adds to a request's {@code prompt} and {@code system} (earlier turns, tool calls
     * and results, tool definitions, images at {@link #IMAGE_ESTIMATE_CHARS} each), for estimates made before the call.
     */
    public int extraChars(String prompt, String system) {
        long chars = 0;
        for (Message message : messages) {
            for (Part part : message.parts()) {
                chars += part.image() ? IMAGE_ESTIMATE_CHARS : part.text().length();
            }
            for (ToolCall call : message.toolCalls()) {
                chars += call.name().length() + call.arguments().length();
            }
        }
        for (Tool tool : tools) {
            chars += tool.name().length() + (tool.description() == null ? 0 : tool.description().length())
                    + (tool.parameters() == null ? 0 : tool.parameters().toString().length());
        }
        chars -= prompt.length() + (system == null ? 0 : system.length());
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, chars));
    }
}
