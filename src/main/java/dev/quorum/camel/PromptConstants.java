package dev.quorum.camel;

/**
 * Prompt templates and the response cache: the request's options and the template that gave it its prompt
 * ({@code dev.quorum.prompt}, {@code dev.quorum.cache}, docs/prompts.md, docs/cache.md). All are exchange variables.
 */
public final class PromptConstants {

    /** Variable: the {@link dev.quorum.api.RequestOptions} of the request (template, variables, ...). */
    public static final String VAR_REQUEST_OPTIONS = "requestOptions";

    /** Variable: the {@link dev.quorum.api.TemplateUse} (template id and version) that gave the request its prompt. */
    public static final String VAR_PROMPT_TEMPLATE = "promptTemplate";

    private PromptConstants() {
    }
}
