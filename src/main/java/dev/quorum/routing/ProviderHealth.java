package dev.quorum.routing;

import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ProviderConstants;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * What Quorum has seen of each provider: its circuit breaker (the very instance the provider route's
 * {@code circuitBreaker} EIP uses), the latency of its recent answers (an exponentially weighted average) and its last
 * error, when its route last answered a call and its last health probe ({@link HealthProbe}). The router asks
 * {@link #available} and {@link #latencyMs}; the health checks report the same state.
 */
public final class ProviderHealth {

    /** The last failure of a provider and when it happened. */
    record LastError(String type, String message, Instant at) {
    }

    /** The last health probe of a provider: {@code ok} or the error type, and when. */
    record LastProbe(String outcome, Instant at) {
    }

    private static final double WEIGHT = 0.3;

    private final Map<String, CircuitBreaker> breakers;
    private final Map<String, Double> latency = new ConcurrentHashMap<>();
    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Long> assumedLatency;
    private final Map<String, Long> lastCall = new ConcurrentHashMap<>();
    private final Map<String, LastProbe> lastProbes = new ConcurrentHashMap<>();

    ProviderHealth(Map<String, CircuitBreaker> breakers, Map<String, Long> assumedLatency) {
        this.breakers = Map.copyOf(breakers);
        this.assumedLatency = Map.copyOf(assumedLatency);
    }

    /** Whether the router may send to this provider: its breaker is closed or half-open (probing). */
    public boolean available(String id) {
        CircuitBreaker breaker = breakers.get(id);
        if (breaker == null) {
            return true;
        }
        CircuitBreaker.State state = breaker.getState();
        return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN
                && state != CircuitBreaker.State.DISABLED;
    }

    CircuitBreaker breaker(String id) {
        return breakers.get(id);
    }

    /** Observed latency of successful calls, or the configured assumption before the first answer. */
    public long latencyMs(String id) {
        Double observed = latency.get(id);
        return observed != null ? Math.round(observed) : assumedLatency.getOrDefault(id, 1000L);
    }

    boolean observed(String id) {
        return latency.containsKey(id);
    }

    LastError lastError(String id) {
        return lastErrors.get(id);
    }

    /** When this provider's route last answered a call (made or not), or {@code otherwise} before its first. */
    long lastCallMillis(String id, long otherwise) {
        return lastCall.getOrDefault(id, otherwise);
    }

    void probed(String id, String outcome, Instant at) {
        lastProbes.put(id, new LastProbe(outcome, at));
    }

    LastProbe lastProbe(String id) {
        return lastProbes.get(id);
    }

    /** The last step of a provider route: remembers the latency of an answer or the error of a failure. */
    public void observe(Exchange exchange) {
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        String id = exchange.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        if (response == null || id == null) {
            return;
        }
        lastCall.put(id, System.currentTimeMillis());
        if (response.failed()) {
            lastErrors.put(id, new LastError(response.error().type(), response.error().message(), Instant.now()));
        } else {
            latency.merge(id, (double) response.latencyMs(), (old, now) -> old + WEIGHT * (now - old));
        }
    }
}
