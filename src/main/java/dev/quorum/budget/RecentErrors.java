package dev.quorum.budget;

import dev.quorum.secrets.Secrets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error messages of the latest failed provider calls of this instance, for the usage report's
 * {@code recentErrors} (and so the dashboard's errors table): masked of every configured secret and written-out
 * credential ({@link Secrets}), on one line and cut to {@value #MAX_CHARS} characters, at most {@value #CAPACITY} of
 * them, in memory only. The usage ledger keeps only a failure's type: a provider's error can quote the prompt it was
 * sent, which Quorum never stores, so its words stay in memory and are gone at a restart (or on another instance,
 * whose ledger rows then show no message).
 */
public final class RecentErrors {

    static final int CAPACITY = 500;
    static final int MAX_CHARS = 200;

    private final Secrets secrets;
    private final Map<String, String> messages = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    public RecentErrors(Secrets secrets) {
        this.secrets = secrets;
    }

    /** Keeps the message of a failed call of {@code requestId} to {@code provider}. */
    public void remember(String requestId, String provider, String message) {
        if (requestId == null || provider == null || message == null) {
            return;
        }
        String shown = shorten(secrets == null ? message : secrets.redact(message));
        synchronized (messages) {
            messages.put(key(requestId, provider), shown);
        }
    }

    /** The kept message of a failed call, or null when this instance has none (restarted since, or another's). */
    public String message(String requestId, String provider) {
        if (requestId == null || provider == null) {
            return null;
        }
        synchronized (messages) {
            return messages.get(key(requestId, provider));
        }
    }

    private static String key(String requestId, String provider) {
        return requestId + '\u0000' + provider;
    }

    static String shorten(String message) {
        String line = message.replaceAll("\\s+", " ").trim();
        if (line.length() <= MAX_CHARS) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(MAX_CHARS - 2)) ? MAX_CHARS - 2 : MAX_CHARS - 1;
        return line.substring(0, end) + "…";
    }
}
