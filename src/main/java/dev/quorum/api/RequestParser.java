package dev.quorum.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns request JSON from any trigger into a {@link CompletionRequest}, rejecting bad input with an
 * {@link InvalidRequestException} that names the field and says what was expected. Unknown fields are rejected too:
 * a misspelt option silently ignored is worse than a clear 400.
 */
public final class RequestParser {

    private static final Set<String> FIELDS = Set.of("id", "prompt", "system", "mode", "provider", "providers",
            "maxTokens", "temperature", "tenant", "task", "metadata", "priority", "maxCostUsd", "maxLatencyMs",
            "capabilities", "algorithm", "minAgreement", "quorum", "timeoutMs");
    /** The longest a request may ask a panel to wait: ten minutes. */
    public static final long MAX_TIMEOUT_MS = 600_000;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ObjectMapper mapper;
    private final int maxPromptChars;
    private final Predicate<String> knownProvider;
    private final Set<Mode> supportedModes;

    public RequestParser(ObjectMapper mapper, int maxPromptChars, Predicate<String> knownProvider,
                         Set<Mode> supportedModes) {
        this.mapper = mapper;
        this.maxPromptChars = maxPromptChars;
        this.knownProvider = knownProvider;
        this.supportedModes = Set.copyOf(supportedModes);
    }

    /** Parses raw JSON bytes, as they arrive from HTTP, a file or a Kafka record. */
    public CompletionRequest parse(byte[] json) {
        return parse(tree(json));
    }

    /** Reads raw JSON bytes into a tree, rejecting an empty or malformed body; {@link #parse(JsonNode)} validates it. */
    public JsonNode tree(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidRequestException(null, "the request body is empty; expected a JSON object such as {\"prompt\":\"...\"}");
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(null, "the request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidRequestException(null, "the request body could not be read: " + e.getMessage());
        }
    }

    /** Validates an already parsed JSON tree. */
    public CompletionRequest parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(null, "the request must be a JSON object such as {\"prompt\":\"...\"}, not "
                    + describe(root));
        }
        ObjectNode node = (ObjectNode) root;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidRequestException(name, "unknown field '" + name + "'; accepted fields are "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }

        String prompt = text(node, "prompt");
        if (prompt == null) {
            throw new InvalidRequestException("prompt", "'prompt' is required: the text to send to the model");
        }
        if (prompt.isBlank()) {
            throw new InvalidRequestException("prompt", "'prompt' must not be blank");
        }
        if (prompt.length() > maxPromptChars) {
            throw new InvalidRequestException("prompt", "'prompt' has " + prompt.length()
                    + " characters; the limit is " + maxPromptChars + " (quorum.request.max-prompt-chars)");
        }

        String id = text(node, "id");
        if (id == null) {
            id = UUID.randomUUID().toString();
        } else if (!SAFE_ID.matcher(id).matches()) {
            throw new InvalidRequestException("id", "'id' must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-'"
                    + " and start with a letter or digit");
        }

        Mode mode = mode(node);
        String provider = text(node, "provider");
        if (provider != null) {
            requireKnownProvider("provider", provider);
        }
        List<String> providers = providers(node);

        Integer maxTokens = null;
        JsonNode maxTokensNode = node.get("maxTokens");
        if (maxTokensNode != null && !maxTokensNode.isNull()) {
            if (!maxTokensNode.isIntegralNumber() || !maxTokensNode.canConvertToInt()
                    || maxTokensNode.intValue() < 1) {
                throw new InvalidRequestException("maxTokens", "'maxTokens' must be a positive whole number, not "
                        + describe(maxTokensNode));
            }
            maxTokens = maxTokensNode.intValue();
        }

        Double temperature = null;
        JsonNode temperatureNode = node.get("temperature");
        if (temperatureNode != null && !temperatureNode.isNull()) {
            if (!temperatureNode.isNumber() || temperatureNode.doubleValue() < 0 || temperatureNode.doubleValue() > 2) {
                throw new InvalidRequestException("temperature", "'temperature' must be a number from 0 to 2, not "
                        + describe(temperatureNode));
            }
            temperature = temperatureNode.doubleValue();
        }

        String tenant = text(node, "tenant");
        String task = oneOf(node, "task", CompletionRequest.TASKS);
        String priority = oneOf(node, "priority", CompletionRequest.PRIORITIES);

        Double maxCostUsd = null;
        JsonNode maxCostNode = node.get("maxCostUsd");
        if (maxCostNode != null && !maxCostNode.isNull()) {
            if (!maxCostNode.isNumber() || !(maxCostNode.doubleValue() > 0)) {
                throw new InvalidRequestException("maxCostUsd", "'maxCostUsd' must be a positive number of US dollars, not "
                        + describe(maxCostNode));
            }
            maxCostUsd = maxCostNode.doubleValue();
        }

        Long maxLatencyMs = null;
        JsonNode maxLatencyNode = node.get("maxLatencyMs");
        if (maxLatencyNode != null && !maxLatencyNode.isNull()) {
            if (!maxLatencyNode.isIntegralNumber() || !maxLatencyNode.canConvertToLong() || maxLatencyNode.longValue() < 1) {
                throw new InvalidRequestException("maxLatencyMs", "'maxLatencyMs' must be a positive whole number of milliseconds, not "
                        + describe(maxLatencyNode));
            }
            maxLatencyMs = maxLatencyNode.longValue();
        }

        List<String> capabilities = null;
        JsonNode capabilitiesNode = node.get("capabilities");
        if (capabilitiesNode != null && !capabilitiesNode.isNull()) {
            if (!capabilitiesNode.isArray()) {
                throw new InvalidRequestException("capabilities", "'capabilities' must be an array of capability names such as [\"code\"], not "
                        + describe(capabilitiesNode));
            }
            List<String> names = new ArrayList<>(capabilitiesNode.size());
            for (JsonNode element : capabilitiesNode) {
                if (!element.isTextual() || element.textValue().isBlank()) {
                    throw new InvalidRequestException("capabilities", "'capabilities' must hold capability names as strings, not "
                            + describe(element));
                }
                names.add(element.textValue().trim());
            }
            capabilities = List.copyOf(names);
        }
        Map<String, Object> metadata = null;
        JsonNode metadataNode = node.get("metadata");
        if (metadataNode != null && !metadataNode.isNull()) {
            if (!metadataNode.isObject()) {
                throw new InvalidRequestException("metadata", "'metadata' must be a JSON object, not " + describe(metadataNode));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> converted = mapper.convertValue(metadataNode, Map.class);
            metadata = Collections.unmodifiableMap(converted);
        }

        String algorithm = oneOf(node, "algorithm", CompletionRequest.ALGORITHMS);

        Double minAgreement = null;
        JsonNode minAgreementNode = node.get("minAgreement");
        if (minAgreementNode != null && !minAgreementNode.isNull()) {
            if (!minAgreementNode.isNumber() || !(minAgreementNode.doubleValue() > 0) || minAgreementNode.doubleValue() > 1) {
                throw new InvalidRequestException("minAgreement", "'minAgreement' must be a number above 0 and at most 1 "
                        + "(the share of the panel that must agree), not " + describe(minAgreementNode));
            }
            minAgreement = minAgreementNode.doubleValue();
        }

        Integer quorum = null;
        JsonNode quorumNode = node.get("quorum");
        if (quorumNode != null && !quorumNode.isNull()) {
            if (!quorumNode.isIntegralNumber() || !quorumNode.canConvertToInt() || quorumNode.intValue() < 1) {
                throw new InvalidRequestException("quorum", "'quorum' must be a positive whole number of successful "
                        + "answers, not " + describe(quorumNode));
            }
            if (providers != null && quorumNode.intValue() > providers.size()) {
                throw new InvalidRequestException("quorum", "'quorum' is " + quorumNode.intValue() + " but 'providers' "
                        + "names only " + providers.size() + " providers");
            }
            quorum = quorumNode.intValue();
        }

        Long timeoutMs = null;
        JsonNode timeoutNode = node.get("timeoutMs");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.isIntegralNumber() || !timeoutNode.canConvertToLong() || timeoutNode.longValue() < 1
                    || timeoutNode.longValue() > MAX_TIMEOUT_MS) {
                throw new InvalidRequestException("timeoutMs", "'timeoutMs' must be a whole number of milliseconds from 1 to "
                        + MAX_TIMEOUT_MS + ", not " + describe(timeoutNode));
            }
            timeoutMs = timeoutNode.longValue();
        }

        return new CompletionRequest(id, prompt, text(node, "system"), mode, provider, providers, maxTokens,
                temperature, tenant, task, metadata, priority, maxCostUsd, maxLatencyMs, capabilities, algorithm,
                minAgreement, quorum, timeoutMs);
    }

    private Mode mode(ObjectNode node) {
        String value = text(node, "mode");
        if (value == null) {
            return Mode.SINGLE;
        }
        for (Mode mode : supportedModes) {
            if (mode.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new InvalidRequestException("mode", "'mode' must be one of "
                + String.join(", ", supportedModes.stream().map(Mode::wireName).sorted().toList())
                + ", not '" + value + "'");
    }

    private List<String> providers(ObjectNode node) {
        JsonNode value = node.get("providers");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw new InvalidRequestException("providers", "'providers' must be a non-empty array of provider ids, not "
                    + describe(value));
        }
        List<String> ids = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new InvalidRequestException("providers", "'providers' must hold provider ids as strings, not "
                        + describe(element));
            }
            requireKnownProvider("providers", element.textValue());
            ids.add(element.textValue());
        }
        return List.copyOf(ids);
    }

    private void requireKnownProvider(String field, String id) {
        if (!knownProvider.test(id)) {
            throw new InvalidRequestException(field, "unknown provider '" + id
                    + "'; GET /api/v1/providers lists the configured ones");
        }
    }

    private static String oneOf(ObjectNode node, String field, List<String> allowed) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new InvalidRequestException(field, "'" + field + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + value + "'");
        }
        return wanted;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(field, "'" + field + "' must be a string, not " + describe(value));
        }
        return value.textValue();
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean (" + value.asText() + ")";
            case NUMBER -> "the number " + value.asText();
            case STRING -> "the string \"" + abbreviate(value.textValue()) + "\"";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
