package dev.quorum.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.quorum.auth.ApiKeys;
import dev.quorum.auth.DashboardSessions;
import dev.quorum.auth.ErrorReplies;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Camel Main start {@link QuorumHttpServer} for {@code camel.server.*}, with the limits of
 * {@code quorum.http.*}: bound as {@code camel.beans.quorumHttpServerFactory} in application.properties, this factory
 * is in the registry before Camel Main looks for one there, and Camel Main prefers it to its own. The settings Camel
 * maps ({@code camel.server.host}, {@code port}, ...) are mapped by Camel's own factory; the management server
 * ({@code camel.management.*}) is Camel's, and shares this server on the same port.
 */
public final class QuorumHttpServerFactory implements MainHttpServerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumHttpServerFactory.class);
    /** File descriptors left for everything but client connections: the ledger, provider calls, jars, logs. */
    private static final long RESERVED_DESCRIPTORS = 512;

    private final DefaultMainHttpServerFactory camels = new DefaultMainHttpServerFactory();

    /** The connection cap, lowered below the process's file descriptor limit (a socket each) when it is above it. */
    static int maxConnections(HttpLimits limits) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            long available = unix.getMaxFileDescriptorCount() - RESERVED_DESCRIPTORS;
            if (available > 0 && limits.maxConnections() > available) {
                LOG.warn("quorum.http.max-connections is {} but this process may open {} files: {} connections at most",
                        limits.maxConnections(), unix.getMaxFileDescriptorCount(), available);
                return (int) available;
            }
        }
        return limits.maxConnections();
    }

    @Override
    public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties properties) {
        HttpLimits limits = HttpLimits.read(context.getPropertiesComponent()::resolveProperty);
        int maxConnections = maxConnections(limits);
        camels.setCamelContext(context);
        VertxPlatformHttpServerConfiguration configuration =
                ((MainHttpServer) camels.newHttpServer(context, properties)).getConfiguration();
        // platform-http's own body handler stays as a backstop; the gate reads every body before it with its limit
        configuration.setMaxBodySize(limits.largestBody());
        ConnectionGuard guard = new ConnectionGuard(limits, maxConnections);
        QuorumHttpServer server = new QuorumHttpServer(configuration, guard, () -> {
            HttpGate gate = gate(context, guard, limits);
            LOG.info("HTTP limits: bodies up to {} bytes{}, {} body bytes held at once, {} connections; a request head "
                            + "within {} ms of connecting, idle connections kept {} ms, a body within {} ms; API keys {}",
                    limits.maxBodyBytes(), limits.pathLimits().isEmpty() ? "" : " (by path: " + limits.pathLimits() + ")",
                    limits.maxBufferedBodyBytes(), maxConnections, limits.headerTimeoutMs(), limits.idleTimeoutMs(),
                    limits.bodyTimeoutMs(), gate.keysRequired() ? "required before any body is read" : "off");
            return gate;
        });
        server.setCamelContext(context);
        return server;
    }

    /**
     * Camel's management server, which shares {@link QuorumHttpServer} and its gate on the API's port. (On a port of
     * its own, Camel 4.17's platform-http finds two servers and no longer knows which router is its own: Quorum does
     * not start, with or without this factory.)
     */
    @Override
    public Service newHttpManagementServer(CamelContext context, HttpManagementServerConfigurationProperties properties) {
        camels.setCamelContext(context);
        return camels.newHttpManagementServer(context, properties);
    }

    private static HttpGate gate(CamelContext context, ConnectionGuard guard, HttpLimits limits) {
        PropertiesComponent properties = context.getPropertiesComponent();
        boolean keysOn = properties.resolveProperty("quorum.auth.enabled").map(v -> Boolean.parseBoolean(v.trim()))
                .orElse(false);
        ApiKeys keys = keysOn ? context.getRegistry().lookupByNameAndType("apiKeys", ApiKeys.class) : null;
        if (keysOn && keys == null) {
            throw new IllegalStateException("quorum.auth.enabled=true but no apiKeys bean is bound");
        }
        ObjectMapper mapper = context.getRegistry().lookupByNameAndType("quorumObjectMapper", ObjectMapper.class);
        String healthPath = properties.resolveProperty("camel.management.health-path").orElse("/observe/health").trim();
        DashboardSessions sessions = keysOn
                ? context.getRegistry().lookupByNameAndType("dashboardSessions", DashboardSessions.class) : null;
        return new HttpGate(limits, keys, new ErrorReplies(mapper), guard, context::isStarted, healthPath, sessions);
    }
}
