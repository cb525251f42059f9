package dev.quorum.provider;

/**
 * Where a streamed provider call sends its tokens as they arrive: the caller's open response (the OpenAI API's
 * server-sent events). It is put on the exchange as the {@code tokenSink} variable by the trigger that can stream;
 * once it has {@link #started()}, bytes have left and the request can no longer fall back to another provider.
 */
public interface TokenSink {

    /** Writes one piece of the answer of request {@code requestId}; the first one also sends the response head. */
    void token(String requestId, String text);

    /** Whether anything has been sent to the caller yet. */
    boolean started();
}
