package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quorum providers}: the provider catalog, enabled and disabled (and why), with prices; never keys. */
@Command(name = "providers", description = "The provider catalog: enabled or why not, model, prices, quality",
        mixinStandardHelpOptions = true)
final class ProvidersCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ConnectionOptions connection;

    ProvidersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Connection quorum = connection.connect(context)) {
            Reply reply = quorum.providers();
            return Output.print(context, connection.json, reply, out -> print(out, reply.body()));
        }
    }

    private static void print(java.io.PrintWriter out, JsonNode providers) {
        String format = "%-20s %-17s %-28s %8s %10s %10s  %s%n";
        out.printf(format, "provider", "kind", "model", "quality", "$/M in", "$/M out", "status");
        for (JsonNode provider : providers) {
            String status = provider.path("enabled").asBoolean()
                    ? (provider.path("simulated").asBoolean() ? "enabled (simulated)" : "enabled")
                    : "disabled: " + provider.path("disabledReason").asText();
            out.printf(format, provider.path("id").asText(), provider.path("kind").asText(),
                    provider.path("model").asText(), provider.path("quality").asText(),
                    provider.path("priceInputPerMillion").asText(), provider.path("priceOutputPerMillion").asText(),
                    status);
        }
    }
}
