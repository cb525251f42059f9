package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The command line as a user starts it: a JVM of its own running the jar's main class with a command, so the dispatch
 * of {@link QuorumApplication#main}, the command line's logging (none on stdout) and the exit code are the process's;
 * and the environment variables a user sets: a dotted setting named in a file is overridden by the variable that
 * upper-cases it and turns dots and dashes into underscores (docs/configuration.md).
 */
class CommandLineProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_run_a_command_through_the_main_class_with_its_json_alone_on_stdout_and_settings_from_the_environment()
            throws Exception {
        // given: the in-process engine (no QUORUM_URL) on a data folder of its own; one dotted setting of
        // application.properties given as an environment variable
        Path data = Files.createTempDirectory("quorum-cli-process");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "-Dquorum.data.dir=" + data, "-Dquorum.simulator.port=0", "-Dquorum.ollama.discovery-enabled=false",
                QuorumApplication.class.getName(), "providers", "--json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(data.resolve("stderr.txt").toFile());
        Map<String, String> env = builder.environment();
        List.of("QUORUM_URL", "QUORUM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
                "MISTRAL_API_KEY", "GROQ_API_KEY").forEach(env::remove);
        env.put("QUORUM_SIMULATOR_PROVIDER_OPENAI_SIM_QUALITY", "0.99");

        // when
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        // then: exit 0, stdout is the catalog's JSON and nothing else, the variable set openai-sim's quality
        String stderr = Files.readString(data.resolve("stderr.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(ExitCodes.ANSWERED);
        JsonNode providers = parse(stdout);
        assertThat(providers.isArray()).isTrue();
        JsonNode openai = null;
        for (JsonNode provider : providers) {
            if ("openai-sim".equals(provider.path("id").asText())) {
                openai = provider;
            }
        }
        assertThat(openai).isNotNull();
        assertThat(openai.path("quality").asDouble()).isEqualTo(0.99);
        assertThat(stderr).doesNotContain(" INFO ");
    }

    private static JsonNode parse(String stdout) throws IOException {
        try {
            return JSON.readTree(stdout);
        } catch (IOException e) {
            throw new AssertionError("stdout is not only JSON: " + stdout, e);
        }
    }
}
