package dev.quorum.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.QuorumException;
import dev.quorum.api.RequestParser;
import dev.quorum.camel.KafkaTriggerConstants;
import dev.quorum.camel.RequestConstants;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The Kafka trigger's questions: which request a record holds and under which id (the one its JSON names, else the
 * record key, else its topic, partition and offset, so a redelivered record keeps its id and the idempotent consumer
 * recognises it), whether a result rejects the request (dead-letter topic, with the reason in headers) or answers
 * it (result topic, keyed by request id), and, last, committing the record's offset once its reply is written.
 */
public final class KafkaRequests {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final RequestParser parser;
    private final ObjectMapper mapper;

    public KafkaRequests(RequestParser parser, ObjectMapper mapper) {
        this.parser = parser;
        this.mapper = mapper;
    }

    /**
     * First step for a record: keeps its value, key, origin and commit handle in variables, then replaces the body
     * with the validated request and sets its id header, or, for a record that is no valid request, marks the
     * exchange rejected with the reason.
     */
    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] value = message.getBody(byte[].class);
        Object key = message.getHeader(KafkaConstants.KEY);
        String source = message.getHeader(KafkaConstants.TOPIC, String.class) + "/"
                + message.getHeader(KafkaConstants.PARTITION, Integer.class) + "/"
                + message.getHeader(KafkaConstants.OFFSET, Long.class);
        exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_RECORD, value);
        exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_RECORD_KEY, key == null ? null : key.toString());
        exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_SOURCE, source);
        exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_COMMIT, message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        try {
            ObjectNode request = requestObject(value);
            if (!request.hasNonNull("id")) {
                request.put("id", fallbackId(key, source));
            }
            message.setBody(parser.read(request, null));
            message.setHeader(RequestConstants.REQUEST_ID, request.path("id").asText());
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_OUTCOME, "answered");
        } catch (QuorumException rejected) {
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_OUTCOME, "rejected");
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_REJECTION, rejected.toErrorInfo());
        }
    }

    /**
     * After {@code direct:intake}: a result with status 400 rejects the request itself (unknown provider or mode,
     * ...) and goes to the dead-letter topic; every other result, provider failures included, answers it.
     */
    public void route(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        if (result != null && result.status() == 400) {
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_OUTCOME, "rejected");
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_REJECTION, result.error());
        } else {
            exchange.setVariable(KafkaTriggerConstants.VAR_KAFKA_OUTCOME, "answered");
        }
    }

    /** The reply record of an answer: the result JSON keyed by request id, with the id and status as headers. */
    public void result(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        CompletionResult result = message.getBody(CompletionResult.class);
        message.getHeaders().clear();
        message.setBody(mapper.writeValueAsBytes(result));
        message.setHeader(KafkaConstants.KEY, result.id());
        message.setHeader(RequestConstants.REQUEST_ID, result.id());
        message.setHeader(RequestConstants.RESULT_STATUS, String.valueOf(result.status()));
    }

    /** The dead letter of a rejection: the original value and key, the reason and its origin as headers. */
    public void deadLetter(Exchange exchange) {
        Message message = exchange.getMessage();
        ErrorInfo error = exchange.getVariable(KafkaTriggerConstants.VAR_KAFKA_REJECTION, ErrorInfo.class);
        message.getHeaders().clear();
        message.setBody(exchange.getVariable(KafkaTriggerConstants.VAR_KAFKA_RECORD, byte[].class));
        String key = exchange.getVariable(KafkaTriggerConstants.VAR_KAFKA_RECORD_KEY, String.class);
        if (key != null) {
            message.setHeader(KafkaConstants.KEY, key);
        }
        message.setHeader(KafkaTriggerConstants.DEAD_LETTER_REASON, error == null ? "the request could not be processed" : error.message());
        message.setHeader(KafkaTriggerConstants.DEAD_LETTER_ERROR_TYPE,
                error == null ? "invalid_request" : error.type());
        if (error != null && error.field() != null) {
            message.setHeader(KafkaTriggerConstants.DEAD_LETTER_FIELD, error.field());
        }
        message.setHeader(KafkaTriggerConstants.DEAD_LETTER_SOURCE, exchange.getVariable(KafkaTriggerConstants.VAR_KAFKA_SOURCE, String.class));
    }

    /** Commits the record's offset: the last step, after its reply (result or dead letter) is acknowledged. */
    public void commit(Exchange exchange) {
        KafkaManualCommit commit =
                exchange.getVariable(KafkaTriggerConstants.VAR_KAFKA_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }

    private ObjectNode requestObject(byte[] value) {
        JsonNode root = parser.tree(value, "the record value");
        if (root instanceof ObjectNode object) {
            return object;
        }
        // the parser words the rejection of anything that is not an object
        parser.parse(root);
        throw new IllegalStateException("unreachable: the parser accepted a non-object request");
    }

    private static String fallbackId(Object key, String source) {
        if (key != null && SAFE_ID.matcher(key.toString()).matches()) {
            return key.toString();
        }
        return "kafka:" + source.replace('/', ':');
    }
}
