package dev.quorum.cli;

import picocli.CommandLine.Option;

/**
 * The options every command shares: where Quorum is ({@code --url}, else {@code QUORUM_URL}, else an engine started in
 * this process), the API key ({@code --api-key}, else {@code QUORUM_API_KEY}) and {@code --json}.
 */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "<url>",
            description = "a running Quorum, e.g. http://localhost:8080 (default: $QUORUM_URL; "
                    + "neither: the engine runs in this process)")
    String url;

    @Option(names = "--api-key", paramLabel = "<key>",
            description = "the API key when Quorum has keys on (default: $QUORUM_API_KEY); "
                    + "prefer the variable: a command line is visible to other users")
    String apiKey;

    @Option(names = "--json", description = "print Quorum's JSON as it came, for scripts (errors too)")
    boolean json;

    Connection connect(CliContext context) {
        String target = url != null ? url : context.env().get(CliContext.URL_VARIABLE);
        String key = apiKey != null ? apiKey : context.env().get(CliContext.KEY_VARIABLE);
        if (target == null || target.isBlank()) {
            return new LocalQuorum(context.workingDirectory(), context.engineSettings());
        }
        return new RemoteQuorum(target, key);
    }
}
