package dev.quorum.cli;

/**
 * A command that cannot go on, with the exit code it ends with ({@link ExitCodes}) and one line saying why, printed on
 * stderr (and as a JSON {@code error} object on stdout with {@code --json}).
 */
final class CliException extends RuntimeException {

    private final int exitCode;
    private final String type;

    CliException(int exitCode, String type, String message) {
        super(message);
        this.exitCode = exitCode;
        this.type = type;
    }

    CliException(int exitCode, String type, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.type = type;
    }

    int exitCode() {
        return exitCode;
    }

    /** The {@code error.type} of the JSON error object, as Quorum's results name theirs. */
    String type() {
        return type;
    }
}
