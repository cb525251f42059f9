package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumTestSupport;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command line against a Quorum with API keys on: the key from {@code --api-key} or {@code QUORUM_API_KEY} is sent
 * and billed to its tenant, a missing or wrong key ends with exit 2, and the key never appears in the output.
 */
class QuorumCliAuthTest extends QuorumTestSupport {

    private static final String KEY = "cli-test-key-9f3c2a7e5b";

    @Override
    protected Map<String, String> overrides() {
        return Map.of("quorum.auth.enabled", "true", "quorum.auth.keys.cli.key", KEY,
                "quorum.auth.keys.cli.tenant", "cli-team");
    }

    private QuorumCliTest.Run cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), env, false, Path.of(""), Map.of());
        return new QuorumCliTest.Run(QuorumCli.run(args, context), out.toString(), err.toString());
    }

    @Test
    void should_send_the_api_key_from_the_option_or_the_environment_and_exit_2_without_a_valid_one() {
        // given
        String url = "http://127.0.0.1:" + port;

        // when
        QuorumCliTest.Run withOption = cli(Map.of(), "ask", "What is the capital of France?", "--provider",
                "openai-sim", "--url", url, "--api-key", KEY, "--json");
        QuorumCliTest.Run fromEnvironment = cli(Map.of("QUORUM_URL", url, "QUORUM_API_KEY", KEY), "usage",
                "--by", "tenant", "--json");
        QuorumCliTest.Run without = cli(Map.of("QUORUM_URL", url), "providers");
        QuorumCliTest.Run wrong = cli(Map.of("QUORUM_URL", url, "QUORUM_API_KEY", "not-" + KEY), "providers");

        // then: answered and billed to the key's tenant; refused with 2 otherwise; the key in no output
        assertThat(withOption.exitCode()).as(withOption.err()).isZero();
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(fromEnvironment.json().path("rows")).extracting(row -> row.path("key").asText())
                .contains("cli-team");
        assertThat(without.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        for (QuorumCliTest.Run run : new QuorumCliTest.Run[] {withOption, fromEnvironment, without, wrong}) {
            assertThat(run.out() + run.err()).doesNotContain(KEY);
        }
    }
}
