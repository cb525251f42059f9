package dev.quorum.api;

/** Bad input: the request cannot be served as written; the message names the field and what is wrong with it. */
public class InvalidRequestException extends QuorumException {

    public InvalidRequestException(String field, String message) {
        super("invalid_request", 400, field, message);
    }
}
