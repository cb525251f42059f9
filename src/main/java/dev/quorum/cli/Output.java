package dev.quorum.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a command ends: with {@code --json}, Quorum's JSON on stdout as it came (an error's too); otherwise the human
 * text on stdout, or one {@code quorum: ...} line on stderr for an error. Returns the exit code.
 */
final class Output {

    /** Reads Quorum's JSON with every number as it was written: money keeps its nine decimals, never an exponent. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private Output() {
    }

    static int print(CliContext context, boolean json, Reply reply, Consumer<PrintWriter> human) {
        if (json) {
            context.out().println(reply.raw() != null && reply.body().isContainerNode() && !isSynthetic(reply)
                    ? reply.raw().strip() : reply.body().toString());
        } else if (reply.ok()) {
            StringWriter text = new StringWriter();
            human.accept(new PrintWriter(text));
            context.out().print(printable(text.toString()));
        } else {
            context.err().println(printable("quorum: " + reply.errorType() + ": " + reply.errorMessage()));
        }
        context.out().flush();
        context.err().flush();
        return ExitCodes.of(reply);
    }

    /** A command that could not go on: its line on stderr, and with --json an error object on stdout. */
    static int fail(CliContext context, boolean json, CliException e) {
        if (json) {
            ObjectNode error = JSON.createObjectNode();
            error.putObject("error").put("type", e.type()).put("message", e.getMessage());
            context.out().println(error);
        }
        context.err().println(printable("quorum: " + e.getMessage()));
        context.out().flush();
        context.err().flush();
        return e.exitCode();
    }

    /**
     * Text for a terminal: an answer, a provider's error message or a server's text may carry control characters
     * (an escape sequence re-titles the window, moves the cursor or hides lines), so every control character but line
     * breaks and tabs is shown as a visible {@code \\uXXXX} instead. JSON output needs none of this: JSON escapes them.
     */
    static String printable(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            boolean bidiOverride = c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            if (control || bidiOverride) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** An amount of money as Quorum wrote it (0.000057800), for the human text. */
    static String usd(com.fasterxml.jackson.databind.JsonNode amount) {
        return amount.isNumber() ? amount.decimalValue().toPlainString() : amount.asText("-");
    }

    private static boolean isSynthetic(Reply reply) {
        return "not_quorum_json".equals(reply.errorType());
    }
}
