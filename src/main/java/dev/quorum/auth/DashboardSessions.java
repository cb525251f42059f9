package dev.quorum.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The dashboard's login when API keys are on: a person types an API key into {@code /dashboard/login} once, and the
 * browser keeps a session instead, so the dashboard's page and its read-only API calls work from a browser, which
 * cannot add an {@code Authorization} header. The session is a random 256-bit id, kept server-side (by its SHA-256
 * digest, with the key's tenant, never the key) and sent by the browser in the cookie {@value #COOKIE}, which is
 * {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's page sends it) and {@code Secure}
 * when the login came over HTTPS (through a TLS proxy; {@code quorum.dashboard.cookie-secure}). A session ends
 * {@code session-idle-ms} after its last use, {@code session-max-ms} after the login, or at logout; at most
 * {@code max-sessions} exist (the oldest goes). It opens only {@code GET} of the dashboard and the three reads it
 * makes ({@link #readOnly}), nothing else: {@code POST /api/v1/complete} with the cookie is still a 401.
 *
 * <p>Sessions live in this instance's memory: a restart logs everyone out, and behind a load balancer without sticky
 * sessions each instance asks for the key once. The login form's POST must carry an {@code Origin} of this Quorum's
 * own address (or of {@code allowed-origins}): with {@code SameSite=Strict} that is the protection against another
 * site's page posting it (CSRF).
 */
public final class DashboardSessions implements ApiKeys.SessionCheck {

    /** The session cookie's name. */
    public static final String COOKIE = "quorum_session";
    /** The login page's path (GET: the form, POST: the login). */
    public static final String LOGIN = "/dashboard/login";
    /** The logout path (POST). */
    public static final String LOGOUT = "/dashboard/logout";
    /** The paths a session may read with GET besides the dashboard's own ({@code /dashboard}, {@code /dashboard/*}). */
    private static final Set<String> READS = Set.of("/api/v1/usage", "/api/v1/agreement", "/api/v1/alerts",
            "/api/v1/experiments");
    private static final int ID_BYTES = 32;

    /** The settings ({@code quorum.dashboard.*}). {@code cookieSecure} is auto, true or false. */
    public record Settings(long idleMillis, long maxMillis, int maxSessions, String cookieSecure,
                           List<String> allowedOrigins) {
    }

    /** One logged-in browser: the tenant of the key it logged in with, when, and when it was last seen. */
    private static final class Session {
        private final String tenant;
        private final long createdMillis;
        private volatile long lastSeenMillis;

        Session(String tenant, long createdMillis) {
            this.tenant = tenant;
            this.createdMillis = createdMillis;
            this.lastSeenMillis = createdMillis;
        }
    }

    private final ApiKeys keys;
    private final Settings settings;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final String loginPage;

    public DashboardSessions(ApiKeys keys, Settings settings, LongSupplier clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.loginPage = load("dashboard/login.html");
    }

    /** A new session for a valid key: its id, the cookie's value; {@code null} when the key is not valid. */
    public String login(String key) {
        ApiKeys.Key match = key == null || key.isBlank() ? null : keys.match("Bearer " + key.trim(), null);
        if (match == null) {
            return null;
        }
        long now = clock.getAsLong();
        sweep(now);
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(digest(id), new Session(match.tenant(), now));
        return id;
    }

    /** Ends the session the cookie header names, if any. */
    public void logout(String cookieHeader) {
        for (String id : ids(cookieHeader)) {
            sessions.remove(digest(id));
        }
    }

    /**
     * The tenant of the live session the {@code Cookie} header carries, when the request is one a session may make
     * ({@link #readOnly}); {@code null} otherwise. Touches the session.
     */
    @Override
    public String tenant(String cookieHeader, String method, String path) {
        if (!readOnly(method, path)) {
            return null;
        }
        long now = clock.getAsLong();
        for (String id : ids(cookieHeader)) {
            String digest = digest(id);
            Session session = sessions.get(digest);
            if (session == null) {
                continue;
            }
            if (expired(session, now)) {
                sessions.remove(digest);
                continue;
            }
            session.lastSeenMillis = now;
            return session.tenant;
        }
        return null;
    }

    /** Whether a session may make this request: {@code GET} (or {@code HEAD}) of the dashboard or of its three reads. */
    public static boolean readOnly(String method, String path) {
        if (method == null || path == null || !(method.equals("GET") || method.equals("HEAD"))) {
            return false;
        }
        // only a path as it is written: the router would resolve "/dashboard/../api/v1/providers" to another route
        if (path.contains("..") || path.contains("//") || path.contains("%") || path.contains("\\")
                || path.contains("/./") || path.endsWith("/.")) {
            return false;
        }
        return path.equals("/dashboard") || path.startsWith("/dashboard/") || READS.contains(path);
    }

    /**
     * Whether a login or logout POST comes from this Quorum's own page: its {@code Origin} is {@code http(s)://<Host>}
     * of the request, or one of {@code allowed-origins}. A POST without {@code Origin} is refused (browsers send one).
     */
    public boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.isBlank() || "null".equals(origin.trim())) {
            return false;
        }
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        for (String allowed : settings.allowedOrigins()) {
            if (normalised.equals(allowed.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(normalised);
            String authority = uri.getRawAuthority();
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && authority != null
                    && authority.equals(host.trim().toLowerCase(Locale.ROOT)) && (uri.getRawPath() == null
                    || uri.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code Set-Cookie} value of a new session: HttpOnly, SameSite=Strict, Path=/, Max-Age, Secure over HTTPS. */
    public String cookie(String id, boolean https) {
        return COOKIE + "=" + id + "; Path=/; Max-Age=" + settings.maxMillis() / 1000 + "; HttpOnly; SameSite=Strict"
                + (secure(https) ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String clearedCookie(boolean https) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(https) ? "; Secure" : "");
    }

    /** The login page, with one of the fixed messages (never text from the request) or none. */
    public byte[] loginPage(String message) {
        String shown = message == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>";
        return loginPage.replace("<!--message-->", shown).getBytes(StandardCharsets.UTF_8);
    }

    /** Live sessions (for tests and the log). */
    public int size() {
        return sessions.size();
    }

    private boolean secure(boolean https) {
        return switch (settings.cookieSecure()) {
            case "true" -> true;
            case "false" -> false;
            default -> https;
        };
    }

    private boolean expired(Session session, long now) {
        return now - session.lastSeenMillis > settings.idleMillis() || now - session.createdMillis > settings.maxMillis();
    }

    /** Drops expired sessions; beyond {@code max-sessions}, the oldest. */
    private void sweep(long now) {
        sessions.values().removeIf(session -> expired(session, now));
        while (sessions.size() >= Math.max(1, settings.maxSessions())) {
            sessions.entrySet().stream().min((a, b) -> Long.compare(a.getValue().createdMillis,
                    b.getValue().createdMillis)).ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
    }

    /** The values of every {@value #COOKIE} cookie in a {@code Cookie} header. */
    static List<String> ids(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.isEmpty()) {
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>(1);
        for (String part : cookieHeader.split(";")) {
            String pair = part.trim();
            if (pair.startsWith(COOKIE + "=")) {
                String value = pair.substring(COOKIE.length() + 1).trim();
                if (!value.isEmpty() && value.length() <= 100) {
                    ids.add(value);
                }
            }
        }
        return ids;
    }

    private static String digest(String id) {
        return HexFormat.of().formatHex(ApiKeys.digest(id));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String load(String resource) {
        try (InputStream in = DashboardSessions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
