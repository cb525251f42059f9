package dev.quorum.openai;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.quorum.api.Usd;
import dev.quorum.api.Verification;
import dev.quorum.api.Ranking;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.secrets.Secrets;
import dev.quorum.api.Agreement;
import dev.quorum.api.CascadeOutcome;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.ProviderResponse;
import dev.quorum.api.RouteDecision;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Quorum's result in OpenAI's shapes: a {@code chat.completion} object (plus a {@code quorum} object with
 * agreement, route, responses and cost), its server-sent-event form of {@code chat.completion.chunk}s ending with
 * {@code data: [DONE]}, or an OpenAI error body. Quorum's request fields in error messages are named by the OpenAI
 * parameter the caller actually sent.
 */
public final class OpenAiReplies {

    /** Roughly how many characters of the answer go into one streamed chunk (split at word boundaries). */
    static final int CHUNK_CHARS = 24;

    private static final Map<String, String> PARAMS = Map.ofEntries(Map.entry("prompt", "messages"),
            Map.entry("system", "messages"), Map.entry("maxTokens", "max_tokens"), Map.entry("provider", "model"),
            Map.entry("providers", "model"), Map.entry("mode", "model"), Map.entry("algorithm", "model"),
            Map.entry("tenant", "user"), Map.entry("topP", "top_p"), Map.entry("toolChoice", "tool_choice"), Map.entry("messages", "messages"),
            Map.entry("responseFormat", "response_format"), Map.entry("responseFormat.type", "response_format.type"),
            Map.entry("responseFormat.schema", "response_format.json_schema.schema"),
            Map.entry("responseFormat.name", "response_format.json_schema.name"));
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;

    public OpenAiReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The assistant's message: its text (null when it only calls tools) and its tool calls, if any. */
    public record Message(String role, String content,
                          @JsonProperty("tool_calls") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                          List<ToolCall> toolCalls) {
    }

    /** A tool call in OpenAI's shape; {@code index} only in a streamed delta. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCall(Integer index, String id, String type, Function function) {
    }

    public record Function(String name, String arguments) {
    }

    public record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                        @JsonProperty("completion_tokens") int completionTokens,
                        @JsonProperty("total_tokens") int totalTokens) {
    }

    /** What Quorum adds to OpenAI's shape: how the answer was reached and what it cost. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(String id, String mode, String provider, String model,
                          @JsonSerialize(using = Usd.Json.class) Double costUsd, Long latencyMs,
                          Double confidence, Agreement agreement, String algorithm, String reasoning,
                          List<String> recommendations, String judge, CascadeOutcome cascade, RouteDecision route,
                          List<String> warnings, List<ProviderResponse> responses,
                          // prompt template and response cache (docs/prompts.md, docs/cache.md)
                          dev.quorum.api.TemplateUse template, Boolean cached, dev.quorum.api.CacheUse cache,
                          Verification verification, Ranking ranking) {

        static Details of(CompletionResult result) {
            return new Details(result.id(), result.mode(), result.provider(), result.model(), result.costUsd(),
                    result.latencyMs(), result.confidence(), result.agreement(), result.algorithm(), result.reasoning(),
                    result.recommendations(), result.judge(), result.cascade(), result.route(), result.warnings(),
                    result.responses(), result.template(), result.cached(), result.cache(),
                    result.verification(), result.ranking());
        }
    }

    public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                                 Usage usage, Details quorum) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(String role, String content,
                        @JsonProperty("tool_calls") List<ToolCall> toolCalls) {
        Delta(String role, String content) {
            this(role, content, null);
        }
    }

    public record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices, Usage usage,
                        Details quorum) {
    }

    public record Error(@Secrets.Redacted String message, String type, String param, String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(Error error, Details quorum) {
    }

    public ChatCompletion completion(CompletionResult result, String model, long created) {
        List<Choice> choices;
        if (result.choices() == null) {
            choices = List.of(new Choice(0, new Message("assistant", result.answer(), toolCalls(result, false)),
                    finishReason(result)));
        } else {
            // n > 1: one choice per provider call, in index order; usage and the quorum cost are the sum of all n
            choices = new ArrayList<>(result.choices().size());
            for (dev.quorum.api.Choice choice : result.choices()) {
                CompletionResult one = CompletionResult.builder().answer(choice.answer()).toolCalls(choice.toolCalls())
                        .finishReason(choice.finishReason()).build();
                choices.add(new Choice(choice.index(), new Message("assistant", one.answer(), toolCalls(one, false)),
                        finishReason(one)));
            }
        }
        return new ChatCompletion(completionId(result), "chat.completion", created, model, choices,
                usage(result), Details.of(result));
    }

    /**
     * The whole event stream of a decided answer: a role chunk, the answer in word-aligned pieces, a chunk with the
     * finish reason and the {@code quorum} details, a usage chunk when asked for, then {@code [DONE]}.
     */
    public byte[] eventStream(CompletionResult result, String model, long created, boolean includeUsage)
            throws JsonProcessingException {
        String id = completionId(result);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (result.answer() == null ? 0 : result.answer().length() * 4));
        out.writeBytes(roleEvent(id, model, created));
        for (String piece : pieces(result.answer())) {
            out.writeBytes(contentEvent(id, model, created, piece));
        }
        out.writeBytes(tailEvents(result, model, created, includeUsage));
        return out.toByteArray();
    }

    /** The first chunk of a stream: the assistant role and empty content. */
    byte[] roleEvent(String id, String model, long created) throws JsonProcessingException {
        return event(new Chunk(id, "chat.completion.chunk", created, model,
                List.of(new ChunkChoice(0, new Delta("assistant", ""), null)), null, null));
    }

    /** One piece of the answer as a chunk. */
    byte[] contentEvent(String id, String model, long created, String piece) throws JsonProcessingException {
        return event(new Chunk(id, "chat.completion.chunk", created, model,
                List.of(new ChunkChoice(0, new Delta(null, piece), null)), null, null));
    }

    /** The end of a stream: the finish reason with the {@code quorum} details, usage when asked, {@code [DONE]}. */
    byte[] tailEvents(CompletionResult result, String model, long created, boolean includeUsage)
            throws JsonProcessingException {
        String id = completionId(result);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        List<ToolCall> calls = toolCalls(result, true);
        if (!calls.isEmpty()) {
            // each call whole in one delta, as OpenAI sends a short call: index, id, name and arguments
            out.writeBytes(event(new Chunk(id, "chat.completion.chunk", created, model,
                    List.of(new ChunkChoice(0, new Delta(null, null, calls), null)), null, null)));
        }
        out.writeBytes(event(new Chunk(id, "chat.completion.chunk", created, model,
                List.of(new ChunkChoice(0, new Delta(null, null), finishReason(result))), null,
                Details.of(result))));
        if (includeUsage) {
            out.writeBytes(event(new Chunk(id, "chat.completion.chunk", created, model, List.of(), usage(result),
                    null)));
        }
        out.writeBytes(DONE);
        return out.toByteArray();
    }

    /**
     * The end of a stream that failed after it had started: an {@code error} event holding an OpenAI error object,
     * then {@code [DONE]}, so the end is never silent. The OpenAI SDKs raise a {@code data} with an {@code error} as
     * an API error, and LangChain4j's streaming client raises an event named {@code error}: this event is both.
     */
    byte[] errorEvents(CompletionResult result) throws JsonProcessingException {
        return errorEvents(error(result));
    }

    /** Like {@link #errorEvents(CompletionResult)} for a failure Quorum has no result for. */
    byte[] errorEvents(int status, String code, String message) throws JsonProcessingException {
        return errorEvents(error(status, code, message));
    }

    private byte[] errorEvents(ErrorBody error) throws JsonProcessingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.writeBytes(ERROR_EVENT);
        out.writeBytes(event(error));
        out.writeBytes(DONE);
        return out.toByteArray();
    }

    public ErrorBody error(CompletionResult result) {
        ErrorInfo error = result.error();
        String field = error.field();
        String param = field == null ? null : PARAMS.getOrDefault(field, openAiPath(field));
        return new ErrorBody(new Error(error.message(), errorType(result.status()), param, error.type()),
                result.responses() == null ? null : Details.of(result));
    }

    /** A chat field's path in OpenAI's words: messages[1].toolCallId is messages[1].tool_call_id. */
    static String openAiPath(String field) {
        if (field.indexOf('[') < 0) {
            return field;
        }
        return field.replace(".toolCallId", ".tool_call_id").replace(".toolCalls", ".tool_calls")
                .replaceAll("^(tools\\[\\d+])\\.(name|parameters|description)$", "$1.function.$2")
                .replaceAll("^(messages\\[\\d+]\\.content\\[\\d+])\\.(url|detail)$", "$1.image_url.$2");
    }

    /** An error that happened before Quorum had a result (e.g. a missing API key). */
    public static ErrorBody error(int status, String code, String message) {
        return new ErrorBody(new Error(message, errorType(status), null, code), null);
    }

    private byte[] event(Object payload) throws JsonProcessingException {
        byte[] json = mapper.writeValueAsBytes(payload);
        byte[] event = new byte[DATA.length + json.length + END.length];
        System.arraycopy(DATA, 0, event, 0, DATA.length);
        System.arraycopy(json, 0, event, DATA.length, json.length);
        System.arraycopy(END, 0, event, DATA.length + json.length, END.length);
        return event;
    }

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_EVENT = "event: error\n".getBytes(StandardCharsets.US_ASCII);

    /** The answer cut after whitespace once a piece holds {@link #CHUNK_CHARS} characters; joined, they are the answer. */
    static List<String> pieces(String answer) {
        List<String> pieces = new ArrayList<>();
        if (answer == null || answer.isEmpty()) {
            return pieces;
        }
        int start = 0;
        for (int i = 0; i < answer.length(); i++) {
            if (i - start >= CHUNK_CHARS && Character.isWhitespace(answer.charAt(i))) {
                pieces.add(answer.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < answer.length()) {
            pieces.add(answer.substring(start));
        }
        return pieces;
    }

    static String completionId(CompletionResult result) {
        return completionId(result.id());
    }

    static String completionId(String requestId) {
        return "chatcmpl-" + requestId;
    }

    /** Tokens of every provider asked (a panel or a fallback chain bills them all), else the result's own. */
    static Usage usage(CompletionResult result) {
        int in = 0;
        int out = 0;
        if (result.responses() != null && !result.responses().isEmpty()) {
            for (ProviderResponse response : result.responses()) {
                in += response.inputTokens() == null ? 0 : response.inputTokens();
                out += response.outputTokens() == null ? 0 : response.outputTokens();
            }
        } else {
            in = result.inputTokens() == null ? 0 : result.inputTokens();
            out = result.outputTokens() == null ? 0 : result.outputTokens();
        }
        return new Usage(in, out, in + out);
    }

    /** The result's tool calls in OpenAI's shape ({@code indexed} for a stream's deltas); empty when none. */
    static List<ToolCall> toolCalls(CompletionResult result, boolean indexed) {
        if (result.toolCalls() == null || result.toolCalls().isEmpty()) {
            return List.of();
        }
        List<ToolCall> calls = new ArrayList<>(result.toolCalls().size());
        for (int i = 0; i < result.toolCalls().size(); i++) {
            dev.quorum.api.Chat.ToolCall call = result.toolCalls().get(i);
            calls.add(new ToolCall(indexed ? i : null, call.id(), "function",
                    new Function(call.name(), call.arguments())));
        }
        return calls;
    }

    /** {@code tool_calls} whenever the answer holds tool calls, else the provider's reason in OpenAI's words. */
    static String finishReason(CompletionResult result) {
        if (result.toolCalls() != null && !result.toolCalls().isEmpty()) {
            return "tool_calls";
        }
        return finishReason(result.finishReason());
    }

    static String finishReason(String quorumReason) {
        if (quorumReason == null) {
            return "stop";
        }
        return switch (quorumReason) {
            case "length" -> "length";
            case "content_filter" -> "content_filter";
            case "tool_execution" -> "tool_calls";
            default -> "stop";
        };
    }

    static String errorType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
