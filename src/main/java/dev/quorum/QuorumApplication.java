package dev.quorum;

import org.apache.camel.main.Main;

/**
 * Starts Quorum: Camel Main with the routes in {@code routes/} and the settings in {@code application.properties},
 * both read from the working directory so they can be edited without rebuilding. With {@code -Dquorum.cds.training=true}
 * it is the training start for the class-data-sharing archive instead ({@link ClassArchiveTraining}).
 */
public final class QuorumApplication {

    private QuorumApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        ClassArchiveTraining training = Boolean.getBoolean(ClassArchiveTraining.ENABLED)
                ? ClassArchiveTraining.prepare(main) : null;
        main.run(args);
        if (training != null) {
            // the JVM writes the class archive as it exits
            System.exit(training.succeeded() ? 0 : 1);
        }
    }
}
