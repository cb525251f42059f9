package dev.quorum.auth;

import dev.quorum.camel.AuthConstants;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Answers one question for every HTTP request when API keys are required: which configured key, and so which tenant,
 * did the caller present ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>})? Keys are held only as
 * SHA-256 digests and compared in constant time against every configured key, so neither timing nor an early exit
 * tells a caller how close a guess was; the presented key is removed from the message at once, so no later step,
 * log or reply can see it. Quorum's HTTP server asks the same question of the raw request before its body is read
 * ({@link dev.quorum.http.HttpGate}); the route-level check then sets the tenant.
 */
public final class ApiKeys {

    /** Header a client may carry its key in instead of {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final String BEARER = "Bearer ";
    /** Variable: why the caller is not authenticated, {@code missing} or {@code invalid}, for the 401 body. */
    private static final String VAR_PROBLEM = "authProblem";

    /** Why a request is answered 401: its OpenAI-style {@code error.code} and the sentence that says what to do. */
    public enum Refusal {
        MISSING("missing_api_key", "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"),
        INVALID("invalid_api_key", "The API key is not valid for this Quorum"),
        IN_QUERY("api_key_in_query", "API keys are not accepted in the query string, which ends up in logs and "
                + "proxies: send the key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");

        private final String code;
        private final String message;

        Refusal(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /**
     * Query parameters that carry a key by the conventions clients use ({@code ?api_key=}, Google's {@code ?key=},
     * OAuth's {@code ?access_token=}) or by the names of Quorum's own headers, which platform-http would otherwise
     * turn into those headers. Compared in lower case.
     */
    private static final Set<String> KEY_PARAMETERS = Set.of("x-api-key", "authorization", "api_key", "api-key",
            "apikey", "key", "access_token");

    /** One accepted key: its configured name (for logs), the digest of its value and the tenant it bills. */
    public record Key(String name, byte[] digest, String tenant) {
    }

    /**
     * Another way in than a key: the tenant a request without one may act as ({@link DashboardSessions}: a logged-in
     * browser's session cookie, for the dashboard's reads only), or {@code null}.
     */
    public interface SessionCheck {
        String tenant(String cookieHeader, String method, String path);
    }

    private final List<Key> keys;
    private final ErrorReplies replies;
    private volatile SessionCheck sessions;

    public ApiKeys(List<Key> keys, ErrorReplies replies) {
        this.keys = List.copyOf(keys);
        this.replies = replies;
    }

    /** Lets {@link #authenticate} accept a dashboard session where no key is presented. */
    void acceptSessions(SessionCheck check) {
        this.sessions = check;
    }

    /** Whether a query parameter of this name would carry an API key: such a request is refused, whatever the key. */
    public static boolean isKeyParameter(String name) {
        return KEY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
    }

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Sets {@code authenticated} and, for a valid key, {@code keyTenant}; removes the key from the message. */
    public void authenticate(Exchange exchange) {
        Message message = exchange.getMessage();
        String presented = presented(message.getHeader("Authorization", String.class),
                message.getHeader(API_KEY_HEADER, String.class));
        String cookie = message.getHeader("Cookie", String.class);
        message.removeHeader("Authorization");
        message.removeHeader(API_KEY_HEADER);
        message.removeHeader("Cookie");
        Key match = presented == null ? null : match(digest(presented));
        String tenant = match != null ? match.tenant() : null;
        SessionCheck check = sessions;
        if (presented == null && check != null && cookie != null) {
            // a logged-in browser, for the dashboard's reads only (the check knows which)
            tenant = check.tenant(cookie, message.getHeader(Exchange.HTTP_METHOD, String.class),
                    path(message.getHeader(Exchange.HTTP_URI, String.class)));
        }
        exchange.setVariable(AuthConstants.VAR_AUTHENTICATED, tenant != null);
        exchange.setVariable(VAR_PROBLEM, presented == null ? "missing" : "invalid");
        if (tenant != null) {
            exchange.setVariable(AuthConstants.VAR_KEY_TENANT, tenant);
        }
    }

    /** The path of a request URI (without its query). */
    private static String path(String uri) {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /**
     * The key the raw headers present ({@code Authorization: Bearer <key>} first, then {@code X-API-Key}), or
     * {@code null} when they present none or one that is not configured.
     */
    public Key match(String authorization, String apiKeyHeader) {
        String presented = presented(authorization, apiKeyHeader);
        return presented == null ? null : match(digest(presented));
    }

    /** Why raw headers that {@link #match} found no key in are refused: none presented, or one not configured. */
    public static Refusal refusal(String authorization, String apiKeyHeader) {
        return presented(authorization, apiKeyHeader) == null ? Refusal.MISSING : Refusal.INVALID;
    }

    /** The 401 body for a request to {@code path}: OpenAI's error shape under {@code /v1/}, Quorum's elsewhere. */
    public byte[] rejection(String path, Refusal refusal) {
        return replies.body(path, 401, "unauthorized", refusal.code, refusal.message);
    }

    /** The 401 reply: OpenAI's error shape under {@code /v1/}, Quorum's result shape elsewhere. */
    public void reject(Exchange exchange) {
        Message message = exchange.getMessage();
        boolean missing = "missing".equals(exchange.getVariable(VAR_PROBLEM, String.class));
        byte[] body = rejection(message.getHeader(Exchange.HTTP_URI, String.class), missing ? Refusal.MISSING : Refusal.INVALID);
        message.removeHeaders("*");
        message.setBody(body);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("WWW-Authenticate", "Bearer realm=\"quorum\"");
    }

    /** Every configured key is compared, match or not: the time taken does not depend on which one matched. */
    private Key match(byte[] digest) {
        Key match = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(digest, key.digest()) && match == null) {
                match = key;
            }
        }
        return match;
    }

    private static String presented(String authorization, String header) {
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                return key;
            }
        }
        return header == null || header.isBlank() ? null : header.trim();
    }
}
