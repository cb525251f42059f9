package dev.quorum.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.budget.UsageDatabase;
import dev.quorum.budget.UsageLedger;
import dev.quorum.camel.Steps;
import dev.quorum.settings.Settings;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the response cache after the usage ledger ({@code quorum.cache.*}, docs/cache.md): binds
 * {@code responseCache} with the steps {@code direct:intake} calls and {@code DELETE /api/v1/cache}'s.
 */
public final class CacheConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CacheConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        Settings settings = Settings.of(context, "quorum.cache");
        boolean enabled = settings.bool("enabled", false);
        long ttlMs = settings.whole("ttl-ms", 3_600_000, 1, Long.MAX_VALUE);
        int maxEntries = settings.integer("max-entries", 10_000, 1, Integer.MAX_VALUE);
        long maxBytes = settings.whole("max-bytes", 64L * 1024 * 1024, 1, Long.MAX_VALUE);
        double threshold = settings.decimal("semantic-threshold", 0.90, 0, 1);
        if (threshold == 0) {
            throw settings.invalid("semantic-threshold", settings.text("semantic-threshold", ""),
                    "a cosine above 0 and at most 1");
        }
        int semanticMaxChars = settings.integer("semantic-max-prompt-chars", 1_000, 1, Integer.MAX_VALUE);
        settings.requireKnown();
        UsageDatabase database = registry.lookupByNameAndType("usageDatabase", UsageDatabase.class);
        UsageLedger ledger = registry.lookupByNameAndType("usageLedger", UsageLedger.class);
        ObjectMapper mapper = registry.lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        CacheLedger hits = new CacheLedger(database);
        context.addService(new Closer(hits), true, true);
        // the semantic vote's model (loaded on first use): the same embeddings for votes, routing and this cache
        EmbeddingModel embeddings = registry.lookupByNameAndType("embeddingModel", EmbeddingModel.class);
        ResponseCache cache = new ResponseCache(enabled, Duration.ofMillis(ttlMs), maxEntries, maxBytes, mapper, ledger, hits, Ticker.systemTicker(), embeddings, threshold, semanticMaxChars);
        registry.bind("cacheLedger", hits);
        Steps.bind(registry, "responseCache", cache)
                .step("lookup", cache::lookup)
                .toBody("hit", cache::hit)
                .step("store", cache::store)
                .toBody("clear", cache::clear);
        LOG.info("Response cache {} (a request's \"cache\" option decides for itself): {} ms, at most {} entries and "
                + "{} bytes", enabled ? "on" : "off", ttlMs, maxEntries, maxBytes);
    }

    /** Writes the queued cache hits when the context stops. */
    private static final class Closer extends ServiceSupport {

        private final CacheLedger hits;

        Closer(CacheLedger hits) {
            this.hits = hits;
        }

        @Override
        protected void doStop() {
            hits.close();
        }
    }
}
