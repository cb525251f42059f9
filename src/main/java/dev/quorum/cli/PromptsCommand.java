package dev.quorum.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorum prompts list|show}: the prompt templates a running Quorum keeps ({@code GET /api/v1/prompts}); a Quorum
 * that has no prompt API (older than prompt templates) is named as such rather than reported as a bad request.
 */
@Command(name = "prompts", description = "Prompt templates of a running Quorum: list, show <id> [--version <n>]",
        mixinStandardHelpOptions = true)
final class PromptsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How Quorum answers a path it does not serve (dev.quorum.http.HttpGate): 404 not_found with this message. */
    private static final String NOT_SERVED = "Nothing is served at ";

    /** {@code quorum prompts list}. */
    @Command(name = "list", description = "Every template with its latest version", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        ConnectionOptions connection;

        ListCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return fetch(context, connection, null, null);
        }
    }

    /** {@code quorum prompts show <id> [--version <n>]}. */
    @Command(name = "show", description = "A template's versions, or one of them", mixinStandardHelpOptions = true)
    static final class ShowCommand implements Callable<Integer> {

        private final CliContext context;

        @Parameters(index = "0", paramLabel = "<id>", description = "the template's id")
        String id;

        @Option(names = "--version", paramLabel = "<n>", description = "one version (default: every version)")
        Integer version;

        @Mixin
        ConnectionOptions connection;

        ShowCommand(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return fetch(context, connection, id, version);
        }
    }

    private static int fetch(CliContext context, ConnectionOptions connection, String id, Integer version) {
        try (Connection quorum = connection.connect(context)) {
            Reply reply = quorum.prompts(id, version);
            if (reply.status() == 404 && ("not_quorum_json".equals(reply.errorType())
                    || reply.errorMessage().startsWith(NOT_SERVED))) {
                throw new CliException(ExitCodes.FAILED, "no_prompt_api", "the Quorum at " + quorum.describe()
                        + " has no prompt API (GET /api/v1/prompts is not served there): it is older than prompt "
                        + "templates");
            }
            return Output.print(context, connection.json, reply, out -> print(out, reply.body()));
        }
    }

    private static void print(java.io.PrintWriter out, JsonNode body) {
        if (body.path("template").isTextual()) {
            out.printf("%s version %s (%s, %s)%n", body.path("id").asText(), body.path("version").asText(),
                    body.path("source").asText("-"), body.path("createdAt").asText("-"));
            if (body.path("variables").isArray()) {
                out.println("variables: " + body.path("variables"));
            }
            if (body.path("system").isTextual()) {
                out.println("system:    " + body.path("system").asText());
            }
            out.println(body.path("template").asText());
            return;
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            out.println(body);
        }
    }
}
