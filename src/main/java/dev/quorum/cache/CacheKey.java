package dev.quorum.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.api.CompletionRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The response cache's key of a request: its tenant and a SHA-256 of the canonical JSON of every field of the
 * {@link CompletionRequest} (after its template was rendered) except the ones in {@link #IGNORED}. Every field the
 * request record has is in the key unless named there, so a field added to the request (messages, tools, a response
 * format) changes the key with no change here: leaving one out is the deliberate act. The semantic cache's key is
 * the same without the prompt ({@link #parameters}): requests that differ only in their prompt's wording.
 */
public final class CacheKey {

    /**
     * Fields that do not change the answer: the request's own id, the tenant (the key's scope, kept apart) and the
     * caller's metadata, which Quorum passes through.
     */
    public static final Set<String> IGNORED = Set.of("id", "tenant", "metadata");

    private final ObjectMapper mapper;

    public CacheKey() {
        this.mapper = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The exact key: tenant and every answer-changing field. */
    public String exact(String tenant, CompletionRequest request) {
        return tenant + '\n' + digest(canonical(request, false));
    }

    /** The semantic cache's key: tenant and every answer-changing field but the prompt. */
    public String parameters(String tenant, CompletionRequest request) {
        return tenant + '\n' + digest(canonical(request, true));
    }

    private byte[] canonical(CompletionRequest request, boolean withoutPrompt) {
        ObjectNode tree = mapper.valueToTree(request);
        tree.remove(IGNORED);
        if (withoutPrompt) {
            tree.remove("prompt");
        }
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request that cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** For tests: the canonical text of a request's key before hashing. */
    String canonicalText(CompletionRequest request) {
        return new String(canonical(request, false), StandardCharsets.UTF_8);
    }
}
