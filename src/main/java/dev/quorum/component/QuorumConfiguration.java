package dev.quorum.component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.api.Intake;
import dev.quorum.api.Mode;
import dev.quorum.api.RequestParser;
import dev.quorum.api.ResultJson;
import dev.quorum.api.Results;
import dev.quorum.camel.Steps;
import dev.quorum.provider.ApiKey;
import dev.quorum.provider.OllamaDiscovery;
import dev.quorum.provider.MaxOutputTokens;
import dev.quorum.provider.ProviderCalls;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderKind;
import dev.quorum.provider.ProviderModels;
import dev.quorum.provider.ProviderRoutes;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.routing.ProviderSelector;
import dev.quorum.secrets.Secrets;
import dev.quorum.sim.ProviderSimulator;
import dev.quorum.sim.SimScript;
import dev.quorum.settings.Settings;
import dev.quorum.sim.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires Quorum's beans from {@code application.properties} before the routes load: the provider catalog (configured
 * providers, discovered Ollama models, or the built-in simulator when nothing real is enabled), one ChatModel bean per
 * enabled provider, and the beans the routes call. Everything a bean needs is built here once, never per request.
 */
public final class QuorumConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumConfiguration.class);

    static final String PROVIDER_PREFIX = "quorum.provider";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings quorum = Settings.of(context, "quorum");
        requireKnownFeatures(quorum);
        // every configured key and password, masked out of what Quorum returns, logs and stores (docs/security.md)
        Secrets secrets = Secrets.fromSettings(quorum.all());
        secrets.installForLogs();

        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(secrets.module());

        Settings providers = Settings.of(context, PROVIDER_PREFIX);
        List<ProviderSpec> specs = new ArrayList<>(ProviderCatalog.from(providers, false));
        int defaultMaxOutput = providers.integer("default-max-output-tokens", Settings.of(context, "quorum.budget")
                .integer("assumed-output-tokens", MaxOutputTokens.DEFAULT, 1, Integer.MAX_VALUE), 1, Integer.MAX_VALUE);
        providers.requireKnown();
        Settings ollama = Settings.of(context, "quorum.ollama");
        boolean discover = ollama.bool("discovery-enabled", true);
        long discoveryTimeoutMs = ollama.whole("discovery-timeout-ms", 500, 1, Long.MAX_VALUE);
        String ollamaUrl = ollama.text("base-url", "http://localhost:11434");
        double ollamaQuality = ollama.decimal("quality", 0.5, 0, 1);
        long ollamaTimeoutMs = ollama.whole("timeout-ms", 120_000, 1, Long.MAX_VALUE);
        ollama.requireKnown();
        Settings simulatorSettings = Settings.of(context, "quorum.simulator");
        String simulatorMode = simulatorSettings.choice("enabled", "auto", List.of("auto", "true", "false"));
        int simulatorPort = simulatorSettings.integer("port", 0, 0, 65_535);
        List<ProviderSpec> simulatedSpecs = ProviderCatalog.from(simulatorSettings.under("provider"), true);
        Map<String, Map<String, String>> scripts = new HashMap<>();
        for (String id : simulatorSettings.ids("script")) {
            scripts.put(id, simulatorSettings.entries("script." + id));
        }
        simulatorSettings.requireKnown();
        Settings request = Settings.of(context, "quorum.request");
        int maxPromptChars = request.integer("max-prompt-chars", 100_000, 1, Integer.MAX_VALUE);
        int maxSystemChars = request.integer("max-system-chars", 100_000, 1, Integer.MAX_VALUE);
        int maxImageChars = request.integer("max-image-chars", 0, 0, Integer.MAX_VALUE);
        int maxChoices = request.integer("max-n", 8, 1, Integer.MAX_VALUE);
        request.requireKnown();
        String defaultProvider = Settings.of(context, "quorum").text("default-provider", "");

        if (discover) {
            List<ProviderSpec> discovered = new OllamaDiscovery(mapper, Duration.ofMillis(discoveryTimeoutMs))
                    .discover(ollamaUrl, ollamaQuality, Duration.ofMillis(ollamaTimeoutMs));
            for (ProviderSpec spec : discovered) {
                if (specs.stream().noneMatch(s -> s.id().equals(spec.id()))) {
                    LOG.info("Discovered Ollama model {} as provider {}", spec.model(), spec.id());
                    specs.add(spec);
                }
            }
        }

        boolean anyReal = specs.stream().anyMatch(ProviderSpec::enabled);
        if ("true".equals(simulatorMode) || (!anyReal && "auto".equals(simulatorMode))) {
            specs.addAll(startSimulator(context, simulatorPort, simulatedSpecs, scripts, anyReal));
        }

        ProviderCatalog catalog = new ProviderCatalog(specs);
        for (ProviderSpec spec : catalog.all().stream().sorted(java.util.Comparator.comparing(ProviderSpec::id)).toList()) {
            if (spec.enabled()) {
                LOG.info("Provider {} enabled: {} model {} at {}{}", spec.id(), spec.kind().wireName(), spec.model(),
                        spec.baseUrl() == null ? "its public API" : spec.baseUrl(), spec.simulated() ? " (simulated)" : "");
            } else {
                LOG.warn("Provider {} disabled: {}", spec.id(), spec.disabledReason());
            }
        }
        if (catalog.enabled().isEmpty()) {
            LOG.warn("No provider is enabled: every request will be answered with an error until a key is set");
        }

        Registry registry = context.getRegistry();
        for (ProviderSpec spec : catalog.enabled()) {
            registry.bind(spec.chatModelBean(), ProviderModels.create(spec));
        }
        RequestParser parser = new RequestParser(maxPromptChars, maxSystemChars, maxImageChars, catalog::isKnown,
                EnumSet.allOf(Mode.class));
        parser.maxChoices(maxChoices);
        ProviderSelector selector = new ProviderSelector(catalog, defaultProvider);
        if (selector.defaultProvider() != null) {
            LOG.info("Default provider: {}", selector.defaultProvider());
        }
        registry.bind("quorumObjectMapper", mapper);
        registry.bind("secrets", secrets);
        registry.bind("providerCatalog", catalog);
        registry.bind("requestParser", parser);
        MaxOutputTokens maxOutputTokens = new MaxOutputTokens(defaultMaxOutput);
        registry.bind("maxOutputTokens", maxOutputTokens);
        ProviderCalls calls = new ProviderCalls(catalog, secrets, maxOutputTokens);
        Steps.bind(registry, "providerCalls", calls)
                .step("prepare", calls::prepare)
                .step("complete", calls::complete)
                .step("failed", calls::failed);
        registry.bind("providerSelector", selector);
        Intake intake = new Intake(parser, mapper);
        Steps.bind(registry, "intake", intake)
                .step("accept", intake::accept);
        Results results = new Results();
        Steps.bind(registry, "results", results)
                .toBody("unsupportedMode", results::unsupportedMode)
                .toBody("failure", results::failure);
        ResultJson resultJson = new ResultJson(mapper);
        Steps.bind(registry, "resultJson", resultJson)
                .step("write", resultJson::write);
        registry.bind("providerRoutes", new ProviderRoutes(catalog));
    }

    private List<ProviderSpec> startSimulator(CamelContext context, int port, List<ProviderSpec> parsedSpecs,
                                              Map<String, Map<String, String>> scripts, boolean anyReal) throws Exception {
        ProviderSimulator simulator;
        try {
            simulator = ProviderSimulator.start(port);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Port {} is taken; the provider simulator uses a free port instead", port);
            simulator = ProviderSimulator.start(0);
        }
        context.getRegistry().bind("providerSimulator", simulator);
        context.addService(new SimulatorService(simulator), true, true);

        List<ProviderSpec> simulated = new ArrayList<>();
        for (ProviderSpec parsed : parsedSpecs) {
            WireFormat format = wireFormat(parsed.kind());
            simulator.script(parsed.id(), SimScript.fromProperties(scripts.getOrDefault(parsed.id(), Map.of()), ""));
            simulated.add(new ProviderSpec(parsed.id(), parsed.kind(), parsed.model(), simulator.baseUrl(parsed.id(), format),
                    ApiKey.of("simulated"), parsed.pricing(), parsed.quality(), parsed.capabilities(),
                    parsed.contextWindow(), parsed.timeout(), parsed.maxOutputTokens(), true, parsed.disabledReason(),
                    parsed.firstTokenTimeout()));
        }
        simulator.markBaseline();
        if (anyReal) {
            LOG.info("Provider simulator on http://127.0.0.1:{} serving {} simulated providers next to the real ones",
                    simulator.port(), simulated.size());
        } else {
            String line = "=".repeat(78);
            LOG.warn("\n{}\n  SIMULATED ANSWERS: no provider API key is set, so Quorum started its built-in provider\n"
                            + "  simulator on http://127.0.0.1:{} and wired {} simulated providers to it.\n"
                            + "  Answers are scripted, not written by a language model.\n"
                            + "  For real models set OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or\n"
                            + "  MISTRAL_API_KEY (or run Ollama on localhost:11434) and restart.\n{}",
                    line, simulator.port(), simulated.size(), line);
        }
        return simulated;
    }

    /**
     * The first parts of {@code quorum.*} keys: the features, whose own configuration classes check the rest, the
     * single settings, and the build's own properties ({@code -Dquorum.cds.skip}, {@code quorum.opts}, ...), which
     * Maven may pass on as system properties.
     */
    static final List<String> FEATURES = List.of("alerts", "auth", "budget", "cache", "consensus", "console",
            "dashboard", "data", "default-provider", "file", "health", "http", "instance-id", "kafka", "ledger",
            "metrics", "ollama", "openai", "price", "prompts", "provider", "ratelimit", "request", "routing",
            "simulator", "cds", "image", "main", "opts");

    /** Fails the start on a {@code quorum.*} key whose first part is no feature, e.g. {@code quorum.consensu.quorum}. */
    static void requireKnownFeatures(Settings quorum) {
        for (String name : quorum.names("")) {
            int dot = name.indexOf('.');
            String feature = dot < 0 ? name : name.substring(0, dot);
            if (!FEATURES.contains(feature)) {
                String nearest = Settings.nearest(feature, FEATURES);
                throw quorum.unknown(name, "a quorum.<feature>.* setting"
                        + (nearest == null ? "" : "; did you mean quorum." + nearest + (dot < 0 ? "" : ".*") + "?"));
            }
        }
    }

    static WireFormat wireFormat(ProviderKind kind) {
        return switch (kind) {
            case OPENAI, OPENAI_COMPATIBLE -> WireFormat.OPENAI;
            case ANTHROPIC -> WireFormat.ANTHROPIC;
            case GEMINI -> WireFormat.GEMINI;
            case OLLAMA -> WireFormat.OLLAMA;
            case MISTRAL -> WireFormat.MISTRAL;
        };
    }

    /** Stops the simulator with the context, so tests and restarts never leak its port. */
    private static final class SimulatorService extends ServiceSupport {

        private final ProviderSimulator simulator;

        SimulatorService(ProviderSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        protected void doStop() {
            simulator.close();
        }
    }
}
