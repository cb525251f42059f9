package dev.quorum.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.camel.RequestConstants;
import org.apache.camel.Exchange;

/**
 * Writes a reply body as JSON with the one shared ObjectMapper and states the status a trigger should report in
 * the {@link #STATUS} header: the result's own for a {@link CompletionResult} (with its id as {@link #REQUEST_ID}),
 * for anything else the {@code replyStatus} variable's, else 200.
 */
public final class ResultJson {

    /** Header: the HTTP-style status of the reply (also the error class for file and Kafka triggers). */
    public static final String STATUS = "QuorumStatus";

    /** Header: the result's id, for HTTP callers to correlate logs. */
    public static final String REQUEST_ID = "X-Request-Id";

    private final ObjectMapper mapper;

    public ResultJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(Exchange exchange) throws JsonProcessingException {
        Object body = exchange.getMessage().getBody();
        int status = 200;
        if (body instanceof CompletionResult result) {
            status = result.status();
            exchange.getMessage().setHeader(REQUEST_ID, result.id());
        } else if (exchange.getVariable(RequestConstants.VAR_REPLY_STATUS) instanceof Integer asked) {
            status = asked; // e.g. 201 for a template version made by POST /api/v1/prompts
        }
        exchange.getMessage().setBody(mapper.writeValueAsBytes(body));
        exchange.getMessage().setHeader(STATUS, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
