package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.budget.UsageReport;
import dev.quorum.component.QuorumConstants;
import dev.quorum.provider.ProviderCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Quorum's engine started in this process, for a command given no {@code --url}: a CamelContext of its own with the
 * {@code quorum:} component, reading {@code quorum.*} from {@code application.properties} of the working directory when
 * there is one, over the jar's defaults (so the simulator answers when no provider key is set). Its usage ledger is
 * the working directory's {@code data/} (or {@code quorum.data.dir}), the one a Quorum started there uses: while that
 * Quorum runs, the engine cannot open it and says so. Requests go through {@code quorum:<mode>?resultFormat=json}, so
 * the result and its status are the ones the HTTP API gives.
 */
final class LocalQuorum implements Connection {

    private static final ObjectMapper JSON = Output.JSON;

    private final CamelContext context;
    private final ProducerTemplate template;
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    LocalQuorum(Path workingDirectory, Map<String, String> settings) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("quorum-cli");
        Path file = workingDirectory.resolve("application.properties").toAbsolutePath();
        if (Files.isRegularFile(file)) {
            camel.getPropertiesComponent().setLocation("file:" + file);
        }
        Properties overrides = new Properties();
        overrides.putAll(settings);
        camel.getPropertiesComponent().setOverrideProperties(overrides);
        camel.getShutdownStrategy().setTimeout(5);
        try {
            camel.start();
            // the engine starts with the first quorum: endpoint; made here so that a failure is the start's
            camel.getEndpoint("quorum:complete?resultFormat=json");
            camel.getRegistry().lookupByNameAndType("usageReport", UsageReport.class);
        } catch (RuntimeException e) {
            camel.stop();
            throw new CliException(ExitCodes.UNREACHABLE, "engine_not_started", "the in-process Quorum engine did not "
                    + "start: " + rootMessage(e) + " (a Quorum running in this folder holds its usage database: ask it "
                    + "with --url or QUORUM_URL)", e);
        }
        this.context = camel;
        this.template = camel.createProducerTemplate();
        ProviderCatalog catalog = camel.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        if (catalog.all().stream().anyMatch(spec -> spec.enabled() && spec.simulated())) {
            notes.add("the in-process engine's answers are simulated: no provider key is set (OPENAI_API_KEY, "
                    + "ANTHROPIC_API_KEY, ...; docs/simulator.md)");
        }
    }

    /** Lines the command prints on stderr before its output: what a server logs at start that a user must know. */
    java.util.List<String> notes() {
        return notes;
    }

    @Override
    public Reply ask(String mode, ObjectNode request, Duration wait) {
        // the component's operations: complete (mode single), consensus, cascade
        String operation = "single".equals(mode) ? "complete" : mode;
        java.util.concurrent.CompletableFuture<Exchange> answer = template.asyncSend(
                "quorum:" + operation + "?resultFormat=json", in -> in.getMessage().setBody(request.toString()));
        Exchange exchange;
        try {
            exchange = wait == null ? answer.get()
                    : answer.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new CliException(ExitCodes.FAILED, "timeout", "no answer from the in-process engine within "
                    + wait.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted", "interrupted while waiting for the engine", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CliException(ExitCodes.FAILED, "engine_error", "the in-process engine failed: "
                    + rootMessage(e), e);
        }
        if (exchange.getException() != null) {
            throw new CliException(ExitCodes.FAILED, "engine_error", "the in-process engine failed: "
                    + rootMessage(exchange.getException()), exchange.getException());
        }
        String raw = exchange.getMessage().getBody(String.class);
        int status = exchange.getMessage().getHeader(QuorumConstants.STATUS, 200, Integer.class);
        return new Reply(status, parse(raw), raw);
    }

    @Override
    public Reply providers() {
        ProviderCatalog catalog = context.getRegistry().lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        return json(catalog.view());
    }

    @Override
    public Reply usage(String period, String by) {
        UsageReport report = context.getRegistry().lookupByNameAndType("usageReport", UsageReport.class);
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("period", period);
        exchange.getMessage().setHeader("by", by);
        try {
            return json(report.report(exchange));
        } catch (dev.quorum.api.QuorumException e) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("type", "invalid_request").put("message", e.getMessage());
            return new Reply(400, error, error.toString());
        } catch (Exception e) {
            throw new CliException(ExitCodes.FAILED, "usage_unavailable", "the usage report failed: "
                    + rootMessage(e), e);
        }
    }

    @Override
    public Reply prompts(String id, Integer version) {
        throw new CliException(ExitCodes.BAD_INPUT, "invalid_request", "prompts are managed by a running Quorum: "
                + "name it with --url or QUORUM_URL");
    }

    @Override
    public String describe() {
        return "the in-process engine";
    }

    @Override
    public void close() {
        context.stop();
    }

    private Reply json(Object value) {
        // the engine's own mapper writes money as the HTTP API does
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        try {
            String raw = mapper.writeValueAsString(value);
            return new Reply(200, JSON.readTree(raw), raw);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "engine_error", "cannot write the engine's answer: "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "engine_error", "the engine's result is not JSON", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
