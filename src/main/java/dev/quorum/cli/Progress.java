package dev.quorum.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line spinner with the seconds waited, drawn on stderr while a request is out and erased when it is answered;
 * only on a terminal (a pipe or a file gets nothing), so it never mixes with what a script reads.
 */
final class Progress implements AutoCloseable {

    private static final String FRAMES = "|/-\\";

    private final PrintWriter err;
    private final ScheduledExecutorService ticker;
    private final long started = System.nanoTime();
    private int frame;
    private boolean closed;

    private Progress(PrintWriter err, String what) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "quorum-cli-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> draw(what), 0, 125, TimeUnit.MILLISECONDS);
    }

    /** A spinner on {@code err} when it is a terminal, else nothing. */
    static AutoCloseable start(CliContext context, String what) {
        return context.terminal() ? new Progress(context.err(), what) : () -> { };
    }

    private synchronized void draw(String what) {
        if (closed) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("\r%c %s %.1f s ", FRAMES.charAt(frame++ % FRAMES.length()), what, seconds);
        err.flush();
    }

    @Override
    public synchronized void close() {
        closed = true;
        ticker.shutdownNow();
        err.print("\r\033[2K");
        err.flush();
    }
}
