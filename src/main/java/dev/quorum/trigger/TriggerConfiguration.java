package dev.quorum.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.RequestParser;
import dev.quorum.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the beans of the file-drop and Kafka triggers ({@code routes/file.camel.yaml},
 * {@code routes/kafka.camel.yaml}): both only feed {@code direct:intake} and deliver the result it returns. The
 * Kafka beans exist only when {@code quorum.kafka.bootstrap-servers} is set, as does the Kafka route.
 */
public final class TriggerConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Settings file = Settings.of(context, "quorum.file");
        FileDrop fileDrop = new FileDrop(Path.of(file.text("inbox", "data/inbox")), Path.of(file.text("done", "data/done")),
                Path.of(file.text("error", "data/error")), file.whole("read-lock-min-age-ms", 1000, 0, Long.MAX_VALUE),
                file.whole("max-bytes", 8_388_608, 1, Long.MAX_VALUE));
        // read by the file-drop routes (routes/file.camel.yaml), checked here
        file.bool("enabled", true);
        file.text("outbox", "data/outbox");
        file.whole("poll-delay-ms", 500, 1, Long.MAX_VALUE);
        file.whole("read-lock-check-interval-ms", 250, 1, Long.MAX_VALUE);
        file.requireKnown();
        registry.bind("fileDrop", fileDrop);
        registry.bind("fileDropFilter", fileDrop.filter());

        Settings kafka = Settings.of(context, "quorum.kafka");
        String servers = kafka.text("bootstrap-servers", "");
        String requestTopic = kafka.text("request-topic", "quorum.requests");
        String resultTopic = kafka.text("result-topic", "quorum.results");
        String deadLetterTopic = kafka.text("dead-letter-topic", "quorum.requests.dlq");
        String groupId = kafka.text("group-id", "quorum");
        int cacheSize = kafka.integer("idempotent-cache-size", 100_000, 1, Integer.MAX_VALUE);
        String repository = kafka.choice("idempotent-repository", "file", List.of("file", "kafka"));
        String idempotentTopic = kafka.text("idempotent-topic", "quorum.answered-requests");
        Path store = Path.of(kafka.text("idempotent-store", "data/kafka/answered-requests.txt")).toAbsolutePath();
        long maxFileBytes = kafka.whole("idempotent-max-file-bytes", 33_554_432, 1, Long.MAX_VALUE);
        // read by the Kafka routes (routes/kafka.camel.yaml), checked here
        kafka.integer("consumers", 1, 1, Integer.MAX_VALUE);
        kafka.integer("max-poll-records", 5, 1, Integer.MAX_VALUE);
        kafka.whole("max-poll-interval-ms", 300_000, 1, Long.MAX_VALUE);
        kafka.whole("poll-timeout-ms", 5_000, 1, Long.MAX_VALUE);
        kafka.requireKnown();
        if (servers.isEmpty()) {
            LOG.info("Kafka trigger off: quorum.kafka.bootstrap-servers is not set");
            return;
        }
        ObjectMapper mapper = registry.lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        RequestParser parser = registry.lookupByNameAndType("requestParser", RequestParser.class);
        registry.bind("kafkaRequests", new KafkaRequests(parser, mapper));
        registry.bind("kafkaCommitAfterReply", new AfterReplyCommitFactory());
        IdempotentRepository answered;
        if ("kafka".equals(repository)) {
            // the ids in a Kafka topic shared by every instance of the group: a request redelivered to another
            // instance is recognised too
            KafkaIdempotentRepository shared = new KafkaIdempotentRepository(idempotentTopic, servers, cacheSize, 100);
            shared.setCamelContext(context);
            answered = shared;
        } else {
            // the ids in a file of this instance, where a restart finds them
            Files.createDirectories(store.getParent());
            answered = FileIdempotentRepository.fileIdempotentRepository(store.toFile(), cacheSize, maxFileBytes);
        }
        registry.bind("kafkaAnsweredRequests", answered);
        LOG.info("Kafka trigger on: {} -> {} (dead letters to {}), group {}, brokers {}", requestTopic, resultTopic,
                deadLetterTopic, groupId, servers);
    }
}
