package dev.quorum.cli;

import java.util.Set;

/**
 * The command line's exit codes (docs/cli.md): what a script can branch on without reading the output. Derived from the
 * result's status and {@code error.type}, so a command ends the same way against a running Quorum and in-process.
 */
final class ExitCodes {

    /** Answered (a result without an error; a cascade that kept its panel's answer with a warning too). */
    static final int ANSWERED = 0;
    /** Quorum answered with another error: a provider's error or time-out, no provider available, the ledger down. */
    static final int FAILED = 1;
    /** Bad input: an unknown option or a bad value, a request Quorum refused (400, 404, 413, 422), a refused API key. */
    static final int BAD_INPUT = 2;
    /** The panel gave fewer answers than the quorum ({@code quorum_not_met}). */
    static final int QUORUM_NOT_MET = 3;
    /** A budget refused the request ({@code budget_exceeded}). */
    static final int BUDGET_REFUSED = 4;
    /** Quorum could not be reached: nothing listens at the URL, it is not a Quorum, it is starting or stopping, or the
     * in-process engine could not start. */
    static final int UNREACHABLE = 5;

    private static final Set<Integer> BAD_INPUT_STATUSES = Set.of(400, 401, 403, 404, 405, 413, 415, 422);

    private ExitCodes() {
    }

    /** The exit code for what Quorum answered. */
    static int of(Reply reply) {
        if (reply.ok()) {
            return ANSWERED;
        }
        String type = reply.errorType();
        if ("quorum_not_met".equals(type)) {
            return QUORUM_NOT_MET;
        }
        if ("budget_exceeded".equals(type)) {
            return BUDGET_REFUSED;
        }
        if ("not_ready".equals(type) || "not_quorum_json".equals(type)) {
            return UNREACHABLE;
        }
        return BAD_INPUT_STATUSES.contains(reply.status()) ? BAD_INPUT : FAILED;
    }
}
