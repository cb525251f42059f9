package dev.quorum.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.quorum.LiveRoutes;
import dev.quorum.QuorumTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The trigger route files under live reload, on a temporary copy of {@code routes/}: an edited
 * {@code kafka.camel.yaml} still adds no Kafka route while no bootstrap servers are set, and an edited
 * {@code file.camel.yaml} comes back running.
 */
class TriggerReloadTest extends QuorumTestSupport {

    private final LiveRoutes routes = LiveRoutes.copy();
    private final Path inbox = routes.resolve("inbox");

    @Override
    protected Map<String, String> overrides() {
        Map<String, String> settings = routes.settings();
        settings.put("quorum.file.enabled", "true");
        settings.put("quorum.file.inbox", inbox.toString());
        settings.put("quorum.file.outbox", routes.resolve("outbox").toString());
        settings.put("quorum.file.done", routes.resolve("done").toString());
        settings.put("quorum.file.error", routes.resolve("error").toString());
        return settings;
    }

    @AfterAll
    void deleteCopy() throws IOException {
        routes.delete();
    }

    @Test
    void should_keep_kafka_absent_and_the_file_drop_running_when_their_files_are_reloaded() throws IOException {
        // given
        assertThat(context.getRoute("kafka-requests")).isNull();

        // when: both files are edited; the Kafka file gains a probe route without precondition to show it reloaded
        Path kafka = routes.resolve("kafka.camel.yaml");
        LiveRoutes.replace(kafka, Files.readString(kafka) + """
                - route:
                    id: kafka-reload-probe
                    from:
                      uri: direct:kafka-reload-probe
                      steps:
                        - setBody:
                            constant: reloaded
                """);
        Path file = routes.resolve("file.camel.yaml");
        LiveRoutes.replace(file, Files.readString(file).replace("description: Answers request files dropped into the inbox folder",
                "description: Answers request files dropped into the inbox folder (edited)"));

        // then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                context.getRoute("kafka-reload-probe") != null
                        && context.getRoute("file-drop") != null
                        && context.getRoute("file-drop").getDescription().endsWith("(edited)"));
        assertThat(context.getRoute("kafka-requests")).isNull();
        assertThat(context.getRoute("kafka-dead-letter")).isNull();
        assertThat(context.getRoute("kafka-answer")).isNull();
        assertThat(context.getRouteController().getRouteStatus("file-drop").isStarted()).isTrue();
    }

}
