package dev.quorum.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quorum health}: whether a running Quorum is ready (every route started, a provider to answer) or, with
 * {@code --live}, alive; exit 0 when it is, 1 when it answers DOWN, 5 when it cannot be reached. The container image's
 * health check: Jib cannot write a Docker {@code HEALTHCHECK} into an image, so compose files and
 * {@code docker run --health-cmd} run this (docs/deployment.md).
 */
@Command(name = "health", description = "Exit 0 when a running Quorum is ready (--live: alive), 1 when DOWN, 5 unreachable",
        mixinStandardHelpOptions = true)
final class HealthCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--url", paramLabel = "<url>",
            description = "the Quorum to check (default: $QUORUM_URL, else http://127.0.0.1:$QUORUM_PORT, port 8080)")
    String url;

    @Option(names = "--live", description = "liveness (/observe/health/live) instead of readiness")
    boolean live;

    @Option(names = "--timeout", paramLabel = "<duration>", defaultValue = "5s",
            description = "how long to wait for the answer, default ${DEFAULT-VALUE}")
    String timeout;

    HealthCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String base = url != null ? url : context.env().get(CliContext.URL_VARIABLE);
        if (base == null || base.isBlank()) {
            String port = context.env().getOrDefault("QUORUM_PORT", "8080");
            base = "http://127.0.0.1:" + port;
        }
        base = base.strip().replaceAll("/+$", "");
        String check = live ? "/observe/health/live" : "/observe/health/ready";
        Duration wait = AskCommand.duration(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(wait).build();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(base + check)).timeout(wait).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "unreachable", base + check + ": connection refused");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "unreachable", base + check + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted", "interrupted");
        }
        boolean up = response.statusCode() == 200;
        context.out().println((up ? "UP" : "DOWN") + " " + base + check + " (HTTP " + response.statusCode() + ")");
        context.out().flush();
        return up ? ExitCodes.ANSWERED : ExitCodes.FAILED;
    }
}
