package dev.quorum.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.quorum.api.CacheUse;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.Choice;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.RequestOptions;
import dev.quorum.api.Usd;
import dev.quorum.budget.LedgerEntry;
import dev.quorum.budget.UsageLedger;
import dev.quorum.camel.AuthConstants;
import dev.quorum.camel.PromptConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.embedding.Similarity;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * The exact response cache the intake route consults (docs/cache.md): {@code cache-lookup} finds the request's stored
 * answer, the first branch of {@code choose-mode} answers from it, {@code cache-store} keeps a new answer. Whether a
 * request uses it: its {@code cache} option ({@code true}, {@code false}, {@code "semantic"}), else
 * {@code quorum.cache.enabled}. Only successful answers (status 200, no error, no warning such as a budget downgrade)
 * are stored, so an error or a refused request never is. Entries expire {@code ttl} after they were stored, and the
 * cache holds at most {@code maxEntries} entries and {@code maxBytes} bytes (each entry weighs its JSON size, at
 * least {@code maxBytes / maxEntries}, so one Caffeine weight bound holds both). Per instance, in memory.
 */
public final class ResponseCache {

    /** Variable: the key of a request that uses the cache. */
    public static final String VAR_KEY = "cacheKey";
    /** Variable: the stored entry that answers this request (null on a miss). */
    public static final String VAR_HIT = "cacheHit";
    /** Variable: set by a route before {@code direct:intake} to ask for a cache for every request it sends. */
    public static final String VAR_ROUTE_CACHE = "cacheMode";
    /** The usage ledger's provider and outcome of an answer from the cache. */
    public static final String PROVIDER = "cache";
    public static final String OUTCOME = UsageLedger.CACHE_HIT;

    /**
     * A stored answer: the result, what it cost, the tenant whose it is, its prompt, its weight, and for the semantic
     * cache the key of its parameters without the prompt and the prompt's embedding (null when not stored for it).
     */
    public record Entry(CompletionResult result, long costNanos, String tenant, String prompt, int weight,
                        String parametersKey, float[] embedding) {
    }

    /** The stored answer that answers a request: exact, or semantic with the similarity of the prompts. */
    public record Match(Entry entry, String kind, Double similarity) {
    }

    /** Variable: the embedding of a semantic request's prompt, made at lookup and kept with its answer. */
    static final String VAR_EMBEDDING = "cacheEmbedding";

    private final boolean enabled;
    private final CacheKey keys = new CacheKey();
    private final ObjectMapper mapper;
    private final Cache<String, Entry> entries;
    private final UsageLedger ledger;
    private final CacheLedger hits;
    private final int minWeight;
    private final AtomicLong hitCount = new AtomicLong();
    private final AtomicLong missCount = new AtomicLong();
    private final EmbeddingModel embeddings;
    private final double semanticThreshold;
    private final int semanticMaxChars;

    public ResponseCache(boolean enabled, Duration ttl, int maxEntries, long maxBytes, ObjectMapper mapper,
                         UsageLedger ledger, CacheLedger hits, Ticker ticker) {
        this(enabled, ttl, maxEntries, maxBytes, mapper, ledger, hits, ticker, null, 1, 0);
    }

    /**
     * @param embeddings        the semantic vote's embedding model (null: no semantic cache)
     * @param semanticThreshold the cosine a cached prompt must reach, after {@link PromptGuard}
     * @param semanticMaxChars  prompts longer than this use the exact cache only
     */
    public ResponseCache(boolean enabled, Duration ttl, int maxEntries, long maxBytes, ObjectMapper mapper,
                         UsageLedger ledger, CacheLedger hits, Ticker ticker, EmbeddingModel embeddings,
                         double semanticThreshold, int semanticMaxChars) {
        this.embeddings = embeddings;
        this.semanticThreshold = semanticThreshold;
        this.semanticMaxChars = semanticMaxChars;
        this.enabled = enabled;
        this.mapper = mapper;
        this.ledger = ledger;
        this.hits = hits;
        this.minWeight = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / Math.max(1, maxEntries)));
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(maxBytes)
                .<String, Entry>weigher((key, entry) -> entry.weight())
                .ticker(ticker)
                .build();
    }

    /** {@code cache-lookup}: the request's key, and its stored answer when there is one. */
    public void lookup(Exchange exchange) {
        exchange.removeVariable(VAR_HIT);
        exchange.removeVariable(VAR_KEY);
        exchange.removeVariable(VAR_EMBEDDING);
        String mode = mode(exchange);
        if (mode == null) {
            return;
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String key = keys.exact(tenant(request), request);
        exchange.setVariable(VAR_KEY, key);
        Entry entry = entries.getIfPresent(key);
        Match match = entry == null ? null : new Match(entry, RequestOptions.CACHE_EXACT, null);
        if (match == null && semantic(mode, request)) {
            match = closest(exchange, request);
        }
        if (match != null) {
            hitCount.incrementAndGet();
            exchange.setVariable(VAR_HIT, match);
        } else {
            missCount.incrementAndGet();
        }
    }

    private boolean semantic(String mode, CompletionRequest request) {
        return RequestOptions.CACHE_SEMANTIC.equals(mode) && embeddings != null
                && request.prompt().length() <= semanticMaxChars;
    }

    /**
     * The semantic match: among stored answers of the same tenant and parameters (all but the prompt) whose prompt has
     * the same content words in the same order ({@link PromptGuard}), the one whose prompt's embedding is closest, when
     * it reaches the threshold. A scan of the entries: the semantic cache is asked for per request, and a 384-float
     * cosine over the cache's bounded entries costs less than embedding the prompt.
     */
    private Match closest(Exchange exchange, CompletionRequest request) {
        String parameters = keys.parameters(tenant(request), request);
        float[] vector = embeddings.embed(request.prompt()).content().vector();
        exchange.setVariable(VAR_EMBEDDING, vector);
        Entry best = null;
        double bestSimilarity = -1;
        for (Entry candidate : entries.asMap().values()) {
            if (candidate.embedding() == null || !parameters.equals(candidate.parametersKey())
                    || !PromptGuard.sameKeyTokens(request.prompt(), candidate.prompt())) {
                continue;
            }
            double similarity = Similarity.cosine(vector, candidate.embedding());
            if (similarity >= semanticThreshold && similarity > bestSimilarity) {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return best == null ? null : new Match(best, RequestOptions.CACHE_SEMANTIC,
                Math.round(bestSimilarity * 10_000) / 10_000d);
    }

    /**
     * The first branch of {@code choose-mode}: the stored answer, as this request's: its id, {@code cached: true},
     * cost 0, its own latency, the original's id and cost in {@code cache}; the usage ledger gets a row with outcome
     * {@code cache_hit} and cost 0, the {@code cache_hit} table what it saved.
     */
    public CompletionResult hit(Exchange exchange) {
        Match match = exchange.getVariable(VAR_HIT, Match.class);
        Entry entry = match.entry();
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        Long started = exchange.getVariable(RequestConstants.VAR_STARTED, Long.class);
        long latency = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        CompletionResult stored = entry.result();
        long now = System.currentTimeMillis();
        ledger.record(new LedgerEntry(ledger.newCallId(), now, request.id(), tenant(request), PROVIDER,
                stored.model(), request.task(), 0, 0, 0, 0, 0, latency, OUTCOME));
        hits.record(new CacheLedger.Hit(now, request.id(), stored.id(), tenant(request), match.kind(),
                entry.costNanos()));
        return stored.toBuilder()
                .id(request.id())
                .costUsd(0.0)
                .choices(stored.choices() == null ? null : stored.choices().stream().map(Choice::free).toList())
                .latencyMs(latency)
                .responses(null)
                .cached(true)
                .cache(new CacheUse(match.kind(), stored.id(), Usd.ofNanos(entry.costNanos()).doubleValue(),
                        match.similarity() == null ? null : entry.prompt(), match.similarity()))
                .status(200)
                .build();
    }

    /** {@code cache-store}: keeps a successful new answer of a request that uses the cache. */
    public void store(Exchange exchange) {
        String key = exchange.getVariable(VAR_KEY, String.class);
        if (key == null || exchange.getVariable(VAR_HIT) != null
                || !(exchange.getMessage().getBody() instanceof CompletionResult result) || !storable(result)) {
            return;
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        int weight;
        try {
            weight = mapper.writeValueAsBytes(result).length + 2 * key.length() + 2 * request.prompt().length() + 64;
        } catch (JsonProcessingException e) {
            return; // an answer that cannot be written is not worth keeping
        }
        long costNanos = result.costUsd() == null ? 0 : Usd.of(result.costUsd()).nanos();
        float[] vector = null;
        String parameters = null;
        if (semantic(mode(exchange), request)) {
            vector = exchange.getVariable(VAR_EMBEDDING, float[].class);
            if (vector == null) {
                vector = embeddings.embed(request.prompt()).content().vector();
            }
            parameters = keys.parameters(tenant(request), request);
            weight += 4 * vector.length + parameters.length() * 2;
        }
        entries.put(key, new Entry(result, costNanos, tenant(request), request.prompt(), Math.max(minWeight, weight),
                parameters, vector));
    }

    /** Whether an answer may be stored: answered (200, no error) with nothing to warn about. */
    static boolean storable(CompletionResult result) {
        return !result.failed() && result.status() == 200 && result.answer() != null
                && (result.warnings() == null || result.warnings().isEmpty()) && !Boolean.TRUE.equals(result.cached());
    }

    /**
     * {@code DELETE /api/v1/cache}: empties the cache; with API keys on, only the caller's tenant's entries (a tenant
     * cannot empty another's).
     */
    public Map<String, Object> clear(Exchange exchange) {
        String keyTenant = exchange.getVariable(AuthConstants.VAR_KEY_TENANT, String.class);
        long before = entries.estimatedSize();
        if (keyTenant == null) {
            entries.invalidateAll();
        } else {
            entries.asMap().values().removeIf(entry -> keyTenant.equals(entry.tenant()));
        }
        entries.cleanUp();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("cleared", Math.max(0, before - entries.estimatedSize()));
        reply.put("tenant", keyTenant);
        return reply;
    }

    /** How many entries the cache holds now (after expired ones are dropped). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** This instance's lookups that found an answer, and those that did not. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("enabled", enabled);
        stats.put("entries", size());
        stats.put("hits", hitCount.get());
        stats.put("misses", missCount.get());
        return stats;
    }

    /** The cache this request uses: null for none, else exact or semantic. */
    private String mode(Exchange exchange) {
        RequestOptions options = exchange.getVariable(PromptConstants.VAR_REQUEST_OPTIONS, RequestOptions.class);
        String asked = options == null ? null : options.cache();
        if (asked == null) {
            asked = exchange.getVariable(VAR_ROUTE_CACHE, String.class);
        }
        if (asked == null) {
            return enabled ? RequestOptions.CACHE_EXACT : null;
        }
        return RequestOptions.CACHE_OFF.equals(asked) ? null : asked;
    }

    private static String tenant(CompletionRequest request) {
        return request.tenant() == null ? "default" : request.tenant();
    }
}
