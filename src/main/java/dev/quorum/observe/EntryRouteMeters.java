package dev.quorum.observe;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.PatternHelper;

/**
 * Camel's per-route meters ({@code camel_exchanges_*}, {@code camel_route_policy_seconds}) on the routes whose id
 * matches {@code quorum.metrics.route-meters} only. By default those are the routes a request enters by (HTTP, the
 * OpenAI API, the file drop, Kafka): one timer per request instead of one for every internal route it passes
 * (intake, the mode's route, each provider route), a timer each (their cost: docs/benchmarks.md, item 10). What
 * the internal routes would tell is in Quorum's own series ({@code quorum_requests_total},
 * {@code quorum_provider_*}). {@code *} meters every route, as Camel's own route policy would.
 */
final class EntryRouteMeters implements RoutePolicyFactory {

    private final MicrometerRoutePolicyFactory meters = new MicrometerRoutePolicyFactory();
    private final String[] patterns;

    EntryRouteMeters(MeterRegistry registry, String patterns) {
        this.patterns = patterns.split("\\s*,\\s*");
        MicrometerRoutePolicyConfiguration configuration = new MicrometerRoutePolicyConfiguration();
        configuration.setContextEnabled(false);
        configuration.setRouteEnabled(true);
        meters.setMeterRegistry(registry);
        meters.setPolicyConfiguration(configuration);
    }

    /** Whether the route with this id gets Camel's route meters. */
    boolean meters(String routeId) {
        return routeId != null && PatternHelper.matchPatterns(routeId, patterns);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return meters(routeId) ? meters.createRoutePolicy(context, routeId, route) : null;
    }
}
