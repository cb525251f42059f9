package dev.quorum.consensus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Human languages by their names, for semantic voting's word rules ({@link Equivalence}): "pt", "Portuguese" and
 * "português" are one language, "Deutsch" is German, and "Spanish" is not Portuguese. Read from the JDK's own ISO 639
 * tables ({@link Locale#getISOLanguages()} with each language's English and native name), not a hand-made list; only
 * for a question that asks about a language, and a bare code only as a whole answer ("pt", not "is" or "no" in a
 * sentence).
 */
final class Languages {

    /** A language's English or native name (lower case, without accents) or its code: its English name. */
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> CODES = new HashMap<>();
    /** Words of an answer read for languages at most. */
    private static final int MAX_WORDS = 40;

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            String english = locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (english.isEmpty() || english.equals(code)) {
                continue;
            }
            CODES.put(code, english);
            name(english, english);
            name(locale.getDisplayLanguage(locale).toLowerCase(locale), english);
        }
    }

    private static void name(String name, String english) {
        String key = AnswerText.withoutAccents(name);
        if (!key.isEmpty() && key.indexOf(' ') < 0) {
            NAMES.putIfAbsent(key, english);
        }
    }

    private Languages() {
    }

    /**
     * Two answers to a question about a language ({@code null} for any other question): SAME when each names one
     * language, the same one ("pt" / "This sentence is in Portuguese."), DIFFERENT when they name no language in
     * common ("Portuguese" / "Most Brazilians speak Spanish"), {@code null} when either names none, negates or names
     * several.
     */
    static Equivalence.Decision compare(Equivalence.Reading a, Equivalence.Reading b, Question question) {
        if (!question.mentions("languag") || question.yesNo() || a.negations > 0 || b.negations > 0) {
            return null;
        }
        // what an answer states, not what it sets aside ("Unlike its neighbours, which speak Spanish, …")
        Set<String> x = named(AnswerText.words(a.core));
        Set<String> y = named(AnswerText.words(b.core));
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        if (common.isEmpty()) {
            return Equivalence.Decision.DIFFERENT;
        }
        return x.size() == 1 && y.size() == 1 ? Equivalence.Decision.SAME : null;
    }

    /** The languages an answer's words name, by their English names. */
    static Set<String> named(List<String> words) {
        Set<String> named = new HashSet<>(2);
        if (words.size() == 1 && CODES.containsKey(words.get(0))) {
            named.add(CODES.get(words.get(0)));
            return named;
        }
        for (int k = 0; k < Math.min(words.size(), MAX_WORDS); k++) {
            String name = NAMES.get(AnswerText.withoutAccents(words.get(k)));
            if (name != null) {
                named.add(name);
            }
        }
        return named;
    }
}
