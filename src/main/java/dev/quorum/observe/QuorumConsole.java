package dev.quorum.observe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.util.security.Password;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio console in the same JVM: {@code hawtio-war} deployed at {@code /hawtio} in an embedded Jetty of its own,
 * on its own port and threads, so it never shares a thread or a port with the request path. Its Jolokia
 * ({@code /hawtio/jolokia}) is the only one in the JVM and reads Camel's MBeans (routes, processors, exchanges).
 * <p>
 * Whoever reaches the console's Jolokia can act as Quorum's process, so it is guarded on loopback too:
 * <ul>
 * <li>every request needs HTTP Basic authentication as the configured user, with the configured password or, when
 * none is configured and the console is on loopback, one generated at start and logged once (beyond loopback a
 * configured password is required, else the console does not start);</li>
 * <li>a request whose {@code Host} is not the console's own address (DNS rebinding) or whose {@code Origin} is another
 * site's is refused with 403 before anything else sees it ({@link ConsoleOrigins});</li>
 * <li>its Jolokia runs under the access policy {@code jolokia-access.xml} beside this class: reads, lists and a few
 * named operations only, strict origin checking, nothing that reveals the JVM's arguments.</li>
 * </ul>
 */
public final class QuorumConsole extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumConsole.class);

    /** The Jolokia access policy, a class path resource: its {@code <cors>} gets the console's origins at start. */
    static final String POLICY = "/dev/quorum/observe/jolokia-access.xml";
    private static final String ORIGINS_MARK = "<!--@console-origins@-->";

    /**
     * Where and how the console runs, from {@code quorum.console.*}: {@code allowedOrigins} are origins the console is
     * reached under besides its own address (a reverse proxy's public address).
     */
    public record Settings(String host, int port, Path war, String user, String password, List<String> allowedOrigins) {

        public Settings {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        /** A console reached only under its own address. */
        public Settings(String host, int port, Path war, String user, String password) {
            this(host, port, war, user, password, List.of());
        }
    }

    private final Settings settings;
    private Server server;
    private Path files;

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
        String password = settings.password();
        boolean generated = password == null || password.isBlank();
        if (generated && !loopback) {
            LOG.error("Hawtio console not started: it would listen on {} beyond loopback, which needs a password of your "
                    + "choice; set QUORUM_CONSOLE_PASSWORD (quorum.console.password) or quorum.console.host=127.0.0.1",
                    settings.host());
            return;
        }
        if (!Files.isRegularFile(settings.war())) {
            LOG.warn("Hawtio console not started: no war at {} (mvn compile copies it there)", settings.war().toAbsolutePath());
            return;
        }
        String policy = policyTemplate();
        if (policy == null) {
            LOG.error("Hawtio console not started: its Jolokia access policy {} is not on the class path", POLICY);
            return;
        }
        if (generated) {
            password = generatePassword();
        }
        // Hawtio's own login (JAAS) is off: Jetty asks for the password (HTTP Basic) before the war sees a request
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
        try {
            // bound before the rest is built: the Host check and the policy's origins need the port (0 = any free one)
            connector.open();
            ConsoleOrigins origins = ConsoleOrigins.of(settings.host(), connector.getLocalPort(), settings.allowedOrigins());
            files = Files.createTempDirectory("quorum-hawtio");
            Path policyFile = files.resolve("jolokia-access.xml");
            Files.writeString(policyFile, withOrigins(policy, origins), StandardCharsets.UTF_8);
            // read by the war's Jolokia servlet (Hawtio's JolokiaConfiguredAgentServlet) when it starts
            System.setProperty("jolokia.policyLocation", policyFile.toUri().toString());
            // no JSR-160 proxy (a request naming a remote JMX URL would make this JVM connect there) and no answers
            // to Jolokia's multicast discovery: the console shows this JVM only
            System.setProperty("jolokia.disabledServices", "org.jolokia.service.jsr160.Jsr160RequestHandler,"
                    + "org.jolokia.service.discovery.DiscoveryMulticastResponder");

            WebAppContext hawtio = new WebAppContext();
            hawtio.setContextPath("/hawtio");
            hawtio.setWar(settings.war().toAbsolutePath().toString());
            hawtio.setTempDirectory(Files.createDirectory(files.resolve("webapp")).toFile());
            hawtio.setThrowUnavailableOnStartupException(true);
            // the war's own log4j binding stays unused: its lines go through Quorum's slf4j and logback
            hawtio.addProtectedClassMatcher(new ClassMatcher("org.slf4j."));
            hawtio.setSecurityHandler(basicAuth(settings.user(), password));
            jetty.setHandler(new AddressCheck(origins, hawtio));
            jetty.start();
        } catch (Exception e) {
            LOG.warn("Hawtio console not started on {}:{}: {}", settings.host(), settings.port(), e.getMessage());
            jetty.stop();
            doStop();
            return;
        }
        server = jetty;
        LOG.info("Hawtio console on http://{}:{}/hawtio/ (HTTP Basic authentication, user {}; Jolokia policy {})",
                settings.host(), port(), settings.user(), System.getProperty("jolokia.policyLocation"));
        if (generated) {
            // the only place this password is ever written; a configured one is never logged
            LOG.warn("Hawtio console password for user {} (generated for this run, shown only here; set "
                    + "QUORUM_CONSOLE_PASSWORD to choose one): {}", settings.user(), password);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (files != null) {
            IO.delete(files.toFile());
            files = null;
        }
    }

    private static SecurityHandler basicAuth(String user, String password) {
        UserStore users = new UserStore();
        // the password as written: Credential.getCredential would read a password starting with MD5: or CRYPT: as a hash
        users.addUser(user, new Password(password), new String[] {"admin"});
        HashLoginService login = new HashLoginService("Quorum console");
        login.setUserStore(users);
        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        security.put("/*", Constraint.from("admin"));
        return security;
    }

    private static String policyTemplate() throws IOException {
        try (InputStream in = QuorumConsole.class.getResourceAsStream(POLICY)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The policy with one {@code <allow-origin>} per origin of the console (and its pages' Referer). */
    static String withOrigins(String policy, ConsoleOrigins origins) {
        if (!policy.contains(ORIGINS_MARK)) {
            throw new IllegalStateException(POLICY + " has no " + ORIGINS_MARK + " in its <cors>");
        }
        String allowed = origins.browserOrigins().stream()
                .map(QuorumConsole::xml)
                .flatMap(origin -> Stream.of(origin, origin + "/*"))
                .map(origin -> "<allow-origin>" + origin + "</allow-origin>")
                .collect(Collectors.joining("\n    "));
        // behind a proxy that ends TLS the console sees http while the page's origin is https
        return policy.replace(ORIGINS_MARK, origins.anySecure() ? allowed + "\n    <ignore-scheme/>" : allowed);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * Refuses, with 403 and before authentication, a request addressed to another host (DNS rebinding) or sent by
     * another site's page ({@code Origin}); everything else goes on to the war.
     */
    private static final class AddressCheck extends Handler.Wrapper {

        private final ConsoleOrigins origins;

        AddressCheck(ConsoleOrigins origins, Handler next) {
            super(next);
            this.origins = origins;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String refusal = null;
            if (!origins.allowsHost(request.getHeaders().get(HttpHeader.HOST))) {
                refusal = "This console answers only under its own address (Host); add others to quorum.console.allowed-origins";
            } else if (!origins.allowsOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
                refusal = "This console answers only its own pages (Origin); add others to quorum.console.allowed-origins";
            }
            if (refusal == null) {
                return super.handle(request, response, callback);
            }
            response.setStatus(403);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.TEXT_PLAIN_UTF_8.asString());
            // the request's body stays unread: the connection ends with the answer, the client knows not to reuse it
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Content.Sink.write(response, true, refusal + "\n", callback);
            return true;
        }
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
