package dev.quorum.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template files through the real {@code prompt-files} route: a file becomes a template, an edit while Quorum runs
 * becomes its next version (and requests use it), a broken edit changes nothing.
 */
class PromptFilesTest extends QuorumTestSupport {

    private final Path folder = folder();

    private static Path folder() {
        try {
            return Files.createTempDirectory("quorum-prompts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.prompts.dir", folder.toString(), "quorum.prompts.poll-ms", "100");
    }

    private void write(String name, String text, long modifiedOffsetMs) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        // a later modification time than the previous content's, whatever the file system's clock resolution
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + modifiedOffsetMs));
    }

    private JsonNode versions(String id) {
        return json(get("/api/v1/prompts/" + id));
    }

    @Test
    void should_read_a_template_file_and_make_each_edit_a_new_version() throws IOException {
        // given
        write("haiku.yaml", "template: Write a haiku about {{topic}}.\ntask: creative\n", 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(versions("haiku").path("versions")).hasSize(1));

        // when: edited while Quorum runs
        write("haiku.yaml", "template: Write a haiku about {{topic}} in {{season}}.\ntask: creative\n", 5_000);

        // then
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(versions("haiku").path("versions")).hasSize(2));
        JsonNode latest = versions("haiku").path("versions").get(1);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("source").asText()).isEqualTo("file:haiku.yaml");
        assertThat(latest.path("variables").toString()).isEqualTo("[\"topic\",\"season\"]");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode result = json(post("/api/v1/complete", request(Map.of("template", "haiku", "provider",
                    "openai-sim", "variables", Map.of("topic", "rain", "season", "autumn")))));
            assertThat(result.path("template").path("version").asInt()).as(result.toString()).isEqualTo(2);
        });
        assertThat(simulator().calls("openai-sim")).extracting(SimCall::prompt)
                .contains("Write a haiku about rain in autumn.");
    }

    @Test
    void should_keep_the_latest_version_when_an_edit_is_broken() throws IOException {
        // given
        write("stable.yaml", "template: Stable {{x}}\n", 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(versions("stable").path("versions")).hasSize(1));

        // when: an unknown key, then a good file read after it (by name) so we know the edit was read
        write("stable.yaml", "template: Broken {{x}}\ntemprature: 1\n", 5_000);
        write("zz-marker.yaml", "template: Marker\n", 5_000);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(versions("zz-marker").path("versions")).hasSize(1));

        // then
        assertThat(versions("stable").path("versions")).hasSize(1);
        assertThat(versions("stable").path("versions").get(0).path("template").asText()).isEqualTo("Stable {{x}}");
    }
}
