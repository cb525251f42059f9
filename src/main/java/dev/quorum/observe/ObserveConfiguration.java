package dev.quorum.observe;

import dev.quorum.budget.RecentErrors;
import dev.quorum.budget.VoteLedger;
import dev.quorum.camel.Steps;
import dev.quorum.provider.ProviderCatalog;
import dev.quorum.provider.ProviderSpec;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerRouteEventNotifier;
import org.apache.camel.spi.PropertiesComponent;
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
     * One provider's alert settings: {@code quorum.alerts.provider.<id>.<setting>}, else {@code quorum.alerts.<setting>},
     * else the default.
     */
    static Alerts.Settings alertSettings(PropertiesComponent properties, String provider) {
        return new Alerts.Settings(
                (long) number(properties, "window-ms", provider, 300_000),
                (int) number(properties, "min-calls", provider, 10),
                bool(properties, "error-rate.enabled", provider, true),
                number(properties, "error-rate.threshold", provider, 0.25),
                number(properties, "error-rate.resolve", provider, 0.10),
                bool(properties, "latency.enabled", provider, true),
                (long) number(properties, "latency.p95-threshold-ms", provider, 10_000),
                (long) number(properties, "latency.p95-resolve-ms", provider, 8_000),
                (long) number(properties, "cooldown-ms", provider, 60_000),
                bool(properties, "breaker.enabled", provider, true));
    }

    private static String alertSetting(PropertiesComponent properties, String name, String provider) {
        if (name.startsWith("quorum.")) {
            return properties.resolveProperty(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        }
        String own = provider == null ? null : properties.resolveProperty("quorum.alerts.provider." + provider + "." + name)
                .map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        return own != null ? own : properties.resolveProperty("quorum.alerts." + name).map(String::trim)
                .filter(v -> !v.isEmpty()).orElse(null);
    }

    private static double number(PropertiesComponent properties, String name, String provider, double fallback) {
        String value = alertSetting(properties, name, provider);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException((name.startsWith("quorum.") ? name : "quorum.alerts."
                    + (provider == null ? "" : "[provider." + provider + ".]") + name) + " must be a number, not '"
                    + value + "'");
        }
    }

    private static boolean bool(PropertiesComponent properties, String name, String provider, boolean fallback) {
        String value = alertSetting(properties, name, provider);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        // quorumMetrics and requestLog are the engine's (bindEngine, through dev.quorum.component.QuorumEngine); the
        // application adds its entry-route meters, route gauges, dashboard and console
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        PropertiesComponent properties = context.getPropertiesComponent();
        String routeMeters = properties.resolveProperty("quorum.metrics.route-meters").orElse("").trim();
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
        registry.bind("dashboardAssets", new DashboardAssets(properties.resolveProperty("quorum.auth.enabled")
                .map(v -> Boolean.parseBoolean(v.trim())).orElse(false)));

        if (Boolean.parseBoolean(properties.resolveProperty("quorum.console.enabled").orElse("false").trim())) {
            QuorumConsole console = new QuorumConsole(new QuorumConsole.Settings(
                    properties.resolveProperty("quorum.console.host").orElse("127.0.0.1").trim(),
                    Integer.parseInt(properties.resolveProperty("quorum.console.port").orElse("8081").trim()),
                    Path.of(properties.resolveProperty("quorum.console.war").orElse("target/console/hawtio.war").trim()),
                    properties.resolveProperty("quorum.console.user").orElse("admin").trim(),
                    properties.resolveProperty("quorum.console.password").orElse(""),
                    Arrays.stream(properties.resolveProperty("quorum.console.allowed-origins").orElse("").split(","))
                            .map(String::trim).filter(origin -> !origin.isEmpty()).toList()));
            registry.bind("quorumConsole", console);
            // started after the routes, so the console's first look finds them all
            context.addService(console, true, false);
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
        PropertiesComponent properties = context.getPropertiesComponent();
        CallWindows windows = new CallWindows(models.keySet());
        Map<String, Alerts.Settings> alertSettings = new LinkedHashMap<>();
        for (String provider : models.keySet()) {
            alertSettings.put(provider, alertSettings(properties, provider));
        }
        Alerts alerts = new Alerts(windows, alertSettings,
                (int) number(properties, "quorum.alerts.recent-size", null, 100), meters, Clock.systemUTC());
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
