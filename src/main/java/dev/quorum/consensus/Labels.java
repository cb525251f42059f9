package dev.quorum.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels a classification answer gives, read from a small lexicon of label families with their synonyms (spam is
 * junk; ham is legitimate or "not spam"; positive is favourable; in favour is "supports") and from the alternatives the
 * question itself offers ("spam or ham?", "an asset, a liability or equity?", "GET or POST?"). A negated label ("not
 * spam", "non-toxic", "isn't fraudulent") is the other label of a two-label family, and "not X" in a larger family.
 * The lexicon is deliberately small and general: the labels classification prompts commonly ask for, not the
 * wording of any test set. An answer's label is read from the first clause that names one (the rest of an answer is
 * usually its reason, where other labels come up), and a clause naming two labels of one family gives none.
 */
final class Labels {

    /** One label of one family: its family, and its canonical value ("not:x" for a negated label of a larger family). */
    record Label(String family, String value) {
    }

    private record Entry(String family, String value, boolean binary) {
    }

    /**
     * Families read only when the question names one of these words: their labels are common words elsewhere ("a
     * question", "a statement", "surprise").
     */
    private static final Map<String, List<String>> GATES = Map.of(
            "sarcasm", List.of("sarcastic", "sarcasm", "ironic", "irony", "sincere"),
            "sentence", List.of("command", "imperative", "interrogative", "declarative", "exclamatory", "statement"),
            "emotion", List.of("emotion", "emotions", "feeling", "feelings", "mood"));

    private static final Map<String, List<Entry>> LEXICON = new HashMap<>();
    /** Labels of two words, read as the one word the lexicon has for them ("top priority" is "toppriority"). */
    private static final Map<String, String> PHRASES = Map.of("top priority", "toppriority", "highest priority",
            "highestpriority", "priority one", "priorityone", "priority 1", "priorityone", "sev 1", "sev1",
            "severity 1", "sev1", "severity one", "sev1");
    /** The first words of {@link #PHRASES}: only a clause word among them is looked up with the next. */
    private static final Set<String> PHRASE_STARTS = Set.of("top", "highest", "priority", "sev", "severity");
    /** Third alternatives that take in the other two or none, stemmed: no label "neither … nor" leaves. */
    private static final Set<String> NOT_A_THIRD = Set.of(AnswerText.stem("both"), AnswerText.stem("all"),
            AnswerText.stem("either"), AnswerText.stem("neither"), AnswerText.stem("none"));
    private static final String COMPLEXITY = "complexity";
    /**
     * The nouns a growth rate is said of ("linear time", "constant space"); before another noun it is no label
     * ("at constant volume", "linear regression", "exponential decay").
     */
    private static final Set<String> COMPLEXITY_NOUNS = Set.of("time", "space", "complexity", "runtime", "memory",
            "cost", "growth", "order", "behaviour", "behavior", "scaling", "blowup", "lookup", "lookups", "access",
            "insertion", "insertions", "performance", "running", "bound");
    /** The names of the families ("sentiment", "priority", "difficulty", …). */
    private static final Set<String> FAMILIES = new HashSet<>();
    /** The families that have a neutral label. */
    private static final Set<String> NEUTRAL_FAMILIES = new HashSet<>();
    private static final String NEUTRAL = "neutral";
    /** The other label of each two-label family. */
    private static final Map<String, String> OTHER = new HashMap<>();

    static {
        family("sentiment", "positive: positive favourable favorable pos happy pleased satisfied delighted satisfaction",
                "negative: negative unfavourable unfavorable neg unhappy displeased dissatisfied upset frustrated "
                        + "dissatisfaction displeasure disappointed disappointment",
                "neutral: neutral", "mixed: mixed");
        family("spam", "spam: spam junk unsolicited", "ham: ham legitimate");
        family("toxicity", "toxic: toxic offensive abusive hateful insulting", "nontoxic: harmless inoffensive benign");
        family("fraud", "fraud: fraud fraudulent scam", "legitimate: legitimate genuine legit authentic");
        family("stance", "favour: favour favor supports support supportive supporting pro",
                "against: against opposes oppose opposed opposing anti", "neutral: neutral");
        family("outcome", "pass: pass passed passes passing", "fail: fail failed fails failing failure");
        family("truth", "true: true correct accurate", "false: false incorrect inaccurate untrue wrong");
        family("pathology", "benign: benign noncancerous", "malignant: malignant cancerous");
        family("level", "high: high highest urgent", "medium: medium moderate", "low: low lowest minimal mild");
        family("validity", "valid: valid", "invalid: invalid");
        family("safety", "safe: safe", "unsafe: unsafe dangerous hazardous");
        family("decision", "approve: approve approved accept accepted", "reject: reject rejected decline declined deny denied");
        family("severity", "critical: critical blocker showstopper", "major: major", "minor: minor trivial cosmetic");
        family("urgency", "emergent: emergent emergency", "urgent: urgent", "routine: routine nonurgent");
        family("difficulty", "easy: easy simple beginner straightforward effortless",
                "hard: hard difficult advanced challenging demanding");
        // the top of a numbered priority or severity scale, however it is said ("P1", "critical", "top priority",
        // "priority one"; two-word names are joined first: PHRASES)
        family("priority", "p1: p1 sev1 critical blocker showstopper urgent toppriority highestpriority priorityone",
                "p2: p2 sev2", "p3: p3 sev3", "p4: p4 sev4");
        // Ekman's six basic emotions, sentence types, sarcasm: read only when the question asks for them (GATES)
        family("emotion", "anger: anger angry furious irritated indignant annoyed outraged",
                "joy: joy happy happiness delighted joyful elated", "sadness: sadness sad sorrow grief unhappy",
                "fear: fear afraid scared frightened anxious anxiety worried",
                "surprise: surprise surprised astonished amazed", "disgust: disgust disgusted revulsion repulsed");
        family("sentence", "interrogative: question interrogative",
                "imperative: command imperative instruction request", "declarative: statement declarative",
                "exclamatory: exclamation exclamatory");
        family("sarcasm", "sarcastic: sarcastic sarcasm ironic", "sincere: sincere earnest literal heartfelt");
        // big-O notation is read as these words (Equivalence.notation: "O(n log n)" is "linearithmic")
        family(COMPLEXITY, "constant: constant", "logarithmic: logarithmic", "linear: linear",
                "linearithmic: linearithmic", "quadratic: quadratic", "cubic: cubic", "exponential: exponential",
                "factorial: factorial");
    }

    private static void family(String name, String... groups) {
        FAMILIES.add(name);
        boolean binary = groups.length == 2;
        for (String group : groups) {
            if (group.startsWith(NEUTRAL + ":")) {
                NEUTRAL_FAMILIES.add(name);
            }
        }
        for (String group : groups) {
            int colon = group.indexOf(':');
            String value = group.substring(0, colon);
            for (String word : group.substring(colon + 1).trim().split(" ")) {
                LEXICON.computeIfAbsent(word, w -> new ArrayList<>(1)).add(new Entry(name, value, binary));
            }
        }
        if (binary) {
            String first = groups[0].substring(0, groups[0].indexOf(':'));
            String second = groups[1].substring(0, groups[1].indexOf(':'));
            OTHER.put(name + ":" + first, second);
            OTHER.put(name + ":" + second, first);
        }
    }

    private Labels() {
    }

    private static boolean hasFamily(List<Entry> entries, String family) {
        for (Entry entry : entries) {
            if (entry.family().equals(family)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a question names a family of labels ("Difficulty level of …", "What priority …"). */
    static boolean namesFamily(Question question) {
        for (String family : FAMILIES) {
            if (question.mentions(AnswerText.stem(family))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word is a label of the lexicon. */
    static boolean isLabel(String word) {
        return LEXICON.containsKey(word);
    }

    /**
     * The labels of one clause's words (lower case, contractions spelled out), one per family, with the question's
     * alternatives as a family of their own ("question"); a family named with two different labels is left out.
     */
    static Map<String, String> read(List<String> words, List<String> stems, Question question) {
        Map<String, String> labels = new HashMap<>(4);
        Map<String, Boolean> ambiguous = new HashMap<>(2);
        int n = words.size();
        for (int k = 0; k < n; k++) {
            String word = words.get(k);
            String phrase = k + 1 < n && PHRASE_STARTS.contains(word) ? PHRASES.get(word + " " + words.get(k + 1)) : null;
            if (phrase != null) {
                // a label of two words, read besides its first word ("highest priority": p1, and high)
                boolean negated = negatedAt(words, k);
                for (Entry entry : LEXICON.get(phrase)) {
                    put(labels, ambiguous, entry.family(), value(entry.family(), entry.value(), entry.binary(), negated));
                }
            }
            // a label written with its prefix apart ("non-urgent" read as "non urgent") is the prefixed label
            // ("nonurgent": routine), not the negation of the other ("not urgent")
            boolean apart = k > 0 && words.get(k - 1).equals("non") && LEXICON.containsKey("non" + word)
                    && LEXICON.containsKey(word);
            List<Entry> entries = LEXICON.get(apart ? "non" + word : word);
            boolean prefixed = false;
            if (entries == null) {
                String base = unprefixed(word);
                entries = base == null ? null : LEXICON.get(base);
                prefixed = entries != null;
            }
            if (entries != null) {
                boolean negated = prefixed ^ negatedAt(words, apart ? k - 1 : k);
                for (Entry entry : entries) {
                    if (!asked(entry.family(), question) || entry.family().equals(COMPLEXITY) && k + 1 < n
                            && !COMPLEXITY_NOUNS.contains(words.get(k + 1)) && !AnswerText.stopword(words.get(k + 1))) {
                        continue;
                    }
                    put(labels, ambiguous, entry.family(), value(entry.family(), entry.value(), entry.binary(), negated));
                }
                if (apart) {
                    // in the families without the prefixed label, the word negated ("non-urgent" is not high)
                    for (Entry entry : LEXICON.get(word)) {
                        if (asked(entry.family(), question) && !hasFamily(entries, entry.family())) {
                            put(labels, ambiguous, entry.family(),
                                    value(entry.family(), entry.value(), entry.binary(), !negated));
                        }
                    }
                }
            }
            // the question's own alternatives
            List<List<String>> alternatives = question.alternatives();
            for (int a = 0; a < alternatives.size(); a++) {
                List<String> alternative = alternatives.get(a);
                // not where the alternative is part of a phrase of the question ("linear search")
                if (matchesAt(stems, k, alternative) && !(k + alternative.size() < n
                        && question.hasPhrase(words.get(k + alternative.size() - 1) + " " + words.get(k + alternative.size())))) {
                    boolean negated = negatedAt(words, k);
                    put(labels, ambiguous, "question", value("question", String.valueOf(a), alternatives.size() == 2,
                            negated));
                }
            }
        }
        for (String family : ambiguous.keySet()) {
            labels.remove(family);
            String neither = family.equals("question") ? neitherAlternative(words, stems, question)
                    : neither(family, words);
            if (neither != null) {
                labels.put(family, neither);
            }
        }
        return labels;
    }

    /**
     * The neutral label of a family whose other two labels a clause denies both ("Neither positive nor negative",
     * "neither for nor against it"): {@code null} otherwise.
     */
    private static String neither(String family, List<String> words) {
        int at = words.indexOf("neither");
        int nor = words.indexOf("nor");
        if (at < 0 || nor != at + 2 || nor + 1 >= words.size() || !NEUTRAL_FAMILIES.contains(family)) {
            return null;
        }
        String first = valueOf(family, words.get(at + 1));
        String second = valueOf(family, words.get(nor + 1));
        return first != null && second != null && !first.equals(second) && !first.equals(NEUTRAL)
                && !second.equals(NEUTRAL) ? NEUTRAL : null;
    }

    /**
     * The one alternative of three the question offers that a clause leaves when it denies the other two ("Acidic, basic
     * or neutral?" / "neither acidic nor basic"): its index, else {@code null}.
     */
    private static String neitherAlternative(List<String> words, List<String> stems, Question question) {
        List<List<String>> alternatives = question.alternatives();
        int at = words.indexOf("neither");
        int nor = words.indexOf("nor");
        if (alternatives.size() != 3 || at < 0 || nor <= at + 1) {
            return null;
        }
        // (past an article: "neither an acid nor a base")
        int x = at + 1 < words.size() && AnswerText.article(words.get(at + 1)) ? at + 2 : at + 1;
        int y = nor + 1 < words.size() && AnswerText.article(words.get(nor + 1)) ? nor + 2 : nor + 1;
        int first = -1;
        int second = -1;
        for (int a = 0; a < alternatives.size(); a++) {
            if (matchesAt(stems, x, alternatives.get(a))) {
                first = a;
            }
            if (matchesAt(stems, y, alternatives.get(a))) {
                second = a;
            }
        }
        if (first < 0 || second < 0 || first == second) {
            return null;
        }
        // (not where the third is "both" or "all": "Is light a wave, a particle, or both?" / "Neither wave nor …")
        List<String> third = alternatives.get(3 - first - second);
        return third.size() == 1 && NOT_A_THIRD.contains(third.get(0)) ? null : String.valueOf(3 - first - second);
    }

    private static String valueOf(String family, String word) {
        for (Entry entry : LEXICON.getOrDefault(word, List.of())) {
            if (entry.family().equals(family)) {
                return entry.value();
            }
        }
        return null;
    }

    /** Whether a family is read for this question: always, or when the question names one of its gate words. */
    private static boolean asked(String family, Question question) {
        List<String> gate = GATES.get(family);
        if (gate == null) {
            return true;
        }
        for (String word : gate) {
            if (question.mentions(AnswerText.stem(word))) {
                return true;
            }
        }
        return false;
    }

    private static String value(String family, String value, boolean binary, boolean negated) {
        if (!negated) {
            return value;
        }
        if (!binary) {
            return "not:" + value;
        }
        return family.equals("question") ? String.valueOf(1 - Integer.parseInt(value)) : OTHER.get(family + ":" + value);
    }

    private static void put(Map<String, String> labels, Map<String, Boolean> ambiguous, String family, String value) {
        String known = labels.putIfAbsent(family, value);
        if (known != null && !known.equals(value)) {
            ambiguous.put(family, true);
        }
    }

    private static boolean matchesAt(List<String> stems, int k, List<String> phrase) {
        if (phrase.isEmpty() || k + phrase.size() > stems.size()) {
            return false;
        }
        for (int i = 0; i < phrase.size(); i++) {
            String stem = stems.get(k + i);
            String wanted = phrase.get(i);
            // an abbreviated label names the word it starts ("Tech" / "Technology")
            if (!stem.equals(wanted) && !(phrase.size() == 1 && wanted.length() >= 4 && stem.startsWith(wanted))
                    && !(phrase.size() == 1 && stem.length() >= 4 && wanted.startsWith(stem))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A negation among the two words before ("not spam", "is not toxic", "non-toxic"), a quantifier it negates earlier
     * in the clause ("Not all tests pass": some fail), or a clause that opens with "none" ("None of them failed").
     */
    private static boolean negatedAt(List<String> words, int k) {
        for (int j = Math.max(0, k - 2); j < k; j++) {
            if (AnswerText.negation(words.get(j))) {
                return true;
            }
        }
        for (int j = 0; j + 1 < k && j < k - 2; j++) {
            if (words.get(j).equals("not") && ALL.contains(words.get(j + 1))) {
                return true;
            }
        }
        // "None of the units failed", "Neither test passed"
        return k > 2 && NONE.contains(words.get(0));
    }

    /** Quantifiers that "not" before them negates with the clause ("Not all tests pass"). */
    private static final Set<String> ALL = Set.of("all", "every", "everything", "everyone", "each");
    /** Words that open a clause denying its predicate of all it speaks of. */
    private static final Set<String> NONE = Set.of("none", "neither", "nobody", "nothing");

    /** A label word behind a negating prefix ("nontoxic", "untrue", "illegitimate"), or {@code null}. */
    private static String unprefixed(String word) {
        for (String prefix : new String[] {"non", "un", "in", "il", "im", "dis"}) {
            if (word.length() > prefix.length() + 3 && word.startsWith(prefix)
                    && LEXICON.containsKey(word.substring(prefix.length()))) {
                return word.substring(prefix.length());
            }
        }
        return null;
    }
}
