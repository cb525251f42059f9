package dev.quorum.consensus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that answers nothing: a refusal or a plea of ignorance at its start ("I don't know.", "I'm not sure what
 * the capital of France is.", "Sorry, I can't help with that.", "As an AI, I cannot browse the web."). It is not the
 * same as any answer, however many of the question's words it repeats. A hedge that goes on to answer ("I'm not sure,
 * but I think it's Paris.", "I can't say for certain; probably 1969.") is an answer.
 */
final class NonAnswer {

    private static final Pattern OPENING = Pattern.compile("^(?:(?:i'm |i am )?(?:sorry|unfortunately)[,.!]?\\s*"
            + "(?:but\\s+)?)?(?:i\\s+(?:do not|don't|dont)\\s+know\\b(?!\\s+(?:of|about)\\b)"
            + "|i(?:'m| am)\\s+(?:not sure|unsure|not certain)|i\\s+have\\s+no\\s+(?:idea|information)|no idea\\b"
            + "|i(?:\\s+(?:can't|cannot|can not|am unable to|am not able to)|'m unable to|'m not able to)"
            + "\\s+(?:answer|help|say|tell|provide|explain|assist|determine|comment|respond|browse|access)"
            + "|as an ai\\b)");
    /** Words after the opening that make it a hedge before an answer. */
    private static final Pattern ANSWER_FOLLOWS = Pattern.compile("\\b(?:but|however|though|although|think|believe"
            + "|guess|probably|likely|maybe|perhaps|might|could be|would say|my best|so|yes|no)\\b|[;:]");

    private NonAnswer() {
    }

    /** Whether {@code lower} (an answer in lower case) is a refusal or a plea of ignorance, not an answer. */
    static boolean is(String lower) {
        String text = lower.strip();
        if (text.isEmpty() || "isuna".indexOf(text.charAt(0)) < 0) {
            // (the openings start with i, s, u, n or a: most answers are not read further)
            return false;
        }
        text = text.replace('’', '\'');
        Matcher opening = OPENING.matcher(text);
        return opening.lookingAt() && !ANSWER_FOLLOWS.matcher(text).region(opening.end(), text.length()).find();
    }
}
