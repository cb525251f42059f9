package dev.quorum.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.quorum.budget.UsageDatabase;
import dev.quorum.budget.UsageLedger;
import dev.quorum.camel.Steps;
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
        boolean enabled = Boolean.parseBoolean(text(context, "quorum.cache.enabled", "false"));
        long ttlMs = positive(context, "quorum.cache.ttl-ms", 3_600_000);
        long maxEntries = positive(context, "quorum.cache.max-entries", 10_000);
        long maxBytes = positive(context, "quorum.cache.max-bytes", 64L * 1024 * 1024);
        UsageDatabase database = registry.lookupByNameAndType("usageDatabase", UsageDatabase.class);
        UsageLedger ledger = registry.lookupByNameAndType("usageLedger", UsageLedger.class);
        ObjectMapper mapper = registry.lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        CacheLedger hits = new CacheLedger(database);
        context.addService(new Closer(hits), true, true);
        double threshold = Double.parseDouble(text(context, "quorum.cache.semantic-threshold", "0.90"));
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("quorum.cache.semantic-threshold must be a cosine above 0 and at most 1, "
                    + "not " + threshold);
        }
        long semanticMaxChars = positive(context, "quorum.cache.semantic-max-prompt-chars", 1_000);
        // the semantic vote's model (loaded on first use): the same embeddings for votes, routing and this cache
        EmbeddingModel embeddings = registry.lookupByNameAndType("embeddingModel", EmbeddingModel.class);
        ResponseCache cache = new ResponseCache(enabled, Duration.ofMillis(ttlMs), (int) Math.min(Integer.MAX_VALUE,
                maxEntries), maxBytes, mapper, ledger, hits, Ticker.systemTicker(), embeddings, threshold,
                (int) Math.min(Integer.MAX_VALUE, semanticMaxChars));
        registry.bind("cacheLedger", hits);
        Steps.bind(registry, "responseCache", cache)
                .step("lookup", cache::lookup)
                .toBody("hit", cache::hit)
                .step("store", cache::store)
                .toBody("clear", cache::clear);
        LOG.info("Response cache {} (a request's \"cache\" option decides for itself): {} ms, at most {} entries and "
                + "{} bytes", enabled ? "on" : "off", ttlMs, maxEntries, maxBytes);
    }

    static String text(CamelContext context, String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = context.getPropertiesComponent().resolveProperty(key).orElse(null);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static long positive(CamelContext context, String key, long fallback) {
        String value = text(context, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, not '" + value + "'");
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
