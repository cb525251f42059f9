package dev.quorum.api;

import java.util.Map;

/**
 * What a request asks of Quorum beyond the {@link CompletionRequest} itself: the prompt template it names instead of
 * a prompt ({@code template}, its {@code variables} as text, optionally {@code templateVersion}) and a caller-given
 * key that keeps it in one arm of the template's experiment ({@code experimentKey}). Kept apart from the request so
 * the request stays what is sent to providers, and the response cache it asks for ({@code cache}: null when it asks
 * nothing and {@code quorum.cache.enabled} decides, else {@value #CACHE_EXACT}, {@value #CACHE_SEMANTIC} or
 * {@value #CACHE_OFF}). {@link #NONE} when the request names none of them.
 */
public record RequestOptions(String template, Integer templateVersion, Map<String, String> variables,
                             String experimentKey, String cache) {

    /** {@code "cache": true}: answer from the exact cache when the same request was answered before. */
    public static final String CACHE_EXACT = "exact";
    /** {@code "cache": "semantic"}: also answer from a cached request whose prompt is close enough. */
    public static final String CACHE_SEMANTIC = "semantic";
    /** {@code "cache": false}: neither read nor write the cache. */
    public static final String CACHE_OFF = "off";

    /** A request that asks for none of these. */
    public static final RequestOptions NONE = new RequestOptions(null, null, Map.of(), null, null);

    /** Whether the request names a template (and so has no prompt until the template is rendered). */
    public boolean templated() {
        return template != null;
    }
}
