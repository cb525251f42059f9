package dev.quorum.routing;

import dev.quorum.secrets.Secrets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The health of one provider as Camel's health endpoint shows it: DOWN while its circuit breaker is open (the router
 * sends it nothing then), UP otherwise, with the breaker state, failure rate, observed latency and last error as
 * details (configured secrets masked out of the last error), and the last health probe's outcome when it was probed
 * ({@link HealthProbe}). A readiness check only: one provider down does not make
 * Quorum itself dead.
 */
public final class ProviderHealthCheck extends AbstractHealthCheck {

    private final String provider;
    private final ProviderHealth health;
    private final Secrets secrets;

    ProviderHealthCheck(String provider, ProviderHealth health, Secrets secrets) {
        super("quorum", "provider-" + provider);
        this.provider = provider;
        this.health = health;
        this.secrets = secrets;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CircuitBreaker breaker = health.breaker(provider);
        builder.detail("provider", provider);
        if (breaker != null) {
            builder.detail("breaker.state", breaker.getState().name());
            builder.detail("breaker.failureRate", breaker.getMetrics().getFailureRate());
            builder.detail("breaker.failedCalls", breaker.getMetrics().getNumberOfFailedCalls());
        }
        if (health.observed(provider)) {
            builder.detail("latencyMs", health.latencyMs(provider));
        }
        ProviderHealth.LastError last = health.lastError(provider);
        if (last != null) {
            builder.detail("lastError.type", last.type());
            // the provider's own words may quote a key: masked again on the way out
            builder.detail("lastError.message", secrets.redact(last.message()));
            builder.detail("lastError.at", last.at().toString());
        }
        ProviderHealth.LastProbe probe = health.lastProbe(provider);
        if (probe != null) {
            builder.detail("probe.outcome", probe.outcome());
            builder.detail("probe.at", probe.at().toString());
        }
        if (health.available(provider)) {
            builder.up();
        } else {
            builder.message("circuit breaker " + breaker.getState().name().toLowerCase(java.util.Locale.ROOT)
                    + ": the router sends this provider nothing until it recovers");
            builder.down();
        }
    }
}
