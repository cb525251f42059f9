package dev.quorum.provider;

/**
 * A provider's stream failed after some of its tokens had already been sent to the caller: the caller has a partial
 * answer, so the call is neither retried nor handed to a fallback provider; the caller's stream ends with an error.
 */
public final class StreamBrokenException extends RuntimeException {

    private final int charactersSent;

    public StreamBrokenException(String provider, int charactersSent, Throwable cause) {
        super("provider '" + provider + "' broke off its stream after " + charactersSent + " characters had been sent: "
                + (cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": " + cause.getMessage()),
                cause);
        this.charactersSent = charactersSent;
    }

    public int charactersSent() {
        return charactersSent;
    }
}
