package dev.quorum.observe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio console in the same JVM: {@code hawtio-war} deployed at {@code /hawtio} in an embedded Jetty of its own,
 * on its own port and threads, so it never shares a thread or a port with the request path. Its Jolokia
 * ({@code /hawtio/jolokia}) is the only one in the JVM and reads Camel's MBeans (routes, processors, exchanges).
 * <p>
 * On loopback it is open, as a developer tool. Bound to any other address it requires HTTP Basic authentication with
 * the configured user and password, and without a password it is not started at all.
 */
public final class QuorumConsole extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumConsole.class);

    /** Where and how the console runs, from {@code quorum.console.*}. */
    public record Settings(String host, int port, Path war, String user, String password) {
    }

    private final Settings settings;
    private Server server;

    public QuorumConsole(Settings settings) {
        this.settings = settings;
    }

    /** The port the console listens on, once started (useful when configured as 0), or -1. */
    public int port() {
        return server == null ? -1 : ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    protected void doStart() throws Exception {
        boolean loopback = isLoopback(settings.host());
        boolean secured = !loopback;
        if (secured && (settings.password() == null || settings.password().isBlank())) {
            LOG.error("Hawtio console not started: it would listen on {} beyond loopback, which needs authentication; set "
                    + "QUORUM_CONSOLE_PASSWORD (quorum.console.password) or quorum.console.host=127.0.0.1", settings.host());
            return;
        }
        if (!Files.isRegularFile(settings.war())) {
            LOG.warn("Hawtio console not started: no war at {} (mvn compile copies it there)", settings.war().toAbsolutePath());
            return;
        }
        // Hawtio's own login (JAAS) is off: on loopback nobody else can reach it, beyond it Jetty asks for the password
        System.setProperty("hawtio.authenticationEnabled", "false");
        System.setProperty("hawtio.offline", "true");
        // the console shows this JVM only: no proxy to other Jolokia agents through it
        System.setProperty("hawtio.disableProxy", "true");

        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("quorum-console");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);

        WebAppContext hawtio = new WebAppContext();
        hawtio.setContextPath("/hawtio");
        hawtio.setWar(settings.war().toAbsolutePath().toString());
        hawtio.setTempDirectory(Files.createTempDirectory("quorum-hawtio").toFile());
        hawtio.setThrowUnavailableOnStartupException(true);
        // the war's own log4j binding stays unused: its lines go through Quorum's slf4j and logback
        hawtio.addProtectedClassMatcher(new ClassMatcher("org.slf4j."));
        if (secured) {
            hawtio.setSecurityHandler(basicAuth(settings.user(), settings.password()));
        }
        jetty.setHandler(hawtio);
        try {
            jetty.start();
        } catch (Exception e) {
            LOG.warn("Hawtio console not started on {}:{}: {}", settings.host(), settings.port(), e.getMessage());
            jetty.stop();
            return;
        }
        server = jetty;
        LOG.info("Hawtio console on http://{}:{}/hawtio/{}", settings.host(), port(),
                secured ? " (HTTP Basic authentication, user " + settings.user() + ")" : "");
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static SecurityHandler basicAuth(String user, String password) {
        UserStore users = new UserStore();
        users.addUser(user, Credential.getCredential(password), new String[] {"admin"});
        HashLoginService login = new HashLoginService("Quorum console");
        login.setUserStore(users);
        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        security.put("/*", Constraint.from("admin"));
        return security;
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank() || List.of("0.0.0.0", "::", "*").contains(host.trim())) {
            return false;
        }
        try {
            return InetAddress.getByName(host.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
