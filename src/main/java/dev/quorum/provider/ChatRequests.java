package dev.quorum.provider;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.quorum.api.Chat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request's {@link Chat} into what LangChain4j sends a provider: its messages as {@code SystemMessage},
 * {@code UserMessage} (with {@code ImageContent}), {@code AiMessage} (with {@code ToolExecutionRequest}s) and
 * {@code ToolExecutionResultMessage}, and its options as {@code ChatRequestParameters} ({@code ToolSpecification}s,
 * {@code ToolChoice}, a {@code ResponseFormat} with its {@code JsonSchema}, top-p, stop sequences, and for OpenAI
 * kinds the seed). Each provider's LangChain4j client then writes them in its own wire format.
 */
public final class ChatRequests {

    private ChatRequests() {
    }

    /** The conversation as LangChain4j messages. */
    public static List<ChatMessage> messages(Chat chat) {
        List<ChatMessage> messages = new ArrayList<>(chat.messages().size());
        Map<String, String> callNames = new HashMap<>();
        for (Chat.Message message : chat.messages()) {
            switch (message.role()) {
                case "system" -> messages.add(SystemMessage.from(message.text()));
                case "user" -> messages.add(user(message));
                case "assistant" -> {
                    List<ToolExecutionRequest> calls = new ArrayList<>(message.toolCalls().size());
                    for (Chat.ToolCall call : message.toolCalls()) {
                        callNames.put(call.id(), call.name());
                        calls.add(ToolExecutionRequest.builder().id(call.id()).name(call.name())
                                .arguments(call.arguments()).build());
                    }
                    String text = message.parts().isEmpty() ? null : message.text();
                    messages.add(calls.isEmpty() ? AiMessage.from(text) : AiMessage.from(text, calls));
                }
                case "tool" -> messages.add(ToolExecutionResultMessage.from(message.toolCallId(),
                        callNames.get(message.toolCallId()), message.text()));
                default -> throw new IllegalArgumentException("no message role '" + message.role() + "'");
            }
        }
        return messages;
    }

    private static UserMessage user(Chat.Message message) {
        if (message.parts().size() == 1 && !message.parts().get(0).image()) {
            return UserMessage.from(message.parts().get(0).text());
        }
        List<Content> contents = new ArrayList<>(message.parts().size());
        for (Chat.Part part : message.parts()) {
            contents.add(part.image() ? image(part) : TextContent.from(part.text()));
        }
        return UserMessage.from(contents);
    }

    private static ImageContent image(Chat.Part part) {
        ImageContent.DetailLevel detail = part.detail() == null ? ImageContent.DetailLevel.AUTO
                : ImageContent.DetailLevel.valueOf(part.detail().toUpperCase(java.util.Locale.ROOT));
        String url = part.imageUrl();
        if (url.startsWith("data:")) {
            int comma = url.indexOf(";base64,");
            return ImageContent.from(url.substring(comma + ";base64,".length()), url.substring("data:".length(), comma),
                    detail);
        }
        return ImageContent.from(url, detail);
    }

    /**
     * The chat's options as request parameters, or {@code null} when it sets none; {@code maxTokens} and
     * {@code temperature} are the call's own (already decided by the caller of this method).
     */
    public static ChatRequestParameters parameters(Chat chat, ProviderKind kind, Integer maxTokens, Double temperature) {
        boolean openAi = kind == ProviderKind.OPENAI || kind == ProviderKind.OPENAI_COMPATIBLE;
        DefaultChatRequestParameters.Builder<?> builder = openAi && chat.seed() != null
                ? OpenAiChatRequestParameters.builder().seed(chat.seed().intValue())
                : ChatRequestParameters.builder();
        builder.maxOutputTokens(maxTokens).temperature(temperature).topP(chat.topP());
        if (chat.stop() != null) {
            builder.stopSequences(chat.stop());
        }
        if (!chat.tools().isEmpty() && !"none".equals(chat.toolChoice())) {
            List<ToolSpecification> tools = new ArrayList<>(chat.tools().size());
            for (Chat.Tool tool : chat.tools()) {
                if (chat.toolChoiceName() != null && !chat.toolChoiceName().equals(tool.name())) {
                    // a named choice: only that tool is offered, and it must be called
                    continue;
                }
                tools.add(ToolSpecification.builder().name(tool.name()).description(tool.description())
                        .parameters(tool.parameters() == null ? JsonObjectSchema.builder().build()
                                : (JsonObjectSchema) element(objectType(tool.parameters())))
                        .build());
            }
            builder.toolSpecifications(tools);
            if (chat.toolChoice() != null) {
                builder.toolChoice("required".equals(chat.toolChoice()) ? ToolChoice.REQUIRED : ToolChoice.AUTO);
            }
        }
        Chat.ResponseFormat format = chat.responseFormat();
        if (format != null && format.json()) {
            ResponseFormat.Builder response = ResponseFormat.builder().type(ResponseFormatType.JSON);
            if (format.schema() != null) {
                response.jsonSchema(JsonSchema.builder().name(format.name()).rootElement(element(objectType(format.schema())))
                        .build());
            }
            builder.responseFormat(response.build());
        }
        return builder.build();
    }

    /** The schema of an object (the parser checked that its type, if any, is "object"). */
    private static Map<String, Object> objectType(Map<String, Object> schema) {
        if (schema.containsKey("type")) {
            return schema;
        }
        Map<String, Object> object = new LinkedHashMap<>(schema);
        object.put("type", "object");
        return object;
    }

    /** A JSON schema (as a map) as LangChain4j's schema elements. */
    @SuppressWarnings("unchecked")
    static JsonSchemaElement element(Map<String, Object> schema) {
        String description = schema.get("description") instanceof String text ? text : null;
        if (schema.get("$ref") instanceof String ref) {
            return JsonReferenceSchema.builder().reference(ref.substring(ref.lastIndexOf('/') + 1)).build();
        }
        if (schema.get("enum") instanceof List<?> values) {
            return JsonEnumSchema.builder().description(description)
                    .enumValues(values.stream().map(String::valueOf).toList()).build();
        }
        if (schema.get("anyOf") instanceof List<?> options) {
            List<JsonSchemaElement> elements = new ArrayList<>();
            for (Object option : options) {
                elements.add(element((Map<String, Object>) option));
            }
            return JsonAnyOfSchema.builder().description(description).anyOf(elements).build();
        }
        Object type = schema.get("type");
        if (type instanceof List<?> types && !types.isEmpty()) {
            type = types.get(0);
        }
        if (type == null && schema.get("properties") != null) {
            type = "object";
        }
        switch (type == null ? "string" : type.toString()) {
            case "object" -> {
                JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
                Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
                if (schema.get("properties") instanceof Map<?, ?> map) {
                    map.forEach((name, value) -> properties.put(String.valueOf(name),
                            element((Map<String, Object>) value)));
                }
                object.addProperties(properties);
                if (schema.get("required") instanceof List<?> required) {
                    object.required(required.stream().map(String::valueOf).toList());
                }
                if (schema.get("additionalProperties") instanceof Boolean additional) {
                    object.additionalProperties(additional);
                }
                Object definitions = schema.containsKey("$defs") ? schema.get("$defs") : schema.get("definitions");
                if (definitions instanceof Map<?, ?> map) {
                    Map<String, JsonSchemaElement> defs = new LinkedHashMap<>();
                    map.forEach((name, value) -> defs.put(String.valueOf(name), element((Map<String, Object>) value)));
                    object.definitions(defs);
                }
                return object.build();
            }
            case "array" -> {
                JsonArraySchema.Builder array = JsonArraySchema.builder().description(description);
                if (schema.get("items") instanceof Map<?, ?> items) {
                    array.items(element((Map<String, Object>) items));
                }
                return array.build();
            }
            case "integer" -> {
                return JsonIntegerSchema.builder().description(description).build();
            }
            case "number" -> {
                return JsonNumberSchema.builder().description(description).build();
            }
            case "boolean" -> {
                return JsonBooleanSchema.builder().description(description).build();
            }
            case "null" -> {
                return new JsonNullSchema();
            }
            default -> {
                return JsonStringSchema.builder().description(description).build();
            }
        }
    }
}
