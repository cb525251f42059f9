package dev.quorum.provider;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadline of one provider call, for the whole call: connecting, sending, waiting and reading every byte of the
 * answer or stream. A read timeout restarts on every byte, so a provider that trickles its answer would hold a call
 * far past it; a deadline does not move. A streamed call has two: its first token must arrive within the first-token
 * limit, and the whole stream must end within the total.
 *
 * <p>The provider route opens a deadline with the call's {@link CallCapture} ({@code providerCalls.prepare}); the HTTP
 * client under the provider's model finds it on its thread ({@link #current()}) and {@link #arm arms} it with the one
 * thing only the client can do, abort the exchange under way (close its socket). One watchdog thread runs that abort
 * once the deadline passes, up to {@value Watchdog#TICK_MILLIS} ms late, which ends the blocked read, frees the
 * connection and the calling thread, and the call fails as a timeout ({@link #passed()}), whatever exception the
 * client made of the closed socket. Any client can honour a deadline this way: it arms it before it sends, with its
 * own abort (closing a socket, cancelling a call), and disarms it when the exchange is over.
 */
public final class CallDeadline {

    /** Which limit a call passed. */
    enum Limit {
        TOTAL("did not finish its answer within %d ms (timeout-ms)"),
        FIRST_TOKEN("sent no token within %d ms (first-token-timeout-ms)");

        private final String sentence;

        Limit(String sentence) {
            this.sentence = sentence;
        }
    }

    private final long startedNanos;
    private final long totalNanos;
    private volatile long firstTokenNanos;
    private volatile boolean tokenArrived;
    private volatile Limit passed;
    /** The armed client's abort, or null while no exchange is under way; guarded by {@code this}. */
    private Runnable abort;

    private CallDeadline(long totalNanos) {
        this.startedNanos = System.nanoTime();
        this.totalNanos = totalNanos;
    }

    /** A deadline {@code total} from now. */
    public static CallDeadline start(Duration total) {
        return new CallDeadline(Math.max(1, total.toNanos()));
    }

    /** The deadline of the provider call this thread is making, or null outside a provider route. */
    public static CallDeadline current() {
        CallCapture capture = CallCapture.current();
        return capture == null ? null : capture.deadline();
    }

    /** A streamed call: its first token must arrive within {@code limit} of the call's start. */
    public void expectFirstToken(Duration limit) {
        if (limit != null && limit.toNanos() < totalNanos) {
            firstTokenNanos = Math.max(1, limit.toNanos());
        }
    }

    /** The first token arrived: from now on only the total counts. */
    public void tokenArrived() {
        tokenArrived = true;
    }

    /** Whether the call passed its deadline: it was (or is being) aborted and failed as a timeout. */
    public boolean passed() {
        return passed != null;
    }

    /**
     * Whether the call has passed its deadline, deciding it now if no watchdog has: for a client that can only check
     * between its reads instead of aborting one.
     */
    public boolean checkPassed() {
        if (passed == null) {
            Limit limit = due(System.nanoTime());
            if (limit != null) {
                synchronized (this) {
                    if (passed == null) {
                        passed = limit;
                    }
                }
            }
        }
        return passed != null;
    }

    /** Milliseconds left before the deadline (0 once passed), e.g. for a connect timeout. */
    public long remainingMillis() {
        long left = dueNanos() - System.nanoTime();
        return left <= 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(left) + 1;
    }

    /** What the provider failed to do in time, e.g. "did not finish its answer within 1000 ms (timeout-ms)". */
    public String describe() {
        Limit limit = passed == null ? Limit.TOTAL : passed;
        long nanos = limit == Limit.FIRST_TOKEN ? firstTokenNanos : totalNanos;
        return String.format(limit.sentence, TimeUnit.NANOSECONDS.toMillis(nanos));
    }

    /** The exception a client throws for an exchange aborted at (or started after) the deadline. */
    public SocketTimeoutException timeout() {
        return new SocketTimeoutException("the provider " + describe());
    }

    /**
     * The client starts an exchange it can abort with {@code abortExchange}, which the watchdog runs (once, on its
     * thread) when the deadline passes before {@link #disarm()}. Returns false, arming nothing, when the deadline has
     * already passed: the client must then not start the exchange.
     */
    public boolean arm(Runnable abortExchange) {
        synchronized (this) {
            if (passed == null) {
                passed = due(System.nanoTime());
            }
            if (passed != null) {
                return false;
            }
            abort = abortExchange;
        }
        Watchdog.watch(this);
        return true;
    }

    /**
     * The exchange is over (answered, failed or handed back): no abort runs after this returns. Returns whether the
     * deadline struck first, in which case the exchange was aborted and its connection must not be reused.
     */
    public boolean disarm() {
        synchronized (this) {
            abort = null;
        }
        Watchdog.forget(this);
        return passed != null;
    }

    private long dueNanos() {
        long first = firstTokenNanos;
        return startedNanos + (first != 0 && !tokenArrived ? first : totalNanos);
    }

    /** The limit passed at {@code now}, or null. */
    private Limit due(long now) {
        long first = firstTokenNanos;
        if (first != 0 && !tokenArrived && now - (startedNanos + first) >= 0) {
            return Limit.FIRST_TOKEN;
        }
        return now - (startedNanos + totalNanos) >= 0 ? Limit.TOTAL : null;
    }

    /** Called by the watchdog: aborts the armed exchange if the deadline has passed. */
    private boolean strikeIfDue(long now) {
        Limit limit = due(now);
        if (limit == null) {
            return false;
        }
        synchronized (this) {
            if (abort == null) {
                return false; // disarmed meanwhile: the exchange ended in time (disarm forgets it)
            }
            passed = limit;
            Runnable run = abort;
            abort = null;
            try {
                run.run();
            } catch (RuntimeException e) {
                // the abort closes a socket; a failure to close leaves nothing else to do
            }
        }
        return true;
    }

    /**
     * One daemon thread for every armed deadline: every {@value #TICK_MILLIS} ms it aborts the exchanges whose
     * deadline has passed. Arming and disarming are a set insert and removal, so a call costs no thread hop and no
     * scheduled task.
     */
    static final class Watchdog {
        static final long TICK_MILLIS = 25;
        private static final Set<CallDeadline> ARMED = ConcurrentHashMap.newKeySet();
        private static volatile Thread thread;

        private Watchdog() {
        }

        static void watch(CallDeadline deadline) {
            ARMED.add(deadline);
            if (thread == null) {
                start();
            }
        }

        static void forget(CallDeadline deadline) {
            ARMED.remove(deadline);
        }

        /** How many exchanges are armed now (for tests). */
        static int armed() {
            return ARMED.size();
        }

        private static synchronized void start() {
            if (thread == null) {
                Thread watchdog = new Thread(Watchdog::run, "quorum-call-deadline-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
                thread = watchdog;
            }
        }

        private static void run() {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
                long now = System.nanoTime();
                for (CallDeadline deadline : ARMED) {
                    if (deadline.strikeIfDue(now)) {
                        ARMED.remove(deadline);
                    }
                }
            }
        }
    }
}
