package dev.quorum.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Quorum answered a command: the HTTP status (or the {@code QuorumStatus} of an in-process engine's result) and the
 * JSON body, parsed and as received.
 */
record Reply(int status, JsonNode body, String raw) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The result's {@code error.type}, or null when there is none. */
    String errorType() {
        JsonNode type = body.path("error").path("type");
        return type.isTextual() ? type.asText() : null;
    }

    /** The result's {@code error.message}, or a line naming the status when it has none. */
    String errorMessage() {
        JsonNode message = body.path("error").path("message");
        return message.isTextual() ? message.asText() : "Quorum answered HTTP " + status;
    }
}
