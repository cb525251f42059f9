package dev.quorum.camel;

/**
 * The OpenAI-compatible API: what an OpenAI-style caller asked for, echoed in its reply ({@code dev.quorum.openai},
 * {@code routes/openai.camel.yaml}). All are exchange variables.
 */
public final class OpenAiConstants {

    /** Variable: the model an OpenAI-style caller asked for, echoed in its reply. */
    public static final String VAR_OPENAI_MODEL = "openAiModel";

    /** Variable: {@code true} when an OpenAI-style caller asked for server-sent events. */
    public static final String VAR_OPENAI_STREAM = "openAiStream";

    /** Variable: {@code true} when a streaming OpenAI-style caller asked for a usage chunk. */
    public static final String VAR_OPENAI_STREAM_USAGE = "openAiStreamUsage";

    /** Variable: epoch seconds when an OpenAI-style request arrived (the reply's {@code created}). */
    public static final String VAR_OPENAI_CREATED = "openAiCreated";

    private OpenAiConstants() {
    }
}
