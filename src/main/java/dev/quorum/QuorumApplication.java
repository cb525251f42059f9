package dev.quorum;

import org.apache.camel.main.Main;

/**
 * Starts Quorum: Camel Main with the routes in {@code routes/} and the settings in {@code application.properties},
 * both read from the working directory so they can be edited without rebuilding.
 */
public final class QuorumApplication {

    private QuorumApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.run(args);
    }
}
