package dev.quorum.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.BindException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.CamelContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quorum's HTTP server: platform-http's Vert.x server (its router, its Vert.x instance, the management server on the
 * same port), started Quorum's way. Camel's own server gives its Vert.x server no connection handler and no way to
 * set one, and logs a port that is already taken as a warning and goes on starting; this one puts the
 * {@link ConnectionGuard} on every connection and the {@link HttpGate} in front of every route before it listens,
 * and fails the start when it cannot listen, naming the port and the setting to change. It speaks HTTP/1.1 only (no
 * cleartext HTTP/2 upgrade).
 */
public final class QuorumHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumHttpServer.class);

    private final VertxPlatformHttpServerConfiguration configuration;
    private final Supplier<HttpGate> gates;
    private final ConnectionGuard guard;
    private HttpServer server;
    private Vertx ownVertx;

    /**
     * @param guard the connection guard every connection passes
     * @param gates makes the gate when the server starts (the beans it needs are bound by then)
     */
    public QuorumHttpServer(VertxPlatformHttpServerConfiguration configuration, ConnectionGuard guard,
                            Supplier<HttpGate> gates) {
        super(configuration);
        this.configuration = configuration;
        this.guard = guard;
        this.gates = gates;
    }

    /** Nothing: the Vert.x instance is found or made when the server starts. */
    @Override
    protected void doInit() {
    }

    /**
     * The registry's Vert.x instance, else one this server makes (from the registry's {@code VertxOptions}) and
     * closes when it stops.
     */
    @Override
    protected Vertx lookupVertx() {
        Vertx found = super.lookupVertx();
        if (found != null) {
            return found;
        }
        if (ownVertx == null) {
            ownVertx = createVertxInstance();
        }
        return ownVertx;
    }

    /**
     * The Vert.x instance this server makes, as Camel's would (the registry's {@code VertxOptions}), but with
     * {@link RecentlyIdleWorkers} as its worker pools: only this instance's, never another Vert.x in the JVM.
     */
    @Override
    protected Vertx createVertxInstance() {
        VertxOptions options = CamelContextHelper.findSingleByType(getCamelContext(), VertxOptions.class);
        return RecentlyIdleWorkers.vertx(options == null ? new VertxOptions() : options);
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        setVertx(null);
        if (ownVertx != null) {
            try {
                ownVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } finally {
                ownVertx = null;
            }
        }
    }

    @Override
    protected void startServer() throws Exception {
        if (configuration.getSslContextParameters() != null || configuration.isUseGlobalSslContextParameters()) {
            throw new IllegalStateException("camel.server TLS settings are not supported by Quorum's HTTP server: "
                    + "serve Quorum behind a TLS proxy (docs/security.md)");
        }
        if (!"/".equals(configuration.getPath())) {
            throw new IllegalStateException("camel.server.path must be / for Quorum's HTTP server, not '"
                    + configuration.getPath() + "'");
        }
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getBindPort()));
        HttpGate gate = gates.get();
        gate.install(router);
        // HTTP/1.1 only: a connection carries one request at a time, which the guard's timeouts and the gate's body
        // handling rely on (a TLS proxy in front may speak HTTP/2 to clients)
        HttpServer created = getVertx().createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .connectionHandler(guard).requestHandler(request -> gate.screen(request, router));
        String host = configuration.getBindHost();
        int port = configuration.getBindPort();
        try {
            created.listen(port, host).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new HttpServerStartException(e.getCause() instanceof BindException
                    ? "Port " + port + " on " + host + " is already in use: set QUORUM_PORT (camel.server.port) to a "
                            + "free port, or stop what holds it"
                    : "Quorum's HTTP server could not listen on " + host + ":" + port + " (" + e.getCause()
                            + "): check QUORUM_HOST (camel.server.host) and QUORUM_PORT (camel.server.port)");
        }
        server = created;
        guard.start(getVertx());
        LOG.info("HTTP server on {}:{}", host, server.actualPort());
    }

    @Override
    protected void stopServer() {
        if (server == null) {
            return;
        }
        guard.stop(getVertx());
        try {
            getCamelContext().removeComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME);
            server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Closing the HTTP server failed: {}", e.toString());
        } finally {
            server = null;
        }
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        return server != null ? server.actualPort() : configuration.getBindPort();
    }

    /**
     * The HTTP server could not start. The message is the whole story, naming the setting to change, so it carries no
     * stack trace: Camel logs it as the reason the start failed, and {@code QuorumApplication} exits with it.
     */
    public static final class HttpServerStartException extends RuntimeException {

        HttpServerStartException(String message) {
            super(message, null, false, false);
        }
    }
}
