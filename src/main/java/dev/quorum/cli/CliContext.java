package dev.quorum.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs with: its streams, the environment it reads {@code QUORUM_URL} and {@code QUORUM_API_KEY} from,
 * whether stderr is a terminal (the progress indicator is drawn only then), the working directory and the settings an
 * in-process engine gets on top of {@code application.properties} (tests give it a data folder of its own).
 */
record CliContext(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, boolean terminal,
        Path workingDirectory, Map<String, String> engineSettings) {

    /** The environment variable naming a running Quorum; {@code --url} wins over it. */
    static final String URL_VARIABLE = "QUORUM_URL";
    /** The environment variable holding the API key; {@code --api-key} wins over it. */
    static final String KEY_VARIABLE = "QUORUM_API_KEY";
}
