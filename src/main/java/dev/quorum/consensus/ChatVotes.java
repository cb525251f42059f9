package dev.quorum.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.Chat;
import dev.quorum.api.ProviderResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Votes over structured answers, which no text normalisation should judge: tool calls and JSON. A panel asked with
 * tools votes on each member's tool calls by function name and canonical arguments (keys sorted, compact; several
 * calls in name order), a text answer being a proposal of its own; a panel asked for JSON votes on the canonical JSON
 * of each answer, and an answer that is not a JSON object, or lacks a field the schema requires or gives it the wrong
 * type, does not vote (the result names it). Identical canonical forms agree, nothing else does: majority counts one
 * vote each, weighted counts each member's log-odds weight, fusion merges JSON answers field by field; any other
 * method falls back to majority here (a note says so), because an embedding or a judge cannot tell two argument
 * objects apart reliably.
 */
final class ChatVotes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOOL_PREFIX = "tool call: ";
    /** How a structured vote compared, in its reasoning (a judge is never asked to re-decide one). */
    static final String HOW = "comparing canonical JSON and tool calls exactly";

    private ChatVotes() {
    }

    /** Whether a panel asked with {@code chat} votes on structured answers. */
    static boolean structured(Chat chat) {
        return chat != null && (chat.jsonMode() || !chat.tools().isEmpty());
    }

    /**
     * What {@code response} votes with: its tool calls, its canonical JSON, or (tools offered, none called) its text;
     * {@code null} with a reason in {@code invalid} when the answer cannot vote.
     */
    static String ballot(ProviderResponse response, Chat chat, List<String> invalid) {
        if (response.toolCalls() != null && !response.toolCalls().isEmpty()) {
            List<String> calls = new ArrayList<>();
            for (Chat.ToolCall call : response.toolCalls()) {
                calls.add(call.name() + " " + canonical(call.arguments()));
            }
            calls.sort(null);
            return TOOL_PREFIX + String.join("; ", calls);
        }
        if (response.answer() == null) {
            return null;
        }
        if (!chat.jsonMode()) {
            return response.answer();
        }
        JsonNode value;
        try {
            value = JSON.readTree(strip(response.answer()));
        } catch (JsonProcessingException e) {
            value = null;
        }
        if (value == null || !value.isObject()) {
            invalid.add(response.provider() + "'s answer is not a JSON object; it did not vote.");
            return null;
        }
        Map<String, Object> schema = chat.responseFormat().schema();
        String problem = schema == null ? null : violation(value, schema);
        if (problem != null) {
            invalid.add(response.provider() + "'s answer does not match the schema (" + problem + "); it did not vote.");
            return null;
        }
        return sorted(value).toString();
    }

    /** Whether a ballot is a tool call (its response carries the calls). */
    static boolean toolCall(String ballot) {
        return ballot != null && ballot.startsWith(TOOL_PREFIX);
    }

    /**
     * Groups identical ballots and counts them with {@code method}'s weights (majority or weighted); fusion merges
     * canonical JSON answers field by field as it does any JSON.
     */
    static Vote decide(List<Ballot> ballots, VotingMethod method) {
        if (method != null && "fusion".equals(method.name()) && ballots.stream().noneMatch(b -> toolCall(b.answer()))) {
            return method.decide(ballots, null);
        }
        String[] keys = new String[ballots.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ballots.get(i).answer();
        }
        if (method instanceof WeightedVote weighted) {
            return Tally.count(ballots, keys, b -> weighted.weight(b.accuracy()),
                    HOW + ", weighted by log-odds of accuracy");
        }
        Vote vote = Tally.count(ballots, keys, b -> 1, HOW);
        return method == null || "majority".equals(method.name()) ? vote
                : vote.withNotes(List.of("Structured answers (JSON, tool calls) are counted by majority, not "
                + method.name() + "."));
    }

    /** Each distinct proposal with the providers that made it, in ballot order. */
    static Map<String, List<String>> proposals(List<Ballot> ballots) {
        Map<String, List<String>> proposals = new java.util.LinkedHashMap<>();
        for (Ballot ballot : ballots) {
            proposals.computeIfAbsent(ballot.answer(), key -> new ArrayList<>()).add(ballot.provider());
        }
        return proposals;
    }

    /** A JSON answer may come in a Markdown code fence. */
    private static String strip(String answer) {
        String text = answer.strip();
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                return text.substring(start + 1, end);
            }
        }
        return text;
    }

    private static String canonical(String arguments) {
        try {
            return sorted(JSON.readTree(arguments)).toString();
        } catch (JsonProcessingException e) {
            return arguments;
        }
    }

    /** The JSON with every object's keys sorted, so two answers differing only in key order compare equal. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** The first way {@code value} breaks {@code schema}'s required fields or property types, or {@code null}. */
    @SuppressWarnings("unchecked")
    private static String violation(JsonNode value, Map<String, Object> schema) {
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!value.has(String.valueOf(name))) {
                    return "missing '" + name + "'";
                }
            }
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            for (Map.Entry<?, ?> property : properties.entrySet()) {
                JsonNode field = value.get(String.valueOf(property.getKey()));
                if (field != null && property.getValue() instanceof Map<?, ?> type
                        && !matches(field, String.valueOf(((Map<String, Object>) type).get("type")))) {
                    return "'" + property.getKey() + "' is not of type " + ((Map<String, Object>) type).get("type");
                }
            }
        }
        return null;
    }

    private static boolean matches(JsonNode field, String type) {
        return switch (type) {
            case "string" -> field.isTextual();
            case "integer" -> field.isIntegralNumber();
            case "number" -> field.isNumber();
            case "boolean" -> field.isBoolean();
            case "array" -> field.isArray();
            case "object" -> field.isObject();
            case "null" -> field.isNull();
            default -> true;
        };
    }
}
