package dev.quorum.examples.esb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example as it runs: Camel Main with the example's own application.properties and route, Quorum on the class
 * path as one dependency, its simulator scripted by those properties. A CSV of four tickets dropped into the inbox
 * ends as two accepted tickets (the panel agreed), two for review (it split) and a summary.
 */
class TicketTriageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Main main;

    @BeforeEach
    void startTheApplication() {
        Properties settings = new Properties();
        settings.put("esb.inbox", work.resolve("inbox").toString());
        settings.put("esb.outbox", work.resolve("outbox").toString());
        settings.put("quorum.data.dir", work.resolve("quorum").toString());
        settings.put("quorum.simulator.port", "0");
        // a real key in the developer's environment must not send test tickets to a hosted model
        for (String provider : List.of("openai", "anthropic", "gemini", "mistral", "groq")) {
            settings.put("quorum.provider." + provider + ".api-key", "");
        }
        main = new Main();
        main.setOverrideProperties(settings);
        main.start();
    }

    @AfterEach
    void stopTheApplication() {
        main.stop();
    }

    @Test
    void should_file_each_ticket_by_the_panels_agreement_and_write_a_summary() throws Exception {
        // given
        String tickets = """
                id,text
                T-1001,I was charged twice for my last invoice
                T-1002,The dashboard is down for everyone in our team
                T-1003,The export button does something odd with dates
                T-1004,Please add a dark mode to the reports
                """;
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path staged = Files.writeString(work.resolve("tickets.csv.part"), tickets);

        // when: dropped the way a writer should, by a rename
        Files.move(staged, inbox.resolve("tickets.csv"));

        // then
        Path summary = work.resolve("outbox/summary/tickets-summary.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(summary));
        Path accepted = work.resolve("outbox/accepted");
        Path review = work.resolve("outbox/review");
        assertThat(names(accepted)).containsExactlyInAnyOrder("T-1001.json", "T-1002.json");
        assertThat(names(review)).containsExactlyInAnyOrder("T-1003.json", "T-1004.json");
        JsonNode billing = JSON.readTree(accepted.resolve("T-1001.json").toFile());
        assertThat(billing.path("answer").asText()).isEqualTo("billing");
        assertThat(billing.path("agreement").path("level").asText()).isEqualTo("high");
        assertThat(billing.path("responses")).hasSize(3);
        JsonNode split = JSON.readTree(review.resolve("T-1003.json").toFile());
        assertThat(split.path("agreement").path("level").asText()).isNotEqualTo("high");
        assertThat(Files.readAllLines(summary)).containsExactly(
                "ticket,label,agreement,folder",
                "T-1001,billing,high,accepted",
                "T-1002,outage,high,accepted",
                "T-1003," + split.path("answer").asText() + "," + split.path("agreement").path("level").asText() + ",review",
                "T-1004,feature-request,medium,review");
        assertThat(work.resolve("inbox/.done/tickets.csv")).exists();
    }

    private static List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
