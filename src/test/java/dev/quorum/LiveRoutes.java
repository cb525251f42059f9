package dev.quorum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temp copy of the project's {@code routes/} folder that a test runs Quorum on with live reload, so it can edit
 * route files the way an operator does without touching the real ones.
 */
public final class LiveRoutes {

    private final Path folder;

    private LiveRoutes(Path folder) {
        this.folder = folder;
    }

    /** Copies {@code routes/} (sub-folders included) into a new temp folder. */
    public static LiveRoutes copy() {
        try {
            Path target = Files.createTempDirectory("quorum-routes");
            Path source = Path.of("routes");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return new LiveRoutes(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Path resolve(String file) {
        return folder.resolve(file);
    }

    /** Settings that load the routes from this copy and reload them when its files change. */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("camel.main.routes-include-pattern",
                "file:" + folder + "/engine/*.camel.yaml,file:" + folder + "/*.camel.yaml,file:" + folder
                        + "/config/*.camel.yaml");
        settings.put("camel.main.routes-reload-enabled", "true");
        settings.put("camel.main.routes-reload-directory", folder.toString());
        return settings;
    }

    /** Rewrites a file the way an editor's atomic save does: written beside it, then moved into place. */
    public static void replace(Path target, String content) throws IOException {
        Path staged = Files.writeString(target.resolveSibling(target.getFileName() + ".tmp"), content);
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the copy and everything written into it. */
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
