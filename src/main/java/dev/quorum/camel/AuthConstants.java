package dev.quorum.camel;

/**
 * API keys: what the HTTP caller's key established ({@code dev.quorum.auth}, docs/security.md). All are exchange
 * variables.
 */
public final class AuthConstants {

    /** Variable: the tenant of the API key the HTTP caller presented; it replaces the request's own tenant. */
    public static final String VAR_KEY_TENANT = "keyTenant";

    /** Variable: {@code true} once the HTTP caller presented a valid API key (or keys are not required). */
    public static final String VAR_AUTHENTICATED = "authenticated";

    private AuthConstants() {
    }
}
