package dev.quorum.budget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * A provider's concurrency cap ({@code quorum.ratelimit.<id>.concurrent-requests}): at most that many exchanges pass
 * the provider's route at once; more wait, in arrival order, on the worker thread until one of them completes. The
 * permit is held until the exchange completes, retries and all, and given back by an on-completion of the exchange.
 * <p>
 * These are the semantics of the {@code throttle} EIP's {@code ConcurrentRequests} mode, which the provider route used
 * before: Camel 4.17 cannot write a route holding such a throttle as XML (its model writer asks every throttle for
 * {@code timePeriodMillis}, and a {@code ConcurrentRequests} throttle answers that with an
 * {@code IllegalArgumentException}), so {@code dumpRoutesAsXml} failed for the whole context, even with the step left
 * out of the route, and Hawtio's route diagram and source stayed blank.
 */
public final class ConcurrencyLimit {

    private record Cap(int limit, Semaphore permits) {
    }

    private final Map<String, Cap> caps = new ConcurrentHashMap<>();

    /**
     * Takes one of the provider's permits for this exchange, waiting while all are taken, and gives it back when the
     * exchange completes. A changed limit (a route reloaded with another setting) starts a new set of permits.
     */
    public void acquire(Exchange exchange, String provider, int limit) throws InterruptedException {
        Cap cap = caps.get(provider);
        if (cap == null || cap.limit() != limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("quorum.ratelimit." + provider
                        + ".concurrent-requests must be a positive number (0 = unlimited), not " + limit);
            }
            cap = caps.compute(provider, (id, current) ->
                    current != null && current.limit() == limit ? current : new Cap(limit, new Semaphore(limit, true)));
        }
        Semaphore permits = cap.permits();
        permits.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                permits.release();
            }
        });
    }

    /** Permits of the provider free now (its limit when idle), or -1 for a provider that never passed a cap. */
    public int available(String provider) {
        Cap cap = caps.get(provider);
        return cap == null ? -1 : cap.permits().availablePermits();
    }
}
