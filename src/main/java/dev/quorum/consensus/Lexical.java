package dev.quorum.consensus;

import dev.quorum.lexicon.WordNet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.data.POS;

/**
 * The rules of semantic voting that need to know what words mean, asked of WordNet ({@link WordNet}): one word in
 * place of another that means the same ("modifies" / "changes"), the opposite ("uploads" / "downloads") or something
 * unrelated ("upheld" / "overturned"); one entity by two names ("WHO" / "the World Health Organization", "George
 * Orwell" / "Eric Arthur Blair"); an entity against its description ("Abraham Lincoln" / "the 16th president, who kept
 * the Union together"); and an adjective defined as an absence ("afebrile": "no fever").
 */
final class Lexical {

    static final String ACTIONS = "one word in place of another that WordNet does not relate: ";
    /** A word's first senses that count for a synonym (WordNet orders them from the most frequent). */
    static final int SYNONYM_SENSES = 8;
    /** A verb's first senses whose other words may relate it to another verb ({@link WordNet#bridged}). */
    private static final int BRIDGE_SENSES = 1;
    /** The senses of each list item read for a shared noun sense ({@link #synonymItems}). */
    private static final int ITEM_SENSES = 10;
    /** Answers up to this many significant words are compared word for word for opposites. */
    private static final int OPPOSED_WORDS = 14;
    /** Answers up to this many characters have their synonyms aligned before they are embedded. */
    private static final int ALIGNED_CHARS = 600;
    /**
     * Words of each answer looked up for synonyms at most: a bound on what two answers of words WordNet has not been
     * asked before cost (about 100 ms for two 600-character answers of made-up words without it).
     */
    private static final int ALIGNED_WORDS = 16;
    /**
     * Names looked up in one answer at most: a bound on what an answer of capitalised words costs (a lookup of a word
     * WordNet has not been asked before reads its index file: 50 to 300 µs).
     */
    private static final int NAME_LOOKUPS = 32;
    /** Words that make a name the name of a place or a feature ("Lake Victoria", "Mount Kenya", "Saint Helena"). */
    private static final Set<String> FEATURES = Set.of("lake", "mount", "mountain", "river", "cape", "saint", "st",
            "bay", "gulf", "sea", "island", "isle", "islands", "port", "fort", "city", "county", "state", "province",
            "north", "south", "east", "west", "new", "great", "little", "upper", "lower", "university", "college");
    /** Part-of links followed from a place to the region it is said to be in ("Sydney", "New South Wales", "Australia"). */
    private static final int PLACE_LEVELS = 3;
    /** A name is looked up with at most this many words. */
    private static final int NAME_WORDS = 5;
    /** Words of a description that WordNet's definition of the entity must share. */
    private static final int DESCRIPTION_WORDS = 3;
    private static final double DESCRIPTION_SHARE = 0.4;
    /** Words in place of others read for phrasal verbs at most (each new one is a dictionary lookup). */
    private static final int PHRASAL_WORDS = 8;
    /** The particles of English phrasal verbs ("turn down", "put off", "roll back"). */
    private static final Set<String> PARTICLES = Set.of("up", "down", "off", "out", "in", "on", "over", "away", "back",
            "through", "around", "about", "along", "aside", "apart", "forward", "into");
    private static final String INTO = "into";
    /** What follows a genus for its species unnamed ("Drosophila spp."): no species of its own. */
    private static final Set<String> SPECIES_ABBREVIATIONS = Set.of("spp", "ssp", "subsp", "var");
    /** A verb with "into" is read as one verb with at most this many senses ({@link #phrasal}). */
    private static final int INTO_SENSES = 2;
    /** Answers of at most this many words are compared as kinds of one thing, in their first senses. */
    private static final int KIND_WORDS = 3;
    private static final int KIND_SENSES = 2;
    private static final Set<String> JOINERS = Set.of("of", "the", "for", "and", "de", "von", "van", "da", "del");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth"};

    /**
     * Verbs of one action that WordNet does not relate in their first senses (each pair checked against it), one
     * class a line; phrasal verbs as WordNet writes them ("tear_down"), irregular past forms written out ("sold").
     * Business and kitchen verbs of everyday answers: what a committee, a seller, a builder or a cook does.
     */
    private static final List<String> ACTION_CLASSES = List.of(
            "approve accept ratify greenlight sign_off rubber-stamp",
            "reject throw_out veto",
            "demolish tear_down knock_down pull_down raze",
            "compress zip gzip",
            "revise rework redraft rewrite rewrote rewritten amend",
            "sell sold offload unload divest",
            "replace swap swap_out switch_out substitute",
            "chop dice",
            "discontinue phase_out scrap axe",
            "cancel call_off scrap axe scrub",
            "launch roll_out release",
            "fix resolve repair",
            "hire recruit take_on employ",
            "notify inform alert",
            "repeal abolish revoke rescind annul scrap",
            "halt shut_down",
            "raise throw threw thrown",
            "whisk whip beat",
            "rinse irrigate");
    /**
     * The stems of each verb of {@link #ACTION_CLASSES} in its regular inflections, and each phrasal verb as WordNet
     * writes its lemma ("throw_out": an inflected "threw out" is read as that lemma first, {@link #phrasal}), to the
     * classes it is in.
     */
    private static final Map<String, Set<Integer>> ACTION_CLASS_OF = actionClasses();

    private Lexical() {
    }

    private static Map<String, Set<Integer>> actionClasses() {
        Map<String, Set<Integer>> classes = new HashMap<>();
        for (int k = 0; k < ACTION_CLASSES.size(); k++) {
            for (String verb : ACTION_CLASSES.get(k).split(" ")) {
                int id = k;
                if (verb.indexOf('_') > 0) {
                    classes.computeIfAbsent(verb, x -> new HashSet<>()).add(id);
                    continue;
                }
                String ed = verb.endsWith("e") ? verb + "d" : verb + "ed";
                String ing = verb.endsWith("e") ? verb.substring(0, verb.length() - 1) + "ing" : verb + "ing";
                String last = verb.substring(verb.length() - 1);
                for (String form : List.of(verb, verb + "s", ed, ing, verb + last + "ed", verb + last + "ing")) {
                    classes.computeIfAbsent(actionKey(form),
                            x -> new HashSet<>()).add(id);
                }
            }
        }
        Map<String, Set<Integer>> frozen = new HashMap<>();
        classes.forEach((form, ids) -> frozen.put(form, Set.copyOf(ids)));
        return Map.copyOf(frozen);
    }

    /** A verb as {@link #ACTION_CLASS_OF} holds it: its stem, or a phrasal verb as is ("throw out" as "throw_out"). */
    private static String actionKey(String verb) {
        return verb.indexOf('_') > 0 || verb.indexOf(' ') > 0 ? verb.replace(' ', '_') : AnswerText.stem(verb);
    }

    /**
     * Whether two verbs are one action where WordNet does not say so: in one action class ({@link #sameAction}), or
     * both a measure going the same way ("plunged" / "plummeted": {@link AnswerText#direction}).
     */
    static boolean oneAction(String x, String y) {
        if (sameAction(x, y)) {
            return true;
        }
        int way = AnswerText.direction(AnswerText.stem(x));
        return way != 0 && way == AnswerText.direction(AnswerText.stem(y));
    }

    /** Whether two verbs (any inflection, or a phrasal verb as WordNet writes it) are in one action class. */
    static boolean sameAction(String x, String y) {
        Set<Integer> one = ACTION_CLASS_OF.get(actionKey(x));
        Set<Integer> other = one == null ? null : ACTION_CLASS_OF.get(actionKey(y));
        return other != null && !java.util.Collections.disjoint(one, other);
    }

    /**
     * Whether WordNet gives two items of a list (a word or a compound) as one noun sense among the first
     * {@value #ITEM_SENSES} of each ("hearing" / "audition", "pulse" / "heart rate"); verbs are left out ("put" and
     * "post" share one).
     */
    static boolean synonymItems(String a, String b) {
        return !a.equals(b) && WordNet.shared().synonyms(a, b, POS.NOUN, ITEM_SENSES);
    }

    /** Whether a word is the particle of a phrasal verb ("out" in "throw out"). */
    static boolean particle(String word) {
        return PARTICLES.contains(word);
    }

    /** Whether WordNet knows a word as an adjective and not as a noun ("informal", "casual"; not "natural"). */
    static boolean adjectiveOnly(String word) {
        return letters(word) && WordNet.shared().has(word, POS.ADJECTIVE) && !WordNet.shared().has(word, POS.NOUN);
    }

    /** Whether WordNet knows a word as an adjective ("Dutch", "Roman"), whatever else it knows it as. */
    static boolean adjective(String word) {
        return letters(word) && WordNet.shared().has(word, POS.ADJECTIVE);
    }

    /** Whether WordNet knows a word as a noun and not as a verb ("scientist", "emperor"; not "wrote", "ruled"). */
    static boolean nounNotVerb(String word) {
        return letters(word) && WordNet.shared().has(word, POS.NOUN) && !WordNet.shared().has(word, POS.VERB)
                && !WordNet.shared().inflectedVerb(word);
    }

    static boolean antonyms(String a, String b) {
        return !a.equals(b) && letters(a) && letters(b) && WordNet.shared().antonyms(a, b);
    }

    /** Whether each content word of one side has a synonym on the other, and the other way round. */
    static boolean synonymous(List<String> removed, List<String> added) {
        List<String> gone = contentWords(phrasal(removed));
        List<String> come = contentWords(phrasal(added));
        if (gone.isEmpty() || come.isEmpty() || gone.size() > 3 || come.size() > 3) {
            return false;
        }
        if (covered(gone, come) && covered(come, gone)) {
            return true;
        }
        // a verb with a particle WordNet does not know as one verb, against a verb alone: the verb ("Start off with
        // …" / "Begin with …"); not where both have a particle ("turn on" / "turn off")
        List<String> bareGone = unparticled(gone);
        List<String> bareCome = unparticled(come);
        return (bareGone.size() < gone.size()) != (bareCome.size() < come.size()) && !bareGone.isEmpty()
                && !bareCome.isEmpty() && covered(bareGone, bareCome) && covered(bareCome, bareGone);
    }

    /** Words without the particles that follow a word ("start off": "start"). */
    private static List<String> unparticled(List<String> words) {
        List<String> bare = new ArrayList<>(words.size());
        for (int k = 0; k < words.size(); k++) {
            if (k == 0 || !PARTICLES.contains(words.get(k))) {
                bare.add(words.get(k));
            }
        }
        return bare;
    }

    /**
     * A short sentence with one word in place of another of the same kind that WordNet does not relate ("It upheld the
     * ruling" / "It overturned the ruling", "This document is an invoice" / "… a purchase order"): why they differ,
     * else null.
     */
    static String actions(List<String> removed, List<String> added) {
        List<String> gone = contentWords(phrasal(removed));
        List<String> come = contentWords(phrasal(added));
        if (gone.isEmpty() || come.isEmpty() || gone.size() > 2 || come.size() > 2) {
            return null;
        }
        // words of one kind: all of them verbs, or all nouns ("rich" / "contains a lot of" is no such pair)
        boolean comparable = false;
        for (POS pos : POS.getAllPOS()) {
            boolean all = true;
            for (String word : gone) {
                all &= letters(word) && WordNet.shared().has(word, pos);
            }
            for (String word : come) {
                all &= letters(word) && WordNet.shared().has(word, pos);
            }
            comparable |= all;
        }
        if (!comparable) {
            return null;
        }
        int negations = 0;
        for (String word : removed) {
            negations += AnswerText.negation(word) ? 1 : 0;
        }
        for (String word : added) {
            negations += AnswerText.negation(word) ? 1 : 0;
        }
        for (String x : gone) {
            for (String y : come) {
                if (AnswerText.stem(x).equals(AnswerText.stem(y)) || related(x, y) || glossed(x, y)
                        || bridged(x, y)) {
                    return null;
                }
                if (negations % 2 == 1 && (AnswerText.opposite(AnswerText.stem(x), AnswerText.stem(y))
                        || antonyms(x, y))) {
                    // an opposite negated is the word itself ("too thin" / "isn't thick enough")
                    return null;
                }
            }
        }
        return ACTIONS + String.join(" ", removed) + " / " + String.join(" ", added);
    }

    /** Whether two verbs are related through a word of the first sense of either ({@link WordNet#bridged}). */
    private static boolean bridged(String x, String y) {
        return letters(x) && letters(y) && (WordNet.shared().bridged(x, y, POS.VERB, BRIDGE_SENSES, SYNONYM_SENSES)
                || WordNet.shared().bridged(y, x, POS.VERB, BRIDGE_SENSES, SYNONYM_SENSES));
    }

    /**
     * Whether two words are related: in one action class or both a measure going the same way ({@link #oneAction}), or
     * WordNet relates them in any part of speech (synonyms, one sense broader than the other).
     */
    static boolean related(String x, String y) {
        if (oneAction(x, y)) {
            return true;
        }
        for (POS pos : POS.getAllPOS()) {
            if (WordNet.shared().related(x, y, pos, SYNONYM_SENSES)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word of one answer is a word of the other's family: WordNet relates them ({@link #related}), one defines
     * the other ({@link #glossed}), or they share a start of five letters or more ("cancel" / "cancellation"); words
     * joined by underscores are read apart ("make_booking").
     */
    static boolean relatedWords(List<String> x, List<String> y) {
        for (String one : split(x)) {
            for (String other : split(y)) {
                if (related(one, other) || glossed(one, other) || commonStart(one, other) >= 5) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> split(List<String> words) {
        List<String> split = new ArrayList<>();
        for (String word : words) {
            for (String part : word.split("_")) {
                if (!part.isEmpty() && !AnswerText.stopword(part)) {
                    split.add(part);
                }
            }
        }
        return split;
    }

    /** How many letters two words share from their start ("forbid" / "forbidden": six). */
    static int commonStart(String x, String y) {
        int n = Math.min(x.length(), y.length());
        int k = 0;
        while (k < n && x.charAt(k) == y.charAt(k)) {
            k++;
        }
        return k;
    }

    private static boolean covered(List<String> words, List<String> by) {
        for (String word : words) {
            boolean found = false;
            for (String other : by) {
                if (AnswerText.stem(word).equals(AnswerText.stem(other)) || oneAction(word, other)
                        || letters(word) && letters(other) && (WordNet.shared().synonyms(word, other, SYNONYM_SENSES)
                        || WordNet.shared().related(word, other, POS.VERB, SYNONYM_SENSES)
                        || WordNet.shared().dominant(word, other) || bridged(word, other))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code b} with each content word that {@code a} lacks and that WordNet gives as a synonym of a word only
     * {@code a} has written as that word ("Tylenol is sold as paracetamol" to "Acetaminophen": "acetaminophen is sold
     * as paracetamol"), so that the embedding compares what they say rather than the words they chose.
     */
    static String aligned(String a, String b) {
        if (a.length() > ALIGNED_CHARS || b.length() > ALIGNED_CHARS) {
            return b;
        }
        List<String> aTokens = tokens(a);
        List<String> bTokens = tokens(b);
        Set<String> aStems = new HashSet<>();
        for (String token : aTokens) {
            aStems.add(AnswerText.stem(token.toLowerCase(Locale.ROOT)));
        }
        Set<String> bStems = new HashSet<>();
        for (String token : bTokens) {
            bStems.add(AnswerText.stem(token.toLowerCase(Locale.ROOT)));
        }
        List<String> only = new ArrayList<>();
        for (String token : aTokens) {
            String word = token.toLowerCase(Locale.ROOT);
            if (letters(word) && !AnswerText.stopword(word) && !bStems.contains(AnswerText.stem(word))
                    && !only.contains(word) && only.size() < ALIGNED_WORDS) {
                only.add(word);
            }
        }
        if (only.isEmpty()) {
            return b;
        }
        int[] asked = {0};
        return rewritten(b, word -> {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() > 2 && !AnswerText.stopword(lower) && !aStems.contains(AnswerText.stem(lower))
                    && asked[0]++ < ALIGNED_WORDS) {
                for (String other : only) {
                    if (WordNet.shared().synonyms(lower, other, SYNONYM_SENSES)) {
                        return other;
                    }
                }
            }
            return null;
        });
    }

    /** A text with each run of letters the function gives a replacement for replaced (the same text if none). */
    private static String rewritten(String text, java.util.function.UnaryOperator<String> replacement) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int n = text.length();
        int i = 0;
        boolean changed = false;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            String token = text.substring(start, i);
            String replaced = replacement.apply(token);
            out.append(replaced != null ? replaced : token);
            changed |= replaced != null;
        }
        return changed ? out.toString() : text;
    }

    /**
     * A text with each adjective that WordNet defines as the absence of something written as that absence
     * ("afebrile": "having no fever", so "The patient is afebrile" reads "The patient is no fever"), for the embedding,
     * which does not know the rarer word.
     */
    static String privatives(String text) {
        if (text.length() > ALIGNED_CHARS) {
            return text;
        }
        return rewritten(text, word -> word.length() > 4 && !AnswerText.stopword(word.toLowerCase(Locale.ROOT))
                ? WordNet.shared().absence(word) : null);
    }

    /**
     * The words with each verb and the particle after it written as the phrasal verb WordNet lists ("turned down" as
     * "turn down", "put off", "went down" as "go down"), so that it is compared as one word.
     */
    static List<String> phrasal(List<String> words) {
        if (words.size() > PHRASAL_WORDS) {
            return words; // more than a word or two in place of others: no one verb decides
        }
        List<String> joined = new ArrayList<>(words.size());
        boolean any = false;
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            if (k + 1 < words.size() && PARTICLES.contains(words.get(k + 1)) && !PARTICLES.contains(word)
                    && letters(word)) {
                String phrase = WordNet.shared().phrasal(word, words.get(k + 1));
                // a verb with "into" only where WordNet gives it one or two senses ("look into"; "run into" is to
                // meet, to hit, to be beset by: the text decides)
                if (phrase != null && (!words.get(k + 1).equals(INTO)
                        || WordNet.shared().senses(phrase, POS.VERB) <= INTO_SENSES)) {
                    joined.add(phrase);
                    k++;
                    any = true;
                    continue;
                }
            }
            joined.add(word);
        }
        return any ? joined : words;
    }

    /** The words that are neither stop words nor negations, as written. */
    static List<String> contentWords(List<String> words) {
        List<String> content = new ArrayList<>();
        for (String word : words) {
            if (!AnswerText.stopword(word) && !AnswerText.negation(word)) {
                content.add(word);
            }
        }
        return content;
    }

    /**
     * Two short answers where a word of one has its opposite in the other, neither word in both, with negations
     * alike ("It uploads your commits to the remote" / "It downloads commits from the remote"): why they differ, else
     * null.
     */
    static String opposed(Equivalence.Reading a, Equivalence.Reading b) {
        if (a.significant.size() > OPPOSED_WORDS || b.significant.size() > OPPOSED_WORDS
                || a.negations % 2 != b.negations % 2) {
            return null;
        }
        Set<String> aStems = new HashSet<>(a.significantStems);
        Set<String> bStems = new HashSet<>(b.significantStems);
        // a word set aside ("colloquial rather than formal") is not what an answer says
        Set<String> aSaid = new HashSet<>(AnswerText.words(a.core));
        Set<String> bSaid = new HashSet<>(AnswerText.words(b.core));
        for (int i = 0; i < a.significant.size(); i++) {
            String x = a.significant.get(i);
            // (a word of a name is no opposite: "New York" / "the same moment")
            if (bStems.contains(a.significantStems.get(i)) || AnswerText.negation(x) || !aSaid.contains(x)
                    || named(x, a)) {
                continue;
            }
            for (int j = 0; j < b.significant.size(); j++) {
                String y = b.significant.get(j);
                if (!aStems.contains(b.significantStems.get(j)) && !AnswerText.negation(y) && bSaid.contains(y)
                        && !named(y, b)
                        && antonyms(x, y)
                        && !a.lower.contains(x + " than") && !b.lower.contains(y + " than")) {
                    // (a comparison said from the other side is the same: "faster than sound" / "sound is slower")
                    return "opposite words: " + x + " / " + y;
                }
            }
        }
        return null;
    }

    /** Whether a word is written with a capital inside an answer, not as its first word ("New" in "… in New York"). */
    private static boolean named(String word, Equivalence.Reading r) {
        return r.capitals.contains(AnswerText.stem(word)) && !(r.words.isEmpty() || r.words.get(0).equals(word));
    }

    /**
     * Two answers whose first named entity (beyond the question's words) is the same one by two names, or one that
     * names an entity and one that describes it in the words of WordNet's definition of it (mentioning no other
     * entity than that definition does): the same; a description that gives the entity another rank than its
     * definition does ("the 3rd president" / Lincoln, "16th President of the United States"): different; else null.
     */
    static Equivalence.Verdict entity(Equivalence.Reading a, Equivalence.Reading b, Question question) {
        if (a.negations % 2 != b.negations % 2) {
            return null;
        }
        Named x = firstEntity(a.head, question);
        Named y = firstEntity(b.head, question);
        if (x != null && y != null) {
            for (long entity : x.entities) {
                if (contains(y.entities, entity)) {
                    if (x.name.equalsIgnoreCase(y.name)) {
                        return null;
                    }
                    String other = otherSpecies(x, b.head, y);
                    other = other != null ? other : otherSpecies(y, a.head, x);
                    return other != null ? new Equivalence.Verdict(Equivalence.Decision.DIFFERENT,
                            "another of one genus: " + other) : new Equivalence.Verdict(Equivalence.Decision.SAME,
                            "one entity by two names: " + x.name + " / " + y.name);
                }
            }
        }
        if (x != null) {
            Equivalence.Verdict described = describes(b, y, x, question);
            if (described != null) {
                return described;
            }
        }
        if (y != null) {
            return describes(a, x, y, question);
        }
        return null;
    }

    /**
     * Whether WordNet knows two short names, one holding every word of the other, as entities and none in common:
     * two people or places of one name ("John Adams" / "John Quincy Adams", "George Bush" / "George W. Bush"); the
     * names one entity goes by share it ("Franklin Roosevelt" / "Franklin Delano Roosevelt").
     */
    static boolean twoEntities(String a, String b) {
        String one = withoutArticle(a);
        String other = withoutArticle(b);
        List<String> x = tokens(one.toLowerCase(Locale.ROOT));
        List<String> y = tokens(other.toLowerCase(Locale.ROOT));
        if (x.equals(y) || x.size() > NAME_WORDS || y.size() > NAME_WORDS
                || !(x.size() < y.size() ? y.containsAll(x) : x.containsAll(y))) {
            return false;
        }
        for (String word : x.size() < y.size() ? y : x) {
            if (FEATURES.contains(word)) {
                // "Lake Victoria" / "Victoria": the feature a name is given to, not another person of the name
                return false;
            }
        }
        return otherEntities(one, other);
    }

    /**
     * Whether WordNet knows both names as entities and none in common ("Emily Brontë" / "Charlotte Brontë"; not "Bill
     * Clinton" / "William Jefferson Clinton", one entity; not a name WordNet does not know).
     */
    static boolean otherEntities(String a, String b) {
        long[] first = WordNet.shared().entities(AnswerText.withoutAccents(withoutArticle(a)));
        long[] second = first.length == 0 ? first
                : WordNet.shared().entities(AnswerText.withoutAccents(withoutArticle(b)));
        return second.length > 0 && !sharesOne(first, second);
    }

    private static boolean sharesOne(long[] x, long[] y) {
        for (long entity : x) {
            if (contains(y, entity)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A place named alone against the same name with a region after a comma that WordNet does not put it in, nor in
     * what it puts the place in ("London" / "London, Ontario"; "Paris" / "Paris, France" and "Mumbai" / "Mumbai,
     * Maharashtra", in India, are one place): the qualified name, else {@code null}.
     */
    static String placeElsewhere(String bare, String qualified) {
        String place = withoutArticle(bare);
        int comma = qualified.indexOf(',');
        if (comma < 0 || !qualified.substring(0, comma).strip().equalsIgnoreCase(place)) {
            return null;
        }
        String region = qualified.substring(comma + 1).strip();
        List<String> words = tokens(region);
        if (words.isEmpty() || words.size() > 3 || region.indexOf(',') >= 0 || !Character.isUpperCase(region.charAt(0))
                || WordNet.shared().entities(place).length == 0 || WordNet.shared().entities(region).length == 0
                || WordNet.shared().within(place, region, PLACE_LEVELS)
                || WordNet.shared().inPlacesRegion(place, region, PLACE_LEVELS)) {
            // (a region that lies in a country the place lies in may be a state WordNet skips: "Mumbai, Maharashtra")
            return null;
        }
        return qualified;
    }

    /**
     * Whether a word of an answer is a word of the question in another form: the same stem, a start of five letters or
     * more in common ("choreography" / "choreographed"), or an irregular form of one verb ("fell" / "fall", "written" /
     * "wrote": one sense in common, same first letter).
     */
    static boolean formOf(String word, String asked) {
        if (AnswerText.stem(word).equals(AnswerText.stem(asked)) || commonStart(word, asked) >= 5) {
            return true;
        }
        return word.charAt(0) == asked.charAt(0) && letters(word) && letters(asked)
                && WordNet.shared().synonyms(word, asked, POS.VERB, SYNONYM_SENSES);
    }

    /** Whether a word is an inflected form of a verb in WordNet and no verb of its own ("won", "began"). */
    static boolean inflectedVerb(String word) {
        return letters(word) && WordNet.shared().inflectedVerb(word);
    }

    /** Whether WordNet has a word as a verb ("stir", "speed"). */
    static boolean verb(String word) {
        return letters(word) && WordNet.shared().has(word, POS.VERB);
    }

    /** Whether WordNet knows a word as a verb and as nothing else ("interpolate"; not "issue", "march"). */
    static boolean onlyVerb(String word) {
        return verb(word) && !WordNet.shared().has(word, POS.NOUN) && !WordNet.shared().has(word, POS.ADJECTIVE)
                && !WordNet.shared().has(word, POS.ADVERB);
    }

    /** Whether WordNet knows a word as a named entity (a person, place, organisation or work: "Kilimanjaro"). */
    static boolean entity(String word) {
        return letters(word) && WordNet.shared().entities(word).length > 0;
    }

    /**
     * Whether two short names stand for one entity: in WordNet ("George Orwell" / "Eric Arthur Blair"), or a language or
     * a country and its own name for itself ({@link Endonyms}: "German" / "Deutsch").
     */
    static boolean sameEntity(String a, String b) {
        String one = articled(withoutArticle(a));
        String other = articled(withoutArticle(b));
        if (Endonyms.same(one, other)) {
            // a language or a country by its own name ("Deutsch" / "German")
            return true;
        }
        long[] x = WordNet.shared().entities(one);
        long[] y = x.length == 0 ? x : WordNet.shared().entities(other);
        if (sharesOne(x, y)) {
            return true;
        }
        // a thing by two names that are one sense of a word ("Aspirin" / "Acetylsalicylic acid", "Holland" / "the
        // Netherlands")
        return !one.equals(other) && one.split(" ").length <= NAME_WORDS && other.split(" ").length <= NAME_WORDS
                && WordNet.shared().synonyms(one, other, SYNONYM_SENSES);
    }

    /**
     * Two short answers (a few words each, none shared) that WordNet gives as two kinds of one thing ("Portuguese" /
     * "Spanish", "Ibuprofen" / "Naproxen", "Mont Blanc" / "Monte Rosa"): why they differ, else null.
     */
    static String kinds(Equivalence.Reading a, Equivalence.Reading b) {
        if (a.words.size() > KIND_WORDS || b.words.size() > KIND_WORDS || a.content.isEmpty() || b.content.isEmpty()) {
            return null;
        }
        for (String stem : a.content) {
            if (b.content.contains(stem)) {
                return null;
            }
        }
        String x = withoutArticle(a.head);
        String y = withoutArticle(b.head);
        if (!letters(x.toLowerCase(Locale.ROOT)) || !letters(y.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return twoKinds(x, y) ? "two kinds of one thing: " + x + " / " + y : null;
    }

    /**
     * Whether WordNet gives two terms as two kinds of one thing, in their first senses, and not as one thing in a later
     * sense ("Russia", first the Soviet Union, and "the Russian Federation" are one country).
     */
    static boolean twoKinds(String x, String y) {
        return WordNet.shared().kinds(x, y, KIND_SENSES) && !sameEntity(x, y);
    }

    /** Whether WordNet defines one verb by the other in one of its first senses ({@link WordNet#defines}). */
    static boolean glossed(String x, String y) {
        return letters(x) && letters(y) && !antonyms(x, y) && !AnswerText.opposite(AnswerText.stem(x), AnswerText.stem(y))
                && (WordNet.shared().defines(x, y, POS.VERB, SYNONYM_SENSES)
                || WordNet.shared().defines(y, x, POS.VERB, SYNONYM_SENSES));
    }

    /**
     * Whether WordNet gives two terms as kinds of one thing within two steps each ({@link WordNet#cousins}), and not as
     * one thing in a later sense.
     */
    static boolean cousins(String x, String y) {
        return WordNet.shared().cousins(x, y, KIND_SENSES) && !sameEntity(x, y);
    }

    /**
     * A name as WordNet writes it: with "the" where WordNet has it only so ("Hague": "The Hague"), else as it is.
     */
    private static String articled(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || WordNet.shared().has(name, POS.NOUN)) {
            return name;
        }
        String withThe = "the " + name;
        return WordNet.shared().has(withThe, POS.NOUN) ? withThe : name;
    }

    /** A name's words without a leading article ("The IMF": "IMF"). */
    private static String withoutArticle(String text) {
        List<String> words = tokens(text);
        int from = 0;
        while (from < words.size() - 1 && AnswerText.article(words.get(from).toLowerCase(Locale.ROOT))) {
            from++;
        }
        return String.join(" ", words.subList(from, words.size()));
    }

    private record Named(String name, long[] entities) {
    }

    /**
     * Where one answer names an entity by two words and the other by the first alone, the other's next word when it is
     * another second word ("Drosophila melanogaster" / "Drosophila simulans": WordNet knows "drosophila" as the fruit
     * fly, not "simulans"): the other's two words; else null. A word WordNet knows, a joiner of names, a stop word or
     * punctuation after the first word is no second word ("Drosophila, the fruit fly", "Drosophila larvae").
     */
    private static String otherSpecies(Named longer, String otherHead, Named shorter) {
        List<String> named = AnswerText.words(longer.name.toLowerCase(Locale.ROOT));
        List<String> first = AnswerText.words(shorter.name.toLowerCase(Locale.ROOT));
        if (named.size() != first.size() + 1 || !named.subList(0, first.size()).equals(first)) {
            return null;
        }
        String lower = otherHead.toLowerCase(Locale.ROOT);
        String start = String.join(" ", first) + " ";
        int at = lower.indexOf(start);
        if (at < 0 || at > 0 && Character.isLetter(lower.charAt(at - 1))) {
            return null;
        }
        List<String> after = AnswerText.words(lower.substring(at + start.length()));
        if (after.isEmpty() || !lower.startsWith(after.get(0), at + start.length())) {
            return null;
        }
        // (an epithet is a word WordNet does not know alone: "Drosophila fruit flies", "Drosophila larvae" are none)
        String next = after.get(0);
        return next.equals(named.get(first.size())) || AnswerText.stopword(next) || JOINERS.contains(next)
                || next.length() < 3 || !letters(next) || word(next) || SPECIES_ABBREVIATIONS.contains(next) ? null
                : start + next;
    }

    private static boolean contains(long[] offsets, long offset) {
        for (long o : offsets) {
            if (o == offset) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code description} describes {@code entity} as WordNet defines it (and names nothing else): the same;
     * or gives it another rank of the same thing than the definition does: different; else null.
     */
    private static Equivalence.Verdict describes(Equivalence.Reading description, Named own, Named entity,
                                                 Question question) {
        for (long offset : entity.entities) {
            String definition = WordNet.shared().definition(offset);
            List<String> definedWords = AnswerText.words(AnswerText.lower(definition));
            Set<String> defined = new HashSet<>();
            for (String word : definedWords) {
                defined.add(AnswerText.stem(ordinal(word)));
            }
            String rank = otherRank(description.words, definedWords);
            if (rank != null) {
                return new Equivalence.Verdict(Equivalence.Decision.DIFFERENT,
                        "a description of another than " + entity.name + ": " + rank);
            }
            if (own != null && !allIn(own.name, defined)) {
                continue;
            }
            int shared = 0;
            int words = 0;
            boolean ordinalMissing = false;
            Set<String> seen = new HashSet<>();
            for (String word : description.words) {
                String normal = ordinal(word);
                String stem = AnswerText.stem(normal);
                if (AnswerText.stopword(word) || AnswerText.negation(word) || question.mentions(stem)
                        || !seen.add(stem)) {
                    continue;
                }
                words++;
                if (defined.contains(stem)) {
                    shared++;
                } else if (!normal.equals(word) || isOrdinal(word)) {
                    ordinalMissing = true;
                }
            }
            if (!ordinalMissing && shared >= DESCRIPTION_WORDS && shared >= DESCRIPTION_SHARE * words) {
                return new Equivalence.Verdict(Equivalence.Decision.SAME, "an entity and its description: "
                        + entity.name);
            }
        }
        return null;
    }

    /**
     * An ordinal and the word after it in a description ("3rd president") where the definition has another ordinal
     * before the same word ("16th President"): "3rd president, 16th in WordNet's definition"; else null.
     */
    private static String otherRank(List<String> description, List<String> definition) {
        for (int i = 0; i + 1 < description.size(); i++) {
            String rank = ordinal(description.get(i));
            if (!isOrdinal(rank)) {
                continue;
            }
            String thing = AnswerText.stem(description.get(i + 1));
            for (int j = 0; j + 1 < definition.size(); j++) {
                String other = ordinal(definition.get(j));
                if (isOrdinal(other) && !other.equals(rank) && AnswerText.stem(definition.get(j + 1)).equals(thing)) {
                    return rank + " " + description.get(i + 1) + ", " + other + " in WordNet's definition";
                }
            }
        }
        return null;
    }

    private static boolean allIn(String name, Set<String> defined) {
        for (String word : AnswerText.words(AnswerText.lower(name))) {
            if (!AnswerText.stopword(word) && !defined.contains(AnswerText.stem(word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOrdinal(String word) {
        if (word.length() > 2 && Character.isDigit(word.charAt(0))) {
            String end = word.substring(word.length() - 2);
            return end.equals("st") || end.equals("nd") || end.equals("rd") || end.equals("th");
        }
        return false;
    }

    /** "fourth" as "4th", so that a description and a definition that write it differently share it. */
    private static String ordinal(String word) {
        for (int k = 0; k < ORDINALS.length; k++) {
            if (ORDINALS[k].equals(word)) {
                int n = k + 1;
                return n + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th");
            }
        }
        return word;
    }

    /**
     * The first name in a text that WordNet knows as an entity, beyond the question's own words: a run of words
     * written with a capital (joined by "of", "the" and the like), longest first, or a short answer as a whole.
     */
    private static Named firstEntity(String text, Question question) {
        List<String> tokens = tokens(text.length() > 600 ? text.substring(0, 600) : text);
        if (tokens.size() <= 3) {
            String whole = String.join(" ", tokens);
            Named named = named(whole, question);
            if (named != null) {
                return named;
            }
        }
        int lookups = 0;
        for (int i = 0; i < tokens.size() && lookups < NAME_LOOKUPS; i++) {
            if (!capitalised(tokens.get(i)) || AnswerText.stopword(tokens.get(i).toLowerCase(Locale.ROOT))) {
                continue;
            }
            int end = i + 1;
            while (end < tokens.size() && end - i < NAME_WORDS && (capitalised(tokens.get(end))
                    || JOINERS.contains(tokens.get(end)) && end + 1 < tokens.size() && capitalised(tokens.get(end + 1)))) {
                end++;
            }
            for (int stop = end; stop > i && lookups < NAME_LOOKUPS; stop--) {
                lookups++;
                Named named = named(String.join(" ", tokens.subList(i, stop)), question);
                if (named != null) {
                    return named;
                }
            }
        }
        return null;
    }

    /** A token of letters with a digit glued to one ("NO2", "CO₂", "H2O"): a formula, not a name. */
    static boolean formula(String token) {
        boolean letter = false;
        boolean digit = false;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c) || Character.getType(c) == Character.OTHER_NUMBER;
        }
        return letter && digit;
    }

    private static Named named(String name, Question question) {
        for (String token : tokens(name)) {
            if (token.length() < 2 || formula(token)) {
                // "A", "O": letters, not names; "NO2", "CO₂": formulas
                return null;
            }
        }
        boolean asked = true;
        for (String word : AnswerText.words(AnswerText.lower(name))) {
            asked &= question.mentions(AnswerText.stem(word));
        }
        if (asked) {
            return null;
        }
        long[] entities = WordNet.shared().entities(name);
        return entities.length == 0 ? null : new Named(name, entities);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                    || Character.getType(text.charAt(i)) == Character.OTHER_NUMBER
                    || (text.charAt(i) == '.' || text.charAt(i) == '\'' || text.charAt(i) == '-') && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i + 1)))) {
                i++;
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    private static boolean capitalised(String token) {
        return Character.isUpperCase(token.charAt(0));
    }

    /**
     * Whether WordNet knows a word in some part of speech (inflected or not); true when WordNet is not in use, so
     * that a rule that needs a word to be none of its own does not run blind.
     */
    static boolean word(String word) {
        if (!WordNet.shared().available()) {
            return true;
        }
        for (POS pos : POS.getAllPOS()) {
            if (WordNet.shared().has(word, pos)) {
                return true;
            }
        }
        return false;
    }

    /** A word of letters only, or a phrasal verb of such words ("turn down"). */
    static boolean letters(String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!Character.isLetter(c) && !(c == ' ' && k > 0 && k + 1 < word.length() && word.charAt(k - 1) != ' ')) {
                return false;
            }
        }
        return word.length() > 1;
    }
}
