package dev.quorum.api;

import java.util.Map;

/**
 * What a request asks of Quorum beyond the {@link CompletionRequest} itself: the prompt template it names instead of
 * a prompt ({@code template}, its {@code variables} as text, optionally {@code templateVersion}) and a caller-given
 * key that keeps it in one arm of the template's experiment ({@code experimentKey}). Kept apart from the request so
 * the request stays what is sent to providers. {@link #NONE} when the request names none of them.
 */
public record RequestOptions(String template, Integer templateVersion, Map<String, String> variables,
                             String experimentKey) {

    /** A request that asks for none of these. */
    public static final RequestOptions NONE = new RequestOptions(null, null, Map.of(), null);

    /** Whether the request names a template (and so has no prompt until the template is rendered). */
    public boolean templated() {
        return template != null;
    }
}
