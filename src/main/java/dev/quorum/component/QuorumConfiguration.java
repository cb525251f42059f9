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
import dev.quorum.sim.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
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

    static final String PROVIDER_PREFIX = "quorum.provider.";
    static final String SIM_PROVIDER_PREFIX = "quorum.simulator.provider.";
    static final String SIM_SCRIPT_PREFIX = "quorum.simulator.script.";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties raw = properties.loadProperties(key -> key.startsWith("quorum."));
        Map<String, String> resolved = new HashMap<>();
        Map<String, String> rawValues = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            rawValues.put(key, raw.getProperty(key));
            properties.resolveProperty(key).ifPresent(value -> resolved.put(key, value));
        }
        // a -D system property overrides the file and may add settings the file does not have (e.g. a base-url)
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("quorum.")) {
                rawValues.put(key, System.getProperty(key));
                resolved.put(key, context.resolvePropertyPlaceholders(System.getProperty(key)));
            }
        }
        Settings settings = new Settings(resolved);
        // every configured key and password, masked out of what Quorum returns, logs and stores (docs/security.md)
        Secrets secrets = Secrets.fromSettings(resolved);
        secrets.installForLogs();

        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(secrets.module());

        List<ProviderSpec> specs = new ArrayList<>(ProviderCatalog.parse(PROVIDER_PREFIX, resolved, rawValues, false));
        if (settings.bool("quorum.ollama.discovery-enabled", true)) {
            List<ProviderSpec> discovered = new OllamaDiscovery(mapper, Duration.ofMillis((long) settings.number("quorum.ollama.discovery-timeout-ms", 500)))
                    .discover(settings.text("quorum.ollama.base-url", "http://localhost:11434"),
                            settings.number("quorum.ollama.quality", 0.5),
                            Duration.ofMillis((long) settings.number("quorum.ollama.timeout-ms", 120_000)));
            for (ProviderSpec spec : discovered) {
                if (specs.stream().noneMatch(s -> s.id().equals(spec.id()))) {
                    LOG.info("Discovered Ollama model {} as provider {}", spec.model(), spec.id());
                    specs.add(spec);
                }
            }
        }

        boolean anyReal = specs.stream().anyMatch(ProviderSpec::enabled);
        String simulatorMode = settings.text("quorum.simulator.enabled", "auto");
        if ("true".equalsIgnoreCase(simulatorMode) || (!anyReal && "auto".equalsIgnoreCase(simulatorMode))) {
            specs.addAll(startSimulator(context, settings, resolved, rawValues, anyReal));
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
        RequestParser parser = new RequestParser((int) settings.number("quorum.request.max-prompt-chars", 100_000),
                (int) settings.number("quorum.request.max-system-chars", 100_000),
                (int) settings.number("quorum.request.max-image-chars", 0), catalog::isKnown,
                EnumSet.allOf(Mode.class));
        parser.maxChoices((int) settings.number("quorum.request.max-n", 8));
        ProviderSelector selector = new ProviderSelector(catalog, settings.text("quorum.default-provider", ""));
        if (selector.defaultProvider() != null) {
            LOG.info("Default provider: {}", selector.defaultProvider());
        }
        registry.bind("quorumObjectMapper", mapper);
        registry.bind("secrets", secrets);
        registry.bind("providerCatalog", catalog);
        registry.bind("requestParser", parser);
        MaxOutputTokens maxOutputTokens = new MaxOutputTokens((int) settings.number(MaxOutputTokens.SETTING,
                settings.number(MaxOutputTokens.LEGACY_SETTING, MaxOutputTokens.DEFAULT)));
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

    private List<ProviderSpec> startSimulator(CamelContext context, Settings settings, Map<String, String> resolved,
                                              Map<String, String> rawValues, boolean anyReal) throws Exception {
        int port = (int) settings.number("quorum.simulator.port", 0);
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
        for (ProviderSpec parsed : ProviderCatalog.parse(SIM_PROVIDER_PREFIX, resolved, rawValues, true)) {
            WireFormat format = wireFormat(parsed.kind());
            simulator.script(parsed.id(), SimScript.fromProperties(resolved, SIM_SCRIPT_PREFIX + parsed.id() + "."));
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

    /** Typed reads of resolved {@code quorum.*} settings with their defaults. */
    private record Settings(Map<String, String> values) {

        String text(String key, String fallback) {
            String value = values.get(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        double number(String key, double fallback) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key, null);
            return value == null ? fallback : Boolean.parseBoolean(value);
        }
    }
}
