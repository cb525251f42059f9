package dev.quorum.observe;

import dev.quorum.api.ProviderResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The latest provider calls of this instance, per provider, for the provider alerts: each call's time, latency and
 * whether it failed, in a ring of the last {@value #CAPACITY} calls. {@link #stats} sums those within a window: calls,
 * failures and the 95th percentile latency, exact over the calls it holds (so over the most recent
 * {@value #CAPACITY} calls of a window busier than that). Recording is one short lock per call; the summing, a sort of
 * at most {@value #CAPACITY} numbers, runs on the alert check's timer, never on a request.
 *
 * <p>Only calls that were made count: a call an open breaker cut short, or a budget or the ledger refused, says
 * nothing about the provider.
 */
public final class CallWindows {

    static final int CAPACITY = 1024;

    /** Error types of calls that were never made. */
    private static final Set<String> NOT_CALLED = Set.of("provider_unavailable", "budget_exceeded",
            "budget_unavailable", "ledger_unavailable");

    /** What a window held: calls, failed calls and the 95th percentile latency of all of them (0 without calls). */
    public record Stats(int calls, int failures, long p95Ms) {

        public double errorRate() {
            return calls == 0 ? 0 : (double) failures / calls;
        }
    }

    private final Map<String, Ring> rings;

    public CallWindows(Iterable<String> providers) {
        Map<String, Ring> byProvider = new LinkedHashMap<>();
        for (String provider : providers) {
            byProvider.put(provider, new Ring());
        }
        this.rings = Map.copyOf(byProvider);
    }

    /** Records one provider call's outcome at {@code nowMillis}; calls that were not made are ignored. */
    public void record(ProviderResponse response, long nowMillis) {
        Ring ring = rings.get(response.provider());
        if (ring == null || (response.failed() && NOT_CALLED.contains(response.error().type()))) {
            return;
        }
        ring.add(nowMillis, response.latencyMs(), response.failed());
    }

    /** The provider's calls since {@code fromMillis}. */
    public Stats stats(String provider, long fromMillis) {
        Ring ring = rings.get(provider);
        return ring == null ? new Stats(0, 0, 0) : ring.stats(fromMillis);
    }

    /** The providers watched. */
    public Set<String> providers() {
        return rings.keySet();
    }

    private static final class Ring {

        private final long[] at = new long[CAPACITY];
        private final long[] latency = new long[CAPACITY];
        private final boolean[] failed = new boolean[CAPACITY];
        private int next;
        private int size;

        synchronized void add(long atMillis, long latencyMs, boolean failure) {
            at[next] = atMillis;
            latency[next] = latencyMs;
            failed[next] = failure;
            next = (next + 1) % CAPACITY;
            size = Math.min(CAPACITY, size + 1);
        }

        Stats stats(long fromMillis) {
            long[] latencies = new long[CAPACITY];
            int calls = 0;
            int failures = 0;
            synchronized (this) {
                for (int i = 0; i < size; i++) {
                    if (at[i] >= fromMillis) {
                        latencies[calls++] = latency[i];
                        if (failed[i]) {
                            failures++;
                        }
                    }
                }
            }
            if (calls == 0) {
                return new Stats(0, 0, 0);
            }
            Arrays.sort(latencies, 0, calls);
            // nearest rank: the smallest latency at or above which 95 % of the calls are
            int rank = (int) Math.ceil(0.95 * calls) - 1;
            return new Stats(calls, failures, latencies[Math.max(0, rank)]);
        }
    }
}
