package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quorum usage}: the day's or month's spend, tokens and requests by provider, model or tenant, and budgets. */
@Command(name = "usage", description = "Spend, tokens and requests of the day or month, and every budget",
        sortOptions = false, mixinStandardHelpOptions = true)
final class UsageCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--period", paramLabel = "<period>", defaultValue = "day",
            description = "day or month (UTC), default ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--by", paramLabel = "<key>", defaultValue = "provider",
            description = "provider, model or tenant, default ${DEFAULT-VALUE}")
    String by;

    @Mixin
    ConnectionOptions connection;

    UsageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Connection quorum = connection.connect(context)) {
            Reply reply = quorum.usage(period, by);
            return Output.print(context, connection.json, reply, out -> print(out, reply.body()));
        }
    }

    private static void print(java.io.PrintWriter out, JsonNode report) {
        out.printf("%s %s to %s, by %s%n", report.path("period").asText(), report.path("from").asText(),
                report.path("to").asText(), report.path("by").asText());
        String format = "%-24s %10s %10s %8s %12s %12s %16s%n";
        out.printf(format, report.path("by").asText(), "requests", "calls", "errors", "tokens in", "tokens out",
                "cost USD");
        for (JsonNode row : report.path("rows")) {
            line(out, format, row.path("key").asText(), row);
        }
        line(out, format, "total", report.path("totals"));
        for (JsonNode budget : report.path("budgets")) {
            out.printf("budget %s (%s%s, %s): $%s of $%s spent (%s %%), policy %s, resets %s%n",
                    budget.path("name").asText(), budget.path("scope").asText(),
                    budget.path("key").isTextual() ? " " + budget.path("key").asText() : "",
                    budget.path("period").asText(), Output.usd(budget.path("spentUsd")),
                    Output.usd(budget.path("limitUsd")), budget.path("percent").asText(), budget.path("policy").asText(),
                    budget.path("resetsAt").asText());
        }
    }

    private static void line(java.io.PrintWriter out, String format, String key, JsonNode row) {
        out.printf(format, key, row.path("clientRequests").asText("-"), row.path("requests").asText(),
                row.path("errors").asText(), row.path("inputTokens").asText(), row.path("outputTokens").asText(),
                Output.usd(row.path("costUsd")));
    }
}
