package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.Mode;
import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.BudgetConstants;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active health: the decisions of the {@code health-probe} timer route, which calls a provider with a cheap request (a
 * short prompt, at most one output token) through its own provider route, so the probe passes the budget gate, the
 * breaker and the retries, and is priced and ledgered (task {@code probe}) like any call. {@link #due} names the
 * providers to probe now: those whose circuit breaker is open, and those nothing has called for {@code idle-ms}, each
 * at most every {@code interval-ms}. {@link #prepare} makes the probe's request and moves an open breaker to
 * half-open, so the probe's call is let through: a successful probe then closes the breaker (Resilience4j closes a
 * half-open breaker whose permitted calls succeed) and the provider is back in routing and readiness long before the
 * breaker's own wait would have ended; a failed one opens it again. {@link #result} records the outcome for the
 * health check.
 *
 * <p>Probes cost what a one-token call costs, so by default ({@code quorum.health.probe.enabled = auto}) only
 * providers that cost nothing are probed: simulated ones and those whose price is 0 (local models such as Ollama).
 * {@code quorum.health.probe.<id>.enabled = true} probes a paid provider too; {@code false} none.
 */
public final class HealthProbe {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    /** Error types of probes the provider never saw: nothing was learnt about it. */
    private static final Set<String> REFUSED = Set.of("budget_exceeded", "budget_unavailable", "ledger_unavailable");
    /** Variable: the provider a probe exchange calls. */
    static final String VAR_PROBE_PROVIDER = "probeProvider";
    /** Variable: true when this probe moved the provider's breaker from open to half-open. */
    private static final String VAR_PROBE_OPENED = "probeOpenedBreaker";

    /** The probe settings ({@code quorum.health.probe.*}). */
    public record Settings(String enabled, Map<String, Boolean> perProvider, long intervalMs, long idleMs,
                           String prompt) {
    }

    private final ProviderCatalog catalog;
    private final ProviderHealth health;
    private final Settings settings;
    private final Predicate<String> free;
    private final Clock clock;
    private final long startedMillis;
    private final Map<String, Long> lastProbe = new ConcurrentHashMap<>();
    private volatile Set<String> probed;

    /**
     * @param free whether a provider costs nothing (its known price is 0); asked once, at the first {@link #due}, when
     *             every bean (the price table) is bound
     */
    public HealthProbe(ProviderCatalog catalog, ProviderHealth health, Settings settings, Predicate<String> free,
                       Clock clock) {
        this.catalog = catalog;
        this.health = health;
        this.settings = settings;
        this.free = free;
        this.clock = clock;
        this.startedMillis = clock.millis();
    }

    /** Whether a provider is probed: its own setting, else all ({@code true}), none ({@code false}) or the free ones. */
    public boolean probes(String providerId) {
        return probed().contains(providerId);
    }

    private Set<String> probed() {
        Set<String> known = probed;
        if (known == null) {
            Set<String> ids = new java.util.TreeSet<>();
            for (ProviderSpec spec : catalog.enabled()) {
                Boolean own = settings.perProvider().get(spec.id());
                boolean on = own != null ? own : switch (settings.enabled()) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> spec.simulated() || free.test(spec.id());
                };
                if (on) {
                    ids.add(spec.id());
                }
            }
            probed = known = Set.copyOf(ids);
            LOG.info("Health probes every {} ms for providers whose breaker is open or idle for {} ms: {}",
                    settings.intervalMs(), settings.idleMs(), known.isEmpty() ? "none" : String.join(", ", known));
        }
        return known;
    }

    /** Timer step: the providers to probe now (breaker open, or idle), each at most every interval. */
    public List<String> due(Exchange exchange) {
        long now = clock.millis();
        List<String> due = new ArrayList<>();
        for (String id : probed()) {
            Long last = lastProbe.get(id);
            if (last != null && now - last < settings.intervalMs()) {
                continue;
            }
            CircuitBreaker breaker = health.breaker(id);
            CircuitBreaker.State state = breaker == null ? CircuitBreaker.State.CLOSED : breaker.getState();
            if (state == CircuitBreaker.State.OPEN) {
                due.add(id);
            } else if ((state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN)
                    && now - health.lastCallMillis(id, startedMillis) >= settings.idleMs()) {
                due.add(id);
            }
        }
        return due;
    }

    /**
     * Split step, one provider: the probe's request (at most one output token, task {@code probe}, never downgraded
     * to another provider), and an open breaker moved to half-open so the call is made.
     */
    public void prepare(Exchange exchange) {
        String id = exchange.getMessage().getBody(String.class);
        long now = clock.millis();
        lastProbe.put(id, now);
        CompletionRequest request = new CompletionRequest("probe-" + id + "-" + Long.toString(now, 36),
                settings.prompt(), null, Mode.SINGLE, id, null, 1, null, null, null, null, null, null, null, null,
                null, null, null, null);
        exchange.setVariable(RequestConstants.VAR_REQUEST, request);
        exchange.setVariable(RoutingConstants.VAR_TASK, "probe");
        // a budget that would downgrade the call refuses it instead: a probe of one provider must reach that provider
        exchange.setVariable(BudgetConstants.VAR_BUDGET_DOWNGRADED, true);
        exchange.setVariable(VAR_PROBE_PROVIDER, id);
        CircuitBreaker breaker = health.breaker(id);
        if (breaker != null && breaker.getState() == CircuitBreaker.State.OPEN) {
            breaker.transitionToHalfOpenState();
            exchange.setVariable(VAR_PROBE_OPENED, true);
        }
    }

    /** Split step after the call: records the probe's outcome; a probe refused before the call reopens the breaker. */
    public void result(Exchange exchange) {
        String id = exchange.getVariable(VAR_PROBE_PROVIDER, String.class);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        boolean opened = Boolean.TRUE.equals(exchange.getVariable(VAR_PROBE_OPENED, Boolean.class));
        if (id == null || response == null) {
            return;
        }
        boolean refused = response.failed() && REFUSED.contains(response.error().type());
        health.probed(id, response.failed() ? response.error().type() : "ok", Instant.ofEpochMilli(clock.millis()));
        CircuitBreaker breaker = health.breaker(id);
        if (breaker == null) {
            return;
        }
        if (refused && opened && breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
            // nothing reached the provider: the breaker goes back to where the probe found it
            breaker.transitionToOpenState();
        }
        if (opened && !response.failed()) {
            LOG.info("Provider {} answered its health probe: circuit breaker {}, {}", id,
                    breaker.getState().name().toLowerCase(java.util.Locale.ROOT),
                    health.available(id) ? "back in routing" : "still out of routing");
        } else if (response.failed()) {
            LOG.debug("Provider {} failed its health probe: {}", id, response.error().type());
        }
    }
}
