package dev.quorum.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.camel.AuthConstants;
import dev.quorum.camel.PromptConstants;
import dev.quorum.camel.ProviderConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The first step of {@code direct:intake}: whatever the trigger delivered (JSON bytes or text, a parsed map, or a
 * ready request from a Java caller) becomes the exchange's validated {@link CompletionRequest}, and the request's
 * mode is exposed as the {@code mode} variable the route's content-based router branches on. A caller who presented
 * an API key ({@code keyTenant} variable) is billed to that key's tenant whatever the request says.
 */
public final class Intake {

    private final RequestParser parser;
    private final ObjectMapper mapper;

    public Intake(RequestParser parser, ObjectMapper mapper) {
        this.parser = parser;
        this.mapper = mapper;
    }

    public void accept(Exchange exchange) {
        exchange.setVariable(RequestConstants.VAR_STARTED, System.nanoTime());
        Object body = exchange.getMessage().getBody();
        String keyTenant = exchange.getVariable(AuthConstants.VAR_KEY_TENANT, String.class);
        RequestParser.Parsed parsed;
        if (body instanceof CompletionRequest ready) {
            parsed = new RequestParser.Parsed(ready, RequestOptions.NONE);
        } else if (body instanceof RequestParser.Parsed ready) {
            parsed = ready;
        } else if (body instanceof JsonNode tree) {
            parsed = parser.read(tree, keyTenant);
        } else if (body instanceof Map<?, ?> map) {
            parsed = parser.read(mapper.valueToTree(map), keyTenant);
        } else {
            parsed = parser.read(exchange.getMessage().getBody(byte[].class), keyTenant);
        }
        CompletionRequest request = parsed.request();
        exchange.setVariable(PromptConstants.VAR_REQUEST_OPTIONS, parsed.options());
        String endpointMode = exchange.getVariable(RequestConstants.VAR_ENDPOINT_MODE, String.class);
        if (endpointMode != null && request.mode() == Mode.SINGLE) {
            // an endpoint such as POST /api/v1/consensus answers in its own mode unless the request names another
            request = request.withMode(Mode.valueOf(endpointMode.toUpperCase(java.util.Locale.ROOT)));
        }
        int n = request.chat() == null ? 1 : request.chat().choices();
        if (n > 1) {
            choices(exchange, request, n);
        }
        exchange.setVariable(RequestConstants.VAR_REQUEST, request);
        exchange.setVariable("mode", request.mode().wireName());
        exchange.getMessage().setHeader(RequestConstants.REQUEST_ID, request.id());
    }

    /**
     * A request asking for {@code n} choices: single mode only (a panel answers with its one voted answer), not
     * streamed (a stream carries one choice); the variable {@code choices} holds the choice indexes 0..n-1, one
     * single-mode run each (routes/engine/routing.camel.yaml, complete-choices).
     */
    private static void choices(Exchange exchange, CompletionRequest request, int n) {
        if (request.mode() != Mode.SINGLE) {
            throw new InvalidRequestException("n", "'n' above 1 is for single mode: a " + request.mode().wireName()
                    + " panel answers with its one voted answer (leave n out or send 1), not " + n);
        }
        if (exchange.getVariable(ProviderConstants.VAR_TOKEN_SINK) != null) {
            throw new InvalidRequestException("n", "'n' above 1 cannot be streamed: a stream carries one choice "
                    + "(leave n out or send stream: false), not " + n);
        }
        List<Integer> indexes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indexes.add(i);
        }
        exchange.setVariable(RoutingConstants.VAR_CHOICES, List.copyOf(indexes));
    }

    /**
     * {@code curl -d '{"prompt":...}'} labels JSON as a URL-encoded form, which the HTTP server decodes into fields:
     * a single field named by the whole JSON text. This puts the text back as the body. The form decoding has
     * already turned '+' into a space, which is why the documentation asks for {@code Content-Type: application/json}.
     */
    public void unwrapForm(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> form) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<?, ?> field : form.entrySet()) {
                if (!text.isEmpty()) {
                    text.append('&');
                }
                text.append(field.getKey());
                String value = String.valueOf(field.getValue());
                if (!value.isEmpty()) {
                    text.append('=').append(value);
                }
            }
            exchange.getMessage().setBody(text.toString());
        }
    }
}
