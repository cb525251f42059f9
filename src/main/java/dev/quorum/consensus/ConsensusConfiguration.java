package dev.quorum.consensus;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.camel.Steps;
import dev.quorum.embedding.LocalEmbeddingModel;
import dev.quorum.embedding.LocalPairModel;
import dev.quorum.lexicon.WordNet;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.routing.ContextWindows;
import dev.quorum.routing.ProviderHealth;
import dev.quorum.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
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

    static final String PREFIX = "quorum.consensus";
    /** The registry name of the one in-process embedding model. */
    public static final String EMBEDDING_MODEL = "embeddingModel";

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings values = Settings.of(context, PREFIX);
        ConsensusSettings settings = ConsensusSettings.from(values);
        VotingSettings voting = VotingSettings.from(values);
        values.requireKnown();
        Registry registry = context.getRegistry();
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);

        WordNet.configure(voting.wordNet(), voting.wordNetDir() == null ? null : Path.of(voting.wordNetDir()));
        if ("semantic".equals(settings.algorithm())) {
            // semantic voting by default: its files are copied and opened now rather than by the first request
            WordNet.shared();
        }
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
        SemanticVote.PairReading pairReading = SemanticVote.PairReading.NONE;
        if (voting.pairModel()) {
            OnDemandPairModel pairModel = new OnDemandPairModel(LocalPairModel::load);
            if ("semantic".equals(settings.algorithm())) {
                pairModel.load();
            }
            pairReading = new SemanticVote.PairReading(pairModel, voting.pairModelWeight(), voting.pairModelShift(),
                    voting.pairModelFloor());
        }
        SemanticVote semantic = new SemanticVote(embeddings, voting.semanticThreshold(),
                voting.semanticQuestionThreshold(), pairReading);
        List<VotingMethod> methods = List.of(new MajorityVote(),
                new WeightedVote(voting.weightedMinAccuracy(), voting.weightedMaxAccuracy()),
                semantic,
                new ThresholdVote(voting.threshold()),
                judge,
                new FusionVote(),
                new VerifyVote(),
                new RankVote(voting.rankMethod(), voting.rankMaxPairwiseCalls()));

        // the panel's calls block on provider I/O: a pool that grows to the cap on demand and shrinks when idle,
        // shared by every request; beyond the cap the calling thread runs the branch itself rather than fail
        int threads = voting.threads();
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
        VerifyEnsemble verify = new VerifyEnsemble(catalog, voting.verifiers(), voting.verifyMaxAttempts(), settings.highAgreement(), settings.timeoutMs());
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
        EntailmentCheck entailment = new EntailmentCheck(catalog, semantic, voting.entailmentJudge(),
                voting.entailmentBandLow(), voting.entailmentBandHigh(), voting.entailmentMaxPairs());
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
        registry.bind("panelMemberRoutes", new PanelMemberRoutes(catalog, voting.memberThreads()));
    }
}
