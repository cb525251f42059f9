package dev.quorum.camel;

import org.apache.camel.spi.Metadata;

/**
 * The Kafka trigger ({@code routes/kafka.camel.yaml}, {@code dev.quorum.trigger.KafkaRequests}, docs/triggers.md): the
 * headers of a dead letter, and exchange variables. A result record also carries {@link RequestConstants#REQUEST_ID}
 * and {@link RequestConstants#RESULT_STATUS} (as text). Named apart from Camel's own
 * {@code org.apache.camel.component.kafka.KafkaConstants}, which the trigger uses beside it.
 */
public final class KafkaTriggerConstants {

    // --- Kafka headers of a dead letter ---

    /** Kafka header of a dead letter: what was wrong, a sentence. */
    @Metadata(description = "Dead letter: what was wrong, a sentence.", javaType = "String")
    public static final String DEAD_LETTER_REASON = "QuorumDeadLetterReason";

    /** Kafka header of a dead letter: the error type ({@code invalid_request}, ...). */
    @Metadata(description = "Dead letter: the error type (invalid_request, ...).", javaType = "String")
    public static final String DEAD_LETTER_ERROR_TYPE = "QuorumDeadLetterErrorType";

    /** Kafka header of a dead letter: the request field at fault, when one is. */
    @Metadata(description = "Dead letter: the request field at fault, when one is.", javaType = "String")
    public static final String DEAD_LETTER_FIELD = "QuorumDeadLetterField";

    /** Kafka header of a dead letter: {@code topic/partition/offset} of the record it came from. */
    @Metadata(description = "Dead letter: topic/partition/offset of the record it came from.", javaType = "String")
    public static final String DEAD_LETTER_SOURCE = "QuorumDeadLetterSource";

    // --- exchange variables ---

    /** Variable: {@code answered} (to the result topic) or {@code rejected} (to the dead-letter topic). */
    public static final String VAR_KAFKA_OUTCOME = "kafkaOutcome";

    /** Variable: a Kafka record's value as it arrived, which a rejection forwards unchanged to the dead-letter topic. */
    public static final String VAR_KAFKA_RECORD = "kafkaRecord";

    /** Variable: a Kafka record's key as it arrived. */
    public static final String VAR_KAFKA_RECORD_KEY = "kafkaRecordKey";

    /** Variable: a Kafka record's manual commit handle, kept apart from the headers that replies clear. */
    public static final String VAR_KAFKA_COMMIT = "kafkaCommit";

    /** Variable: a Kafka record's origin, {@code topic/partition/offset}. */
    public static final String VAR_KAFKA_SOURCE = "kafkaSource";

    /** Variable: the {@link dev.quorum.api.ErrorInfo} of a rejected Kafka request: why it is a dead letter. */
    public static final String VAR_KAFKA_REJECTION = "kafkaRejection";

    private KafkaTriggerConstants() {
    }
}
