package dev.quorum.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Where the command line's requests go: a running Quorum over HTTP ({@link RemoteQuorum}) or an engine started in this
 * process ({@link LocalQuorum}). Both answer with Quorum's result JSON and its status, so the commands print and exit
 * the same way against either.
 */
interface Connection extends AutoCloseable {

    /**
     * Answers a request ({@code prompt} and options, without {@code mode}) in a mode: {@code single}, {@code consensus}
     * or {@code cascade}; waits at most {@code wait} when it is not null.
     */
    Reply ask(String mode, ObjectNode request, Duration wait);

    /** {@code GET /api/v1/providers}. */
    Reply providers();

    /** {@code GET /api/v1/usage?period=&by=}. */
    Reply usage(String period, String by);

    /** {@code GET /api/v1/prompts[/id[/version]]}: the list, one template's versions, or one version. */
    Reply prompts(String id, Integer version);

    /** Where the requests go, for messages. */
    String describe();

    @Override
    void close();
}
