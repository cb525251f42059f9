package dev.quorum.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The step of the {@code llm-consensus-action} Kamelet that builds the consensus request: the message body is the
 * prompt, or a whole request JSON (an object with a {@code prompt}); the Kamelet's properties (panel, algorithm,
 * minAgreement, timeout, handed over as variables) fill the request fields the body does not set, and the mode is
 * always {@code consensus}. {@code direct:intake} validates the result like any trigger's request.
 */
public final class ConsensusAction {

    /** Variable: the Kamelet's {@code panel} property, a comma list of provider ids. */
    public static final String PANEL = "consensusPanel";
    /** Variable: the Kamelet's {@code algorithm} property. */
    public static final String ALGORITHM = "consensusAlgorithm";
    /** Variable: the Kamelet's {@code minAgreement} property. */
    public static final String MIN_AGREEMENT = "consensusMinAgreement";
    /** Variable: the Kamelet's {@code timeout} property, milliseconds for the whole panel. */
    public static final String TIMEOUT = "consensusTimeout";
    /**
     * Variable: the Kamelet's {@code timeoutMs} property, the same as {@code timeout} under a name a {@code kamelet:}
     * URI passes through (the kamelet endpoint takes a URI parameter named {@code timeout} as its own option).
     */
    public static final String TIMEOUT_MS = "consensusTimeoutMs";

    private final ObjectMapper mapper;

    public ConsensusAction(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void request(Exchange exchange) {
        ObjectNode request = fromBody(exchange.getMessage().getBody());
        request.put("mode", "consensus");
        String panel = variable(exchange, PANEL);
        if (panel != null && !request.has("providers")) {
            ArrayNode providers = request.putArray("providers");
            for (String id : panel.split(",")) {
                if (!id.isBlank()) {
                    providers.add(id.trim());
                }
            }
        }
        String algorithm = variable(exchange, ALGORITHM);
        if (algorithm != null && !request.has("algorithm")) {
            request.put("algorithm", algorithm);
        }
        String minAgreement = variable(exchange, MIN_AGREEMENT);
        if (minAgreement != null && !request.has("minAgreement")) {
            request.put("minAgreement", number(minAgreement, "minAgreement"));
        }
        String timeoutMs = variable(exchange, TIMEOUT_MS);
        String timeout = timeoutMs != null ? timeoutMs : variable(exchange, TIMEOUT);
        if (timeout != null && !request.has("timeoutMs")) {
            request.put("timeoutMs", (long) number(timeout, timeoutMs != null ? "timeoutMs" : "timeout"));
        }
        exchange.getMessage().setBody(request);
    }

    private ObjectNode fromBody(Object body) {
        if (body instanceof ObjectNode object) {
            return object.deepCopy();
        }
        if (body instanceof Map<?, ?> map) {
            return mapper.valueToTree(map);
        }
        String text = body instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : body == null ? "" : body.toString();
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode tree = mapper.readTree(trimmed);
                if (tree instanceof ObjectNode object && object.has("prompt")) {
                    return object;
                }
            } catch (IOException e) {
                // not JSON: the text is the prompt
            }
        }
        ObjectNode request = mapper.createObjectNode();
        request.put("prompt", text);
        return request;
    }

    private static String variable(Exchange exchange, String name) {
        String value = exchange.getVariable(name, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static double number(String value, String property) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new dev.quorum.api.InvalidRequestException(property, "the Kamelet property '" + property
                    + "' must be a number, not '" + value + "'");
        }
    }
}
