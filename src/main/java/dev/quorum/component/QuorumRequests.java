package dev.quorum.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.RequestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * Turns what a {@code quorum:} step receives into the request JSON the engine's intake validates: the message body is
 * the prompt (text or bytes), or a request (a JSON object with a {@code prompt}, a {@code Map}, a {@code JsonNode} or
 * a {@link CompletionRequest}); a field the body does not set is taken from its {@code Quorum*} header, else from the
 * endpoint's option. The mode is the endpoint's operation. Values are only placed here, never checked: the intake
 * reads the result as strictly as an HTTP request, so a bad header value is a 400 naming its field.
 */
final class QuorumRequests {

    /** One request field a header and an option can set. */
    private record Field(String name, String header, Kind kind, Function<QuorumEndpoint, Object> option) {
    }

    /** How a header's value becomes JSON: numbers given as text are read as numbers, lists given as text are split. */
    private enum Kind { TEXT, NUMBER, LIST, OBJECT, FLAG_OR_TEXT }

    private static final List<Field> FIELDS = List.of(
            new Field("providers", QuorumConstants.PANEL, Kind.LIST, QuorumEndpoint::getPanel),
            new Field("algorithm", QuorumConstants.ALGORITHM, Kind.TEXT, QuorumEndpoint::getAlgorithm),
            new Field("minAgreement", QuorumConstants.MIN_AGREEMENT, Kind.NUMBER, QuorumEndpoint::getMinAgreement),
            new Field("quorum", QuorumConstants.QUORUM, Kind.NUMBER, QuorumEndpoint::getQuorum),
            new Field("timeoutMs", QuorumConstants.TIMEOUT_MS, Kind.NUMBER, QuorumEndpoint::getTimeoutMs),
            new Field("priority", QuorumConstants.PRIORITY, Kind.TEXT, QuorumEndpoint::getPriority),
            new Field("provider", QuorumConstants.PROVIDER, Kind.TEXT, QuorumEndpoint::getProvider),
            new Field("task", QuorumConstants.TASK, Kind.TEXT, QuorumEndpoint::getTask),
            new Field("maxCostUsd", QuorumConstants.MAX_COST_USD, Kind.NUMBER, QuorumEndpoint::getMaxCostUsd),
            new Field("maxLatencyMs", QuorumConstants.MAX_LATENCY_MS, Kind.NUMBER, QuorumEndpoint::getMaxLatencyMs),
            new Field("capabilities", QuorumConstants.CAPABILITIES, Kind.LIST, QuorumEndpoint::getCapabilities),
            new Field("maxTokens", QuorumConstants.MAX_TOKENS, Kind.NUMBER, QuorumEndpoint::getMaxTokens),
            new Field("temperature", QuorumConstants.TEMPERATURE, Kind.NUMBER, QuorumEndpoint::getTemperature),
            new Field("system", QuorumConstants.SYSTEM, Kind.TEXT, QuorumEndpoint::getSystem),
            new Field("tenant", QuorumConstants.TENANT, Kind.TEXT, QuorumEndpoint::getTenant),
            new Field("template", QuorumConstants.TEMPLATE, Kind.TEXT, QuorumEndpoint::getTemplate),
            new Field("templateVersion", QuorumConstants.TEMPLATE_VERSION, Kind.NUMBER,
                    QuorumEndpoint::getTemplateVersion),
            new Field("variables", QuorumConstants.VARIABLES, Kind.OBJECT, QuorumEndpoint::getVariables),
            new Field("cache", QuorumConstants.CACHE, Kind.FLAG_OR_TEXT, QuorumEndpoint::getCache));

    /** Body keys that make a Map body a request rather than a template's variables. */
    private static final List<String> REQUEST_KEYS = List.of("prompt", "messages", "template", "variables");

    private final ObjectMapper mapper;
    private final RequestParser parser;

    QuorumRequests(ObjectMapper mapper, RequestParser parser) {
        this.mapper = mapper;
        this.parser = parser;
    }

    /** The request JSON for this message at this endpoint; an unreadable request body is a 400 naming it. */
    ObjectNode request(Message message, QuorumEndpoint endpoint) {
        ObjectNode request = fromBody(message.getBody());
        if (message.getBody() instanceof Map<?, ?> map && !map.isEmpty() && REQUEST_KEYS.stream().noneMatch(map::containsKey)
                && (message.getHeader(QuorumConstants.TEMPLATE) != null || endpoint.getTemplate() != null)) {
            // with a template, a Map that is no request holds the template's variables
            ObjectNode variables = request;
            request = mapper.createObjectNode();
            request.set("variables", variables);
        }
        String mode = endpoint.getOperation().mode().wireName();
        JsonNode asked = request.get("mode");
        if (asked != null && !asked.isNull() && !mode.equals(asked.asText())) {
            throw new InvalidRequestException("mode", "quorum:" + endpoint.getOperation() + " answers in mode '" + mode
                    + "'; the request asks for '" + asked.asText() + "' (use quorum:" + operationFor(asked.asText())
                    + ", or leave mode out)");
        }
        request.put("mode", mode);
        for (Field field : FIELDS) {
            JsonNode present = request.get(field.name());
            if (present != null && !present.isNull()) {
                continue;
            }
            Object header = message.getHeader(field.header());
            if (header != null) {
                request.set(field.name(), json(header, field.kind()));
                continue;
            }
            Object option = field.option().apply(endpoint);
            if (option != null) {
                request.set(field.name(), json(option instanceof Enum<?> constant ? constant.name() : option, field.kind()));
            }
        }
        return request;
    }

    private static String operationFor(String mode) {
        return "single".equals(mode) ? "complete" : mode;
    }

    private ObjectNode fromBody(Object body) {
        if (body instanceof ObjectNode object) {
            return object.deepCopy();
        }
        if (body instanceof CompletionRequest ready) {
            return fromRequest(ready);
        }
        if (body instanceof Map<?, ?> map) {
            return mapper.valueToTree(map);
        }
        byte[] bytes = body instanceof byte[] raw ? raw : null;
        String text = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : body == null ? null : body.toString();
        if (text != null && looksLikeRequest(text)) {
            JsonNode strict = parser.tree(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), "the message body");
            if (strict instanceof ObjectNode object) {
                return object;
            }
        }
        ObjectNode request = mapper.createObjectNode();
        if (text != null) {
            request.put("prompt", text);
        }
        return request;
    }

    /**
     * A JSON object with a prompt or a prompt template is a request; any other text (JSON or not) is the prompt itself.
     */
    private boolean looksLikeRequest(String text) {
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == text.length() || text.charAt(first) != '{') {
            return false;
        }
        try {
            JsonNode tree = mapper.readTree(text);
            return tree instanceof ObjectNode object && (object.has("prompt") || object.has("template"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A ready request as the JSON it would have been written as (unset fields left out). */
    private ObjectNode fromRequest(CompletionRequest request) {
        ObjectNode tree = mapper.valueToTree(request);
        tree.put("mode", request.mode() == null ? null : request.mode().wireName());
        List<String> unset = new java.util.ArrayList<>();
        tree.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNull()) {
                unset.add(entry.getKey());
            }
        });
        tree.remove(unset);
        return tree;
    }

    private JsonNode json(Object value, Kind kind) {
        if (kind == Kind.LIST) {
            if (value instanceof Collection<?> entries) {
                return mapper.valueToTree(entries);
            }
            if (value instanceof String commaList) {
                ArrayNode array = mapper.createArrayNode();
                QuorumEndpoint.list(commaList).forEach(array::add);
                return array;
            }
        }
        if (kind == Kind.FLAG_OR_TEXT && value instanceof String text
                && ("true".equals(text.trim()) || "false".equals(text.trim()))) {
            return mapper.getNodeFactory().booleanNode(Boolean.parseBoolean(text.trim()));
        }
        if (kind == Kind.OBJECT && value instanceof String text) {
            try {
                JsonNode object = mapper.readTree(text);
                if (object instanceof ObjectNode) {
                    return object;
                }
            } catch (IOException e) {
                // not a JSON object: the intake refuses the text, naming the field
            }
            return mapper.getNodeFactory().textNode(text);
        }
        if (kind == Kind.NUMBER && value instanceof String text) {
            try {
                JsonNode number = mapper.readTree(text.trim());
                if (number != null && number.isNumber()) {
                    return number;
                }
            } catch (IOException e) {
                // not a number: the intake refuses the text, naming the field
            }
            return mapper.getNodeFactory().textNode(text);
        }
        return mapper.valueToTree(value);
    }
}
