package dev.quorum.routing;

import dev.quorum.api.ProviderResponse;
import dev.quorum.camel.ProviderConstants;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * Answers "should this provider route call its provider again, and after how long?": only after a 429 or 5xx, only
 * while attempts are left and the provider's circuit is not open, after an exponential backoff with jitter, or the
 * provider's own Retry-After if that is longer. A Retry-After beyond {@code max-retry-after-ms} is not waited for:
 * the failure goes back to the router, which moves on to a fallback.
 *
 * <p>The wait is the provider's header, read by Quorum's HTTP client into the call's failure
 * ({@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP-date) and handed over in the variable
 * {@link ProviderConstants#VAR_RETRY_AFTER}; without a header it is read from the error message, as OpenAI words it
 * ("Please try again in 20s", also "…in 350ms").
 */
public final class RetryPolicy {

    private static final Pattern RETRY_AFTER = Pattern.compile(
            "(?i)(?:try again in|retry after|retry-after:?)\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|secs|seconds?)?");

    /** One provider's retry settings. */
    record Settings(int maxAttempts, long initialDelayMs, long maxDelayMs, double jitter, long maxRetryAfterMs) {
    }

    private final Map<String, Settings> byProvider;
    private final Settings defaults;
    private final ProviderHealth health;

    RetryPolicy(Map<String, Settings> byProvider, Settings defaults, ProviderHealth health) {
        this.byProvider = Map.copyOf(byProvider);
        this.defaults = defaults;
        this.health = health;
    }

    public void start(Exchange exchange) {
        exchange.setVariable(ProviderConstants.VAR_ATTEMPT, 0);
        exchange.setVariable(ProviderConstants.VAR_RETRY, true);
        exchange.setVariable(ProviderConstants.VAR_CALL_STARTED, System.nanoTime());
    }

    /**
     * After each attempt: whether to call again and after how long. After the last attempt of a retried call, the
     * response reports the whole call: the latency from the first attempt's start (every attempt and the backoff
     * between them) and the number of attempts.
     */
    public void decide(Exchange exchange) {
        int attempt = exchange.getVariable(ProviderConstants.VAR_ATTEMPT, 0, Integer.class) + 1;
        exchange.setVariable(ProviderConstants.VAR_ATTEMPT, attempt);
        String id = exchange.getVariable(ProviderConstants.VAR_PROVIDER, String.class);
        ProviderResponse response = exchange.getMessage().getBody(ProviderResponse.class);
        long delay = delayMs(id, attempt, response, exchange.getVariable(ProviderConstants.VAR_RETRY_AFTER, -1L, Long.class));
        exchange.setVariable(ProviderConstants.VAR_RETRY, delay >= 0);
        exchange.setVariable(ProviderConstants.VAR_RETRY_DELAY, Math.max(delay, 0));
        if (delay < 0 && attempt > 1 && response != null) {
            Long started = exchange.getVariable(ProviderConstants.VAR_CALL_STARTED, Long.class);
            long total = started == null ? response.latencyMs() : (System.nanoTime() - started) / 1_000_000;
            exchange.getMessage().setBody(response.withAttempts(Math.max(total, response.latencyMs()), attempt));
        }
    }

    /** The wait before the next attempt, or -1 for no next attempt, when the provider's headers named no wait. */
    long delayMs(String id, int attempt, ProviderResponse response) {
        return delayMs(id, attempt, response, -1);
    }

    /**
     * The wait before the next attempt, or -1 for no next attempt. {@code headerRetryAfterMs}: the wait the provider's
     * headers asked for, -1 for none (then the error message's is used).
     */
    long delayMs(String id, int attempt, ProviderResponse response, long headerRetryAfterMs) {
        Settings settings = byProvider.getOrDefault(id, defaults);
        if (response == null || !response.failed() || attempt >= settings.maxAttempts() || !health.available(id)) {
            return -1;
        }
        Integer status = response.error().providerStatus();
        if (status == null || !(status == 429 || status >= 500)) {
            return -1;
        }
        long backoff = Math.min(settings.maxDelayMs(), settings.initialDelayMs() << Math.min(attempt - 1, 20));
        double spread = settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        long jittered = Math.max(0, Math.round(backoff * (1 + spread)));
        long retryAfter = headerRetryAfterMs >= 0 ? headerRetryAfterMs : retryAfterMs(response.error().message());
        if (retryAfter > settings.maxRetryAfterMs()) {
            return -1;
        }
        return Math.max(jittered, retryAfter);
    }

    /** The wait a provider asked for in its error message, in milliseconds, or 0 when it named none. */
    static long retryAfterMs(String message) {
        if (message == null) {
            return 0;
        }
        Matcher matcher = RETRY_AFTER.matcher(message);
        if (!matcher.find()) {
            return 0;
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        return Math.round(unit != null && unit.equalsIgnoreCase("ms") ? value : value * 1000);
    }
}
