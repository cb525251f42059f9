package dev.quorum.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.QuorumHeaders;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.api.RequestParser;
import java.io.IOException;
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

    /** Variable: {@code answered} (to the result topic) or {@code rejected} (to the dead-letter topic). */
    public static final String VAR_OUTCOME = "kafkaOutcome";
    /** Variable: the record's value as it arrived, which a rejection forwards unchanged to the dead-letter topic. */
    public static final String VAR_RECORD = "kafkaRecord";
    /** Variable: the record's key as it arrived. */
    public static final String VAR_RECORD_KEY = "kafkaRecordKey";
    /** Variable: the record's {@link KafkaManualCommit}, kept apart from the headers that replies clear. */
    public static final String VAR_COMMIT = "kafkaCommit";
    /** Variable: the record's origin, {@code topic/partition/offset}. */
    public static final String VAR_SOURCE = "kafkaSource";
    /** Variable: the result of a rejected request, whose error says why. */
    public static final String VAR_REJECTION = "kafkaRejection";

    /** Kafka header of a dead letter: what was wrong, a sentence. */
    public static final String DLQ_REASON = "QuorumDeadLetterReason";
    /** Kafka header of a dead letter: the error type ({@code invalid_request}, ...). */
    public static final String DLQ_ERROR_TYPE = "QuorumDeadLetterErrorType";
    /** Kafka header of a dead letter: the request field at fault, when one is. */
    public static final String DLQ_FIELD = "QuorumDeadLetterField";
    /** Kafka header of a dead letter: {@code topic/partition/offset} of the record it came from. */
    public static final String DLQ_SOURCE = "QuorumDeadLetterSource";
    /** Kafka header of a result: the HTTP-style status of the result (200, 502, ...). */
    public static final String RESULT_STATUS = "QuorumStatus";

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
        exchange.setVariable(VAR_RECORD, value);
        exchange.setVariable(VAR_RECORD_KEY, key == null ? null : key.toString());
        exchange.setVariable(VAR_SOURCE, source);
        exchange.setVariable(VAR_COMMIT, message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        try {
            ObjectNode request = requestObject(value);
            if (!request.hasNonNull("id")) {
                request.put("id", fallbackId(key, source));
            }
            message.setBody(parser.parse(request));
            message.setHeader(QuorumHeaders.REQUEST_ID, request.path("id").asText());
            exchange.setVariable(VAR_OUTCOME, "answered");
        } catch (QuorumException rejected) {
            exchange.setVariable(VAR_OUTCOME, "rejected");
            exchange.setVariable(VAR_REJECTION, rejected.toErrorInfo());
        }
    }

    /**
     * After {@code direct:intake}: a result with status 400 rejects the request itself (unknown provider or mode,
     * ...) and goes to the dead-letter topic; every other result, provider failures included, answers it.
     */
    public void route(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        if (result != null && result.status() == 400) {
            exchange.setVariable(VAR_OUTCOME, "rejected");
            exchange.setVariable(VAR_REJECTION, result.error());
        } else {
            exchange.setVariable(VAR_OUTCOME, "answered");
        }
    }

    /** The reply record of an answer: the result JSON keyed by request id, with the id and status as headers. */
    public void result(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        CompletionResult result = message.getBody(CompletionResult.class);
        message.getHeaders().clear();
        message.setBody(mapper.writeValueAsBytes(result));
        message.setHeader(KafkaConstants.KEY, result.id());
        message.setHeader(QuorumHeaders.REQUEST_ID, result.id());
        message.setHeader(RESULT_STATUS, String.valueOf(result.status()));
    }

    /** The dead letter of a rejection: the original value and key, the reason and its origin as headers. */
    public void deadLetter(Exchange exchange) {
        Message message = exchange.getMessage();
        ErrorInfo error = exchange.getVariable(VAR_REJECTION, ErrorInfo.class);
        message.getHeaders().clear();
        message.setBody(exchange.getVariable(VAR_RECORD, byte[].class));
        String key = exchange.getVariable(VAR_RECORD_KEY, String.class);
        if (key != null) {
            message.setHeader(KafkaConstants.KEY, key);
        }
        message.setHeader(DLQ_REASON, error == null ? "the request could not be processed" : error.message());
        message.setHeader(DLQ_ERROR_TYPE, error == null ? "invalid_request" : error.type());
        if (error != null && error.field() != null) {
            message.setHeader(DLQ_FIELD, error.field());
        }
        message.setHeader(DLQ_SOURCE, exchange.getVariable(VAR_SOURCE, String.class));
    }

    /** Commits the record's offset: the last step, after its reply (result or dead letter) is acknowledged. */
    public void commit(Exchange exchange) {
        KafkaManualCommit commit = exchange.getVariable(VAR_COMMIT, KafkaManualCommit.class);
        if (commit != null) {
            commit.commit();
        }
    }

    private ObjectNode requestObject(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidRequestException(null,
                    "the record value is empty; expected a JSON object such as {\"prompt\":\"...\"}");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(null, "the record value is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException(null, "the record value could not be read: " + e.getMessage());
        }
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
