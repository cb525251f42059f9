package dev.quorum.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.RequestParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.PropertiesComponent;
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
        PropertiesComponent properties = context.getPropertiesComponent();
        Registry registry = context.getRegistry();
        FileDrop fileDrop = new FileDrop(
                Path.of(setting(properties, "quorum.file.inbox", "data/inbox")),
                Path.of(setting(properties, "quorum.file.done", "data/done")),
                Path.of(setting(properties, "quorum.file.error", "data/error")),
                Long.parseLong(setting(properties, "quorum.file.read-lock-min-age-ms", "1000")),
                Long.parseLong(setting(properties, "quorum.file.max-bytes", "8388608")));
        registry.bind("fileDrop", fileDrop);
        registry.bind("fileDropFilter", fileDrop.filter());

        String servers = setting(properties, "quorum.kafka.bootstrap-servers", "");
        if (servers.isEmpty()) {
            LOG.info("Kafka trigger off: quorum.kafka.bootstrap-servers is not set");
            return;
        }
        ObjectMapper mapper = registry.lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        RequestParser parser = registry.lookupByNameAndType("requestParser", RequestParser.class);
        registry.bind("kafkaRequests", new KafkaRequests(parser, mapper));
        registry.bind("kafkaCommitAfterReply", new AfterReplyCommitFactory());
        registry.bind("kafkaAnsweredRequests", answeredRequests(context, properties, servers));
        LOG.info("Kafka trigger on: {} -> {} (dead letters to {}), group {}, brokers {}",
                setting(properties, "quorum.kafka.request-topic", "quorum.requests"),
                setting(properties, "quorum.kafka.result-topic", "quorum.results"),
                setting(properties, "quorum.kafka.dead-letter-topic", "quorum.requests.dlq"),
                setting(properties, "quorum.kafka.group-id", "quorum"), servers);
    }

    /**
     * The ids of requests already answered, kept where a restart finds them: in a file of this instance ({@code file},
     * the default), or in a Kafka topic shared by every instance of the group ({@code kafka}), so a request
     * redelivered to another instance is recognised too.
     */
    private static IdempotentRepository answeredRequests(CamelContext context, PropertiesComponent properties,
                                                         String servers) throws Exception {
        int cacheSize = Integer.parseInt(setting(properties, "quorum.kafka.idempotent-cache-size", "100000"));
        String kind = setting(properties, "quorum.kafka.idempotent-repository", "file");
        if ("kafka".equalsIgnoreCase(kind)) {
            KafkaIdempotentRepository shared = new KafkaIdempotentRepository(
                    setting(properties, "quorum.kafka.idempotent-topic", "quorum.answered-requests"), servers,
                    cacheSize, 100);
            shared.setCamelContext(context);
            return shared;
        }
        if (!"file".equalsIgnoreCase(kind)) {
            throw new IllegalArgumentException("quorum.kafka.idempotent-repository must be 'file' or 'kafka', not '" + kind + "'");
        }
        Path store = Path.of(setting(properties, "quorum.kafka.idempotent-store", "data/kafka/answered-requests.txt"))
                .toAbsolutePath();
        Files.createDirectories(store.getParent());
        long maxBytes = Long.parseLong(setting(properties, "quorum.kafka.idempotent-max-file-bytes", "33554432"));
        File file = store.toFile();
        return FileIdempotentRepository.fileIdempotentRepository(file, cacheSize, maxBytes);
    }

    static String setting(PropertiesComponent properties, String key, String fallback) {
        return properties.resolveProperty(key).map(String::strip).filter(value -> !value.isEmpty()).orElse(fallback);
    }
}
