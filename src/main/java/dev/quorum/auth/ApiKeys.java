package dev.quorum.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumHeaders;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.openai.OpenAiReplies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Answers one question for every HTTP request when API keys are required: which configured key, and so which tenant,
 * did the caller present ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>})? Keys are held only as
 * SHA-256 digests and compared in constant time against every configured key, so neither timing nor an early exit
 * tells a caller how close a guess was; the presented key is removed from the message at once, so no later step,
 * log or reply can see it.
 */
public final class ApiKeys {

    /** Header a client may carry its key in instead of {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final String BEARER = "Bearer ";
    /** Variable: why the caller is not authenticated, {@code missing} or {@code invalid}, for the 401 body. */
    private static final String VAR_PROBLEM = "authProblem";

    /** One accepted key: its configured name (for logs), the digest of its value and the tenant it bills. */
    public record Key(String name, byte[] digest, String tenant) {
    }

    private final List<Key> keys;
    private final ObjectMapper mapper;

    public ApiKeys(List<Key> keys, ObjectMapper mapper) {
        this.keys = List.copyOf(keys);
        this.mapper = mapper;
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
        String presented = presented(message);
        message.removeHeader("Authorization");
        message.removeHeader(API_KEY_HEADER);
        Key match = presented == null ? null : match(digest(presented));
        exchange.setVariable(QuorumHeaders.VAR_AUTHENTICATED, match != null);
        exchange.setVariable(VAR_PROBLEM, presented == null ? "missing" : "invalid");
        if (match != null) {
            exchange.setVariable(QuorumHeaders.VAR_KEY_TENANT, match.tenant());
        }
    }

    /** The 401 reply: OpenAI's error shape under {@code /v1/}, Quorum's result shape elsewhere. */
    public void reject(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        boolean missing = "missing".equals(exchange.getVariable(VAR_PROBLEM, String.class));
        String text = missing
                ? "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
                : "The API key is not valid for this Quorum";
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        byte[] body;
        if (uri != null && uri.startsWith("/v1/")) {
            body = mapper.writeValueAsBytes(OpenAiReplies.error(401, missing ? "missing_api_key" : "invalid_api_key", text));
        } else {
            body = mapper.writeValueAsBytes(CompletionResult.builder().id(UUID.randomUUID().toString())
                    .error(new ErrorInfo("unauthorized", text, null, null, null)).status(401).build());
        }
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

    private static String presented(Message message) {
        String authorization = message.getHeader("Authorization", String.class);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            if (!key.isEmpty()) {
                return key;
            }
        }
        String header = message.getHeader(API_KEY_HEADER, String.class);
        return header == null || header.isBlank() ? null : header.trim();
    }
}
