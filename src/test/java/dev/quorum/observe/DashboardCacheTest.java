package dev.quorum.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.QuorumTestSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's cache tile and experiments table in headless Chromium, after requests answered from the response
 * cache and a prompt experiment with feedback.
 */
class DashboardCacheTest extends QuorumTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Path work = tempDir();

    @Test
    void should_show_cache_savings_and_the_running_experiment() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (Debian package chromium) is not installed");
        // given: one answer stored, two answers from the cache
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/v1/complete", request(Map.of("prompt", "Cache me", "provider", "openai-sim",
                    "cache", true))).statusCode()).isEqualTo(200);
        }
        // and an experiment between two versions with a few scores
        post("/api/v1/prompts", "{\"id\":\"dash\",\"template\":\"One {{x}}\"}");
        post("/api/v1/prompts", "{\"id\":\"dash\",\"template\":\"Two {{x}}\"}");
        post("/api/v1/prompts/dash/experiment", "{\"arms\":{\"1\":1,\"2\":1}}");
        for (int i = 0; i < 6; i++) {
            post("/api/v1/complete", request(Map.of("id", "dash-" + i, "template", "dash", "provider", "openai-sim",
                    "variables", Map.of("x", "y"))));
            post("/api/v1/feedback", "{\"requestId\":\"dash-" + i + "\",\"score\":0.5}");
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                json(get("/api/v1/usage")).path("cache").path("hits").asLong() == 2);

        // when
        String dom = chromium();

        // then
        assertThat(dom).contains("data-rendered=\"true\"").doesNotContain("data-error");
        assertThat(dom).contains("data-cache-hits=\"2\"").contains("2 answers from the cache");
        assertThat(dom).contains("data-experiment=\"dash\"").contains("v1").contains("v2");
        JsonNode experiments = json(get("/api/v1/experiments"));
        assertThat(experiments.path("experiments").get(0).path("id").asText()).isEqualTo("dash");
    }

    private String chromium() throws IOException, InterruptedException {
        List<String> command = List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + work.resolve("chromium-profile"),
                "--window-size=1280,1800", "--virtual-time-budget=8000", "--dump-dom",
                "http://127.0.0.1:" + port + "/dashboard");
        File output = work.resolve("chromium-out.txt").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(output)
                .redirectError(work.resolve("chromium-err.txt").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("quorum-dashboard-cache-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
