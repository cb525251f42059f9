package dev.quorum;

import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Quorum: Camel Main with the routes in {@code routes/} and the settings in {@code application.properties},
 * both read from the working directory so they can be edited without rebuilding. With {@code -Dquorum.cds.training=true}
 * it is the training start for the class-data-sharing archive instead ({@link ClassArchiveTraining}). A start that fails
 * (the HTTP port taken, the usage database locked by another Quorum) ends the process with status 1 and one line
 * saying why, instead of leaving it running without serving.
 */
public final class QuorumApplication {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumApplication.class);

    private QuorumApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        ClassArchiveTraining training = Boolean.getBoolean(ClassArchiveTraining.ENABLED)
                ? ClassArchiveTraining.prepare(main) : null;
        try {
            main.run(args);
        } catch (Exception e) {
            // Vert.x's and the ledger's threads would keep the JVM alive, serving nothing
            LOG.error("Quorum did not start: {}", e.getMessage());
            System.exit(1);
        }
        if (training != null) {
            // the JVM writes the class archive as it exits
            System.exit(training.succeeded() ? 0 : 1);
        }
    }
}
