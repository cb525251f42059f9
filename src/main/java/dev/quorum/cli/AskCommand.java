package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorum ask}: one request, routed to one provider or answered by a panel (consensus or cascade), printed as the
 * answer with its agreement, provider and cost, or as the result JSON with {@code --json}; the exit code says how it
 * went ({@link ExitCodes}).
 */
@Command(name = "ask", description = "Ask a question: routed to one provider, or a panel's vote with --consensus",
        sortOptions = false, mixinStandardHelpOptions = true)
final class AskCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");
    /** How much longer than the panel's own time-out the command waits for Quorum's answer (it answers 504 itself). */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<prompt>", description = "the question; - reads it from stdin")
    String prompt;

    @Option(names = "--consensus", description = "ask a panel in parallel and vote (implied by the panel options below)")
    boolean consensus;

    @Option(names = "--cascade", description = "ask the cheapest providers first, the strongest only when they disagree")
    boolean cascade;

    @Option(names = "--algorithm", paramLabel = "<name>",
            description = "majority, weighted, semantic, threshold, judge or fusion")
    String algorithm;

    @Option(names = "--providers", split = ",", paramLabel = "<id>", description = "the panel, e.g. a,b,c")
    List<String> providers;

    @Option(names = "--min-agreement", paramLabel = "<ratio>", description = "share of the vote that counts as agreement")
    Double minAgreement;

    @Option(names = "--quorum", paramLabel = "<n>", description = "answers the panel needs")
    Integer quorum;

    @Option(names = "--timeout", paramLabel = "<duration>",
            description = "how long to wait: 30s, 500ms, 2m (a panel's timeoutMs; one provider: the command's wait)")
    String timeout;

    @Option(names = "--provider", paramLabel = "<id>", description = "one provider instead of routing")
    String provider;

    @Option(names = "--priority", paramLabel = "<p>", description = "cost, quality, latency or balanced")
    String priority;

    @Option(names = "--task", paramLabel = "<task>",
            description = "code, reasoning, extraction, classification, creative, simple or long-context")
    String task;

    @Option(names = "--system", paramLabel = "<text>", description = "a system message")
    String system;

    @Option(names = "--max-tokens", paramLabel = "<n>", description = "cap on output tokens")
    Integer maxTokens;

    @Option(names = "--tenant", paramLabel = "<name>", description = "who the request is billed to")
    String tenant;

    @Mixin
    ConnectionOptions connection;

    AskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String mode = mode();
        Duration wait = timeout == null ? null : duration(timeout);
        ObjectNode request = request(mode, wait);
        try (Connection quorumConnection = connection.connect(context)) {
            if (quorumConnection instanceof LocalQuorum local) {
                local.notes().forEach(note -> context.err().println("quorum: " + note));
                context.err().flush();
            }
            Reply reply;
            String what = "single".equals(mode) ? "asking" : "asking the panel" + (providers == null ? ""
                    : " (" + String.join(", ", providers) + ")");
            try (AutoCloseable ignored = Progress.start(context, what + " through " + quorumConnection.describe())) {
                reply = quorumConnection.ask(mode, request, wait == null ? null
                        : "single".equals(mode) ? wait : wait.plus(GRACE));
            }
            return Output.print(context, connection.json, reply, out -> printAnswer(out, reply.body()));
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException(ExitCodes.FAILED, "cli_error", e.getMessage(), e);
        }
    }

    private String mode() {
        if (consensus && cascade) {
            throw bad("--consensus and --cascade exclude each other");
        }
        if (cascade) {
            return "cascade";
        }
        boolean panel = algorithm != null || providers != null || minAgreement != null || quorum != null;
        if (provider != null && (consensus || panel)) {
            throw bad("--provider names one provider; a panel is --providers a,b,c");
        }
        return consensus || panel ? "consensus" : "single";
    }

    private ObjectNode request(String mode, Duration wait) {
        ObjectNode request = JSON.createObjectNode();
        request.put("prompt", "-".equals(prompt) ? stdin() : prompt);
        putIfSet(request, "system", system);
        putIfSet(request, "provider", provider);
        putIfSet(request, "priority", priority);
        putIfSet(request, "task", task);
        putIfSet(request, "tenant", tenant);
        putIfSet(request, "algorithm", algorithm);
        if (providers != null) {
            providers.stream().map(String::strip).filter(id -> !id.isEmpty())
                    .forEach(request.putArray("providers")::add);
        }
        if (maxTokens != null) {
            request.put("maxTokens", maxTokens);
        }
        if (minAgreement != null) {
            request.put("minAgreement", minAgreement);
        }
        if (quorum != null) {
            request.put("quorum", quorum);
        }
        if (wait != null && !"single".equals(mode)) {
            request.put("timeoutMs", wait.toMillis());
        }
        return request;
    }

    private String stdin() {
        try {
            String text = new String(context.in().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw bad("the prompt is - but stdin was empty");
            }
            return text;
        } catch (IOException e) {
            throw bad("cannot read the prompt from stdin: " + e.getMessage());
        }
    }

    /** 30s, 500ms, 2m, or a number of seconds. */
    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw bad("--timeout must be a positive duration such as 30s, 500ms or 2m, not '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static void printAnswer(java.io.PrintWriter out, JsonNode result) {
        JsonNode answer = result.path("answer");
        out.println(answer.isTextual() ? answer.asText() : answer.toString());
        out.println();
        JsonNode agreement = result.path("agreement");
        if (agreement.isObject()) {
            int agreeing = agreement.path("agreeing").size();
            int asked = result.path("responses").size();
            out.printf("agreement  %s, %d of %d agree (ratio %.2f, %s): %s%n", agreement.path("level").asText(),
                    agreeing, asked, agreement.path("ratio").asDouble(), result.path("algorithm").asText(),
                    join(agreement.path("agreeing")));
            if (!agreement.path("dissenting").isEmpty()) {
                out.printf("dissent    %s%n", join(agreement.path("dissenting")));
            }
        }
        if (result.path("provider").isTextual()) {
            out.printf("provider   %s (%s)%n", result.path("provider").asText(), result.path("model").asText());
        }
        JsonNode cascadeNode = result.path("cascade");
        if (cascadeNode.isObject()) {
            out.printf("cascade    %s, saved $%s%n", cascadeNode.path("escalated").asBoolean() ? "escalated"
                    : "not escalated", Output.usd(cascadeNode.path("costSavedUsd")));
        }
        out.printf("cost       $%s, %d in / %d out tokens, %d ms%n", Output.usd(result.path("costUsd")),
                result.path("inputTokens").asLong(), result.path("outputTokens").asLong(),
                result.path("latencyMs").asLong());
        for (JsonNode warning : result.path("warnings")) {
            out.printf("warning    %s%n", warning.isTextual() ? warning.asText() : warning.toString());
        }
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.isEmpty() ? "" : ", ").append(item.asText()));
        return text.toString();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static CliException bad(String message) {
        return new CliException(ExitCodes.BAD_INPUT, "invalid_request", message);
    }
}
