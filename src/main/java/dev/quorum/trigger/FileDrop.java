package dev.quorum.trigger;

import dev.quorum.QuorumHeaders;
import dev.quorum.api.CompletionResult;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * The file-drop trigger's questions: under which safe name a dropped file's result, error report and original are
 * written, and whether a result is an answer (outbox, original to done) or a rejection of the request itself
 * (error folder). Names come only from the dropped file's own name, reduced to letters, digits, '.', '_' and '-'
 * with no leading dot, and every target is checked to lie inside its folder, so no name can write elsewhere.
 */
public final class FileDrop {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME = 200;

    private final Path done;
    private final Path error;

    public FileDrop(Path done, Path error) {
        this.done = done.toAbsolutePath().normalize();
        this.error = error.toAbsolutePath().normalize();
    }

    /** First step for a dropped file: its safe base name, and where the original goes if the exchange fails. */
    public void accept(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String base = safeBaseName(name);
        exchange.setVariable(QuorumHeaders.VAR_FILE_BASE_NAME, base);
        exchange.setProperty(QuorumHeaders.FILE_FAILED_TO, inside(error, base + ".json").toString());
    }

    /**
     * Decides where the request's result goes. A result whose status is 400 rejects the request itself (not JSON,
     * unknown field, missing prompt, unknown provider...): sending the same file again fails again, so it goes to
     * the error folder. Every other result, provider failures included, answers the request and goes to the
     * outbox, the error object in it saying what failed.
     */
    public void route(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        String base = exchange.getVariable(QuorumHeaders.VAR_FILE_BASE_NAME, String.class);
        boolean rejected = result != null && result.status() == 400;
        exchange.setVariable(QuorumHeaders.VAR_FILE_OUTCOME, rejected ? "rejected" : "answered");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, base + (rejected ? ".error.json" : ".result.json"));
        exchange.setProperty(QuorumHeaders.FILE_MOVE_TO, inside(rejected ? error : done, base + ".json").toString());
    }

    /**
     * The dropped file's name reduced to a harmless base name: the {@code .json} suffix dropped, any character but
     * letters, digits, '.', '_' and '-' replaced by '_' (so '/', '\' and ':' cannot name another folder), a leading
     * dot replaced too (so no hidden file, no {@code ..}), and cut to 200 characters.
     */
    static String safeBaseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        String stripped = name;
        if (stripped.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            stripped = stripped.substring(0, stripped.length() - ".json".length());
        }
        String safe = UNSAFE.matcher(stripped).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME);
        }
        return safe;
    }

    private static Path inside(Path folder, String name) {
        Path target = folder.resolve(name).normalize();
        if (!target.getParent().equals(folder)) {
            throw new IllegalStateException("file name '" + name + "' would leave " + folder);
        }
        return target;
    }
}
