package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.quorum.QuorumTestSupport;
import dev.quorum.sim.SimScript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line against a real running Quorum (this class's, on the simulator) and against the engine started in
 * the test's process: every exit code, the prompt from stdin, the human text and {@code --json}.
 */
class QuorumCliTest extends QuorumTestSupport {

    private static final String PARIS = "What is the capital of France?";

    @Override
    protected Map<String, String> overrides() {
        // a budget that refuses any call to mistral-sim, for the exit code 4
        return Map.of("quorum.budget.no-mistral.scope", "provider", "quorum.budget.no-mistral.key", "mistral-sim",
                "quorum.budget.no-mistral.period", "day", "quorum.budget.no-mistral.limit-usd", "0.000001",
                "quorum.budget.no-mistral.policy", "reject");
    }

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    /** What a command printed and how it ended. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    private Run cli(String... args) {
        return cli(new ByteArrayInputStream(new byte[0]), Map.of(), args);
    }

    private Run cli(InputStream stdin, Map<String, String> env, String... args) {
        return cli(stdin, env, Map.of(), args);
    }

    private Run cli(InputStream stdin, Map<String, String> env, Map<String, String> engine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(stdin, new PrintWriter(out, true), new PrintWriter(err, true), env, false,
                Path.of(""), engine);
        int code = QuorumCli.run(args, context);
        return new Run(code, out.toString(), err.toString());
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private String[] remote(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--url", url())).toArray(String[]::new);
    }

    @Test
    void should_answer_a_consensus_question_as_json_and_exit_0() {
        // when
        Run run = cli(remote("ask", PARIS, "--consensus", "--algorithm", "majority", "--providers",
                "openai-sim,anthropic-sim,gemini-sim", "--timeout", "30s", "--json"));

        // then: the result JSON of the panel asked, as Quorum wrote it
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ANSWERED);
        JsonNode result = run.json();
        assertThat(result.path("mode").asText()).isEqualTo("consensus");
        assertThat(result.path("algorithm").asText()).isEqualTo("majority");
        assertThat(result.path("answer").asText()).contains("Paris");
        assertThat(result.path("responses")).extracting(r -> r.path("provider").asText())
                .containsExactly("openai-sim", "anthropic-sim", "gemini-sim");
        assertThat(run.out()).doesNotContain("E-");
    }

    @Test
    void should_print_the_answer_its_agreement_and_cost_for_people() {
        // when
        Run run = cli(remote("ask", PARIS, "--providers", "openai-sim,anthropic-sim,gemini-sim"));

        // then: the answer first, then the vote and the money with its nine decimals
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ANSWERED);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("Paris");
        assertThat(run.out()).contains("agreement  high, 3 of 3 agree (ratio 1.00, majority)")
                .containsPattern("cost       \\$0\\.\\d{6,9}, \\d+ in / \\d+ out tokens, \\d+ ms");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_read_the_prompt_from_stdin_when_it_is_a_dash() {
        // given
        simulator().script("openai-sim", SimScript.builder().rule("(?i)stdin question", "Answer from stdin.").build());
        InputStream stdin = new ByteArrayInputStream("the stdin question\n".getBytes(StandardCharsets.UTF_8));

        // when
        Run run = cli(stdin, Map.of(), remote("ask", "-", "--provider", "openai-sim", "--json"));

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ANSWERED);
        assertThat(run.json().path("answer").asText()).isEqualTo("Answer from stdin.");
    }

    @Test
    void should_find_quorum_through_the_environment() {
        // when: no --url, QUORUM_URL set
        Run run = cli(new ByteArrayInputStream(new byte[0]), Map.of("QUORUM_URL", url() + "/"),
                "ask", PARIS, "--provider", "gemini-sim", "--json");

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ANSWERED);
        assertThat(run.json().path("provider").asText()).isEqualTo("gemini-sim");
    }

    @Test
    void should_exit_2_for_bad_input_of_the_command_line_and_of_the_request() {
        // when
        Run unknownOption = cli(remote("ask", PARIS, "--bogus"));
        Run badTimeout = cli(remote("ask", PARIS, "--consensus", "--timeout", "30x"));
        Run refused = cli(remote("ask", PARIS, "--algorithm", "plurality"));
        Run emptyStdin = cli(remote("ask", "-"));

        // then: each names what is wrong, nothing on stdout
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownOption.err()).contains("--bogus");
        assertThat(badTimeout.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badTimeout.err()).contains("--timeout").contains("30x");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("invalid_request").contains("algorithm");
        assertThat(emptyStdin.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(emptyStdin.err()).contains("stdin");
        assertThat(List.of(unknownOption, badTimeout, refused, emptyStdin)).allSatisfy(run ->
                assertThat(run.out()).isEmpty());
    }

    @Test
    void should_show_control_characters_of_an_answer_instead_of_sending_them_to_the_terminal() {
        // given: a provider whose answer carries escape sequences (re-title the window, erase the line) and a
        // right-to-left override
        simulator().script("openai-sim", SimScript.builder()
                .defaultAnswer("Paris.\u001b]0;pwned\u0007\u001b[2K\u202Egnp.exe").build());

        // when
        Run human = cli(remote("ask", PARIS, "--provider", "openai-sim"));
        Run json = cli(remote("ask", PARIS, "--provider", "openai-sim", "--json"));

        // then: people see the characters written out; scripts get them in the JSON, escaped as JSON escapes them
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E")
                .contains("Paris.\\u001b]0;pwned\\u0007\\u001b[2K\\u202egnp.exe");
        assertThat(json.json().path("answer").asText()).isEqualTo("Paris.\u001b]0;pwned\u0007\u001b[2K\u202Egnp.exe");
        assertThat(json.out()).doesNotContain("\u001b");
    }

    @Test
    void should_exit_3_when_the_quorum_is_not_met() {
        // given: two of the three panel members fail (400: not retried)
        for (String failing : List.of("anthropic-sim", "gemini-sim")) {
            simulator().script(failing, SimScript.builder().errorRate(1.0).errorStatus(400).build());
        }

        // when
        Run run = cli(remote("ask", PARIS, "--providers", "openai-sim,anthropic-sim,gemini-sim", "--quorum", "2",
                "--json"));

        // then: the error result on stdout for the script, the exit code says which failure
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.QUORUM_NOT_MET);
        assertThat(run.json().path("error").path("type").asText()).isEqualTo("quorum_not_met");
    }

    @Test
    void should_exit_4_when_a_budget_refuses() {
        // when
        Run run = cli(remote("ask", PARIS, "--provider", "mistral-sim"));

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BUDGET_REFUSED);
        assertThat(run.err()).contains("budget_exceeded").contains("no-mistral");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void should_exit_5_when_quorum_is_unreachable() throws IOException {
        // given: a port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        // when
        Run human = cli("providers", "--url", "http://127.0.0.1:" + closed, "--api-key", "sk-cli-secret-4711");
        Run json = cli("ask", PARIS, "--json", "--url", "http://127.0.0.1:" + closed);

        // then
        assertThat(human.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(human.err()).contains("unreachable").contains("127.0.0.1:" + closed)
                .doesNotContain("sk-cli-secret-4711");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(json.json().path("error").path("type").asText()).isEqualTo("unreachable");
    }

    @Test
    void should_list_providers_and_usage() {
        // given: one answered request in today's ledger
        assertThat(cli(remote("ask", PARIS, "--provider", "openai-sim")).exitCode()).isZero();

        // when
        Run providers = cli(remote("providers"));
        Run providersJson = cli(remote("providers", "--json"));
        Run usage = cli(remote("usage", "--period", "day"));
        Run usageJson = cli(remote("usage", "--period", "month", "--by", "model", "--json"));
        Run badPeriod = cli(remote("usage", "--period", "week"));

        // then
        assertThat(providers.exitCode()).isZero();
        assertThat(providers.out()).containsPattern("openai-sim +openai +gpt-4o-mini .*enabled \\(simulated\\)");
        assertThat(providersJson.json()).extracting(p -> p.path("id").asText()).contains("openai-sim");
        assertThat(providersJson.out()).doesNotContain("apiKey");
        assertThat(usage.exitCode()).isZero();
        assertThat(usage.out()).containsPattern("openai-sim +\\d+ +\\d+ +0 ").contains("budget no-mistral");
        assertThat(usageJson.json().path("period").asText()).isEqualTo("month");
        assertThat(usageJson.json().path("by").asText()).isEqualTo("model");
        assertThat(badPeriod.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badPeriod.err()).contains("period");
    }

    @Test
    void should_show_prompt_templates_and_say_when_a_quorum_has_no_prompt_api() throws IOException {
        // given: a Quorum with prompt templates (a stub answering as GET /api/v1/prompts/{id}/{version} does) and one
        // without (404 and no Quorum result, as an older Quorum answers a path it does not serve)
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/prompts/greet/2", exchange -> {
            byte[] body = "{\"id\":\"greet\",\"version\":2,\"template\":\"Say hello to {{name}}.\",\"variables\":[\"name\"],\"source\":\"api\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String stub = "http://127.0.0.1:" + server.getAddress().getPort();

            // when
            Run shown = cli("prompts", "show", "greet", "--version", "2", "--url", stub);
            Run missing = cli("prompts", "list", "--url", stub);
            Run thisQuorum = cli(remote("prompts", "list"));
            Run inProcess = cli("prompts", "list");

            // then
            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.out()).contains("greet version 2").contains("Say hello to {{name}}.");
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(missing.err()).contains("has no prompt API");
            // this class's Quorum: either it serves prompt templates (after issue 21) or it says it has none
            assertThat(thisQuorum.exitCode() == ExitCodes.ANSWERED || thisQuorum.err().contains("has no prompt API"))
                    .as(thisQuorum.err()).isTrue();
            assertThat(inProcess.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(inProcess.err()).contains("--url");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void should_answer_with_the_engine_in_process_when_no_quorum_is_named() throws IOException {
        // given: no --url and no QUORUM_URL; the engine gets a data folder of its own and a free simulator port
        Path data = Files.createTempDirectory("quorum-cli-data");
        Map<String, String> engine = new HashMap<>();
        QuorumTestSupport.baseSettings(0).forEach((key, value) -> engine.put((String) key, (String) value));
        engine.put("quorum.data.dir", data.toString());
        engine.put("quorum.simulator.script.mistral-sim.latency-ms", "2500");
        InputStream stdin = new ByteArrayInputStream(PARIS.getBytes(StandardCharsets.UTF_8));

        // when: a question routed to one provider, then the usage of the same ledger, then a slow provider
        Run asked = cli(stdin, Map.of(), engine, "ask", "-", "--provider", "openai-sim", "--json");
        Run usage = cli(new ByteArrayInputStream(new byte[0]), Map.of(), engine, "usage", "--json");
        Run slow = cli(new ByteArrayInputStream(new byte[0]), Map.of(), engine, "ask", PARIS, "--provider",
                "mistral-sim", "--timeout", "500ms");

        // then: answered by the simulator, said once on stderr, and in the ledger the next command reads
        assertThat(asked.exitCode()).as(asked.err()).isEqualTo(ExitCodes.ANSWERED);
        assertThat(asked.json().path("mode").asText()).isEqualTo("single");
        assertThat(asked.json().path("answer").asText()).contains("Paris");
        assertThat(asked.err()).contains("simulated");
        assertThat(usage.exitCode()).as(usage.err()).isEqualTo(ExitCodes.ANSWERED);
        assertThat(usage.json().path("rows")).extracting(row -> row.path("key").asText()).containsExactly("openai-sim");
        assertThat(slow.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(slow.err()).contains("no answer from the in-process engine within 500 ms");
    }

    @Test
    void should_say_whether_quorum_is_ready_for_a_container_health_check() throws IOException {
        // given
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        // when: this Quorum through QUORUM_PORT, as the image's health check runs it, and a port nobody listens on
        Run ready = cli(new ByteArrayInputStream(new byte[0]), Map.of("QUORUM_PORT", String.valueOf(port)), "health");
        Run live = cli("health", "--live", "--url", url());
        Run down = cli("health", "--url", "http://127.0.0.1:" + closed);

        // then
        assertThat(ready.exitCode()).as(ready.err()).isZero();
        assertThat(ready.out()).startsWith("UP ").contains("/observe/health/ready");
        assertThat(live.exitCode()).isZero();
        assertThat(down.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    }

    @Test
    void should_leave_every_argument_but_a_command_to_the_server() {
        assertThat(QuorumCli.handles(new String[] {"ask", "x"})).isTrue();
        assertThat(QuorumCli.handles(new String[] {"prompts", "list"})).isTrue();
        assertThat(QuorumCli.handles(new String[] {"--help"})).isTrue();
        assertThat(QuorumCli.handles(new String[] {})).isFalse();
        assertThat(QuorumCli.handles(new String[] {"--config", "ask"})).isFalse();
        assertThat(QuorumCli.handles(new String[] {"--routes", "flows"})).isFalse();
    }
}
