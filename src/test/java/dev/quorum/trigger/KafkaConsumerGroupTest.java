package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.QuorumInstance;
import dev.quorum.sim.SimCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Quorum instances in one consumer group on a two-partition request topic, sharing the answered-requests
 * repository through a Kafka topic ({@code quorum.kafka.idempotent-repository=kafka}): they split the requests, and
 * a request id one of them answered is not answered again by the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaConsumerGroupTest {

    private static final String REQUESTS = "group.requests";
    private static final String RESULTS = "group.results";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private KafkaBroker broker;
    private final List<QuorumInstance> instances = new ArrayList<>();

    @BeforeAll
    void startBrokerAndTwoInstances() {
        broker = KafkaBroker.start();
        broker.createTopics(2, REQUESTS);
        broker.createTopics(RESULTS, "group.dlq", "group.answered");
        for (String name : new String[] {"quorum-a", "quorum-b"}) {
            instances.add(QuorumInstance.start(Map.of(
                    "camel.main.name", name,
                    "quorum.kafka.bootstrap-servers", broker.bootstrapServers(),
                    "quorum.kafka.request-topic", REQUESTS,
                    "quorum.kafka.result-topic", RESULTS,
                    "quorum.kafka.dead-letter-topic", "group.dlq",
                    "quorum.kafka.group-id", "quorum-group",
                    "quorum.kafka.poll-timeout-ms", "100",
                    "quorum.kafka.idempotent-repository", "kafka",
                    "quorum.kafka.idempotent-topic", "group.answered")));
        }
    }

    @AfterAll
    void stopAll() throws Exception {
        instances.forEach(QuorumInstance::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void should_share_the_requests_between_the_instances_and_answer_each_id_once() {
        // given: both instances have joined the group and hold a partition each
        await().atMost(WAIT).until(() -> broker.groupIsStable("quorum-group", 2));

        // when: requests on both partitions
        for (int i = 0; i < 8; i++) {
            broker.send(REQUESTS, i % 2, "g-" + i, "{\"id\":\"g-" + i + "\",\"prompt\":\"Group request " + i
                    + "\",\"provider\":\"mistral-sim\"}");
        }

        // then: every request answered once, each instance answered some
        List<ConsumerRecord<String, byte[]>> results = broker.readUntil(RESULTS, WAIT, records ->
                records.stream().map(ConsumerRecord::key).distinct().filter(key -> key.startsWith("g-")).count() == 8);
        assertThat(results.stream().map(ConsumerRecord::key).filter(key -> key.startsWith("g-"))).doesNotHaveDuplicates();
        assertThat(instances).allSatisfy(instance -> assertThat(promptCalls(instance, "Group request ")).isNotEmpty());
        assertThat(instances.stream().mapToLong(instance -> promptCalls(instance, "Group request ").size()).sum()).isEqualTo(8);

        // given: both instances know g-0 is answered (the shared repository)
        await().atMost(WAIT).until(() -> instances.stream().allMatch(instance -> answered(instance).contains("g-0")));

        // when: g-0 arrives again on both partitions, so whichever instance owns a partition sees it
        String again = "{\"id\":\"g-0\",\"prompt\":\"Group request 0\",\"provider\":\"mistral-sim\"}";
        broker.send(REQUESTS, 0, "g-0", again);
        broker.send(REQUESTS, 1, "g-0", again);
        broker.send(REQUESTS, 0, "m-0", "{\"id\":\"m-0\",\"prompt\":\"Marker 0\",\"provider\":\"mistral-sim\"}");
        broker.send(REQUESTS, 1, "m-1", "{\"id\":\"m-1\",\"prompt\":\"Marker 1\",\"provider\":\"mistral-sim\"}");

        // then: once the requests behind them are answered, g-0 still has one result and one provider call
        List<ConsumerRecord<String, byte[]>> after = broker.readUntil(RESULTS, WAIT, records ->
                records.stream().anyMatch(r -> "m-0".equals(r.key())) && records.stream().anyMatch(r -> "m-1".equals(r.key())));
        assertThat(after.stream().filter(r -> "g-0".equals(r.key()))).hasSize(1);
        assertThat(instances.stream().flatMap(instance -> promptCalls(instance, "Group request 0").stream())).hasSize(1);
    }

    private static List<SimCall> promptCalls(QuorumInstance instance, String prefix) {
        return instance.simulator().calls("mistral-sim").stream().filter(call -> call.prompt().startsWith(prefix)).toList();
    }

    private static IdempotentRepository answered(QuorumInstance instance) {
        return instance.context().getRegistry().lookupByNameAndType("kafkaAnsweredRequests", IdempotentRepository.class);
    }
}
