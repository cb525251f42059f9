package dev.quorum.observe;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses the console answers under, and the pages allowed to call it: the names of the address it is bound to
 * with its port (for loopback {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; for a wildcard address the
 * machine's IPv4 addresses and host name) and the origins configured in {@code quorum.console.allowed-origins} (the
 * public address of a reverse proxy). A request whose {@code Host} is none of them is a DNS-rebinding attempt (a page
 * of another site whose name was pointed at this machine), and a request whose {@code Origin} is none of them comes
 * from another site's page: both are refused before anything else looks at them.
 */
final class ConsoleOrigins {

    /** Host names and addresses with their port, {@code host:port}, lower case; a configured origin's host also bare. */
    private final Set<String> authorities;
    /** Origins, {@code scheme://host:port}, lower case, with the default port written out. */
    private final Set<String> origins;
    /** The origins as a browser writes them (no default port), for Jolokia's CORS policy. */
    private final List<String> browserOrigins;

    private ConsoleOrigins(Set<String> authorities, Set<String> origins, List<String> browserOrigins) {
        this.authorities = authorities;
        this.origins = origins;
        this.browserOrigins = browserOrigins;
    }

    /**
     * The addresses of a console bound to {@code host} on {@code port}, and the extra origins it is reached under.
     *
     * @throws IllegalArgumentException naming {@code quorum.console.allowed-origins} for an origin that is not
     *         {@code http(s)://host[:port]}
     */
    static ConsoleOrigins of(String host, int port, List<String> allowedOrigins) {
        Set<String> names = new LinkedHashSet<>();
        String bound = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (QuorumConsole.isLoopback(bound) || isWildcard(bound)) {
            names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        }
        if (isWildcard(bound)) {
            names.addAll(machineNames());
        } else {
            names.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
            try {
                InetAddress address = InetAddress.getByName(bound);
                names.add(literal(address));
            } catch (UnknownHostException e) {
                // a name that does not resolve: the console could not have bound to it either
            }
        }
        Set<String> authorities = new LinkedHashSet<>();
        Set<String> origins = new LinkedHashSet<>();
        List<String> browserOrigins = new ArrayList<>();
        for (String name : names) {
            authorities.add(name + ":" + port);
            origins.add("http://" + name + ":" + port);
            browserOrigins.add(port == 80 ? "http://" + name : "http://" + name + ":" + port);
        }
        for (String configured : allowedOrigins) {
            if (configured.isBlank()) {
                continue;
            }
            URI origin = parseOrigin(configured.trim());
            if (origin == null) {
                throw new IllegalArgumentException("quorum.console.allowed-origins: '" + configured.trim()
                        + "' is not an origin (scheme://host or scheme://host:port, scheme http or https)");
            }
            String name = origin.getHost().toLowerCase(Locale.ROOT);
            int originPort = portOf(origin);
            authorities.add(name + ":" + originPort);
            authorities.add(name);
            origins.add(origin.getScheme().toLowerCase(Locale.ROOT) + "://" + name + ":" + originPort);
            browserOrigins.add(configured.trim().toLowerCase(Locale.ROOT));
        }
        return new ConsoleOrigins(Collections.unmodifiableSet(authorities), Collections.unmodifiableSet(origins),
                List.copyOf(browserOrigins));
    }

    /** Whether a request with this {@code Host} header is addressed to the console (no header: not). */
    boolean allowsHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String value = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        boolean hasPort = colon > value.lastIndexOf(']');
        if (hasPort) {
            return authorities.contains(value);
        }
        // no port: port 80 for a local name, any port for a configured origin's host (behind its proxy)
        return authorities.contains(value + ":80") || authorities.contains(value);
    }

    /** Whether a request with this {@code Origin} header may go on: none (not a cross-site browser request), or ours. */
    boolean allowsOrigin(String originHeader) {
        if (originHeader == null) {
            return true;
        }
        URI origin = parseOrigin(originHeader.trim());
        return origin != null && origins.contains(origin.getScheme().toLowerCase(Locale.ROOT) + "://"
                + origin.getHost().toLowerCase(Locale.ROOT) + ":" + portOf(origin));
    }

    /** The origins as browsers send them, for Jolokia's {@code <cors>} policy. */
    List<String> browserOrigins() {
        return browserOrigins;
    }

    /** Whether a configured origin is {@code https} (behind a proxy that ends TLS, the console itself sees http). */
    boolean anySecure() {
        return browserOrigins.stream().anyMatch(origin -> origin.startsWith("https:"));
    }

    private static URI parseOrigin(String value) {
        try {
            URI origin = new URI(value);
            String scheme = origin.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            boolean bare = origin.getRawPath() == null || origin.getRawPath().isEmpty();
            if (!web || origin.getHost() == null || !bare || origin.getRawQuery() != null || origin.getRawFragment() != null
                    || origin.getRawUserInfo() != null) {
                return null;
            }
            return origin;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int portOf(URI origin) {
        if (origin.getPort() >= 0) {
            return origin.getPort();
        }
        return "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
    }

    private static boolean isWildcard(String host) {
        return host.isEmpty() || List.of("0.0.0.0", "::", "[::]", "*").contains(host);
    }

    /** The machine's IPv4 addresses and its host name, for a console bound to every address. */
    private static Set<String> machineNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        names.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces listed: loopback names and configured origins still answer
        }
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // a host name that does not resolve is not one a browser could reach the console under
        }
        return names;
    }

    private static String literal(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : "[" + address.getHostAddress() + "]";
    }
}
