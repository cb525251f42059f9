package dev.quorum.consensus;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A model loaded once, by the first caller that needs it (the others wait for that load), then shared. */
final class OnDemand<T> {

    private static final Logger LOG = LoggerFactory.getLogger(OnDemand.class);

    private final String what;
    private final Supplier<T> loader;
    private volatile T loaded;

    OnDemand(String what, Supplier<T> loader) {
        this.what = what;
        this.loader = loader;
    }

    T get() {
        T model = loaded;
        if (model == null) {
            synchronized (this) {
                model = loaded;
                if (model == null) {
                    long started = System.nanoTime();
                    model = loader.get();
                    loaded = model;
                    LOG.info("{} loaded in {} ms", what, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return model;
    }
}
