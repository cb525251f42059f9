package dev.quorum.consensus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Human languages by their names, for semantic voting's word rules ({@link Equivalence}): "pt" and "Portuguese" are
 * one language, and "Spanish" is not Portuguese. Read from the JDK's own ISO 639 tables ({@link
 * Locale#getISOLanguages()} with each language's English name), not a hand-made list; only for a question that asks
 * about a language, and a bare code only as a whole answer ("pt", not "is" or "no" in a sentence). Each language's
 * name in its own language ("Deutsch") is left out: reading them loads the JDK's locale data for every language (about
 * 280 ms and 10 MB of heap on this machine, measured), where the English names take about 13 ms and 0.5 MB, once, on
 * the first question about a language.
 */
final class Languages {

    /** The stem of "language": a question that names it asks about one (which a name may give in its own words). */
    static final String LANGUAGE = AnswerText.stem("language");
    /** Words of an answer read for languages at most. */
    private static final int MAX_WORDS = 40;

    /** The tables, built on first use (a holder: a vote on any other question never builds them). */
    private static final class Tables {
        /** A language's English name (lower case, without accents): itself. */
        static final Map<String, String> NAMES = new HashMap<>();
        /** A language's two-letter code: its English name. */
        static final Map<String, String> CODES = new HashMap<>();

        static {
            for (String code : Locale.getISOLanguages()) {
                String english = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)
                        .toLowerCase(Locale.ROOT);
                if (english.isEmpty() || english.equals(code)) {
                    continue;
                }
                CODES.put(code, english);
                String key = AnswerText.withoutAccents(english);
                if (key.indexOf(' ') < 0) {
                    NAMES.putIfAbsent(key, english);
                }
            }
        }
    }

    private Languages() {
    }

    /**
     * Two answers to a question about a language ({@code null} for any other question): SAME when each names one
     * language, the same one ("pt" / "This sentence is in Portuguese."), DIFFERENT when they name no language in
     * common ("Portuguese" / "Most Brazilians speak Spanish"), {@code null} when either names none, negates or names
     * several. What an answer sets aside ("Unlike its neighbours, which speak Spanish, …") is not read.
     */
    static Equivalence.Decision compare(Equivalence.Reading a, Equivalence.Reading b, Question question) {
        if (!question.mentions(LANGUAGE) || question.yesNo() || a.negations > 0 || b.negations > 0) {
            return null;
        }
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
        if (words.size() == 1 && Tables.CODES.containsKey(words.get(0))) {
            named.add(Tables.CODES.get(words.get(0)));
            return named;
        }
        for (int k = 0; k < Math.min(words.size(), MAX_WORDS); k++) {
            String name = Tables.NAMES.get(AnswerText.withoutAccents(words.get(k)));
            if (name != null) {
                named.add(name);
            }
        }
        return named;
    }
}
