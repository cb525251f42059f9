package dev.quorum.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The semantic cache's guard: two prompts close in embedding may still ask different things when they differ in one
 * word that matters (a name, a number, a negation, "returns" / "throws"), which an embedding scores as nearly the same
 * sentence (measured in docs/cache.md: up to a third of such pairs above 0.9 cosine). Two prompts pass the guard only
 * when they have the same content words in the same order: every word lower-cased, possessive and plural "s"
 * dropped, function words ("the", "is", "what", ...) left out, negations and symbols ({@code > = ! / & |}) kept. So
 * the semantic cache answers rewordings of the same words (articles, case, punctuation, "what's" for "what is",
 * "France's capital" for "the capital of France"), never a prompt with a word the cached one lacks or with its words
 * in another order ("France beat Croatia" / "Croatia beat France"); the cosine threshold is the second check.
 */
public final class PromptGuard {

    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "what", "what's", "whats", "which",
            "who", "who's", "whom", "whose", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been",
            "being", "do", "does", "did", "can", "could", "should", "would", "will", "shall", "may", "might", "must",
            "please", "tell", "me", "us", "i", "you", "it", "it's", "its", "in", "on", "at", "for", "of", "to", "from",
            "by", "with", "about", "as", "into", "and", "or", "this", "that", "these", "those", "there", "here", "my",
            "your", "our", "their", "his", "her", "some", "any", "called", "named", "kindly", "just", "also", "so",
            "then", "than", "s", "'s");

    /** Characters that change what a prompt asks (comparisons, operators), kept as tokens of their own. */
    private static final String SYMBOLS = "<>=!/&|+-*%^~";

    private PromptGuard() {
    }

    /** Whether two prompts have the same content words in the same order. */
    public static boolean sameKeyTokens(String a, String b) {
        return keyTokens(a).equals(keyTokens(b));
    }

    static List<String> keyTokens(String text) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (SYMBOLS.indexOf(c) >= 0) {
                    keys.add(String.valueOf(c));
                }
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\''
                    || text.charAt(i) == '\u2019'
                    || text.charAt(i) == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            } else if (word.endsWith("'")) {
                word = word.substring(0, word.length() - 1);
            }
            if (FUNCTION_WORDS.contains(word) || word.isEmpty()) {
                continue;
            }
            if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                    && word.chars().noneMatch(Character::isDigit)) {
                word = word.substring(0, word.length() - 1);
            }
            keys.add(word);
        }
        return keys;
    }
}
