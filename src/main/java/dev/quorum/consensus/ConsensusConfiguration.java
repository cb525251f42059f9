package dev.quorum.consensus;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.api.CompletionRequest;
import dev.quorum.camel.Steps;
import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.routing.ContextWindows;
import dev.quorum.routing.ProviderHealth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Wires consensus voting from {@code quorum.consensus.*} after the provider catalog and the routing beans exist: the
 * voting methods and the {@code consensusStrategy} the panel's recipient list aggregates with, the bounded thread
 * pool the panel runs on ({@code consensusExecutor}), the panel chooser, the judge steps, the result builder and the
 * cascade. The embedding model is the application's one {@code embeddingModel} bean, shared with the semantic router.
 */
public final class ConsensusConfiguration implements CamelConfiguration {

    static final String PREFIX = "quorum.consensus.";
    /** The registry name of the one in-process embedding model. */
    public static final String EMBEDDING_MODEL = "embeddingModel";

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties raw = properties.loadProperties(key -> key.startsWith(PREFIX));
        Map<String, String> values = new HashMap<>();
        for (String key : raw.stringPropertyNames()) {
            properties.resolveProperty(key).ifPresent(value -> values.put(key, value));
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                values.put(key, context.resolvePropertyPlaceholders(System.getProperty(key)));
            }
        }
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        ConsensusSettings settings = settings(values);

        EmbeddingModel embeddings = registry.lookupByNameAndType(EMBEDDING_MODEL, EmbeddingModel.class);
        if (embeddings == null) {
            OnDemandEmbeddingModel onDemand = new OnDemandEmbeddingModel(LocalEmbeddingModel::allMiniLmL6V2);
            if ("semantic".equals(settings.algorithm())) {
                onDemand.load();
            }
            registry.bind(EMBEDDING_MODEL, onDemand);
            embeddings = onDemand;
        }
        JudgeVote judge = new JudgeVote();
        SemanticVote semantic = new SemanticVote(embeddings, number(values, "semantic.threshold", 0.60));
        List<VotingMethod> methods = List.of(new MajorityVote(),
                new WeightedVote(number(values, "weighted.min-accuracy", 0.51), number(values, "weighted.max-accuracy", 0.99)),
                semantic,
                new ThresholdVote(number(values, "threshold", 0.75)),
                judge,
                new FusionVote(),
                new VerifyVote(),
                new RankVote(text(values, "rank.method", "judge"), (int) number(values, "rank.max-pairwise-calls", 12)));

        // the panel's calls block on provider I/O: a pool that grows to the cap on demand and shrinks when idle,
        // shared by every request; beyond the cap the calling thread runs the branch itself rather than fail
        int threads = (int) number(values, "threads", 128);
        ThreadPoolProfile profile = new ThreadPoolProfile("consensus-panel");
        profile.setPoolSize(Math.min(8, threads));
        profile.setMaxPoolSize(threads);
        profile.setMaxQueueSize(0);
        profile.setKeepAliveTime(60L);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
        ExecutorService executor = context.getExecutorServiceManager().newThreadPool(this, "consensus-panel", profile);

        ConsensusResults results = new ConsensusResults(settings.highAgreement());
        registry.bind("consensusExecutor", executor);
        registry.bind("consensusStrategy", new ConsensusStrategy(catalog, methods, settings.accuracy()));
        ProviderHealth health = registry.lookupByNameAndType("providerHealth", ProviderHealth.class);
        ContextWindows windows = registry.lookupByNameAndType("contextWindows", ContextWindows.class);
        ConsensusPanel panel = new ConsensusPanel(catalog, settings, health == null ? id -> true : health::available,
                windows != null ? windows : new ContextWindows(512));
        Steps.bind(registry, "consensusPanel", panel)
                .step("select", panel::select)
                .step("cascade", panel::cascade);
        ConsensusJudge consensusJudge = new ConsensusJudge(judge);
        Steps.bind(registry, "consensusJudge", consensusJudge)
                .step("ask", consensusJudge::ask)
                .toBody("decide", consensusJudge::decide);
        VerifyEnsemble verify = new VerifyEnsemble(catalog, list(values, "verify.verifiers"),
                (int) number(values, "verify.max-attempts", 3), settings.highAgreement(), settings.timeoutMs());
        Steps.bind(registry, "verifyEnsemble", verify)
                .step("start", verify::start)
                .step("generated", verify::generated)
                .step("checked", verify::checked)
                .toBody("result", verify::result);
        RankVote rank = (RankVote) methods.stream().filter(m -> m instanceof RankVote).findFirst().orElseThrow();
        Steps.bind(registry, "rankEnsemble", rank)
                .step("ask", rank::ask)
                .step("read", rank::read)
                .step("askPair", rank::askPair)
                .step("readPair", rank::readPair)
                .toBody("decide", rank::decide)
                .step("unanimous", rank::unanimous);
        EntailmentCheck entailment = new EntailmentCheck(catalog, semantic, text(values, "semantic.entailment.judge", null),
                number(values, "semantic.entailment.band-low", 0.45), number(values, "semantic.entailment.band-high", 0.80),
                (int) number(values, "semantic.entailment.max-pairs", 3));
        Steps.bind(registry, "entailmentCheck", entailment)
                .step("plan", entailment::plan)
                .step("ask", entailment::ask)
                .step("read", entailment::read)
                .toBody("decide", entailment::decide);
        Steps.bind(registry, "consensusResults", results)
                .toBody("result", results::result);
        Cascade cascade = new Cascade(catalog, results);
        Steps.bind(registry, "cascade", cascade)
                .step("check", cascade::check)
                .toBody("result", cascade::result);
        registry.bind("panelMemberRoutes", new PanelMemberRoutes(catalog, (int) number(values, "member-threads", 32)));
    }

    static ConsensusSettings settings(Map<String, String> values) {
        String algorithm = text(values, "algorithm", "majority");
        if (!CompletionRequest.ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException(PREFIX + "algorithm must be one of " + CompletionRequest.ALGORITHMS
                    + ", not '" + algorithm + "'");
        }
        double minAgreement = number(values, "min-agreement", 0.66);
        if (!(minAgreement > 0) || minAgreement > 1) {
            throw new IllegalArgumentException(PREFIX + "min-agreement must be above 0 and at most 1");
        }
        int quorum = (int) number(values, "quorum", 2);
        int panelSize = (int) number(values, "panel-size", 3);
        int cascadeSize = (int) number(values, "cascade.panel-size", 2);
        if (quorum < 1 || panelSize < 1 || cascadeSize < 1) {
            throw new IllegalArgumentException(PREFIX + "quorum, panel-size and cascade.panel-size must be at least 1");
        }
        Map<String, Double> accuracy = new HashMap<>();
        String accuracyPrefix = PREFIX + "accuracy.";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (entry.getKey().startsWith(accuracyPrefix) && entry.getValue() != null && !entry.getValue().isBlank()) {
                String key = entry.getKey().substring(PREFIX.length());
                double p = number(values, key, 0.5);
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException(entry.getKey() + " must be between 0 and 1, not " + p);
                }
                accuracy.put(entry.getKey().substring(accuracyPrefix.length()), p);
            }
        }
        long timeoutMs = (long) number(values, "timeout-ms", 30_000);
        long maxTimeoutMs = (long) number(values, "max-timeout-ms", 120_000);
        if (timeoutMs < 1 || timeoutMs > maxTimeoutMs) {
            throw new IllegalArgumentException(PREFIX + "timeout-ms must be from 1 to " + PREFIX + "max-timeout-ms ("
                    + maxTimeoutMs + ")");
        }
        return new ConsensusSettings(algorithm, minAgreement, quorum, timeoutMs, maxTimeoutMs,
                list(values, "panel"), panelSize, number(values, "high-agreement", 0.9), text(values, "judge", null),
                list(values, "cascade.panel"), cascadeSize, text(values, "cascade.strong-provider", null), accuracy);
    }

    private static String text(Map<String, String> values, String key, String fallback) {
        String value = values.get(PREFIX + key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String value = text(values, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number, not '" + value + "'");
        }
    }

    private static List<String> list(Map<String, String> values, String key) {
        String value = text(values, key, null);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
