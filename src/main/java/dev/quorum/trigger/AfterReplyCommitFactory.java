package dev.quorum.trigger;

import org.apache.camel.component.kafka.consumer.CommitManager;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualSyncCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;

/**
 * Hands each Kafka record a synchronous manual commit and leaves every other commit to the route. camel-kafka picks
 * its commit manager by the factory's class: its own {@code DefaultKafkaManualCommitFactory} brings a manager that
 * also commits every processed record after each poll and on rebalance, failed or not; any other factory gets the
 * no-op manager, so an offset is committed only when {@code direct:kafka-requests} calls {@link KafkaManualCommit#commit()}
 * after the record's reply is acknowledged.
 */
public final class AfterReplyCommitFactory implements KafkaManualCommitFactory {

    @Override
    public KafkaManualCommit newInstance(CamelExchangePayload exchange, KafkaRecordPayload record,
                                         CommitManager commitManager) {
        return new DefaultKafkaManualSyncCommit(exchange, record, commitManager);
    }
}
