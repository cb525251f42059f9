package dev.quorum.observe;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.Exchange;

/**
 * Decides which alerts fire and resolve, and keeps what was raised: the provider alerts (error rate and p95 latency
 * over the alert window of {@link CallWindows}, and each circuit breaker's opening and closing) when the
 * {@code alerts-check} timer asks ({@link #check}), and the budget threshold alerts the budget gate raises
 * ({@link #budget}). Every alert becomes one {@link Alert} event that the routes hand to {@code direct:alerts}; this
 * bean counts it ({@code quorum_alerts_total}) and lists it ({@code GET /api/v1/alerts}, the latest
 * {@code recent-size}, newest first, and those firing now).
 *
 * <p>An alert fires once per crossing: at or above its threshold it fires, and it resolves only below its (lower)
 * resolve level, so a rate that hovers around the threshold does not flap; after it resolved it does not fire again
 * within {@code cooldown-ms}. A window with fewer than {@code min-calls} calls neither fires nor resolves: no traffic
 * is not health. A breaker alert fires when the breaker opens (not again while it stays open or probes half-open)
 * and resolves when it closes. Provider alerts are per instance, from the calls this instance made; budget alerts
 * are raised once across instances sharing the usage database (docs/scaling.md).
 */
public final class Alerts {

    /** One provider's thresholds ({@code quorum.alerts.*}, per provider {@code quorum.alerts.provider.<id>.*}). */
    public record Settings(long windowMs, int minCalls, boolean errorRate, double errorRateThreshold,
                           double errorRateResolve, boolean latency, long p95ThresholdMs, long p95ResolveMs,
                           long cooldownMs, boolean breaker) {
    }

    /** A breaker's state change, queued by Resilience4j's event thread for the next check. */
    private record Transition(String provider, CircuitBreaker.State from, CircuitBreaker.State to,
                              float failureRate, long atMillis) {
    }

    private final CallWindows windows;
    private final Map<String, Settings> settings;
    private final int recentSize;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Alert> recent = new ArrayDeque<>();
    private final Map<String, Alert> firing = new ConcurrentHashMap<>();
    private final Map<String, Long> resolvedAt = new ConcurrentHashMap<>();
    private final Queue<Transition> transitions = new ConcurrentLinkedQueue<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * @param settings   each watched provider's settings (every provider of {@code windows})
     * @param recentSize how many raised alerts {@link #recent} keeps
     */
    public Alerts(CallWindows windows, Map<String, Settings> settings, int recentSize, MeterRegistry registry,
                  Clock clock) {
        this.windows = windows;
        this.settings = Map.copyOf(settings);
        this.recentSize = Math.max(1, recentSize);
        this.registry = registry;
        this.clock = clock;
    }

    /** Queues the breaker's state changes for the next {@link #check}, when breaker alerts are on for the provider. */
    public void watch(String provider, CircuitBreaker breaker) {
        Settings own = settings.get(provider);
        if (own == null || !own.breaker()) {
            return;
        }
        breaker.getEventPublisher().onStateTransition(event -> transitions.add(new Transition(provider,
                event.getStateTransition().getFromState(), event.getStateTransition().getToState(),
                breaker.getMetrics().getFailureRate(), clock.millis())));
    }

    /**
     * The {@code alerts-check} timer's step: the alerts that fire or resolve now, breaker changes first in the order
     * they happened, then each provider's error rate and latency; each already counted and listed.
     */
    public List<Alert> check(Exchange exchange) {
        return check();
    }

    /** As {@link #check(Exchange)}. */
    public synchronized List<Alert> check() {
        List<Alert> raised = new ArrayList<>();
        for (Transition transition = transitions.poll(); transition != null; transition = transitions.poll()) {
            Alert alert = breaker(transition);
            if (alert != null) {
                raised.add(alert);
            }
        }
        long now = clock.millis();
        for (Map.Entry<String, Settings> entry : settings.entrySet()) {
            String provider = entry.getKey();
            Settings own = entry.getValue();
            CallWindows.Stats stats = windows.stats(provider, now - own.windowMs());
            if (stats.calls() < own.minCalls()) {
                continue;
            }
            if (own.errorRate()) {
                Alert alert = errorRate(provider, own, stats, now);
                if (alert != null) {
                    raised.add(alert);
                }
            }
            if (own.latency()) {
                Alert alert = latency(provider, own, stats, now);
                if (alert != null) {
                    raised.add(alert);
                }
            }
        }
        return raised;
    }

    private Alert breaker(Transition transition) {
        String key = key(Alert.BREAKER, transition.provider());
        boolean opened = transition.to() == CircuitBreaker.State.OPEN
                || transition.to() == CircuitBreaker.State.FORCED_OPEN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", name(transition.from()));
        details.put("to", name(transition.to()));
        details.put("failureRatePercent", Math.max(0, Math.round(transition.failureRate() * 10) / 10d));
        if (opened && !firing.containsKey(key)) {
            return fire(key, new Alert(id(), Alert.BREAKER, Alert.FIRING, transition.provider(), null, "provider "
                    + transition.provider() + ": circuit breaker " + name(transition.to()) + " (" + rate(transition)
                    + "); the router sends it nothing until it recovers", at(transition.atMillis()), details));
        }
        if (transition.to() == CircuitBreaker.State.CLOSED && firing.containsKey(key)) {
            return resolve(key, new Alert(id(), Alert.BREAKER, Alert.RESOLVED, transition.provider(), null, "provider "
                    + transition.provider() + ": circuit breaker closed again; the provider is back in routing",
                    at(transition.atMillis()), details));
        }
        return null;
    }

    private Alert errorRate(String provider, Settings own, CallWindows.Stats stats, long now) {
        String key = key(Alert.ERROR_RATE, provider);
        double rate = stats.errorRate();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("calls", stats.calls());
        details.put("failures", stats.failures());
        details.put("errorRate", round(rate));
        details.put("windowMs", own.windowMs());
        if (!firing.containsKey(key) && rate >= own.errorRateThreshold() && cooledDown(key, own, now)) {
            details.put("threshold", own.errorRateThreshold());
            return fire(key, new Alert(id(), Alert.ERROR_RATE, Alert.FIRING, provider, null, String.format(Locale.ROOT,
                    "provider %s: %d of %d calls failed in the last %s (%.0f%%, threshold %.0f%%)", provider,
                    stats.failures(), stats.calls(), duration(own.windowMs()), rate * 100,
                    own.errorRateThreshold() * 100), at(now), details));
        }
        if (firing.containsKey(key) && rate < own.errorRateResolve()) {
            details.put("resolveBelow", own.errorRateResolve());
            return resolve(key, new Alert(id(), Alert.ERROR_RATE, Alert.RESOLVED, provider, null, String.format(
                    Locale.ROOT, "provider %s: error rate back to %.0f%% (%d of %d calls in the last %s, below %.0f%%)",
                    provider, rate * 100, stats.failures(), stats.calls(), duration(own.windowMs()),
                    own.errorRateResolve() * 100), at(now), details));
        }
        return null;
    }

    private Alert latency(String provider, Settings own, CallWindows.Stats stats, long now) {
        String key = key(Alert.LATENCY, provider);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("calls", stats.calls());
        details.put("p95Ms", stats.p95Ms());
        details.put("windowMs", own.windowMs());
        if (!firing.containsKey(key) && stats.p95Ms() >= own.p95ThresholdMs() && cooledDown(key, own, now)) {
            details.put("thresholdMs", own.p95ThresholdMs());
            return fire(key, new Alert(id(), Alert.LATENCY, Alert.FIRING, provider, null, String.format(Locale.ROOT,
                    "provider %s: p95 latency %d ms over %d calls in the last %s (threshold %d ms)", provider,
                    stats.p95Ms(), stats.calls(), duration(own.windowMs()), own.p95ThresholdMs()), at(now), details));
        }
        if (firing.containsKey(key) && stats.p95Ms() < own.p95ResolveMs()) {
            details.put("resolveBelowMs", own.p95ResolveMs());
            return resolve(key, new Alert(id(), Alert.LATENCY, Alert.RESOLVED, provider, null, String.format(
                    Locale.ROOT, "provider %s: p95 latency back to %d ms over %d calls in the last %s (below %d ms)",
                    provider, stats.p95Ms(), stats.calls(), duration(own.windowMs()), own.p95ResolveMs()), at(now),
                    details));
        }
        return null;
    }

    /**
     * Route step of {@code budget-alerts}: the budget gate's threshold event (a map: budget, scope, key, period,
     * threshold, percent, spentUsd, limitUsd, resetsAt, at) as an {@link Alert}, counted and listed.
     */
    @SuppressWarnings("unchecked")
    public Alert budget(Exchange exchange) {
        Map<String, Object> event = exchange.getMessage().getBody(Map.class);
        if (event == null) {
            throw new IllegalArgumentException("a budget alert event is a map, not " + exchange.getMessage().getBody());
        }
        return budget(event);
    }

    /** As {@link #budget(Exchange)}, for one event. */
    Alert budget(Map<String, Object> event) {
        Map<String, Object> details = new LinkedHashMap<>(event);
        String budget = String.valueOf(details.remove("budget"));
        details.remove("type");
        Object at = details.remove("at");
        Object key = details.get("key");
        Object spent = details.get("spentUsd");
        Object limit = details.get("limitUsd");
        String message = "budget '" + budget + "' (" + details.get("scope") + (key == null ? "" : " " + key) + ", per "
                + details.get("period") + ") passed " + details.get("threshold") + "%: " + money(spent) + " of "
                + money(limit) + " spent (" + details.get("percent") + "%)";
        Alert alert = new Alert(id(), Alert.BUDGET, Alert.FIRING, null, budget, message,
                at == null ? at(clock.millis()) : at.toString(), details);
        record(alert);
        return alert;
    }

    /** {@code GET /api/v1/alerts}: the alerts firing now and the latest raised ({@code ?limit=}, newest first). */
    public Map<String, Object> recent(Exchange exchange) {
        String limitText = exchange.getMessage().getHeader("limit", String.class);
        int limit = recentSize;
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Math.max(0, Math.min(recentSize, Integer.parseInt(limitText.trim())));
            } catch (NumberFormatException e) {
                throw new dev.quorum.api.InvalidRequestException("limit", "limit must be a whole number, not '"
                        + (limitText.length() > 40 ? limitText.substring(0, 40) + "…" : limitText) + "'");
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("firing", firing());
        view.put("alerts", latest(limit));
        return view;
    }

    /** The alerts firing now, oldest first. */
    public List<Alert> firing() {
        List<Alert> now = new ArrayList<>(firing.values());
        now.sort(java.util.Comparator.comparing(Alert::at));
        return now;
    }

    /** The latest {@code limit} alerts raised, newest first. */
    public List<Alert> latest(int limit) {
        synchronized (recent) {
            List<Alert> latest = new ArrayList<>(Math.min(limit, recent.size()));
            for (Alert alert : recent) {
                if (latest.size() >= limit) {
                    break;
                }
                latest.add(alert);
            }
            return latest;
        }
    }

    private Alert fire(String key, Alert alert) {
        firing.put(key, alert);
        record(alert);
        return alert;
    }

    private Alert resolve(String key, Alert alert) {
        firing.remove(key);
        resolvedAt.put(key, clock.millis());
        record(alert);
        return alert;
    }

    private boolean cooledDown(String key, Settings own, long now) {
        Long resolved = resolvedAt.get(key);
        return resolved == null || now - resolved >= own.cooldownMs();
    }

    private void record(Alert alert) {
        synchronized (recent) {
            recent.addFirst(alert);
            while (recent.size() > recentSize) {
                recent.removeLast();
            }
        }
        counters.computeIfAbsent(alert.type() + '\u0000' + alert.state() + '\u0000' + alert.subject(),
                k -> Counter.builder("quorum.alerts")
                        .description("Alerts raised, by type, state (firing or resolved) and provider or budget")
                        .tags("type", alert.type(), "state", alert.state(),
                                "provider", alert.provider() == null ? "" : alert.provider(),
                                "budget", alert.budget() == null ? "" : alert.subject())
                        .register(registry))
                .increment();
    }

    private static String key(String type, String provider) {
        return type + '|' + provider;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String name(CircuitBreaker.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static String rate(Transition transition) {
        return transition.failureRate() < 0 ? "too few calls to rate"
                : String.format(Locale.ROOT, "failure rate %.0f%% over its window", transition.failureRate());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000d;
    }

    private static String duration(long millis) {
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String money(Object amount) {
        return amount instanceof Number number ? String.format(Locale.ROOT, "$%.6f", number.doubleValue())
                : String.valueOf(amount);
    }
}
