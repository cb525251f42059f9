package dev.quorum.observe;

import dev.quorum.budget.RecentErrors;
import dev.quorum.budget.VoteLedger;
import dev.quorum.camel.Steps;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import dev.quorum.settings.Settings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;
import org.apache.camel.spi.Registry;

/**
 * Wires observability. The engine's part ({@link #bindEngine}, run by {@code dev.quorum.component.QuorumEngine} after
 * the provider catalog and the routing beans exist): the {@code quorumMetrics} bean on the Prometheus registry that
 * {@code /observe/metrics} serves (the one Camel's metrics service uses, created there when Camel has not bound it
 * yet, so Camel's route meters and Quorum's share one scrape), and the {@code requestLog} bean that puts the request
 * id into every log line of a request. Quorum's application adds (this configuration class): the meters of its entry
 * routes, the route gauges, the dashboard's assets and the Hawtio console when {@code quorum.console.enabled}.
 */
public final class ObserveConfiguration implements CamelConfiguration {

    /**
     * One provider's alert settings, {@code quorum.alerts.provider.<id>.<setting>} over {@code defaults} (which are
     * {@code quorum.alerts.<setting>} over the built-in defaults).
     */
    static Alerts.Settings alertSettings(Settings settings, Alerts.Settings defaults) {
        return new Alerts.Settings(
                settings.whole("window-ms", defaults.windowMs(), 1, Long.MAX_VALUE),
                settings.integer("min-calls", defaults.minCalls(), 1, Integer.MAX_VALUE),
                settings.bool("error-rate.enabled", defaults.errorRate()),
                settings.decimal("error-rate.threshold", defaults.errorRateThreshold(), 0, 1),
                settings.decimal("error-rate.resolve", defaults.errorRateResolve(), 0, 1),
                settings.bool("latency.enabled", defaults.latency()),
                settings.whole("latency.p95-threshold-ms", defaults.p95ThresholdMs(), 1, Long.MAX_VALUE),
                settings.whole("latency.p95-resolve-ms", defaults.p95ResolveMs(), 1, Long.MAX_VALUE),
                settings.whole("cooldown-ms", defaults.cooldownMs(), 0, Long.MAX_VALUE),
                settings.bool("breaker.enabled", defaults.breaker()));
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        // quorumMetrics and requestLog are the engine's (bindEngine, through dev.quorum.component.QuorumEngine); the
        // application adds its entry-route meters, route gauges, dashboard and console
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        Settings metrics = Settings.of(context, "quorum.metrics");
        String routeMeters = metrics.text("route-meters", "");
        // read by the budget-gauges route (routes/observe.camel.yaml), checked here
        metrics.whole("budget-refresh-ms", 10_000, 1, Long.MAX_VALUE);
        metrics.requireKnown();
        Settings consoleSettings = Settings.of(context, "quorum.console");
        boolean consoleEnabled = consoleSettings.bool("enabled", false);
        QuorumConsole.Settings console = new QuorumConsole.Settings(consoleSettings.text("host", "127.0.0.1"),
                consoleSettings.integer("port", 8081, 0, 65_535),
                Path.of(consoleSettings.text("war", "target/console/hawtio.war")),
                consoleSettings.text("user", "admin"), consoleSettings.text("password", ""),
                consoleSettings.list("allowed-origins"));
        consoleSettings.requireKnown();
        if (!routeMeters.isEmpty()) {
            context.addRoutePolicyFactory(new EntryRouteMeters(meters, routeMeters));
        }
        // Camel's route gauges (camel_routes_added_routes, camel_routes_running_routes). The notifier camel.metrics
        // would add for them (enable-route-event-notifier, off in application.properties) does not say it ignores
        // exchange events, so Camel built an event for every exchange created, sent and completed for it to drop
        MicrometerRouteEventNotifier routeGauges = new MicrometerRouteEventNotifier();
        routeGauges.setIgnoreExchangeEvents(true);
        routeGauges.setMeterRegistry(meters);
        context.getManagementStrategy().addEventNotifier(routeGauges);
        registry.bind("dashboardAssets", new DashboardAssets(Settings.of(context, "quorum.auth").bool("enabled", false)));

        if (consoleEnabled) {
            QuorumConsole quorumConsole = new QuorumConsole(console);
            registry.bind("quorumConsole", quorumConsole);
            // started after the routes, so the console's first look finds them all
            context.addService(quorumConsole, true, false);
        }
    }

    /**
     * The engine's share, for any CamelContext running Quorum's engine: {@code quorumMetrics} (on the registry's
     * Prometheus registry, created and bound here when there is none, so the application's metrics and Quorum's share
     * one scrape) and {@code requestLog}.
     */
    public static void bindEngine(CamelContext context) {
        Registry registry = context.getRegistry();
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (meters == null) {
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meters);
        }
        ProviderCatalog catalog = registry.lookupByNameAndType("providerCatalog", ProviderCatalog.class);
        Map<String, String> models = new LinkedHashMap<>();
        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        for (ProviderSpec spec : catalog.enabled()) {
            models.put(spec.id(), spec.model());
            CircuitBreaker breaker = registry.lookupByNameAndType(spec.id() + "CircuitBreaker", CircuitBreaker.class);
            if (breaker != null) {
                breakers.put(spec.id(), breaker);
            }
        }
        Settings alertValues = Settings.of(context, "quorum.alerts");
        Alerts.Settings defaults = alertSettings(alertValues, new Alerts.Settings(300_000, 10, true, 0.25, 0.10, true,
                10_000, 8_000, 60_000, true));
        Map<String, Alerts.Settings> byProvider = new LinkedHashMap<>();
        for (String id : alertValues.ids("provider")) {
            byProvider.put(id, alertSettings(alertValues.under("provider." + id), defaults));
        }
        int recentSize = alertValues.integer("recent-size", 100, 1, Integer.MAX_VALUE);
        // read by routes/engine/alerts.camel.yaml, checked here
        alertValues.whole("check-ms", 10_000, 1, Long.MAX_VALUE);
        alertValues.text("endpoint", null);
        alertValues.requireKnown();
        CallWindows windows = new CallWindows(models.keySet());
        Map<String, Alerts.Settings> alertSettings = new LinkedHashMap<>();
        for (String provider : models.keySet()) {
            alertSettings.put(provider, byProvider.getOrDefault(provider, defaults));
        }
        Alerts alerts = new Alerts(windows, alertSettings, recentSize, meters, Clock.systemUTC());
        breakers.forEach(alerts::watch);
        Steps.bind(registry, "alerts", alerts)
                .toBody("check", alerts::check)
                .toBody("budget", alerts::budget)
                .toBody("recent", alerts::recent);
        QuorumMetrics metrics = new QuorumMetrics(meters, models, breakers,
                registry.lookupByNameAndType("voteLedger", VoteLedger.class),
                registry.lookupByNameAndType("recentErrors", RecentErrors.class), windows);
        Steps.bind(registry, "quorumMetrics", metrics)
                .step("providerCall", metrics::providerCall)
                .step("request", metrics::request);
        RequestLog requestLog = new RequestLog();
        Steps.bind(registry, "requestLog", requestLog)
                .step("begin", requestLog::begin)
                .step("end", requestLog::end)
                .step("join", requestLog::join)
                .step("resume", requestLog::resume)
                .step("leave", requestLog::leave);
    }
}
