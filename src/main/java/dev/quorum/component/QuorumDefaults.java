package dev.quorum.component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.camel.Ordered;
import org.apache.camel.spi.LoadablePropertiesSource;

/**
 * The engine's defaults for an application that uses {@code quorum:}: the {@code quorum.*} settings of Quorum's own
 * {@code application.properties}, which the build packages into the jar as {@value #LOCATION}, as the properties
 * source every other one overrides (the application's {@code application.properties}, environment variables,
 * {@code -D}). One file holds every default, for Quorum and for any application using its engine. Only
 * {@code quorum.*} keys are offered: the file's {@code camel.*} settings (routes, HTTP server, metrics) are Quorum's
 * own application's, not its engine's, and must not configure someone else's.
 */
public final class QuorumDefaults implements LoadablePropertiesSource, Ordered {

    /** Where the jar carries Quorum's {@code application.properties}, out of the way of an application's own. */
    public static final String LOCATION = "quorum/application.properties";
    static final String NAME = "quorum-defaults";

    private final Properties defaults;

    QuorumDefaults(Properties defaults) {
        this.defaults = defaults;
    }

    /** The {@code quorum.*} settings of the jar's {@value #LOCATION}. */
    static QuorumDefaults load() {
        Properties all = new Properties();
        try (InputStream in = QuorumDefaults.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is missing from the class path: the Quorum jar is incomplete");
            }
            all.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
        Properties engine = new Properties();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith("quorum.")) {
                engine.setProperty(key, all.getProperty(key).trim());
            }
        }
        return new QuorumDefaults(engine);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getProperty(String name) {
        return defaults.getProperty(name);
    }

    @Override
    public Properties loadProperties() {
        Properties copy = new Properties();
        copy.putAll(defaults);
        return copy;
    }

    @Override
    public Properties loadProperties(Predicate<String> filter) {
        Properties copy = new Properties();
        for (String key : defaults.stringPropertyNames()) {
            if (filter.test(key)) {
                copy.setProperty(key, defaults.getProperty(key));
            }
        }
        return copy;
    }

    @Override
    public void reloadProperties(String location) {
        // the jar's defaults do not change while it runs
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST;
    }
}
