package dev.quorum;

import dev.quorum.cli.QuorumCli;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Quorum: Camel Main with the routes in {@code routes/} and the settings in {@code application.properties} of
 * the working directory, so both can be edited without rebuilding. The jar carries both as the fallback, so it runs
 * anywhere: settings a file does not give come from the jar's {@code quorum/application.properties}, and without a
 * {@code routes/} folder the routes are the jar's (not reloaded). {@code --config <file>} reads another settings file
 * instead of {@code application.properties}, {@code --routes <dir>} another routes folder (reloaded live). With
 * {@code -Dquorum.cds.training=true} it is the training start for the class-data-sharing archive instead (build-only
 * code, see {@link #training}). A start that fails (the HTTP port taken, the usage database locked by another
 * Quorum, a bad argument) ends the process with status 1 and one line saying why, instead of leaving it running
 * without serving. A first argument that is a command of the command line ({@code ask}, {@code usage},
 * {@code providers}, {@code prompts}, {@code help}) runs {@link QuorumCli} instead of the server.
 */
public final class QuorumApplication {

    /** The command line's logging (warnings and errors on stderr), set before the first logger is made. */
    static final String CLI_LOGGING = "quorum/logback-cli.xml";

    /** The settings and routes the jar carries (the project's own, packaged by the build). */
    static final String JAR_SETTINGS = "classpath:quorum/application.properties";
    static final String JAR_ROUTES = "classpath:quorum/routes";
    static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";

    /** The training start of the class-data-sharing archive: its switch, and its class (not in the jar). */
    static final String TRAINING = "quorum.cds.training";
    static final String TRAINING_START = "dev.quorum.build.ClassArchiveTraining";

    private QuorumApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (QuorumCli.handles(args)) {
            // a command (ask, usage, providers, prompts, help): stdout is its output, so no server logging on it
            if (System.getProperty("logback.configurationFile") == null) {
                System.setProperty("logback.configurationFile", CLI_LOGGING);
            }
            QuorumCli.main(args);
            return;
        }
        Logger log = LoggerFactory.getLogger(QuorumApplication.class);
        Launch launch;
        try {
            launch = Launch.of(args, Path.of(""));
        } catch (IllegalArgumentException e) {
            log.error("Quorum did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(launch.propertiesLocations());
        launch.overrides().forEach(main::addOverrideProperty);
        launch.notes().forEach(note -> log.info(note));
        BooleanSupplier training = Boolean.getBoolean(TRAINING) ? training(main) : null;
        try {
            main.run(launch.mainArgs());
        } catch (Exception e) {
            // Vert.x's and the ledger's threads would keep the JVM alive, serving nothing
            log.error("Quorum did not start: {}", e.getMessage());
            System.exit(1);
        }
        if (training != null) {
            // the JVM writes the class archive as it exits
            System.exit(training.getAsBoolean() ? 0 : 1);
        }
    }

    /**
     * The training start of the class-data-sharing archive ({@code mvn package}, docs/architecture.md): build-only
     * code, compiled into {@code target/build-classes} (or the folder {@code -Dquorum.cds.training.classes} names),
     * not into the jar. It is loaded from there by a class loader of its own rather than from the class path, which
     * the archive must share with the starts that map it. It listens to this start and says at the end whether
     * every training request was answered.
     */
    private static BooleanSupplier training(Main main) throws Exception {
        Path classes = Path.of(System.getProperty(TRAINING + ".classes", "target/build-classes"));
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException(TRAINING + ".classes: no such folder " + classes.toAbsolutePath()
                    + " (the build compiles the training start there)");
        }
        // lives as long as the JVM: the training's classes are used until the end
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                QuorumApplication.class.getClassLoader());
        Object training = loader.loadClass(TRAINING_START).getConstructor(Main.class).newInstance(main);
        main.addMainListener((MainListener) training);
        return (BooleanSupplier) training;
    }

    /**
     * Where a start reads its settings and routes from: the settings file (a {@code --config} file, else
     * {@code application.properties} in the working directory when there is one) above the jar's, and the routes
     * folder ({@code --routes}, else {@code routes/}, else the jar's routes when the working directory has none and
     * the settings name no routes of their own). The remaining arguments are Camel Main's.
     */
    record Launch(String propertiesLocations, Map<String, String> overrides, List<String> notes, String[] mainArgs) {

        static Launch of(String[] args, Path workingDirectory) {
            Path config = null;
            Path routes = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if ("--config".equals(arg) || "--routes".equals(arg)) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        throw new IllegalArgumentException(arg + " needs a value: " + arg + " <"
                                + ("--config".equals(arg) ? "file" : "folder") + ">");
                    }
                    Path value = workingDirectory.resolve(args[++i]).toAbsolutePath().normalize();
                    if ("--config".equals(arg)) {
                        if (!Files.isRegularFile(value)) {
                            throw new IllegalArgumentException("--config " + args[i] + ": no such file (" + value + ")");
                        }
                        config = value;
                    } else {
                        if (!Files.isDirectory(value)) {
                            throw new IllegalArgumentException("--routes " + args[i] + ": no such folder (" + value + ")");
                        }
                        routes = value;
                    }
                } else {
                    rest.add(arg);
                }
            }
            List<String> notes = new ArrayList<>();
            Map<String, String> overrides = new LinkedHashMap<>();
            Path workingSettings = workingDirectory.resolve("application.properties").toAbsolutePath();
            Path settings = config != null ? config : Files.isRegularFile(workingSettings) ? workingSettings : null;
            String locations = settings == null ? JAR_SETTINGS : "file:" + settings + "," + JAR_SETTINGS;
            if (settings == null) {
                notes.add("Settings: the jar's application.properties (no application.properties in "
                        + workingDirectory.toAbsolutePath() + "; --config <file> names one)");
            }
            if (routes != null) {
                overrides.put(ROUTES_PATTERN, "file:" + routes + "/engine/*.camel.yaml,file:" + routes
                        + "/*.camel.yaml,file:" + routes + "/config/*.camel.yaml");
                overrides.put("camel.main.routes-reload-directory", routes.toString());
                overrides.put("camel.component.kamelet.location", "file:" + routes + "/kamelets,classpath:kamelets");
            } else if (!Files.isDirectory(workingDirectory.resolve("routes")) && !namesRoutes(settings)) {
                overrides.put(ROUTES_PATTERN, JAR_ROUTES + "/engine/*.camel.yaml," + JAR_ROUTES + "/*.camel.yaml,"
                        + JAR_ROUTES + "/config/*.camel.yaml");
                overrides.put("camel.main.routes-reload-enabled", "false");
                notes.add("Routes: the jar's (no routes/ folder in " + workingDirectory.toAbsolutePath()
                        + "; --routes <folder> names one, whose files reload live)");
            }
            return new Launch(locations, overrides, notes, rest.toArray(String[]::new));
        }

        /** Whether a settings file names its own routes (then they are its business, found or not). */
        private static boolean namesRoutes(Path settings) {
            if (settings == null) {
                return false;
            }
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(settings)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + settings, e);
            }
            String pattern = properties.getProperty(ROUTES_PATTERN);
            return pattern != null && !pattern.contains("file:routes/");
        }
    }
}
