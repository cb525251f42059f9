package dev.quorum.camel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.StartupListener;
import org.apache.camel.Suspendable;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectConsumer;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-creates the routes made from a route template when the file holding the template is reloaded, so editing
 * {@code routes/engine/providers.camel.yaml} (the provider templates) or the {@code panel-member} template in
 * {@code routes/engine/consensus.camel.yaml} takes effect while Quorum runs. Camel's live reload
 * ({@code camel.main.routes-reload-*}, {@link RouteWatcherReloadStrategy}) re-creates only the routes written out in
 * the file: it adds the reloaded template beside the old one, route templates are looked up first come first served,
 * and the routes already made from the template keep running as they were, so such an edit was silently ignored.
 *
 * <p>After each reload of a file this keeps only the newest definition of every template loaded again, and rebuilds,
 * one by one, every route a {@link RouteBuilder} bean made from it with {@code templatedRoute(...)} (ProviderRoutes,
 * PanelMemberRoutes) with the same parameters: new calls to the route are held ({@link Handover}), its exchanges in
 * flight finish on it (for up to the shutdown timeout), then it is stopped and removed, the new one added and started,
 * and the held calls go on to it. If a route cannot be made from a new template, the previous definitions of every
 * template the file reload added are put back, the routes already rebuilt are made from them again, and the error is
 * logged: a broken edit leaves the routes as they were. Saving the file rebuilds the routes whether the template
 * changed or not.
 */
public final class RouteTemplateReload implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTemplateReload.class);
    private static final long DRAIN_POLL_MS = 20;
    private static final int DRAIN_IDLE_LOOKS = 10;

    private final CamelContext context;

    private RouteTemplateReload(CamelContext context) {
        this.context = context;
    }

    /**
     * Hooks into the context's route reload once the context has started, when live reload is on; nothing happens
     * without it.
     */
    public static void install(CamelContext context) {
        try {
            context.addStartupListener(new RouteTemplateReload(context));
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch route templates for changes", e);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
        // the route watcher sets its reload callback when it starts: it is wrapped once everything has started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
        RouteWatcherReloadStrategy watcher = context.hasService(RouteWatcherReloadStrategy.class);
        if (watcher == null || watcher.getResourceReload() == null) {
            return;
        }
        ResourceReload camels = watcher.getResourceReload();
        watcher.setResourceReload((name, resource) -> {
            try {
                camels.onReload(name, resource);
            } finally {
                // also after a failed reload: a template it added is in the model, and the routes follow it
                afterReload();
            }
        });
    }

    /**
     * Rebuilds the routes of every template that the reload added again; called on the watcher's thread. The templates
     * one file reload added again (the provider templates call each other by {@code direct:}) change together: if a
     * route cannot be made from one of them, all of them go back to their previous definitions.
     */
    synchronized void afterReload() {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        Map<String, List<RouteTemplateDefinition>> byId = new LinkedHashMap<>();
        for (RouteTemplateDefinition template : List.copyOf(model.getRouteTemplateDefinitions())) {
            byId.computeIfAbsent(template.getId(), id -> new ArrayList<>()).add(template);
        }
        List<Reloaded> reloaded = new ArrayList<>();
        byId.forEach((id, templates) -> {
            if (templates.size() > 1 && removeStale(model, id, templates)) {
                reloaded.add(new Reloaded(id, templates.get(0), templates.get(templates.size() - 1),
                        routesMadeFrom(id), new ArrayList<>()));
            }
        });
        for (Reloaded template : reloaded) {
            for (TemplatedRouteDefinition route : template.routes()) {
                template.rebuilt().add(route.getRouteId());
                try {
                    rebuild(model, route);
                } catch (Exception e) {
                    restore(model, reloaded);
                    // logged once the routes run again, so the line means the reload is over
                    List<String> others = reloaded.stream().map(Reloaded::id).filter(id -> !id.equals(template.id()))
                            .toList();
                    LOG.error("Route template {} changed but route {} cannot be made from it, so the previous template "
                            + "stays{}: {}", template.id(), route.getRouteId(), others.isEmpty() ? ""
                            : " (and so do the templates reloaded with it: " + String.join(", ", others) + ")",
                            e.getMessage(), e);
                    return;
                }
            }
        }
        for (Reloaded template : reloaded) {
            LOG.info("Route template {} changed: rebuilt {} routes made from it{}", template.id(),
                    template.rebuilt().size(), template.rebuilt().isEmpty() ? ""
                            : " (" + String.join(", ", template.rebuilt()) + ")");
        }
    }

    /** The routes were made from the first definition (the one Camel finds); the last is the reloaded one. */
    private boolean removeStale(Model model, String templateId, List<RouteTemplateDefinition> templates) {
        try {
            for (RouteTemplateDefinition stale : templates.subList(0, templates.size() - 1)) {
                model.removeRouteTemplateDefinition(stale);
            }
            return true;
        } catch (Exception e) {
            LOG.error("Route template {} changed but the previous definition could not be removed: {}", templateId,
                    e.getMessage(), e);
            return false;
        }
    }

    /**
     * Every template of the reload back to its previous definition, then the routes already rebuilt made again: first
     * those that are gone (the one that could not be made), then the others. Calls that reached a route that is gone
     * wait for it while they are in flight in the routes that called it (a {@code direct:} producer blocks until a
     * consumer comes), so those routes cannot drain until it is back; rebuilt the other way round, they would be
     * stopped with the calls still in them after the shutdown timeout, and the calls cut off.
     */
    private void restore(Model model, List<Reloaded> reloaded) {
        List<Reloaded> back = new ArrayList<>();
        for (Reloaded template : reloaded) {
            try {
                model.removeRouteTemplateDefinition(template.reloaded());
                model.addRouteTemplateDefinition(template.previous());
                back.add(template);
            } catch (Exception e) {
                LOG.error("Route template {}: the previous definition could not be put back: {}", template.id(),
                        e.getMessage(), e);
            }
        }
        for (boolean gone : new boolean[] {true, false}) {
            for (Reloaded template : back) {
                for (TemplatedRouteDefinition route : template.routes()) {
                    if (template.rebuilt().contains(route.getRouteId())
                            && (context.getRoute(route.getRouteId()) == null) == gone) {
                        try {
                            rebuild(model, route);
                        } catch (Exception e) {
                            LOG.error("Route template {}: route {} could not be made again from the previous template: {}",
                                    template.id(), route.getRouteId(), e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }

    /**
     * The old route stopped and removed, then the route made again from the template. Stopping a route the plain way
     * waits for its exchanges in flight while its consumer, which Camel stops last, keeps letting new ones in: under
     * steady traffic that count never reaches zero, and after the shutdown timeout the calls in flight are cut off. So
     * new calls are held first ({@link Handover}), the calls in flight finish on the old route, and only then is it
     * stopped; the held calls go on to the new route.
     */
    private void rebuild(Model model, TemplatedRouteDefinition route) throws Exception {
        String routeId = route.getRouteId();
        Route old = context.getRoute(routeId);
        Handover handover = old == null ? null : Handover.hold(old);
        try {
            if (old != null) {
                drain(routeId);
                // nothing in flight now (unless the drain timed out); a seda queue holding messages for the new route
                // is all a longer wait would wait for
                context.getRouteController().stopRoute(routeId, 1, TimeUnit.SECONDS);
                context.removeRoute(routeId);
            }
            // a route that failed to start leaves its definition behind
            RouteDefinition leftover = model.getRouteDefinition(routeId);
            if (leftover != null) {
                model.removeRouteDefinition(leftover);
            }
            if (handover != null) {
                handover.makeWay();
            }
            model.addRouteFromTemplatedRoute(route);
        } finally {
            if (handover != null) {
                handover.release(context.getRoute(routeId));
            }
        }
    }

    /**
     * Waits, for up to the shutdown timeout, until the route has no exchange in flight, seen {@value #DRAIN_IDLE_LOOKS}
     * times in a row: a caller that took the consumer just before it was suspended has entered the route by then. Two
     * looks (40 ms) were not enough on a loaded 2-core CI machine: a caller descheduled that long entered the route after
     * the drain and found it stopped.
     */
    private void drain(String routeId) throws InterruptedException {
        ShutdownStrategy shutdown = context.getShutdownStrategy();
        long deadline = System.nanoTime() + shutdown.getTimeUnit().toNanos(shutdown.getTimeout());
        InflightRepository inflight = context.getInflightRepository();
        int idle = 0;
        while (idle < DRAIN_IDLE_LOOKS) {
            idle = inflight.size(routeId) == 0 ? idle + 1 : 0;
            if (System.nanoTime() > deadline) {
                LOG.warn("Route {} still has {} exchanges in flight after {} {}: stopping it anyway", routeId,
                        inflight.size(routeId), shutdown.getTimeout(), shutdown.getTimeUnit());
                return;
            }
            Thread.sleep(DRAIN_POLL_MS);
        }
    }

    /** What the RouteBuilder beans made from the template with {@code templatedRoute(...)}, by route id. */
    private List<TemplatedRouteDefinition> routesMadeFrom(String templateId) {
        List<TemplatedRouteDefinition> routes = new ArrayList<>();
        for (RouteBuilder builder : context.getRegistry().findByType(RouteBuilder.class)) {
            for (TemplatedRouteDefinition route : builder.getTemplatedRouteCollection().getTemplatedRoutes()) {
                if (templateId.equals(route.getRouteTemplateRef()) && route.getRouteId() != null) {
                    routes.add(route);
                }
            }
        }
        routes.sort(Comparator.comparing(TemplatedRouteDefinition::getRouteId));
        return routes;
    }

    /**
     * A template the reload added again: its previous and its reloaded definition, the routes made from it, and the
     * ids of those rebuilt so far.
     */
    private record Reloaded(String id, RouteTemplateDefinition previous, RouteTemplateDefinition reloaded,
                            List<TemplatedRouteDefinition> routes, List<String> rebuilt) {
    }

    /**
     * Holds the calls to a route while it is replaced. A {@code seda:} route's consumer is suspended: new messages wait
     * in its queue, which the new route's consumer takes over. A {@code direct:} route's consumer is replaced by a
     * holding consumer that parks each call until the new route runs and then hands it to whatever consumer the
     * endpoint has then. Suspending a {@code direct:} consumer alone is not enough: Camel 4.17's DirectProducer, shared
     * by the threads calling the endpoint, records the component's new state before it looks the consumer up, so
     * while one thread waits for a consumer the others go on calling the old one, the route never empties, and the
     * calls that reach it after it stopped fail.
     */
    private static final class Handover {

        private final CountDownLatch running = new CountDownLatch(1);
        private Consumer holding;

        static Handover hold(Route route) throws Exception {
            Handover handover = new Handover();
            Consumer consumer = route.getConsumer();
            if (route.getEndpoint() instanceof DirectEndpoint endpoint && consumer instanceof DirectConsumer) {
                handover.holding = endpoint.createConsumer(exchange -> handover.forward(endpoint, exchange));
                ServiceHelper.suspendService(consumer);
                ServiceHelper.startService(handover.holding);
            } else if (consumer instanceof Suspendable) {
                ServiceHelper.suspendService(consumer);
            }
            return handover;
        }

        /** Unregisters the holding consumer, so the new route's consumer can take the endpoint. */
        void makeWay() {
            ServiceHelper.stopService(holding);
        }

        /**
         * The new route runs, or could not be made: a route still there (the old one, if stopping it failed) takes
         * calls again, and the held calls go on to the endpoint's consumer.
         */
        void release(Route current) {
            ServiceHelper.stopService(holding);
            if (current != null) {
                ServiceHelper.resumeService(current.getConsumer());
            }
            running.countDown();
        }

        private void forward(DirectEndpoint endpoint, Exchange exchange) throws Exception {
            if (!running.await(endpoint.getTimeout(), TimeUnit.MILLISECONDS)) {
                throw new DirectConsumerNotAvailableException("No consumers available on endpoint: " + endpoint,
                        exchange);
            }
            DirectConsumer current = endpoint.getConsumer();
            if (current == null) {
                throw new DirectConsumerNotAvailableException("No consumers available on endpoint: " + endpoint,
                        exchange);
            }
            current.getProcessor().process(exchange);
        }
    }
}
