package dev.quorum.camel;

/**
 * The file-drop trigger ({@code routes/file.camel.yaml}, {@code dev.quorum.trigger.FileDrop}, docs/triggers.md):
 * exchange properties the file consumer reads when the exchange completes, and exchange variables.
 */
public final class FileTriggerConstants {

    // --- exchange properties ---

    /** Exchange property: absolute path a dropped file moves to when its exchange completes (done or error folder). */
    public static final String FILE_MOVE_TO = "QuorumFileMoveTo";

    /** Exchange property: absolute path a dropped file moves to when its exchange fails (error folder). */
    public static final String FILE_FAILED_TO = "QuorumFileFailedTo";

    // --- exchange variables ---

    /** Variable: {@code answered} (result to the outbox) or {@code rejected} (error report to the error folder). */
    public static final String VAR_FILE_OUTCOME = "fileOutcome";

    /** Variable: the safe base name of a dropped file, without {@code .json}. */
    public static final String VAR_FILE_BASE_NAME = "fileBaseName";

    /** Variable: an inbox entry the file drop refuses unread (a link, a pipe, an unusable name), as a {@code Path}. */
    public static final String VAR_FILE_REFUSED_ENTRY = "fileRefusedEntry";

    /** Variable: where a refused inbox entry is moved, inside the error folder, as a {@code Path}. */
    public static final String VAR_FILE_REFUSED_TO = "fileRefusedTo";

    private FileTriggerConstants() {
    }
}
