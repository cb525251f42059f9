package dev.quorum.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quorum.consensus.Quantities.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether two answers to the same question give the same answer, as far as their words can tell; where they cannot,
 * the meaning (the embedding's cosine similarity) decides. Embeddings alone group near-identical sentences that differ
 * in one entity, one verb, one label or a negation, and keep apart a bare label and the sentence that states it. The
 * rules are general (no fixture's wording), read what the question offers ({@link Question}), and run in this order:
 * <ol>
 * <li>equal {@link AnswerKey}s are the same answer; two different JSON values, yes and no, two choice letters or two
 * quantities are different ones; with lettered or numbered options, the option each answer names decides; key
 * combinations and file extensions are compared as {@link Keys} reads them;</li>
 * <li>labels ({@link Labels}): the label each answer's first labelled clause gives, with synonyms, negations and the
 * question's own alternatives;</li>
 * <li>for a yes/no question, the yes or no each answer gives, said or implied by negations and opposites of the
 * question's words ({@link YesNo}); an answer opening with yes or no otherwise agrees with a statement only when
 * the statement's polarity agrees, and then the rest of it is compared;</li>
 * <li>numbers outside their context ({@link #mainText}): when neither answer's quantities cover the other's (values
 * with units, to the precision they were given in), they differ;</li>
 * <li>two short names sharing no word differ; lists ("red, yellow and blue") are the same when they hold the same
 * items, in any order unless the question asks for one;</li>
 * <li>a short answer (up to four content words, or a number) against a longer one: stated in the clause that gives
 * the longer one's answer (the first stating a number of its kind; a clause with little else beyond the question's
 * words), or only as context, negated, after another answer, or beside another clause that names another answer in
 * the question's words;</li>
 * <li>a contradiction guard for near-identical answers (at least {@value #NEAR} of the longer one's words in common,
 * in order), also sentence by sentence: opposites (a small lexicon, or un-/in-/non- prefixed), an odd number of
 * negations with them, or one content word or name put in place of another ("Jackson" for "Gson", "revoke" for
 * "renew") makes them different; two long explanations that are one text with a phrase said in other words
 * ({@link Rewording}) are not split for the words put in place of others.</li>
 * </ol>
 * Rules that find nothing leave the pair to the meaning, and the model is given {@link #embeddingText}. Reading an
 * answer costs microseconds; the embedding is only needed for the pairs the rules leave open.
 */
final class Equivalence {

    /** Share of the longer answer's words two answers must have in common, in order, to count as near-identical. */
    static final double NEAR = 0.6;
    /** The same for code, where one changed token in a short command is already a different answer. */
    static final double NEAR_CODE = 0.5;
    /**
     * Near-identical code with at most this many tokens more or less is another program ("LEFT JOIN" / "JOIN",
     * "reverse=True" left out).
     */
    static final int MAX_CODE_TERMS = 3;
    /** Near-identical answers differ in at most this many places for the guard to read them. */
    static final int MAX_HUNKS = 2;

    /** A short answer has at most this many words (or is only numbers): a label, a name, a term. */
    static final int SHORT_WORDS = 4;
    /** The most words of two answers, one of them code, read as two snippets of code for what they do. */
    private static final int SNIPPET_WORDS = 6;

    /** Content words beyond the question's that a sentence may add to a short answer it states. */
    static final int MAX_EXTRA = 2;

    /** What the rules decided about a pair: the same answer, different answers, or left to the meaning. */
    enum Decision { SAME, DIFFERENT, MEANING }

    /**
     * The decision and the rule that made it (for reasoning and tests). Tentative when the words told the pair apart
     * no better than a coin does on the fixtures: one long explanation with words put in place of others and nothing
     * else changed, which is as often a phrase said in other words as a changed claim (docs/consensus.md); an
     * entailment judge, when one is configured, is asked about such a pair. Weighed only when asked
     * ({@link Equivalence#weighed}); false otherwise.
     */
    record Verdict(Decision decision, String rule, boolean tentative) {
        static final Verdict MEANING = new Verdict(Decision.MEANING, "meaning");

        Verdict(Decision decision, String rule) {
            this(decision, rule, false);
        }
    }

    static final Set<String> VERBS = Set.of("is", "are", "was", "were", "be", "has", "have", "had", "will",
            "can", "should", "must", "does", "do", "did", "would", "could");
    /**
     * Prepositions that open a phrase setting the scene ({@link #introductory}); not those that set another answer
     * aside or rank one ("Apart from Mercury, Venus is …", "Besides Everest, …", "After Jupiter, …").
     */
    private static final Set<String> INTRODUCTORY = Set.of("in", "on", "at", "by", "according", "between", "during",
            "for", "under", "within", "among", "across", "throughout", "as", "with");
    /** Stems of a question's words that ask for a name ({@link #namesSameEntity}). */
    private static final List<String> NAME_WORDS = Stream.of("name", "called", "former", "formerly", "before",
            "colonial", "old", "renamed").map(AnswerText::stem).toList();
    private static final Set<String> CLAUSE_SUBJECTS = Set.of("it", "they", "he", "she", "this");
    private static final int MAX_DIFF_WORDS = 300;
    /** Long answers that share this much of their words, in order, are one text edited ({@link #longNearIdentical}). */
    private static final double LONG_NEAR = 0.7;
    private static final int LONG_NEAR_WORDS = 25;
    /** How many words after a short answer a negation in its clause bears on it anyway ({@link #negationsAround}). */
    private static final int NEGATION_REACH = 4;
    /** Words before a negation that make it negate a clause's verb ("it is not the capital", "it does not"). */
    private static final Set<String> NEGATED_VERBS = Set.of("is", "are", "was", "were", "be", "been", "do", "does",
            "did", "has", "have", "had", "can", "could", "will", "would", "should", "may", "might", "must", "it");
    /** Openings that only say "this is the answer", longest first ({@link #namedAnswer}). */
    private static final List<String> NAMING = List.of("that would be the ", "that would be a ", "that would be ",
            "it would be the ", "it would be a ", "that's the ", "that is the ", "this is the ", "it's the ",
            "it is the ", "that's a ", "that is a ", "that's an ", "that is an ");
    /** The most words a named answer may have ({@link #namedAnswer}). */
    private static final int NAMED_WORDS = 4;
    /** What a question says where a "5!" in an answer is a factorial, not an exclamation. */
    private static final Pattern FACTORIALS = Pattern.compile("(?i)factorial|permutation|arrange|\\d!");
    /** Words a negation brings with it ("never … either", "hardly ever", "not … any"). */
    private static final Set<String> NEGATED_ANY = Set.of("ever", "either", "any", "anything", "anyone", "anybody",
            "anywhere", "anymore", "yet", "all");
    /** Words that say an absence themselves, so that a negation beside them is the same statement. */
    private static final Set<String> ABSENCE = Set.of("missing", "lacking", "lacks", "lack", "absent", "without",
            "free", "devoid", "empty", "zero", "omitted", "omits", "excluded", "excludes", "lost");
    /** Words of a question that asks to confirm what it says ({@link #seeksConfirmation}). */
    private static final String[] CONFIRMATION = {"right", "correct", "true", "i think", "i believe", "i m sure",
        "i m fairly sure", "i m pretty sure", "if i m not mistaken", "isn t it", "wasn t it", "didn t he",
        "didn t she", "yes"};
    /** The verbs after which a clause of the question's words states what it is ({@link #statesOther}). */
    private static final Set<String> STATING = Set.of("is", "are", "was", "were", "called");
    /** Words that open a relative clause, which speaks of a word before it. */
    private static final Set<String> RELATIVES = Set.of("which", "who", "whom", "whose", "that", "where");
    /** Words that make what a clause names another name for the same thing ("also called", "sometimes known as"). */
    private static final Set<String> ALIASING = Set.of("also", "sometimes", "often", "usually", "commonly", "formerly",
            "otherwise", "aka");
    /** Participles that give a thing's name ("is called …", "is known as …"). */
    private static final Set<String> NAMING_PARTICIPLES = Set.of("called", "named", "known");
    /** Words that speak against what a sentence names ("Leasing is a mistake …", "avoid floats for money"). */
    private static final Set<String> AGAINST = Set.of("avoid", "avoided", "mistake", "myth", "overrated", "worse",
            "worst", "bad", "poor", "wrong", "waste", "risky", "riskier", "skip", "against", "overkill", "unless",
            "less", "fewer", "but", "however", "although", "though", "depends", "either", "both");
    /** Openings that point at the thing asked about ({@link #demonstratesOther}). */
    private static final List<String> DEMONSTRATIVES = List.of("that's ", "that is ", "it's ", "it is ", "this is ",
            "that goes in ", "it goes in ");
    /** Words of a question that asks for a label ("What is the sentiment …", "Classify …"). */
    private static final List<String> CLASSIFYING = List.of("sentiment", "tone", "emotion", "mood", "severity",
            "urgency", "priority", "risk", "stance", "classify", "classification", "label", "categorize", "categorise",
            "category", "rate", "rating");
    /** The words of a statement read for a negation of the other (longer ones say more than one thing). */
    private static final int NEGATED_WORDS = 14;
    /** The words a sentence two answers share word for word has at least, to count as shared. */
    private static final int SHARED_SENTENCE_WORDS = 6;
    /** Lists of at most this many items have their items looked up in WordNet (each a dictionary lookup). */
    private static final int ENTITY_ITEMS = 12;
    /** Words that refer to a name said before. */
    private static final Set<String> REFERRING = Set.of("he", "she", "it", "they", "his", "her", "its", "their", "him",
            "them", "this", "that", "these", "those");
    /** A bare answer of at most this many words can be one item of a list. */
    private static final int LIST_ITEM_WORDS = 4;
    /** Answers of at most this many words may be an expression rather than prose ({@link #formula}). */
    private static final int SHORT_FORMULA_WORDS = 8;
    /** A time signature ("3/4"), and a ratio ("2:3", "4 to 6"), in answers of at most {@value #RATIO_WORDS} words. */
    private static final Pattern METER = Pattern.compile("(?<![\\d/.])(\\d{1,2})/(\\d{1,2})(?![\\d/])");
    private static final Pattern RATIO = Pattern.compile(
            "(?<![\\d.:])(\\d{1,6}(?:\\.\\d{1,4})?)\\s*(?::|\\bto\\b)\\s*(\\d{1,6}(?:\\.\\d{1,4})?)(?![\\d.:])");
    private static final int RATIO_WORDS = 8;
    /** Blood types are read in answers of at most this many words, to a question that names blood. */
    private static final int BLOOD_WORDS = 16;
    private static final String BLOOD = AnswerText.stem("blood");
    private static final String DONOR = AnswerText.stem("donor");
    private static final String TRANSFUSION = AnswerText.stem("transfusion");
    /** "AB+", "O−", "A positive", "type B negative" (the group in capitals, as blood types are written). */
    private static final Pattern BLOOD_TYPE = Pattern.compile("\\b(AB|A|B|O)(?:\\s*|\\s+Rh\\s*|-)(\\+|\u207a|\u207b"
            + "|(?:-|\u2212)(?![A-Za-z])|(?i:pos(?:itive)?|neg(?:ative)?)\\b)");
    /**
     * What an answer sets aside: up to four words after "rather than", "instead of", ", not" ({@link #setAside}; not
     * "and not", which the reading writes for "too thin to walk on").
     */
    private static final Pattern ASIDE_SPAN = Pattern.compile("(?: rather than| instead of|, not) ((?:[\\w'-]++"
            + " ?){1,4})");
    /** A short answer and a longer one of at most these many words are read for what one sets aside. */
    private static final int ASIDE_SHORT_WORDS = 12;
    private static final int ASIDE_LONG_WORDS = 40;
    /** What is read before a set-aside marker for the word it follows. */
    private static final int ASIDE_BEFORE_CHARS = 40;
    /** Adverbs that leave a clause saying what the question asks ({@link #asAsked}: "… is the busiest overall"). */
    private static final Set<String> SAYING_ADVERBS = Set.of("overall", "today", "now", "currently", "actually",
            "instead", "still", "really", "indeed", "truly");
    /** Words by which a question asks of other things ({@link #asksOthers}). */
    private static final Set<String> OTHERS_ASKED = Set.of("else", "other", "others", "anywhere", "besides", "only",
            "elsewhere");
    /** How many words after a negation are read for what a question sets aside ({@link #deniesOnlySetAside}). */
    private static final int SET_ASIDE_REACH = 4;
    /**
     * A gloss in brackets after a word, with the space before it ({@link #sameGlossless}); not brackets that add or
     * set aside items ("(and Neptune)", "(or magenta)").
     */
    private static final Pattern GLOSS = Pattern.compile(
            "(?<=\\w)\\s*\\((?!\\s*(?:and|or|plus|also|including|incl|as well|not)\\b)[^()]{1,60}\\)");
    /** Answers of at most this many words are read for what they say a thing is free of ({@link #freeOf}). */
    private static final int FREE_WORDS = 30;
    private static final Pattern FREE_OF = Pattern.compile("\\b([a-z]{3,})-free\\b");
    /** A time signature said in words is read in answers of at most this many words. */
    private static final int SPOKEN_METER_WORDS = 24;
    /** "three-four time", "six eight time". */
    private static final Pattern NAMED_METER = Pattern.compile("\\b([a-z]+|\\d{1,2})[- ]([a-z]+|\\d{1,2}) time\\b");
    /** "three beats per bar", "3 crotchet beats to the measure", "four beats in a bar". */
    private static final Pattern COUNTED_METER = Pattern.compile("\\b([a-z]+|\\d{1,2}) (?:[a-z]+[- ])?(?:[a-z]+ )?beats? "
            + "(?:per|to|in|a) (?:the |a |each )?(?:bar|measure)\\b");
    /** The note that gets one beat, named anywhere in the answer. */
    private static final Pattern METER_NOTE = Pattern.compile("\\b(quarter[- ]notes?|crotchets?|half[- ]notes?|minims?"
            + "|eighth[- ]notes?|quavers?|sixteenth[- ]notes?|semiquavers?)\\b");
    /** A law in notation this long at most is read against one said in words ("F = ma"). */
    private static final int SHORT_LAW_CHARS = 40;
    /** An answer of at most this many words is a bare label ("Negative", "Label: spam"). */
    private static final int BARE_LABEL_WORDS = 3;
    /** Statements compared by {@link #sameWordsNegatedInOne} have this many content words, from and to. */
    private static final int SAME_WORDS_MIN = 2;
    private static final int SAME_WORDS_MAX = 15;
    private static final String SLASH = " / ";
    /** Two stems that share a start this long are one word's forms ({@link #derivedAll}: "forbidden" / "forbid"). */
    private static final int DERIVED_START = 5;
    /** Two runs around a slash are read as labels ({@link #labelRuns}) in an answer of at most this many characters. */
    private static final int LABEL_RUNS_CHARS = 60;
    /** A short answer respelled apart ({@link #respelled}) has at least this many letters. */
    private static final int RESPELLED_LETTERS = 4;
    /** What separates the words of a text written as it was (letters, digits and apostrophes are words). */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
    /** Words whose period ends no sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("v", "vs", "no", "nos", "dr", "mr", "mrs", "ms", "st", "jr",
            "sr", "prof", "approx", "fig", "vol", "ca", "cf", "inc", "ltd", "co", "corp", "dept", "est", "mt");
    /** A sentence of at most this many words is read for the name it gives against a short one. */
    private static final int NAME_SENTENCE_WORDS = 12;
    /** How a clause opens that gives another name of what is before it ("known as", "also called", "aka"). */
    private static final Set<String> ALIAS_OPENINGS = Set.of("known", "also", "aka");
    /** Words that give what follows as the name of what came before ({@link #namedAs}). */
    private static final Set<String> NAMED_AS = Set.of("called", "named", "known", "shortened", "abbreviated", "termed",
            "dubbed", "nicknamed", "specifically", "aka", "renamed");
    /** Words for one person or thing as related to another ({@link #relativeOfAnother}). */
    private static final Set<String> KIN = Set.of("son", "daughter", "father", "mother", "wife", "husband",
            "brother", "sister", "successor", "predecessor", "partner", "heir", "grandson", "granddaughter",
            "grandfather", "grandmother", "nephew", "niece", "uncle", "aunt", "cousin", "pupil", "student", "teacher",
            "rival", "sibling", "twin", "counterpart", "parent", "child", "widow", "consort", "protégé", "apprentice");
    private static final Set<String> POSSESSIVES = Set.of("its", "his", "her", "their");
    /** A year or century before the common era ("300 BC", "3rd century BCE", "44 B.C."), its number the group. */
    private static final Pattern BEFORE_ERA = Pattern.compile("(?<!\\d)(\\d+)(?:st|nd|rd|th)?\\s*(?:centur(?:y|ies)"
            + "\\s*|millennium\\s*)?(?:b\\.?\\s?c\\.?(?:\\s?e\\.?)?|before christ|before the common era)(?![a-z])");
    /** A year or century of the common era ("AD 1066", "1572 CE", "the 3rd century AD"), its number a group. */
    private static final Pattern AFTER_ERA = Pattern.compile("(?<!\\d)(\\d+)(?:st|nd|rd|th)?\\s*(?:centur(?:y|ies)\\s*"
            + "|millennium\\s*)?(?:a\\.?\\s?d\\.?|c\\.?\\s?e\\.?|anno domini|of the common era)(?![a-z])"
            + "|(?<![a-z])(?:a\\.?d\\.?|anno domini)\\s*(\\d+)");
    /** Characters, at most, of a code {@link #otherSign} reads for its sign. */
    private static final int SIGNED_CODE = 12;
    /** Plus and minus signs (any minus) before or after a code. */
    private static final Pattern SIGNS = Pattern.compile("^[+\\-\u2212\u2013]+|[+\\-\u2212\u2013]+$");
    /** Letters, at least, of the longer of two names {@link #oneLetterApart} reads as one name. */
    private static final int VARIANT_LETTERS = 7;
    /** Words before a short answer, at most, that {@link #namedAs} reads for a word of {@link #NAMED_AS}. */
    private static final int NAMED_AS_WORDS = 5;
    /** Adverbs that weigh a reason without changing it ("mainly because", "largely due to"). */
    private static final Set<String> WEIGHING = Set.of("mainly", "mostly", "largely", "primarily", "chiefly", "simply",
            "partly", "really", "actually", "basically", "essentially", "ultimately");
    /** Verbs of being that say the same before a reason ("is blue because", "looks blue because"). */
    private static final Set<String> COPULA_VERBS = Set.of("is", "looks", "appears", "seems");
    /** Words that link what an answer explains to the cause, means or meaning it gives ("… because …", "… by …"). */
    private static final Set<String> REASON_LINKS = Set.of("because", "by", "from", "means", "mean", "is", "are",
            "was", "were", "caused", "causes", "due", "since", "through");
    /** Where a first sentence sets aside what it does not give ("…, not because …", "… rather than …"). */
    private static final Set<String> SET_ASIDE = Set.of("rather", "but", "whereas", "while", "although", "though",
            "instead", "unlike");
    /** The fewest words two first sentences open alike with for their reasons to be compared. */
    private static final int REASON_OPENING = 3;
    /** The most words after that opening read as the reason a first sentence gives. */
    private static final int REASON_WORDS = 15;
    /** Content words of a reason compared at most: what it gives first ("microscopic damage to the muscle …"). */
    private static final int REASON_CONTENT = 4;
    /** How far into a short sentence the name it answers with may start. */
    private static final int OPENING_WORDS = 4;
    /** First clauses are compared with at least this many content words each. */
    private static final int FIRST_CLAUSE_WORDS = 2;
    /** Answers up to this many words are compared by their numbers. */
    private static final int NUMBERS_WORDS = 40;
    /** Answers up to this many words that state the same numbers give the same answer (unless the guard objects). */
    private static final int SAME_NUMBERS_WORDS = 25;
    /** The characters of an answer the rules read (its key is of the whole answer). */
    static final int MAX_READ = 4000;
    /** The words a yes or no and its remark take at most ("Yes, you're absolutely right about that —"). */
    private static final int STANCE_WORDS = 12;
    /** Answers of at least this many words, in several sentences, are compared sentence by sentence too. */
    private static final int LONG_WORDS = 15;
    /** Two yeses are read for a claim's word put in place of another up to this many words ({@link #claimReplaced}). */
    private static final int CLAIM_WORDS = 40;
    /** Content words either side read for a word's place in a claim ({@link #replacedIn}). */
    private static final int CLAIM_CONTEXT = 3;
    /** Words that open a clause of contrast or reason, where a restated claim ends ({@link #replacedIn}). */
    private static final Set<String> CONTRASTING = Set.of("though", "although", "but", "while", "whereas", "however",
            "because", "since", "unlike", "except");
    /** Words after a yes that go on to something besides the claim ({@link #replacedIn}: "Yes, and Neptune …"). */
    private static final Set<String> ADDING = Set.of("and", "also", "plus");
    /** Words before one of a list of things ({@link #listed}). */
    private static final Set<String> LISTING = Set.of("with", "like", "including", "as");
    /** Answers with at least this many content words each that share none of them differ. */
    private static final int SHARED_WORDS = 12;
    /** Answers up to this many words are read for a label. */
    private static final int LABEL_WORDS = 60;
    /** A clause of at most this many words that names a label is a label answer ("Not spam.", "Priority: high"). */
    private static final int LABEL_CLAUSE_WORDS = 8;
    /** What follows these restates the answer in its final form ("…, i.e. 4 October 1582", "…, which rounds to 3.1416"). */
    private static final String[] RESTATED = {" i.e. ", " i.e., ", ", that is, ", ", which rounds to "};
    /** Titles before a name ({@link #shortened}). */
    private static final Set<String> TITLES = Set.of("sir", "dame", "lord", "lady", "dr", "mr", "mrs", "ms", "prof",
            "professor", "president", "king", "queen", "saint", "st", "general", "captain");
    /** Names a longer answer is looked up in WordNet for, at most, against a short name ({@link #otherOfSameLastName}). */
    private static final int NAME_LOOKUPS = 4;
    /** Titles a person's name may follow, beside {@link #TITLES} ("Baroness Thatcher"). */
    private static final Set<String> NOBLE_TITLES = Set.of("baroness", "baron", "countess", "count", "duke", "duchess",
            "prince", "princess", "pope");
    /**
     * Words of a judge's office a name may follow, beside the titles ("Chief Justice Marshall"); not offices that pass
     * within a family ("Prime Minister Gandhi", "Senator Kennedy").
     */
    private static final Set<String> JUDGES = Set.of("chief", "justice", "judge");
    /** Titles of address a person's name may follow ({@link #onlyTitles}). */
    private static final Set<String> HONORIFICS = Set.of("sir", "dame", "lord", "lady", "dr", "mr", "mrs", "ms", "prof",
            "professor", "reverend", "rev", "revd");
    /** Particles that turn a phrasal verb the other way, both ways round ("roll back" / "roll out"). */
    private static final Set<String> OPPOSITE_PARTICLES = Set.of("in out", "out in", "up down", "down up", "on off",
            "off on", "back out", "out back", "back forward", "forward back");
    /** Words that open the object of a verb in the imperative ("Replace the battery", "Reset your password"). */
    private static final Set<String> OBJECT_OPENERS = Set.of("the", "a", "an", "your", "my", "our", "their", "its",
            "it", "them", "this", "that", "these", "those", "out", "up", "off", "down", "all", "any", "every");
    /** Verbs whose particles say one thing either way ("fill in" / "fill out" a form, "break down" / "break up" a task). */
    private static final Set<String> SAME_EITHER_WAY = Set.of("fill", "fills", "filled", "filling", "break", "breaks",
            "broke", "breaking", "slow", "slows", "slowed", "slowing");
    /** Pronouns a phrasal verb takes between itself and its particle ("turn it off"). */
    private static final Set<String> PARTICLE_OBJECTS = Set.of("it", "them", "him", "her", "this", "that", "these",
            "those", "everything");
    /** Instructions of at most this many words are compared verb for verb ({@link #otherImperative}). */
    private static final int IMPERATIVE_WORDS = 12;
    /** Answers of at most this many words are read for how often, or how much, they say ({@link Scale}). */
    private static final int SCALE_WORDS = 25;
    /** Words that frame, hedge or intensify a claim without changing it ({@link #filler}). */
    private static final Set<String> FILLERS = Set.of("speaking", "actually", "really", "basically", "essentially",
            "indeed", "certainly", "definitely", "generally", "usually", "typically", "mostly", "mainly", "largely",
            "primarily", "vastly", "much", "greatly", "significantly", "considerably", "substantially",
            "dramatically", "hugely", "way");
    /**
     * Words that open a clause giving context rather than the answer ("…, whereas HTTP uses 80"; "India overtook
     * China": what is overtaken is no answer).
     */
    private static final String[] CONTRAST = {", whereas ", " whereas ", ", while ", ", but ", "; but ", ", except ",
        " except for ", ", unlike ", " unlike ", " compared with ", " compared to ", " versus ", " vs ", " vs. ",
        ", instead of ", " instead of ", " rather than ", ", followed ", " followed by ", ", not ", " and not ",
        ", although ", " although ", ", though ", " even though ", ", ahead of ", " ahead of ", " followed shortly by ",
        " followed closely by ", ", beating ", ", defeating ", " and then ",
        " overtook ", " overtaking ", " surpassed ", " surpassing ", " outstripped "};
    /** Words that open a clause of condition, time or concession ("If you itemize, …", "Unless …", "Although …"). */
    private static final Set<String> SUBORDINATORS = Set.of("if", "unless", "when", "whenever", "once", "although",
            "though", "while", "because", "since", "after", "before", "until", "provided", "assuming");
    /** Words that open a sentence with a concession, set aside up to its first comma ("Although X is cited, …"). */
    private static final String[] CONCEDING = {"although ", "though ", "even though ", "even if ", "while ", "whereas ",
        "despite ", "unlike ", "contrary to "};
    /**
     * A word of two to six capitals that opens an answer, before a comma, a bracket or a dash with a space before it
     * ("CNCF, which …"; not "USB-C", "SARS-CoV-2").
     */
    private static final Pattern OPENING_INITIALS = Pattern.compile(
            "(?:[Tt]he )?([A-Z][A-Z0-9]{1,5})(?:,|\\s*\\(|\\s+[\u2014\u2013-])");
    /** Words that take back what was just said ("WTO — no, sorry, the WHO"). */
    private static final Set<String> TAKEN_BACK = Set.of("no", "not", "sorry", "rather", "correction");
    /** Words written with a capital, the short words that join names between them ("American Chemical Society"). */
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}'-]*(?:\\s+(?:(?:of|and|for|the|on|de|du)\\s+)*\\p{Lu}[\\p{L}'-]*)+");
    /** A first clause of at most this many words can answer before the short answer is named ({@link #answersFirst}). */
    private static final int FIRST_ANSWER_WORDS = 8;
    /** The same, where the short answer is named only as a point of reference ({@link #referenced}). */
    private static final int REFERENCE_ANSWER_WORDS = 20;
    /** At most this many words in a clause that names again what the clause before it ended on. */
    private static final int RESTATED_WORDS = 6;
    /** Items, at least, of a list joined by a last "or" that leaves the answer open ({@link #oneOfAlternatives}). */
    private static final int MIN_ALTERNATIVES = 3;
    /** Words an item of such a list has at most: names and terms, not clauses. */
    private static final int ALTERNATIVE_WORDS = 5;
    private static final Pattern ARTICLE = Pattern.compile("^(the|a|an)\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?]\\s+|[.;:!?]$");
    private static final Pattern EITHER = Pattern.compile("\\beither\\s+");
    private static final Pattern EITHER_OR = Pattern.compile("\\s+or\\s+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",\\s+(?:or\\s+)?|\\s+or\\s+");
    /** Words that set alternatives aside rather than leave a choice open ({@link #oneOfAlternatives}). */
    private static final Pattern CHOICE_SET_ASIDE = Pattern.compile(
            "\\b(?:not|but|rather|instead|never|wrong|incorrect)\\b");
    private static final Pattern LAST_OR = Pattern.compile("\\s+or\\s+[^,]+$");
    /**
     * Words that place an answer against another ("above layer 3", "below TCP", "formed from limestone"): a clause
     * that holds one names more than its answer ({@link #restatedBefore}). Broader than {@link #RELATIONS}, which
     * reads the words right before a named answer; these are read anywhere in the answering clause.
     */
    private static final Set<String> RELATING = Set.of("above", "below", "under", "over", "beneath", "beyond", "after",
            "before", "besides", "beside", "near", "than", "from", "unlike", "except", "instead", "rather", "then",
            "between", "next");
    /** Castling in notation and in words, the longer first ({@link #castling}). */
    private static final String[][] CASTLING = {{"o-o-o", "queenside castling"}, {"0-0-0", "queenside castling"},
        {"o-o", "kingside castling"}, {"0-0", "kingside castling"}};
    /** Words that relate what follows to what was named before ("than", "below", "before"; {@link #referenced}). */
    private static final Set<String> RELATIONS = Set.of("than", "below", "above", "behind", "beside", "besides", "near",
            "unlike", "alongside", "before", "after");
    /** Words that make "after" or "before" name what the answer is called for ("named after Lincoln"). */
    private static final Set<String> NAMED_AFTER = Set.of("named", "called", "modelled", "modeled", "patterned",
            "styled");
    /**
     * Words that make "of", "to" or "from" after them a relation to another ("a contemporary of", "in front of",
     * "next to", "instead of"), where "the laboratory of", "the heart of" or "a gift from" name the answer itself.
     */
    private static final Set<String> RELATED = Set.of("contemporary", "contemporaries", "rival", "rivals",
            "predecessor", "successor", "neighbour", "neighbor", "teacher", "pupil", "student", "mentor", "front", "ahead",
            "instead", "next", "close", "similar", "related", "cousin", "sibling", "short");
    /** Places in a ranking that make "with" a relation ("…, with nitrogen in second place"). */
    private static final Set<String> RANKS = Set.of("second", "third", "fourth", "next", "runner-up", "runners-up");
    /** Words that say what follows is a misconception, corrected after ", but" ({@link #conceded}). */
    private static final Set<String> MISTAKEN = Set.of("attributed", "misattributed", "mistaken", "confused",
            "credited", "thought", "believed", "assumed", "misremembered");
    /**
     * Verbs of what people hold, a misconception when the clause says who holds it ({@link #HOLDERS}) and ", but"
     * corrects it ("Many people assume it's Ankara, but …", "People often say Jupiter, but …").
     */
    private static final Set<String> HELD = Set.of("assume", "assumes", "think", "thinks", "believe", "believes", "say",
            "says", "guess", "guesses", "expect", "expects", "cite", "cites", "name", "names", "answer", "answers",
            "picture", "imagine");
    /** Words that say a view is commonly held ({@link #HELD}). */
    private static final Set<String> HOLDERS = Set.of("people", "many", "often", "commonly", "widely", "popularly",
            "most", "some", "usually");
    /** Lower-case words inside names ("Leonardo da Vinci", "Ludwig van Beethoven"). */
    private static final Set<String> NAME_PARTICLES = Set.of("da", "de", "di", "del", "della", "van", "von", "der", "den",
            "la", "le", "du", "bin", "ibn", "al", "y", "dos", "das");
    /** A short answer that is a word and its designator ("Vitamin D", "the type O", "Plan B12"). */
    private static final Pattern DESIGNATED = Pattern.compile("(?:(?i:the|a|an)\\s+)?([A-Za-z]{3,})\\s+([A-Za-z][0-9]{0,2})\\.?");
    /** A word and the designator after it in a longer answer ("… vitamin A …"; {@link #otherDesignator}). */
    private static final Pattern DESIGNATOR = Pattern.compile("\\b([A-Za-z]+)\\s+([A-Z][0-9]{0,2})\\b");
    /** Answers of more sentences than this are not compared sentence by sentence. */
    private static final int MAX_SENTENCES = 12;
    /** Short words between the words of a name ({@link #initialsFirstNamed}). */
    private static final Set<String> NAME_JOINERS = Set.of("of", "for", "on", "and", "the", "de", "du", "des");
    /** Words of a sentence that restricts or sets aside without a negation ({@link #restricts}). */
    private static final Set<String> RESTRICTING = Set.of("only", "unless", "until", "rather", "instead",
            "regardless", "insufficient", "unrelated");
    /** Words before an "is" that make what it states another statement ({@link #result}). */
    private static final Set<String> RESULT_BREAKS = Set.of("which", "while", "whereas", "and", "but", "where", "whose",
            "whilst", "when", "if", "given", "once", "unless");
    /** A whole that a count is "out of" ({@link #result}). */
    private static final Pattern OUT_OF = Pattern.compile("\\bout of (?:a total of )?[\\w.,]+");
    /** Words a description opens with ({@link #apposition}). */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that");
    /** Words that may follow a name after a description ({@link #apposition}: "Apple Inc."). */
    private static final Set<String> NAME_SUFFIXES = Set.of("inc", "ltd", "llc", "plc", "corp", "co", "ag", "gmbh",
            "jr", "sr");
    /** Sentences of at most this many words are compared word for word by {@link #oneWordSwapped}. */
    private static final int SWAP_WORDS = 6;
    /** An answer of at most this many words may name an option by a word only that option has. */
    private static final int OPTION_WORDS = 8;
    /** Words that open a clause giving the time, cause or condition of what follows ({@link #answersFirst}). */
    private static final Set<String> CIRCUMSTANTIAL = Set.of("when", "whenever", "once", "after", "before", "because",
            "since", "as", "until");
    private static final Set<String> CONCESSIVE = Set.of("although", "though", "while", "whereas", "unlike", "despite",
            "even", "if", "unless");

    /** One answer, read once per vote. */
    static final class Reading {
        final String answer;
        /** The part of the answer the rules read: its first {@value Equivalence#MAX_READ} characters. */
        final String head;
        final String lower;
        /** A refusal or a plea of ignorance ({@link NonAnswer}), read once per answer. */
        final boolean nonAnswer;
        final String key;
        final JsonNode json;
        final List<String> words;
        final List<String> stems;
        final Set<String> content;
        final int negations;
        final List<Quantity> quantities;
        final Set<Double> nameNumbers;
        final boolean approximate;
        final AnswerText.Stance stance;
        final Reading rest;
        final List<String> items;
        /** The items as written (lower case), in the order of {@link #items}. */
        final List<String> itemTexts;
        final boolean code;
        /** The words that carry meaning (all of them in code), with their stems, in order. */
        final List<String> significant;
        final List<String> significantStems;
        /** Where each of {@link #significant} is in {@link #words}. */
        final int[] significantAt;
        /** The quantities outside context: parentheses, a calculation before its "=", a "whereas …" or "— …" clause. */
        final List<Quantity> mainQuantities;
        /**
         * {@link #mainQuantities} with the one date they hold moved from the Julian calendar to the Gregorian, when the
         * answer says it gives the date in the Julian calendar or Old Style and does not write "Gregorian" or "New
         * Style" ({@link Quantities#julianDated}); otherwise {@code null}.
         */
        final List<Quantity> gregorian;
        /** The text without that context: where a longer answer states its answer. */
        final String main;
        /** The labels of the first clause that names one (family to label), and that clause's length in words. */
        final Map<String, String> labels;
        final int labelClauseWords;
        /** For a yes/no question: the yes or no the answer gives, stated or implied; else {@code null}. */
        final String polarity;
        /** Every content word written with a capital (a name: "Albert Einstein", "New York"). */
        final boolean name;
        /** For a question with lettered options: the one option the answer's first clause names, else 0. */
        final char option;
        /** The content words written with a capital, in lower case (the names an answer mentions). */
        final Set<String> capitals;
        /** The text without its clauses of contrast ("…, whereas …", "…, not …"): where a name is the answer. */
        final String core;

        private Reading(String answer, Question question) {
            this(answer, question, null, true);
        }

        /**
         * {@code key}: the answer's key when the caller has it; {@code full}: false for what majority's join reads
         * (no list items, no code reading, no rest after a yes or no, no contradiction guard).
         */
        private Reading(String answer, Question question, String key, boolean full) {
            this.answer = answer == null ? "" : answer;
            // the rules read the first MAX_READ characters: where an answer states its answer, and a bound on their
            // cost for a very long (or hostile) answer; the key is of the whole answer
            // a remark it opens with ("Good question — …") is not read, nor a lead-in to one fenced block ("Run:")
            String read = full ? AnswerText.fencedAlone(AnswerText.withoutRemark(this.answer)) : this.answer;
            this.head = read.length() > MAX_READ && full ? read.substring(0, MAX_READ) : read;
            String head = this.head;
            this.key = key != null ? key : AnswerKey.of(this.answer, question);
            // the key is "json:…" exactly when the answer is structured (AnswerKey.of reads it so): not parsed twice
            this.json = this.key.startsWith("json:") ? AnswerKey.structured(this.answer) : null;
            String plain = AnswerText.lower(full ? Numerals.decimal(head, question) : head);
            this.lower = full ? AnswerText.spelledNegations(notation(castling(plain, question))) : plain;
            this.nonAnswer = NonAnswer.is(lower);
            this.words = AnswerText.words(lower);
            this.stems = new ArrayList<>(words.size());
            this.content = new HashSet<>();
            int negations = 0;
            for (int k = 0; k < words.size(); k++) {
                String word = words.get(k);
                String stem = AnswerText.stem(word);
                stems.add(stem);
                if ((AnswerText.negation(word) || AnswerText.failsTo(words, k)) && !AnswerText.notOnly(words, k)
                        && !restrictsToAsked(words, k, question)) {
                    negations++;
                } else if (!AnswerText.stopword(word) && !AnswerText.negation(word)) {
                    content.add(stem);
                }
            }
            this.quantities = Quantities.parse(lower);
            this.approximate = Quantities.approximate(lower);
            this.nameNumbers = full ? nameNumbers(head) : Set.of();
            AnswerText.Stance stance = AnswerText.stance(lower);
            this.stance = stance;
            String restText = stance.present() ? lower.substring(Math.min(lower.length(), stance.rest())) : "";
            if (stance.present()) {
                for (String word : AnswerText.words(lower.substring(0, Math.min(lower.length(), stance.rest())))) {
                    if (AnswerText.negation(word)) {
                        negations--;
                    }
                }
            }
            this.negations = Math.max(0, negations);
            this.rest = full && stance.present() && !AnswerText.words(restText).isEmpty()
                    && !AnswerText.onlyQualifiers(restText)
                    ? new Reading(written(head, restText), question) : null;
            List<String[]> listed = full && !Code.codeLike(head) ? items(json, lower) : null;
            this.items = listed == null ? null : listed.stream().map(item -> item[0]).toList();
            this.itemTexts = listed == null ? null : listed.stream().map(item -> item[1]).toList();
            // big-O notation read as words is no code
            String codeText = lower.equals(plain) ? head : lower;
            this.code = full && (Code.codeLike(codeText) || this.answer.contains(" -") && this.answer.length() < 80
                    && this.answer.indexOf(' ') > 0 && this.answer.indexOf(' ') < 12
                    || Code.operators(head, labelRuns(head, question)));
            this.significant = new ArrayList<>(full ? words.size() : 0);
            this.significantStems = new ArrayList<>(full ? words.size() : 0);
            int[] at = new int[full ? words.size() : 0];
            for (int k = 0; full && k < words.size(); k++) {
                String word = words.get(k);
                if (code || !AnswerText.stopword(word) || AnswerText.negation(word) || AnswerText.hasOpposite(word)) {
                    at[significant.size()] = k;
                    significant.add(word);
                    significantStems.add(stems.get(k));
                }
            }
            this.significantAt = at;
            this.main = full && !code ? mainText(lower, question) : lower;
            this.mainQuantities = full && !code && main.length() < lower.length() ? Quantities.parse(main) : quantities;
            this.gregorian = full && !code && Quantities.julianDated(lower) ? Quantities.gregorian(mainQuantities)
                    : null;
            Map<String, String> labels = Map.of();
            int labelClauseWords = 0;
            if (full && !code && words.size() <= LABEL_WORDS) {
                // after a yes or no, the rest; a bare "Negative." or "False" is its own label, and so is a leading
                // word read as a yes or no that the rest does not follow with a label ("Positive: the reviewer …")
                boolean rest = stance.present() && !restText.isBlank();
                for (String text : rest ? List.of(restText, lower) : List.of(lower)) {
                    int clauseIndex = 0;
                    for (String clause : parts(text)) {
                        List<String> clauseWords = AnswerText.words(clause);
                        List<String> clauseStems = new ArrayList<>(clauseWords.size());
                        for (String word : clauseWords) {
                            clauseStems.add(AnswerText.stem(word));
                        }
                        Map<String, String> found = Labels.read(clauseWords, clauseStems, question);
                        if (found.containsKey("question") && clauseWords.contains("neither")
                                && saysMore(text, clause, question)) {
                            // "Neither a fish nor a reptile — it's a mammal.": not the third alternative
                            found = new HashMap<>(found);
                            found.remove("question");
                        }
                        if (!found.isEmpty()) {
                            labels = found;
                            labelClauseWords = clauseIndex == 0 ? clauseWords.size() : Integer.MAX_VALUE;
                            break;
                        }
                        // a clause of the question's own words is a header ("Priority: high"), not the first clause
                        if (!header(clauseStems, question) && ++clauseIndex >= 3) {
                            break;
                        }
                    }
                    if (!labels.isEmpty()) {
                        break;
                    }
                }
            }
            this.labels = labels;
            this.labelClauseWords = labelClauseWords;
            this.polarity = full && question.yesNo() ? YesNo.polarity(this, question) : null;
            this.name = full && !code && capitalised(this.answer, content.size());
            this.capitals = full && !code ? capitals(head) : Set.of();
            this.option = full && question.hasOptions() ? option(this.key, lower, question) : 0;
            this.core = full && !code ? coreText(lower, question) : lower;
        }

        /** {@link #sentences()} and {@link #lowerSentences()} once split (immutable: a race only splits twice). */
        private List<String> headSentences;
        private List<String> lowerSentences;

        static Reading of(String answer, Question question) {
            return new Reading(answer, question);
        }

        /** What majority's join reads of an answer whose key is known. */
        static Reading forJoin(String answer, String key, Question question) {
            return new Reading(answer, question, key, false);
        }

        boolean typed() {
            return AnswerKey.isShortAnswer(key);
        }

        /**
         * The answer's sentences as written ({@link Equivalence#sentences}), split once however many rules read them
         * (several rules for two long answers read the first sentence).
         */
        List<String> sentences() {
            List<String> split = headSentences;
            if (split == null) {
                split = List.copyOf(Equivalence.sentences(head));
                headSentences = split;
            }
            return split;
        }

        /** The answer's sentences in lower case, split once ({@link #sentences()}). */
        List<String> lowerSentences() {
            List<String> split = lowerSentences;
            if (split == null) {
                split = List.copyOf(Equivalence.sentences(lower));
                lowerSentences = split;
            }
            return split;
        }
    }

    private Equivalence() {
    }

    /**
     * The rest of an answer after its yes or no as it is written, capitals kept ("Yes — that was Igor Stravinsky"):
     * the suffix of the text that reads as that rest, looked for among its first word starts; else the rest as read.
     */
    private static String written(String head, String rest) {
        String wanted = rest.strip();
        int starts = 0;
        for (int i = 1; i < head.length() && starts < STANCE_WORDS; i++) {
            if (Character.isLetterOrDigit(head.charAt(i)) && !Character.isLetterOrDigit(head.charAt(i - 1))) {
                starts++;
                String candidate = head.substring(i);
                if (notation(AnswerText.lower(candidate)).strip().equals(wanted)) {
                    return candidate;
                }
            }
        }
        return rest;
    }

    static Verdict compare(Reading a, Reading b, Question question) {
        return compare(a, b, question, 0, false);
    }

    /**
     * As {@link #compare}, and whether a split is {@link Verdict#tentative() tentative}: that costs a second reading of
     * the pair, so only the entailment check asks it ({@link SemanticVote#uncertainPairs}).
     */
    static Verdict weighed(Reading a, Reading b, Question question) {
        return compare(a, b, question, 0, true);
    }

    private static Verdict compare(Reading a, Reading b, Question question, int depth) {
        return compare(a, b, question, depth, false);
    }

    private static Verdict compare(Reading a, Reading b, Question question, int depth, boolean weigh) {
        if (depth == 0 && a.nonAnswer != b.nonAnswer) {
            // "I'm not sure what the capital of France is." repeats the question, and answers nothing
            return new Verdict(Decision.DIFFERENT, "a refusal or a plea of ignorance against an answer");
        }
        if (depth == 0 && otherEra(a.lower, b.lower)) {
            // "The 3rd century BC" / "The 3rd century AD", "1572 CE" / "1572 BC"
            return new Verdict(Decision.DIFFERENT, "one before and one after the start of the era");
        }
        if (depth == 0 && otherSign(a.answer, b.answer)) {
            // "+SHRA" / "-SHRA" (heavy or light showers of rain), "B+" / "B-": the sign is the answer
            return new Verdict(Decision.DIFFERENT, "one code with another sign");
        }
        // (an option's letter is no pattern: "B" / "^c[ao]t$" to a question whose option B is that pattern)
        Decision patterns = a.key.startsWith("choice:") || b.key.startsWith("choice:") ? null
                : Patterns.compare(a.head, b.head, question);
        if (patterns != null) {
            // "[0-9]+" / "\\d{1,}": what two regular expressions match, not how they are written
            return new Verdict(patterns, patterns == Decision.SAME ? "patterns that match the same strings"
                    : "patterns that match different strings");
        }
        Verdict keys = Keys.compare(a.head, b.head);
        if (keys != null) {
            // "Ctrl+C" / "Press Control-C", not "Ctrl+X"; ".docx" / "Word saves files as .doc"
            return keys;
        }
        boolean queries = Code.sql(a.head) && Code.sql(b.head);
        // (also a snippet too short to read as code against code: "'id' in d" / "'id' in d.values()")
        boolean snippets = (a.code || b.code) && a.words.size() <= SNIPPET_WORDS && b.words.size() <= SNIPPET_WORDS;
        String behaviour = a.code && b.code || snippets || queries ? Code.behaviour(a.head, b.head) : null;
        if (behaviour == null && a.code && b.code && Code.java(question.text())
                && Code.referenceAndContents(a.head, b.head)) {
            behaviour = "Java's reference comparison in place of a comparison of contents";
        }
        if (behaviour != null) {
            return new Verdict(Decision.DIFFERENT, "code that behaves differently: " + behaviour);
        }
        // idioms are read in code, in two queries, and in two short answers one of which looks like a command (not in
        // short prose: every pair would run every pattern over both answers)
        boolean commands = a.words.size() <= SNIPPET_WORDS && b.words.size() <= SNIPPET_WORDS
                && (Code.commandLike(a.head) || Code.commandLike(b.head));
        if ((a.code || b.code || commands || queries) && a.json == null && b.json == null) {
            // one expression kept in a new variable against the expression alone ("const formatted =
            // price.toFixed(2);" / "price.toFixed(2)"; two declarations keep their keywords: "const" is not "let")
            String declaredA = Code.declared(a.head);
            String declaredB = Code.declared(b.head);
            boolean one = (declaredA == null) != (declaredB == null);
            String x = Code.idiomatic(one && declaredA != null ? declaredA : a.head);
            String y = Code.idiomatic(one && declaredB != null ? declaredB : b.head);
            if (sameIdiom(a.head, b.head, x, y)) {
                return new Verdict(Decision.SAME, "the same code in another common idiom");
            }
            if (a.code && b.code && Code.otherNumbers(x, y)) {
                return new Verdict(Decision.DIFFERENT, "code that differs in its numbers");
            }
        }
        Verdict ratios = ratios(a, b, question);
        if (ratios != null) {
            return ratios;
        }
        if (depth == 0 && !a.code && !b.code && reversedScore(a.lower, b.lower)) {
            // "0-1" / "White won the game, 1-0."
            return new Verdict(Decision.DIFFERENT, "a score the other way round");
        }
        Verdict blood = bloodTypes(a, b, question);
        if (blood != null) {
            return blood;
        }
        Boolean worked = a.code || b.code ? null : Formulas.workedOut(a.head, b.head,
                (a.head.indexOf('!') >= 0 || b.head.indexOf('!') >= 0) && FACTORIALS.matcher(question.text()).find());
        if (worked != null) {
            // a number worked out in one of them ("5!" / "5 × 4 × 3 × 2 × 1", "2^31 − 1" / "2,147,483,647")
            return worked ? new Verdict(Decision.SAME, "the same number worked out")
                    : new Verdict(Decision.DIFFERENT, "another number worked out");
        }
        if (a.key.equals(b.key) && !a.key.isEmpty()) {
            if (a.code && b.code && a.json == null && b.json == null && !latex(a.head) && !latex(b.head)
                    && !compactCode(a.head.toLowerCase(Locale.ROOT)).equals(compactCode(b.head.toLowerCase(Locale.ROOT)))) {
                // the key drops punctuation: in code it is meaning ("s[::-1]" / "s[:-1]")
                return new Verdict(Decision.DIFFERENT, "code that differs in its symbols");
            }
            if ((a.key.equals("yes") || a.key.equals("no")) && depth == 0 && a.words.size() > 2
                    && b.words.size() > 2) {
                // the same yes or no with different facts ("Yes — it boils at 100 °C" / "Yes — it boils at 90 °C")
                boolean approximate = a.approximate || b.approximate;
                if (!a.mainQuantities.isEmpty() && !b.mainQuantities.isEmpty() && !a.code && !b.code
                        && !Quantities.covers(a.mainQuantities, b.mainQuantities, approximate)
                        && !Quantities.covers(b.mainQuantities, a.mainQuantities, approximate)) {
                    return new Verdict(Decision.DIFFERENT, "different numbers after the same yes or no");
                }
                String contradiction = contradiction(a, b);
                if (contradiction == null && a.key.equals("yes")) {
                    contradiction = claimReplaced(a, b, question);
                }
                if (contradiction != null) {
                    return new Verdict(Decision.DIFFERENT, contradiction);
                }
            }
            if (a.key.startsWith("number:") && depth == 0 && !a.code && !b.code && a.words.size() > 2
                    && b.words.size() > 2) {
                // the same number, gone up in one and down in the other ("The stock plunged 12%." / "The stock
                // jumped 12%.")
                int x = direction(a);
                int y = direction(b);
                if (x * y == -1) {
                    return new Verdict(Decision.DIFFERENT, "the same number, gone up in one and down in the other");
                }
                // the same number with another action in the same frame, where the question asks what is done
                // ("Knead the dough for ten minutes." / "Rest the dough for ten minutes.", "It held its rate at 4%." /
                // "It cut its rate to 4%."; not "The flight takes 7 hours." / "The flight lasts 7 hours.")
                String contradiction = a.words.size() == b.words.size() && asksWhatWasDone(question)
                        && !(question.hasPhrase("how") && (question.mentions(a.stems.get(0))
                        || question.mentions(b.stems.get(0)))) ? contradiction(a, b) : null;
                if (contradiction != null) {
                    return new Verdict(Decision.DIFFERENT, contradiction);
                }
            }
            return new Verdict(Decision.SAME, "same key");
        }
        Decision interval = Intervals.compare(a.head, b.head);
        if (interval != null) {
            // "(3, 7]" / "3 < x ≤ 7": the range, not how it is written
            return new Verdict(interval, interval == Decision.SAME ? "the same range" : "different ranges");
        }
        Decision orbitals = a.json != null || b.json != null ? null : Orbitals.compare(a.head, b.head);
        if (orbitals != null) {
            // "1s² 2s² 2p⁴" / "[He] 2s2 2p4"
            return new Verdict(orbitals, orbitals == Decision.SAME ? "same electron configuration"
                    : "different electron configurations");
        }
        Decision chemistry = a.code || b.code ? null : Chemistry.compare(a.head, b.head);
        if (chemistry != null) {
            // "H2O" / "two hydrogen atoms bonded to one oxygen atom"
            return new Verdict(chemistry, chemistry == Decision.SAME ? "same formula" : "different formula");
        }
        Decision language = a.code || b.code ? null : Languages.compare(a, b, question);
        if (language != null) {
            // "pt" / "This sentence is in Portuguese.", "Portuguese" / "Most Brazilians speak Spanish"
            return new Verdict(language, language == Decision.SAME ? "same language" : "different languages");
        }
        if (math(a) != math(b) || formula(a) != formula(b)) {
            // a formula and the same formula said in words ("2x" / "The derivative of x squared is two times x.")
            Reading notation = math(a) || formula(a) ? a : b;
            String said = SpokenMath.formula(notation == a ? b.lower : a.lower);
            if (said != null && Boolean.TRUE.equals(Formulas.sameValues(notation.head, said))) {
                return new Verdict(Decision.SAME, "the same formula said in words");
            }
        }
        Verdict law = (a.head.indexOf('=') >= 0) != (b.head.indexOf('=') >= 0) ? law(a, b) : null;
        if (law != null) {
            return law;
        }
        if (a.json == null && b.json == null && (!a.code || !b.code)
                && SpokenMath.compareLower(a.lower, b.lower, question) != null) {
            // "x³" / "x squared", "F = ma" / "mass divided by acceleration", "−sin x" / "the sine of x"
            return new Verdict(Decision.DIFFERENT, "notation and words that say different mathematics");
        }
        if ((a.code || b.code || math(a) || math(b)) && a.head.length() <= 200 && b.head.length() <= 200
                && (a.json == null || b.json == null)
                && compactCode(AnswerText.lower(a.head)).equals(compactCode(AnswerText.lower(b.head)))) {
            // one expression in two notations ("x ≤ 5" / "`x <= 5`"); two JSON values compare by value below, so that
            // "in_stock" and "inStock" are two keys
            return new Verdict(Decision.SAME, "same expression");
        }
        if ((a.code || b.code || math(a) || math(b) || formula(a) || formula(b))
                && Boolean.TRUE.equals(Formulas.sameValues(a.head, b.head))) {
            // one expression written two ways, found by evaluating both ("n(n+1)/2" / "(n² + n)/2")
            return new Verdict(Decision.SAME, "same value wherever evaluated");
        }
        if (depth == 0 && formulaOnly(a) && formulaOnly(b) && (a.head.indexOf('=') < 0) == (b.head.indexOf('=') < 0)) {
            // two short formulas in notation alone: the same with their sides and terms in another order ("E = mc²" /
            // "mc² = E"), else not one formula in two notations ("2πr" / "πr²", "m/s³" / "m/s²")
            return formulaKey(a.head).equals(formulaKey(b.head))
                    || Boolean.TRUE.equals(Formulas.sameEquation(a.head, b.head))
                    ? new Verdict(Decision.SAME, "same formula, its terms in another order")
                    : new Verdict(Decision.DIFFERENT, "different formulas");
        }
        // JSON: two values compare by value; one value that is a single scalar or a list of scalars as its text
        if (a.json != null || b.json != null) {
            if (a.json != null && b.json != null) {
                // keys in another case are one key to a reader ("Title = Dune" / "title: Dune")
                String lowered = AnswerKey.canonicalLowerKeys(a.json);
                return lowered != null && lowered.equals(AnswerKey.canonicalLowerKeys(b.json))
                        ? new Verdict(Decision.SAME, "the same values under keys in another case")
                        : new Verdict(Decision.DIFFERENT, "different JSON values");
            }
            Reading json = a.json != null ? a : b;
            Reading other = a.json != null ? b : a;
            List<String> scalars = AnswerKey.scalars(json.json);
            if (depth == 0 && !scalars.isEmpty() && (scalars.size() == 1 || json.json.isArray())) {
                return compare(Reading.of(String.join(", ", scalars), question), other, question, depth + 1);
            }
            return Verdict.MEANING;
        }
        // typed short answers: yes/no, choice letters, quantities
        if (a.typed() && b.typed() && type(a.key).equals(type(b.key))) {
            if (a.key.startsWith("number:")) {
                return Quantities.covers(a.quantities, b.quantities, a.approximate || b.approximate)
                        && Quantities.covers(b.quantities, a.quantities, a.approximate || b.approximate)
                        ? new Verdict(Decision.SAME, "same quantity") : new Verdict(Decision.DIFFERENT, "different quantities");
            }
            return new Verdict(Decision.DIFFERENT, "different short answers");
        }
        if (a.option != 0 && b.option != 0) {
            return a.option == b.option ? new Verdict(Decision.SAME, "same option")
                    : new Verdict(Decision.DIFFERENT, "different options");
        }
        if (a.key.startsWith("choice:") || b.key.startsWith("choice:")) {
            Reading other = a.key.startsWith("choice:") ? b : a;
            return other.typed() && !other.stance.present()
                    ? new Verdict(Decision.DIFFERENT, "different short answers") : Verdict.MEANING;
        }
        if (a.code && b.code && Code.renamed(a.head, b.head)) {
            return new Verdict(Decision.SAME, "same code up to the names of its variables");
        }
        if (a.code || b.code) {
            if (a.significantStems.equals(b.significantStems)) {
                return new Verdict(Decision.DIFFERENT, "code that differs in its operators");
            }
        }
        String free = depth == 0 ? freeOf(a, b) : null;
        if (free != null) {
            return new Verdict(Decision.DIFFERENT, free);
        }
        String aside = depth == 0 ? setAside(a, b) : null;
        if (aside != null) {
            return new Verdict(Decision.DIFFERENT, aside);
        }
        // a yes and a no said outright to a yes/no question, whatever labels they share ("No, Java passes by value" /
        // "Yes, objects are passed by reference")
        if (question.yesNo() && depth == 0 && a.stance.present() && b.stance.present()
                && !a.stance.value().equals(b.stance.value())) {
            return new Verdict(Decision.DIFFERENT, "yes and no");
        }
        // short answers to a yes/no question that give different numbers, whatever else they share ("Yes, it was
        // signed in 1919." / "It was signed in 1918.")
        if (question.yesNo() && depth == 0 && differentNumbers(a, b)) {
            return new Verdict(Decision.DIFFERENT, "different numbers to a yes/no question");
        }
        // the labels of a classification ("Not spam" is ham; "Toxic" is not "Non-toxic")
        Verdict labelled = labels(a, b, question);
        if (labelled != null) {
            return labelled;
        }
        // the yes or no a yes/no question gets, stated ("No, …") or implied ("It doesn't pass", "It's closed")
        if (a.polarity != null && b.polarity != null && depth == 0) {
            if (!a.polarity.equals(b.polarity)) {
                return new Verdict(Decision.DIFFERENT, "yes and no to a yes/no question");
            }
            if (a.rest != null && b.rest != null) {
                Verdict rests = compare(a.rest, b.rest, question, depth + 1);
                if (rests.decision() == Decision.DIFFERENT && contradicts(rests)) {
                    return rests;
                }
            }
            if (!a.stance.present() && !b.stance.present() && a.negations == b.negations) {
                // a yes or no only implied, by near-identical sentences as often negated with one word in place of
                // another: that word decides ("The lease doesn't prohibit subletting" / "… doesn't permit subletting")
                String why = contradiction(a, b);
                if (why != null && !why.contains("negated")
                        && unlessReworded(why, depth == 0 && Rewording.reworded(a, b)) != null) {
                    return new Verdict(Decision.DIFFERENT, why);
                }
            }
            String replaced = "yes".equals(a.polarity) ? claimReplaced(a, b, question) : null;
            if (replaced != null) {
                return new Verdict(Decision.DIFFERENT, replaced);
            }
            return new Verdict(Decision.SAME, "same answer to a yes/no question");
        }
        // a long answer's yes or no against one that only leans ("It's generally better to take it with food." /
        // "Yes, you can take it on an empty stomach …"), or two that lean different ways in a word of their own
        // ("Green patches are harmless." / "Green patches are a warning sign.")
        if (depth == 0 && question.yesNo() && (a.polarity == null || b.polarity == null) && a.words.size() >= LONG_WORDS
                && b.words.size() >= LONG_WORDS && !a.code && !b.code) {
            String x = YesNo.leaning(a, question);
            String y = YesNo.leaning(b, question);
            if (x != null && y != null && !x.equals(y)) {
                return new Verdict(Decision.DIFFERENT, a.polarity == null && b.polarity == null
                        ? "two long answers leaning to yes and to no"
                        : "a yes or no against an answer leaning the other way");
            }
        }
        // an explicit yes or no (not a label that reads as one: "Negative" to "Classify the sentiment of: …")
        if ((a.stance.present() || b.stance.present()) && (question.yesNo() || !asksToClassify(question))) {
            Verdict stance = stance(a, b, question, depth);
            if (stance != null) {
                return stance;
            }
        }
        // quantities, outside their context (in long answers many numbers come and go with the wording: there only
        // the guard below looks)
        boolean sameQuantities = false;
        if (!a.mainQuantities.isEmpty() && !b.mainQuantities.isEmpty() && a.words.size() <= NUMBERS_WORDS
                && b.words.size() <= NUMBERS_WORDS && !a.code && !b.code) {
            boolean approximate = a.approximate || b.approximate;
            // a date one answer gives in the Julian calendar, the other in the Gregorian ("25 October 1917, Old
            // Style" / "7 November 1917")
            List<Quantity> aMain = sameDate(a, b) ? a.gregorian : a.mainQuantities;
            List<Quantity> bMain = sameDate(b, a) ? b.gregorian : b.mainQuantities;
            boolean aCoversB = Quantities.covers(aMain, bMain, approximate);
            boolean bCoversA = Quantities.covers(bMain, aMain, approximate);
            if (!aCoversB && !bCoversA) {
                return new Verdict(Decision.DIFFERENT, "different numbers");
            }
            if (reordered(a, b) && (a.items == null || b.items == null || question.ordered())) {
                // one text, its numbers in another order ("0 2 * * *" / "2 0 * * *"; not the items of a list in any
                // order: "7 and 11" / "11 and 7")
                return new Verdict(Decision.DIFFERENT, "the same numbers in another order");
            }
            if (aCoversB && bCoversA && onlyNumbers(a) && onlyNumbers(b) && a.negations == b.negations
                    && (a.items == null || b.items == null)) {
                // the same value, also when the question states it ("1,200,000" / "1200000" to "1.2 million")
                return new Verdict(Decision.SAME, "same numbers");
            }
            sameQuantities = aCoversB && bCoversA && question != Question.NONE
                    && !allInQuestion(a.mainQuantities, question)
                    && a.words.size() <= SAME_NUMBERS_WORDS && b.words.size() <= SAME_NUMBERS_WORDS;
            if (sameQuantities && onlyNumbers(a) && onlyNumbers(b)) {
                return new Verdict(Decision.SAME, "same numbers");
            }
        }
        // a name in capitals that is the initials of the other whole answer's name ("IETF" / "The Internet Engineering
        // Task Force.")
        if (depth == 0 && (initialsOfName(a, b) || initialsOfName(b, a))) {
            return new Verdict(Decision.SAME, "the initials of the other's name");
        }
        // the same, of the first name a sentence states ("SSA" / "They are administered by the Social Security
        // Administration, an independent agency.")
        if (depth == 0 && (initialsFirstNamed(a, b, question) || initialsFirstNamed(b, a, question))) {
            return new Verdict(Decision.SAME, "the initials of the name the other states first");
        }
        // initials that open an answer, a description after them, against the name ("The Cloud Native Computing
        // Foundation" / "CNCF, which sits under the Linux Foundation.")
        if (depth == 0 && (nameOfOpeningInitials(a, b) || nameOfOpeningInitials(b, a))) {
            return new Verdict(Decision.SAME, "the name of the initials the other opens with");
        }
        // two names that share no word ("Albert Einstein" / "Max Planck")
        if (a.name && b.name && a.words.size() <= SHORT_WORDS && b.words.size() <= SHORT_WORDS
                && (a.items == null || b.items == null) && apart(a, b)) {
            return new Verdict(Decision.DIFFERENT, "different names");
        }
        if (a.name && b.name && depth == 0 && a.words.size() <= SHORT_WORDS && b.words.size() <= SHORT_WORDS) {
            // one name holding the other's words that WordNet knows as another entity ("John Adams" / "John Quincy
            // Adams")
            if ((a.items == null || b.items == null) && Lexical.twoEntities(bareName(a), bareName(b))) {
                return new Verdict(Decision.DIFFERENT, "two entities of one name");
            }
            // a place alone against the same name put in a region WordNet does not put it in ("London" / "London,
            // Ontario")
            String elsewhere = a.words.size() < b.words.size() ? Lexical.placeElsewhere(bareName(a), bareName(b))
                    : Lexical.placeElsewhere(bareName(b), bareName(a));
            if (elsewhere != null) {
                return new Verdict(Decision.DIFFERENT, "a place of the same name elsewhere: " + elsewhere);
            }
        }
        // lists
        if (a.items != null && b.items != null) {
            // options of a multiple-choice question, by letter or by text ("A and C" / "Lemon, lime")
            Set<Character> aOptions = options(a, question);
            Set<Character> bOptions = options(b, question);
            if (aOptions != null && bOptions != null) {
                return aOptions.equals(bOptions) ? new Verdict(Decision.SAME, "same options")
                        : new Verdict(Decision.DIFFERENT, "different options");
            }
            return sameItems(a.items, b.items, a.itemTexts, b.itemTexts, question.ordered())
                    || sameGlossless(a, b, question) ? new Verdict(Decision.SAME, "same items")
                    : new Verdict(Decision.DIFFERENT, "different items");
        }
        // one item and a list that holds it and more ("Spain" / "Spain and France"): another answer
        if ((a.items == null) != (b.items == null) && depth == 0) {
            Reading list = a.items != null ? a : b;
            Reading one = a.items != null ? b : a;
            if (list.items.size() >= 2 && list.words.contains("and") && list.negations == 0
                    && list.words.size() <= 2 * LIST_ITEM_WORDS
                    && one.words.size() <= LIST_ITEM_WORDS && !one.content.isEmpty()
                    && !one.stance.present() && one.quantities.isEmpty() && one.json == null && !one.code
                    && matching(list.items, list.itemTexts, String.join(" ", one.significantStems),
                    String.join(" ", one.significant), list.items.size()) >= 0) {
                return new Verdict(Decision.DIFFERENT, "one item of a longer list");
            }
        }
        // a short answer and a longer one
        Verdict contained = containment(a, b, question);
        if (contained != null) {
            if (contained.decision() != Decision.MEANING || depth > 0) {
                return contained;
            }
            // a statement that only names its answer after an opening ("That's the pulmonary artery.") against the
            // short answer ("Pulmonary vein"): one word of the name in place of another kind of the same thing
            Reading shortOne = a.words.size() <= b.words.size() ? a : b;
            String named = namedAnswer(shortOne == a ? b.lower : a.lower);
            String swapped = named == null ? null : kindSwapped(shortOne.words, AnswerText.words(named));
            if (swapped != null) {
                return new Verdict(Decision.DIFFERENT, "another answer named: " + swapped);
            }
            String step = otherStepOrAction(a, b, question);
            if (step != null) {
                return new Verdict(Decision.DIFFERENT, step);
            }
            if (sameNameFirst(a, b, question)) {
                return new Verdict(Decision.SAME, "same name first");
            }
            String otherName = otherNameOpening(a, b, question);
            if (otherName == null) {
                // the same words around another name ("The World Bank publishes it." / "The IMF publishes it."),
                // unless the names start alike ("Marie Curie" / "Maria Skłodowska-Curie")
                String swappedName = contradiction(a, b);
                otherName = swappedName != null && swappedName.startsWith("one name")
                        && !spellingVariants(a.significant.get(0), b.significant.get(0)) ? swappedName : null;
            }
            return otherName != null ? new Verdict(Decision.DIFFERENT, otherName) : lexical(a, b, question);
        }
        // one explanation with a phrase said in other words: no word put in place of another is a changed claim
        boolean reworded = depth == 0 && Rewording.reworded(a, b);
        String contradiction = contradicted(a, b, question, depth, reworded);
        if (contradiction != null) {
            // tentative: one long explanation told apart only by words put in place of others, and by no other rule,
            // which is as often a phrase said in other words as a changed claim (docs/consensus.md)
            return new Verdict(Decision.DIFFERENT, contradiction, weigh && depth == 0 && wordsReplaced(contradiction)
                    && Rewording.onlyWordsReplaced(a, b) && contradicted(a, b, question, depth, true) == null
                    && afterContradictions(a, b, question, depth, false, sameQuantities).decision()
                    != Decision.DIFFERENT);
        }
        return afterContradictions(a, b, question, depth, reworded, sameQuantities);
    }

    /** What the rules decide of two answers no contradiction tells apart. */
    private static Verdict afterContradictions(Reading a, Reading b, Question question, int depth, boolean reworded,
                                               boolean sameQuantities) {
        if (reworded) {
            return new Verdict(Decision.SAME, "one explanation with phrases reworded");
        }
        if (sameQuantities && (a.negations > 0) == (b.negations > 0) && !ownContent(a, b, question)) {
            return new Verdict(Decision.SAME, "same numbers");
        }
        if (depth == 0 && sameNameFirst(a, b, question)) {
            return new Verdict(Decision.SAME, "same name first");
        }
        String otherName = depth == 0 ? otherNameFirst(a, b, question) : null;
        if (otherName != null) {
            return new Verdict(Decision.DIFFERENT, otherName);
        }
        if (depth == 0 && sameWordsNegatedInOne(a, b)) {
            return new Verdict(Decision.DIFFERENT, "the same words, negated in one");
        }
        if (a.content.size() >= SHARED_WORDS && b.content.size() >= SHARED_WORDS && noneShared(a.content, b.content)) {
            // two long answers that share no word give two answers, whatever the embedding makes of them (three
            // providers answering made-up words come out at cosine 0.7 of one another)
            return new Verdict(Decision.DIFFERENT, "long answers that share no word");
        }
        return depth == 0 ? lexical(a, b, question) : Verdict.MEANING;
    }

    /**
     * The way an answer says a number went: 1 up, -1 down, by a verb of movement at most three words before a number
     * ("plunged 12%", "rose by 5%"); 0 when it says neither or both.
     */
    private static int direction(Reading r) {
        int way = 0;
        for (int k = 0; k < r.stems.size(); k++) {
            int said = AnswerText.direction(r.stems.get(k));
            boolean beforeNumber = false;
            for (int j = k + 1; j <= k + 3 && j < r.words.size(); j++) {
                beforeNumber |= !r.words.get(j).isEmpty() && Quantities.isDigit(r.words.get(j).charAt(0));
            }
            if (said != 0 && beforeNumber) {
                if (way != 0 && way != said) {
                    return 0;
                }
                way = said;
            }
        }
        return way;
    }

    /**
     * A short answer that states what the other only sets aside ("Yes, late blight is caused by a fungus." / "… a water
     * mold rather than a true fungus"; "The Atlantic Ocean" / "… in the Caribbean Sea rather than the open
     * Atlantic"): a content word of the short one's own claim that the other names only after "rather than", "instead
     * of" or ", not", and nowhere else. Why they differ, else {@code null}.
     */
    private static String setAside(Reading a, Reading b) {
        Reading shortOne = a.words.size() <= b.words.size() ? a : b;
        Reading longOne = shortOne == a ? b : a;
        if (shortOne.words.size() > ASIDE_SHORT_WORDS || longOne.words.size() > ASIDE_LONG_WORDS || a.code || b.code) {
            return null;
        }
        String rest = longOne.lower;
        if (rest.indexOf(" rather than ") < 0 && rest.indexOf(" instead of ") < 0 && rest.indexOf(", not ") < 0) {
            return null;
        }
        Set<String> claimed = contentStems(shortOne.core);
        // a span set aside counts when half its content words or more are the short answer's own ("rather than the
        // open Atlantic"), not where it only shares a word ("itemize rather than take the standard deduction")
        Set<String> asideStems = new HashSet<>();
        Matcher m = ASIDE_SPAN.matcher(rest);
        StringBuilder stated = new StringBuilder(rest.length());
        int last = 0;
        while (m.find()) {
            Set<String> span = contentStems(m.group(1));
            List<String> before = AnswerText.words(rest.substring(Math.max(0, m.start() - ASIDE_BEFORE_CHARS), m.start()));
            if (!before.isEmpty() && claimed.contains(AnswerText.stem(before.get(before.size() - 1)))) {
                // "Choose a Roth rather than a traditional IRA": the short answer's own word is what is chosen
                span.clear();
            }
            int own = 0;
            for (String stem : span) {
                own += claimed.contains(stem) ? 1 : 0;
            }
            if (2 * own >= span.size()) {
                asideStems.addAll(span);
            }
            stated.append(rest, last, m.start()).append(' ');
            last = m.end();
        }
        if (asideStems.isEmpty()) {
            return null;
        }
        stated.append(rest, last, rest.length());
        Set<String> statedStems = contentStems(stated.toString());
        for (String word : AnswerText.words(shortOne.core)) {
            String stem = AnswerText.stem(word);
            if (claimed.contains(stem) && asideStems.contains(stem) && !statedStems.contains(stem)) {
                return "what one states, the other sets aside: " + word;
            }
        }
        return null;
    }

    /**
     * One answer that says a thing is free of something ("tax-free", "sugar-free") against one that says it has it
     * ("taxed as ordinary income", "contains natural sugars"), not negated there ("no sugar", "zero sugar"): why they
     * differ, else {@code null}.
     */
    private static String freeOf(Reading a, Reading b) {
        if (a.code || b.code || a.words.size() > FREE_WORDS || b.words.size() > FREE_WORDS) {
            return null;
        }
        String one = freeOf(a.lower);
        String other = freeOf(b.lower);
        if ((one == null) == (other == null)) {
            return null;
        }
        String free = one != null ? one : other;
        Reading has = one != null ? b : a;
        return withIt(has.words, AnswerText.stem(free)) ? "free of it in one, with it in the other: " + free : null;
    }

    /** Whether words say a thing (its stem) is there: not negated, nor "free" of it, nor "zero" of it. */
    private static boolean withIt(List<String> words, String stem) {
        for (int k = 0; k < words.size(); k++) {
            if (!AnswerText.stem(words.get(k)).equals(stem)) {
                continue;
            }
            boolean negated = false;
            for (int j = Math.max(0, k - 3); j < k; j++) {
                negated |= AnswerText.negation(words.get(j)) || words.get(j).equals("free")
                        || words.get(j).equals("zero");
            }
            if (!negated && !(k + 1 < words.size() && words.get(k + 1).equals("free"))) {
                return true;
            }
        }
        return false;
    }

    /** What a lower-cased answer says a thing is free of ("sugar" in "it's sugar-free"), not negated; else null. */
    private static String freeOf(String lower) {
        if (lower.indexOf("-free") < 0) {
            return null;
        }
        Matcher m = FREE_OF.matcher(lower);
        if (!m.find() || Scale.NEGATED.matcher(lower.substring(Math.max(0, m.start() - 12), m.start())).find()) {
            return null;
        }
        String found = m.group(1);
        return m.find() ? null : found;
    }

    /** The stems of a text's words, stop words aside. */
    private static Set<String> contentStems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : AnswerText.words(text)) {
            if (!AnswerText.stopword(word)) {
                stems.add(AnswerText.stem(word));
            }
        }
        return stems;
    }

    /** A name answer without the stop that ends it ("John Adams." is "John Adams"). */
    private static String bareName(Reading r) {
        return withoutEndPunctuation(r.answer.strip());
    }

    /** A text without the full stops, exclamation marks, semicolons and commas it ends with. */
    static String withoutEndPunctuation(String text) {
        String name = text;
        while (!name.isEmpty() && ".!;,".indexOf(name.charAt(name.length() - 1)) >= 0) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static boolean noneShared(Set<String> a, Set<String> b) {
        for (String stem : a) {
            if (b.contains(stem)) {
                return false;
            }
        }
        return true;
    }

    /** A text without its spaces. */
    private static String joined(String lower) {
        StringBuilder letters = new StringBuilder(lower.length());
        for (int k = 0; k < lower.length(); k++) {
            if (!Character.isWhitespace(lower.charAt(k))) {
                letters.append(lower.charAt(k));
            }
        }
        return letters.toString();
    }

    /** Whether a text has a capital letter inside a word, as units and abbreviations do ("dB FS", "kWh"). */
    private static boolean abbreviated(String text) {
        for (int k = 1; k < text.length(); k++) {
            if (Character.isUpperCase(text.charAt(k)) && Character.isLetter(text.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /** What WordNet settles of a pair the words leave open: opposite words, or one entity named or described. */
    private static Verdict lexical(Reading a, Reading b, Question question) {
        if (a.code || b.code) {
            return Verdict.MEANING;
        }
        String opposed = Lexical.opposed(a, b);
        if (opposed != null) {
            return new Verdict(Decision.DIFFERENT, opposed);
        }
        String kinds = Lexical.kinds(a, b);
        if (kinds == null) {
            kinds = nameOfAnotherKind(a, b, question);
        }
        if (kinds != null) {
            return new Verdict(Decision.DIFFERENT, kinds);
        }
        Verdict entity = Lexical.entity(a, b, question);
        if (entity != null) {
            return entity;
        }
        if (bareLabel(a) && bareLabel(b) && (a.lower.equals(b.lower) || abbreviated(a.head) && abbreviated(b.head)
                && joined(a.lower).equals(joined(b.lower)))) {
            // one label written apart and together ("dB FS" / "dBFS"), or read the same ("0-0" / "O-O": castling);
            // not words ("a part" / "apart", "every day" / "everyday")
            return new Verdict(Decision.SAME, a.lower.equals(b.lower) ? "the same label once read"
                    : "one label written apart and together");
        }
        // two bare labels that share no word, to a question that is not a yes/no one, and that WordNet does not relate
        // ("Thrash metal" / "Punk rock", "Oligopoly" / "Monopolistic competition", "Billing" / "Account access")
        if (question != Question.NONE && !question.yesNo() && bareLabel(a) && bareLabel(b) && unrelatedLabels(a, b)) {
            return new Verdict(Decision.DIFFERENT, "different labels WordNet does not relate");
        }
        String stated = labelAgainstStatement(a, b, question);
        if (stated == null) {
            stated = labelAgainstStatement(b, a, question);
        }
        if (stated != null) {
            return new Verdict(Decision.DIFFERENT, stated);
        }
        // read again with a word WordNet defines as an absence written as one ("afebrile": "no fever")
        String x = Lexical.privatives(a.head);
        String y = Lexical.privatives(b.head);
        if (x.equals(a.head) && y.equals(b.head)) {
            return Verdict.MEANING;
        }
        // read again only when that reading is final (its own absences written out already), so it ends here
        return Lexical.privatives(x).equals(x) && Lexical.privatives(y).equals(y)
                ? compare(Reading.of(x, question), Reading.of(y, question), question, 0) : Verdict.MEANING;
    }

    /**
     * A bare label against a short statement that gives another as what something is ("Polish." / "The text is
     * Czech.", "UDP" / "TCP is the transport protocol that …", "Liver" / "The skin is the body's largest organ."): the
     * words after its "is" or "are" (and an "in"), or, when those restate the question, the words before it; different
     * when that label shares no word with the other and WordNet relates none (as two bare labels). Why, else null.
     */
    private static String labelAgainstStatement(Reading label, Reading statement, Question question) {
        if (question == Question.NONE || question.yesNo() || statement.words.size() > NAME_SENTENCE_WORDS
                || statement.negations > 0 || statement.code || statement.head.indexOf('(') >= 0
                || statement.json != null || statement.items != null || statement.stance.present()
                || !disjoint(label, statement) || !bareLabel(label) || bareLabel(statement)) {
            return null;
        }
        List<String> words = statement.words;
        int copula = -1;
        for (int k = 1; k < words.size() && copula < 0; k++) {
            if (words.get(k).equals("is") || words.get(k).equals("are")) {
                copula = k;
            }
        }
        if (copula < 0) {
            return null;
        }
        List<String> after = words.subList(copula + 1 < words.size() && words.get(copula + 1).equals("in")
                ? copula + 2 : copula + 1, words.size());
        List<String> stated = restates(after, question) ? words.subList(0, copula) : after;
        if (stated.isEmpty() || stated.size() > BARE_LABEL_WORDS || restates(stated, question)) {
            return null;
        }
        Reading other = Reading.of(String.join(" ", stated), question);
        return bareLabel(other) && unrelatedLabels(label, other)
                ? "a label against a statement of another: " + label.head + " / " + other.head : null;
    }

    /** Whether words, stop words aside, say only the question's words (and say one). */
    private static boolean restates(List<String> words, Question question) {
        boolean any = false;
        for (String word : words) {
            if (AnswerText.stopword(word)) {
                continue;
            }
            if (!question.mentions(AnswerText.stem(word))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * A short name against a sentence whose first name (beyond the question's words) is another kind of the same
     * thing, which the sentence gives instead ("Portuguese" / "This sentence is in Spanish."): why, else null.
     */
    private static String nameOfAnotherKind(Reading a, Reading b, Question question) {
        Reading shortOne = a.words.size() <= b.words.size() ? a : b;
        Reading longOne = shortOne == a ? b : a;
        if (shortOne.words.size() > 3 || longOne.words.size() > NAME_SENTENCE_WORDS || !shortOne.name) {
            return null;
        }
        List<String[]> name = firstName(longOne.head, question);
        if (name.isEmpty() || name.size() > 3) {
            return null;
        }
        StringBuilder other = new StringBuilder();
        for (String[] word : name) {
            if (shortOne.content.contains(word[0])) {
                return null;
            }
            // (as written: WordNet knows "Portuguese", not its stem)
            other.append(other.length() == 0 ? "" : " ").append(word[2]);
        }
        String own = String.join(" ", shortOne.words);
        return Lexical.cousins(own, other.toString())
                ? "another kind named: " + own + " / " + other : null;
    }

    /**
     * Two answers to a who/which/what/where question whose first name beyond the question's words (capitalised
     * words; pronouns, stop words and the question's initials such as "ECB" aside) shares a word, written with a
     * capital inside a sentence in at least one of them ("It was written by Jane Austen …" / "The novel's author is
     * Austen …"), with negations alike: they give the same answer, however they go on.
     */
    private static boolean sameNameFirst(Reading a, Reading b, Question question) {
        if (!nameAnswers(a, b, question)) {
            return false;
        }
        List<String[]> x = firstName(a.head, question);
        if (x.isEmpty()) {
            return false;
        }
        List<String[]> y = firstName(b.head, question);
        boolean shared = false;
        for (String[] u : x) {
            for (String[] v : y) {
                shared |= u[0].equals(v[0]) && (u[1] != null || v[1] != null);
            }
        }
        // one name holds the other ("Stalin" / "Joseph Stalin"), not two names that share a word ("Ivory Coast" /
        // "Gold Coast")
        return shared && (stemsOf(x).containsAll(stemsOf(y)) || stemsOf(y).containsAll(stemsOf(x)));
    }

    /**
     * Whether two answers are read for the name they give first: prose (no code, formula, JSON or yes/no answer), as
     * often negated, to a question that asks for a name ({@link #sameNameFirst}, {@link #otherNameFirst}).
     */
    private static boolean nameAnswers(Reading a, Reading b, Question question) {
        return !a.code && !b.code && !math(a) && !math(b) && !formula(a) && !formula(b) && a.json == null
                && b.json == null && a.polarity == null && b.polarity == null && a.negations % 2 == b.negations % 2
                && question.asksForName();
    }

    /**
     * Two short answers to a who/which/what/where question that each name a different thing first (inside a sentence,
     * or as the whole answer), neither naming the other's anywhere, nor WordNet giving the two as one ("Yes — that
     * was Igor Stravinsky." / "It was composed by Sergei Prokofiev."): why they differ, else null.
     */
    private static String otherNameFirst(Reading a, Reading b, Question question) {
        if (!nameAnswers(a, b, question) || a.words.size() > NAME_SENTENCE_WORDS * 2
                || b.words.size() > NAME_SENTENCE_WORDS * 2) {
            return null;
        }
        List<String[]> x = firstName(a.head, question);
        List<String[]> y = x.isEmpty() ? x : firstName(b.head, question);
        if (y.isEmpty() || !statedAsName(x, a) || !statedAsName(y, b)) {
            return null;
        }
        for (String[] u : x) {
            if (b.content.contains(u[0])) {
                return null;
            }
        }
        for (String[] v : y) {
            if (a.content.contains(v[0])) {
                return null;
            }
        }
        if (initialsFirstNamed(a, b, question) || initialsFirstNamed(b, a, question)) {
            // "The FOMC" / "The Federal Reserve's Federal Open Market Committee": the name's initials
            return null;
        }
        String one = surface(x);
        String other = surface(y);
        if (initialsOfNamed(one, other, b) || initialsOfNamed(other, one, a)) {
            // "The IMO, headquartered in London, …" / "The International Maritime Organization …"
            return null;
        }
        List<String> oneWords = AnswerText.words(one.toLowerCase(Locale.ROOT));
        List<String> otherWords = AnswerText.words(other.toLowerCase(Locale.ROOT));
        return Lexical.sameEntity(one, other) || shortenedName(oneWords, otherWords, false)
                || !oneWords.isEmpty() && !otherWords.isEmpty()
                && oneLetterApart(oneWords.get(oneWords.size() - 1), otherWords.get(otherWords.size() - 1))
                ? null : "another name first: " + one + " / " + other;
    }

    /**
     * A short name against a short sentence, each naming a different thing first, where the sentence names it in its
     * first {@value #OPENING_WORDS} words ("Gabriel García Márquez" / "Mario Vargas Llosa, the Peruvian Nobel
     * laureate.", "The SEC" / "The Federal Reserve (the Fed).") and neither is the other's initials or its clipped form
     * ("NASA" / "The National Aeronautics and Space Administration"): why they differ, else null. A name further on
     * is in a description ("The fifth planet from the Sun"), not the answer.
     */
    private static String otherNameOpening(Reading a, Reading b, Question question) {
        // (a language goes by its own name too: "German" / "It's written in Deutsch.")
        String other = question.mentions(Languages.LANGUAGE) ? null : otherNameFirst(a, b, question);
        if (other == null) {
            return null;
        }
        List<String[]> x = firstName(a.head, question);
        List<String[]> y = firstName(b.head, question);
        List<String> one = AnswerText.words(surface(x).toLowerCase(Locale.ROOT));
        List<String> two = AnswerText.words(surface(y).toLowerCase(Locale.ROOT));
        // (a name cut short at a full stop, "U.S.", is left to the other rules)
        return opening(a, one) && opening(b, two) && !initialism(one, two) && !initialism(two, one)
                && one.stream().allMatch(word -> word.length() > 1) && two.stream().allMatch(word -> word.length() > 1)
                ? other : null;
    }

    /**
     * Whether a name's first word is among an answer's first {@value #OPENING_WORDS} words, and a name of one word is
     * not a modifier of the word after it ("The French capital").
     */
    private static boolean opening(Reading r, List<String> name) {
        int at = name.isEmpty() ? -1 : r.words.indexOf(name.get(0));
        return at >= 0 && at < OPENING_WORDS && !(name.size() == 1 && at + 1 < r.words.size()
                && !AnswerText.stopword(r.words.get(at + 1)) && !r.capitals.contains(AnswerText.stem(r.words.get(at + 1))));
    }

    /**
     * Whether a one-word name and the initials of another's words are found one in the other, in order ("NYC" and "New
     * York", "NASA" and "National Aeronautics", "FAO" and "Agriculture Organization" where the question says "food"), or
     * the name starts the other's first word ("Fed").
     */
    private static boolean initialism(List<String> one, List<String> other) {
        if (one.size() != 1 || other.isEmpty()) {
            return false;
        }
        String word = one.get(0);
        if (other.get(0).startsWith(word)) {
            return true;
        }
        StringBuilder initials = new StringBuilder(other.size());
        for (String part : other) {
            initials.append(part.charAt(0));
        }
        return subsequence(word, initials) || subsequence(initials, word);
    }

    /** Whether the letters of one text are found in another in order. */
    private static boolean subsequence(CharSequence one, CharSequence other) {
        int k = 0;
        for (int i = 0; i < other.length() && k < one.length(); i++) {
            if (other.charAt(i) == one.charAt(k)) {
                k++;
            }
        }
        return k == one.length();
    }

    /**
     * Whether a first name is stated as one: written inside a sentence, of two capitalised words or more ("John
     * Maynard Keynes, in 1936."), or the whole of a short name answer.
     */
    private static boolean statedAsName(List<String[]> name, Reading r) {
        return name.get(0)[1] != null || name.size() >= 2 || (r.name && r.words.size() <= name.size());
    }

    private static String surface(List<String[]> name) {
        StringBuilder text = new StringBuilder();
        for (String[] word : name) {
            text.append(text.length() == 0 ? "" : " ").append(word[2]);
        }
        return text.toString();
    }

    private static Set<String> stemsOf(List<String[]> name) {
        Set<String> stems = new HashSet<>();
        for (String[] word : name) {
            stems.add(word[0]);
        }
        return stems;
    }

    /**
     * The first run of capitalised words of a text beyond the question's, as {stem, "mid" when written inside a
     * sentence, else null}; empty when none in its first 300 characters.
     */
    private static List<String[]> firstName(String text, Question question) {
        List<String[]> run = new ArrayList<>(3);
        int n = Math.min(text.length(), 300);
        int i = 0;
        boolean sentenceStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == '\u2014' || c == ';') {
                    sentenceStart = true;
                    if (!run.isEmpty()) {
                        return run;
                    }
                } else if (c == ',' && !run.isEmpty()) {
                    return run;
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '\'')) {
                end++;
            }
            String word = text.substring(i, end).toLowerCase(Locale.ROOT);
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0) {
                word = word.substring(0, apostrophe);
            }
            String stem = AnswerText.stem(word);
            // a unit after its number is no name ("165°F", "5 K")
            boolean unit = i > 0 && end - i <= 2 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '°'
                    || i > 1 && text.charAt(i - 1) == ' ' && Character.isDigit(text.charAt(i - 2)));
            boolean named = Character.isUpperCase(c) && !unit && !AnswerText.stopword(word)
                    && !AnswerText.negation(word) && !question.mentions(stem)
                    && !initials(text.substring(i, end), question);
            if (named && run.isEmpty() && !sentenceStart && modifier(text, end, word)) {
                // an adjective of a people or a place before a common noun ("the Dutch scientist Huyghens") is no name
                named = false;
            }
            if (named) {
                run.add(new String[] {stem, sentenceStart ? null : "mid", text.substring(i, end)});
            } else if (!run.isEmpty() && !NAME_PARTICLES.contains(word)) {
                return run;
            }
            sentenceStart = false;
            i = end;
        }
        return run;
    }

    /**
     * Whether one answer dates a year or century before the common era and the other the same number after its start:
     * "BC", "BCE" or "before Christ" against "AD", "CE" or "anno Domini", next to the same number ("the 3rd century
     * BC" / "the 3rd century AD", "1572 CE" / "1572 BC"). Other dates either answer gives for context ("AD 79" / "In
     * 79; the town was founded in the 6th century BC") are not set against each other.
     */
    static boolean otherEra(String a, String b) {
        if (a.length() > MAX_READ || b.length() > MAX_READ) {
            return false;
        }
        Set<String> beforeA = dated(BEFORE_ERA, a);
        Set<String> afterA = dated(AFTER_ERA, a);
        Set<String> beforeB = dated(BEFORE_ERA, b);
        Set<String> afterB = dated(AFTER_ERA, b);
        boolean sameEra = !noneShared(afterA, afterB) || !noneShared(beforeA, beforeB);
        return !sameEra && (!noneShared(beforeA, afterB) || !noneShared(afterA, beforeB));
    }

    /** The numbers an answer dates in one era ("3" of "the 3rd century BC", "1572" of "1572 BC" and "AD 1572"). */
    private static Set<String> dated(Pattern era, String lower) {
        Set<String> numbers = new HashSet<>();
        Matcher m = era.matcher(lower);
        while (m.find()) {
            // "1572 BC" and "1572 AD" give the number first, "AD 1572" after
            numbers.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return numbers;
    }

    /**
     * Whether two answers are one short code with a letter in it, of at most {@value #SIGNED_CODE} characters, and
     * differ only in a plus or minus sign before or after it ("+SHRA" / "-SHRA", "B+" / "B-", "C" / "C++"). A minus on
     * one side only marks an affix or an option ("-ase" / "ase") and is not read. Numbers are left to the quantities,
     * which read their signs.
     */
    static boolean otherSign(String a, String b) {
        if (a.length() > MAX_READ || b.length() > MAX_READ) {
            return false;
        }
        String x = withoutClosingStops(a.strip());
        String y = withoutClosingStops(b.strip());
        if (x.length() > SIGNED_CODE || y.length() > SIGNED_CODE || x.equals(y)) {
            return false;
        }
        String bareX = SIGNS.matcher(x).replaceAll("");
        String bareY = SIGNS.matcher(y).replaceAll("");
        String signsX = signs(x);
        String signsY = signs(y);
        // a minus on one side only marks an affix or an option ("-ase" / "ase", "un-", "-i"); a plus does not
        boolean affix = (signsX.isEmpty() || signsY.isEmpty()) && !(signsX + signsY).contains("+");
        return !bareX.isEmpty() && bareX.equals(bareY) && bareX.chars().anyMatch(Character::isLetter)
                && bareX.chars().noneMatch(Character::isWhitespace) && bareX.chars().noneMatch(Character::isDigit)
                && !signsX.equals(signsY) && !affix;
    }

    /** The signs an answer has before and after its code, "-" for every kind of minus. */
    private static String signs(String code) {
        Matcher m = SIGNS.matcher(code);
        StringBuilder signs = new StringBuilder();
        while (m.find()) {
            signs.append(m.start() == 0 ? "<" : ">").append(m.group().replace('\u2212', '-').replace('\u2013', '-'));
        }
        return signs.toString();
    }

    /**
     * Whether a capitalised word inside a sentence is an adjective before a common noun ("Dutch scientist", "Roman
     * emperor"): known to WordNet as an adjective, and followed by one space and a word in lower case that it knows as
     * a noun and not as a verb (not "Swift wrote", "Young argued").
     */
    private static boolean modifier(String text, int end, String word) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ' || !Character.isLetter(text.charAt(end - 1))
                || !Character.isLowerCase(text.charAt(end + 1))) {
            return false;
        }
        int next = end + 1;
        while (next < text.length() && Character.isLetter(text.charAt(next))) {
            next++;
        }
        return Lexical.adjective(word) && Lexical.nounNotVerb(text.substring(end + 1, next));
    }

    /** Whether a word in capitals is the initials of capitalised words of the question ("ECB"). */
    private static boolean initials(String word, Question question) {
        if (word.length() < 2 || word.length() > 6) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (!Character.isUpperCase(word.charAt(k))) {
                return false;
            }
        }
        return question.hasInitials(word.toLowerCase(Locale.ROOT));
    }

    /**
     * The option an answer gives to a question with lettered options: its key's letter, else the one option whose
     * text or letter ("b)", "(b)", "option b") the first clause naming any option names; 0 when none or several.
     */
    private static char option(String key, String lower, Question question) {
        if (key.startsWith("choice:")) {
            return key.charAt(7);
        }
        for (String clause : clauses(lower)) {
            String text = " " + AnswerKey.normalise(clause) + " ";
            char found = 0;
            for (Map.Entry<String, Character> option : question.options().entrySet()) {
                char letter = question.numbered() ? (char) ('1' + option.getValue() - 'a') : option.getValue();
                boolean named = text.contains(" " + option.getKey() + " ") || clause.contains("(" + letter + ")")
                        || clause.startsWith(letter + ")") || clause.contains(" " + letter + ")")
                        || text.contains(" option " + letter + " ");
                if (named) {
                    if (found != 0 && found != option.getValue()) {
                        return 0;
                    }
                    found = option.getValue();
                }
            }
            if (found != 0) {
                return found;
            }
        }
        return distinctiveOption(lower, question);
    }

    /**
     * The one option a short answer names in other words, by a word only that option has ("100LL aviation gasoline"
     * for "B. 100LL avgas"; "Insertion of a single base" for "B) Insertion of one base"); 0 when none or several.
     */
    private static char distinctiveOption(String lower, Question question) {
        List<String> words = AnswerText.words(lower);
        if (words.isEmpty() || words.size() > OPTION_WORDS) {
            return 0;
        }
        Map<Character, Set<String>> stems = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<String, Character> option : question.options().entrySet()) {
            Set<String> own = new HashSet<>();
            for (String word : AnswerText.words(option.getKey())) {
                if (!AnswerText.stopword(word)) {
                    own.add(AnswerText.stem(word));
                }
            }
            stems.put(option.getValue(), own);
            for (String stem : own) {
                seen.merge(stem, 1, Integer::sum);
            }
        }
        // (a word the question also asks with is no option's: "mutation" in "Which mutation …? C) Silent mutation")
        Map<String, Integer> asked = new HashMap<>();
        for (String word : AnswerText.words(question.text() == null ? "" : AnswerText.lower(question.text()))) {
            asked.merge(AnswerText.stem(word), 1, Integer::sum);
        }
        char found = 0;
        for (String word : words) {
            String stem = AnswerText.stem(word);
            if (AnswerText.stopword(word) || seen.getOrDefault(stem, 0) != 1 || asked.getOrDefault(stem, 0) > 1) {
                continue;
            }
            for (Map.Entry<Character, Set<String>> option : stems.entrySet()) {
                if (option.getValue().contains(stem)) {
                    if (found != 0 && found != option.getKey()) {
                        return 0;
                    }
                    found = option.getKey();
                }
            }
        }
        return found;
    }

    /** Whether a clause holds nothing but the question's words and stop words ("Priority", "Sentiment:"). */
    private static boolean header(List<String> stems, Question question) {
        for (String stem : stems) {
            if (!question.mentions(stem) && !AnswerText.stopword(stem)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Labels both answers give in one family: different labels (or a label and its negation) are different answers;
     * the same label is the same answer when one of the two is a label answer (a first clause of a few words), so
     * that two long explanations are not joined by a word they share. {@code null}: the labels say nothing.
     */
    private static Verdict labels(Reading a, Reading b, Question question) {
        if (a.labels.isEmpty() || b.labels.isEmpty()) {
            return null;
        }
        boolean bothShort = a.words.size() <= SHORT_WORDS && b.words.size() <= SHORT_WORDS;
        if (question == Question.NONE && !bothShort) {
            return null;
        }
        boolean same = false;
        for (Map.Entry<String, String> label : a.labels.entrySet()) {
            String other = b.labels.get(label.getKey());
            if (other == null) {
                continue;
            }
            String x = label.getValue();
            boolean xNot = x.startsWith("not:");
            boolean yNot = other.startsWith("not:");
            if (x.equals(other)) {
                same = true;
            } else if (xNot == yNot || x.equals("not:" + other) || other.equals("not:" + x)) {
                // two different labels, or a label and its negation; "not positive" and "negative" say nothing
                if (xNot == yNot || !(xNot ? x.substring(4) : other.substring(4)).isEmpty()) {
                    if (xNot != yNot && !x.equals("not:" + other) && !other.equals("not:" + x)) {
                        continue;
                    }
                    return new Verdict(Decision.DIFFERENT, "different labels: " + x + " / " + other);
                }
            }
        }
        // the same label joins a label answer to another, where the question asks for one or an answer is no more
        // than its label ("She replaced the failing disk" is not a label answer to what the engineer did)
        boolean asksForLabel = !question.labels().isEmpty() || !question.alternatives().isEmpty()
                || a.words.size() <= BARE_LABEL_WORDS || b.words.size() <= BARE_LABEL_WORDS || asksToClassify(question);
        if (same && asksForLabel && (a.labelClauseWords <= LABEL_CLAUSE_WORDS && a.words.size() <= AnswerKey.SHORT_WORDS
                || b.labelClauseWords <= LABEL_CLAUSE_WORDS && b.words.size() <= AnswerKey.SHORT_WORDS)) {
            return new Verdict(Decision.SAME, "same label");
        }
        return null;
    }

    /**
     * Whether a text has, beside one clause, a word of three letters or more that is no stop word, no number and not
     * the question's ("it's a mammal" beside "neither a fish nor a reptile"; not "pH ≈ 7").
     */
    private static boolean saysMore(String text, String clause, Question question) {
        for (String part : parts(text)) {
            if (part.equals(clause)) {
                continue;
            }
            for (String word : AnswerText.words(part)) {
                if (word.length() >= 3 && !AnswerText.stopword(word) && !Quantities.isDigit(word.charAt(0))
                        && !question.mentions(AnswerText.stem(word))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a short answer is two runs around a spaced slash that name one label two ways ("P1 / critical",
     * "Beginner / introductory") to a question that asks for a label: a run names a label, and no family gets two
     * different ones ("bug / feature", "syntax / runtime" hedge between two); "conversions / visitors" is a ratio.
     */
    private static boolean labelRuns(String head, Question question) {
        // (most answers have no slash: no split, which compiles a pattern for a separator of three characters)
        if (head.indexOf(SLASH) < 0) {
            return false;
        }
        String[] runs = head.strip().split(SLASH);
        if (runs.length != 2 || head.length() > LABEL_RUNS_CHARS || question.labels().isEmpty()
                && question.alternatives().isEmpty() && !asksToClassify(question) && !Labels.namesFamily(question)) {
            return false;
        }
        Map<String, String> first = runLabels(runs[0], question);
        Map<String, String> second = runLabels(runs[1], question);
        for (Map.Entry<String, String> label : first.entrySet()) {
            String other = second.get(label.getKey());
            if (other != null && !other.equals(label.getValue())) {
                return false;
            }
        }
        return !first.isEmpty() || !second.isEmpty();
    }

    private static Map<String, String> runLabels(String run, Question question) {
        List<String> words = AnswerText.words(AnswerText.lower(run));
        List<String> stems = new ArrayList<>(words.size());
        for (String word : words) {
            stems.add(AnswerText.stem(word));
        }
        return Labels.read(words, stems, question);
    }

    /** Whether a question asks for a classification by name ("What is the sentiment …", "Classify …", "Rate …"). */
    private static boolean asksToClassify(Question question) {
        for (String word : CLASSIFYING) {
            if (question.mentions(AnswerText.stem(word))) {
                return true;
            }
        }
        return false;
    }

    /** Big-O notation in words: "o(1)" is "constant", "o(n log n)" "linearithmic", so the prose for it matches. */
    private static final String[][] NOTATION = {{"o(1)", "constant"}, {"o(log n)", "logarithmic"},
        {"o(logn)", "logarithmic"}, {"o(n log n)", "linearithmic"}, {"o(nlogn)", "linearithmic"}, {"o(n)", "linear"},
        {"o(n^2)", "quadratic"}, {"o(n*n)", "quadratic"}, {"o(n^3)", "cubic"}, {"o(2^n)", "exponential"},
        {"o(n!)", "factorial"}, {"n log n", "linearithmic"}, {"n log(n)", "linearithmic"}, {"log n", "logarithmic"},
        {"log(n)", "logarithmic"}};

    static String notation(String lower) {
        if (lower.indexOf("o(") < 0 && lower.indexOf("log") < 0) {
            return lower;
        }
        String text = lower;
        for (String[] rewrite : NOTATION) {
            text = replaceWord(text, rewrite[0], rewrite[1]);
        }
        return text;
    }

    /**
     * To a question about chess or castling, castling in notation written as what it is: "O-O-O" (or "0-0-0", with
     * zeros) as "queenside castling", "O-O" as "kingside castling", so that one is not read inside the other and
     * either is the prose for it. A "0-0" elsewhere is a score.
     */
    static String castling(String lower, Question question) {
        String asked = question.lowerText();
        if (lower.indexOf('-') < 0 || !asked.contains("castl") && !asked.contains("chess")) {
            return lower;
        }
        String text = lower;
        for (String[] rewrite : CASTLING) {
            text = replaceWord(text, rewrite[0], rewrite[1]);
        }
        return text;
    }

    /** {@code text} with {@code from} replaced where it stands as words of its own ("in log n" holds no "n log n"). */
    private static String replaceWord(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        while (at >= 0) {
            int end = at + from.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (alone) {
                out.append(text, done, at).append(to);
                done = end;
            }
            at = text.indexOf(from, alone ? end : at + 1);
        }
        return out.append(text, done, text.length()).toString();
    }

    /** Symbols the embedding model reads poorly, and their words. */
    private static final String[][] SPELLED = {{"∞", " infinity "}, {"¬", " not "}, {"∧", " and "}, {"∨", " or "},
        {"≤", " at most "}, {"≥", " at least "}, {"≠", " not equal to "}, {"⇒", " implies "}, {"→", " implies "},
        {"∈", " in "}, {"ℝ", " the real numbers "}, {"√", " square root of "}, {"π", " pi "}, {"²", " squared "},
        {"³", " cubed "}, {"∑", " sum of "}, {"∫", " integral of "}};

    /**
     * The text the embedding model is given for an answer: mathematical symbols spelled out ("(3, ∞)" as "(3,
     * infinity)", "¬(A ∧ B)" as "not (A and B)") and big-O notation in words, so a notation and the prose for it can
     * meet; other answers as they are.
     */
    static String embeddingText(String answer) {
        if (answer == null || answer.isBlank()) {
            return "(empty)";
        }
        boolean symbols = false;
        for (int i = 0; i < answer.length() && !symbols; i++) {
            char c = answer.charAt(i);
            symbols = c > 127 && (AnswerText.mathSymbol(c) || c == 'ℝ' || c == 'π' || c == '²' || c == '³');
        }
        String text = answer;
        if (symbols) {
            for (String[] spelled : SPELLED) {
                text = text.replace(spelled[0], spelled[1]);
            }
            text = text.replace("  ", " ").strip();
        }
        if (text.contains("O(") || text.contains("o(")) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            String words = notation(lower);
            if (!words.equals(lower)) {
                text = words;
            }
        }
        return text;
    }

    /** The content words of a text written with a capital letter, in lower case. */
    private static Set<String> capitals(String answer) {
        Set<String> names = new HashSet<>();
        int n = answer.length();
        int i = 0;
        while (i < n) {
            char c = answer.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetterOrDigit(answer.charAt(end))) {
                end++;
            }
            if (Character.isUpperCase(c)) {
                String word = answer.substring(i, end).toLowerCase(java.util.Locale.ROOT);
                if (!AnswerText.stopword(word) && !AnswerText.negation(word)) {
                    names.add(AnswerText.stem(word));
                }
            }
            i = end;
        }
        return names;
    }

    /** Whether every content word of a short answer is written with a capital letter (a proper name). */
    private static boolean capitalised(String answer, int contentWords) {
        if (contentWords == 0 || answer.length() > 60) {
            return false;
        }
        int n = answer.length();
        int names = 0;
        String last = "";
        int i = 0;
        while (i < n) {
            char c = answer.charAt(i);
            if (!Character.isLetter(c)) {
                if (Character.isDigit(c)) {
                    return false;
                }
                i++;
                continue;
            }
            int end = i;
            while (end < n && (Character.isLetter(answer.charAt(end)) || answer.charAt(end) == '\'')) {
                end++;
            }
            String word = answer.substring(i, end);
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (!AnswerText.stopword(lower) && !AnswerText.negation(lower)) {
                if (!Character.isUpperCase(c) && !NAME_PARTICLES.contains(lower) || Labels.isLabel(lower)) {
                    return false;
                }
                names++;
                last = lower;
            }
            i = end;
        }
        // one word with a capital only for opening the answer, that WordNet knows only as an adjective, is no name
        // ("Informal" / "Casual.")
        return names > 0 && !(names == 1 && contentWords == 1 && Lexical.adjectiveOnly(last));
    }

    /**
     * Whether each of two answers has a content word of its own, beyond the question's and the other's ("Albert
     * Einstein, who published it in 1915" / "Max Planck, who published it in 1915").
     */
    private static boolean ownContent(Reading a, Reading b, Question question) {
        return hasOwn(a, b, question) && hasOwn(b, a, question);
    }

    private static boolean hasOwn(Reading a, Reading b, Question question) {
        for (String stem : a.content) {
            if (!b.content.contains(stem) && !question.mentions(stem) && !Quantities.isDigit(stem.charAt(0))
                    && !Quantities.isUnit(stem) && !Quantities.isNumberWord(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two answers share no content word. */
    private static boolean disjoint(Reading a, Reading b) {
        for (String stem : a.content) {
            if (b.content.contains(stem)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one one-word answer starts the other ("Tech" / "Technology"), or, against a longer answer, is one of its
     * words with one letter more ({@link #oneLetterMore}).
     */
    private static boolean prefixed(Reading a, Reading b) {
        if (a.words.size() != 1 || b.words.size() != 1) {
            return oneLetterMore(a, b) || oneLetterMore(b, a);
        }
        String x = a.words.get(0);
        String y = b.words.get(0);
        return x.length() >= 3 && y.length() >= 3 && (x.startsWith(y) || y.startsWith(x));
    }

    /**
     * Whether a one-word answer of five letters or more, with one letter more, is a word of the other ("Antarctic" /
     * "the Antarctic Polar Desert" against "Antarctica"): one name and the adjective made from it.
     */
    private static boolean oneLetterMore(Reading a, Reading b) {
        if (a.words.size() != 1) {
            return false;
        }
        String x = a.words.get(0);
        for (String y : b.words) {
            if (y.length() >= 5 && x.length() == y.length() + 1 && x.startsWith(y)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two answers name two things: no word shared, neither the other's initials, start, or clipped form, and
     * WordNet does not give them as one thing ("Albert Einstein" / "Max Planck"; not "UN" / "United Nations", "MSFT" /
     * "Microsoft", "PRC" / "China").
     */
    private static boolean apart(Reading a, Reading b) {
        return disjoint(a, b) && !acronym(a, b) && !acronym(b, a) && !prefixed(a, b) && !clippedName(a, b)
                && !shortenedWords(a, b) && !Lexical.sameEntity(a.head, b.head) && !sameLeadEntity(a, b);
    }

    /**
     * Whether the names two answers open with, before what one adds after a comma, a bracket or a dash, are one entity
     * in WordNet ("Denali" / "Mount McKinley, in Alaska", "The Hague" / "Den Haag ('s-Gravenhage)").
     */
    private static boolean sameLeadEntity(Reading a, Reading b) {
        String x = leadName(a.head);
        String y = leadName(b.head);
        return (x.length() < a.head.strip().length() || y.length() < b.head.strip().length()) && !x.isEmpty()
                && !y.isEmpty() && Lexical.sameEntity(x, y);
    }

    /** A text up to its first comma, semicolon, bracket or dash, without the punctuation that ends it. */
    private static String leadName(String text) {
        String name = text.strip();
        for (String mark : new String[] {",", "(", " – ", " — ", " - ", ";"}) {
            int at = name.indexOf(mark);
            if (at > 0) {
                name = name.substring(0, at);
            }
        }
        return withoutEndPunctuation(name.strip());
    }

    /**
     * Two names of words of two letters or more, word for word one the other's start or letters in order ("Man Utd"
     * / "Manchester United"; {@link #shortenedName}).
     */
    private static boolean shortenedWords(Reading a, Reading b) {
        if (a.significant.equals(b.significant)) {
            return false;
        }
        for (String word : a.significant) {
            if (word.length() < 2) {
                return false;
            }
        }
        for (String word : b.significant) {
            if (word.length() < 2) {
                return false;
            }
        }
        return shortenedName(a.significant, b.significant, false);
    }

    /** Two labels {@link #apart} whose words WordNet does not relate either ({@link Lexical#relatedWords}). */
    private static boolean unrelatedLabels(Reading a, Reading b) {
        return apart(a, b) && !Lexical.relatedWords(a.words, b.words);
    }

    /** Two one-word names, one the other's clipped or contracted form ("MSFT" / "Microsoft"; see {@link #clips}). */
    private static boolean clippedName(Reading a, Reading b) {
        return a.words.size() == 1 && b.words.size() == 1
                && (clips(a.words.get(0), b.words.get(0)) || clips(b.words.get(0), a.words.get(0)));
    }

    /**
     * An answer of one to {@value #BARE_LABEL_WORDS} words that is only a label: no negation, number, code, formula,
     * list, yes/no or gloss in brackets.
     */
    private static boolean bareLabel(Reading r) {
        // (a gloss in brackets names the label another way: "es (Español)"; so do alternatives after a slash,
        // "Delivery / logistics issue")
        return r.words.size() <= BARE_LABEL_WORDS && !r.content.isEmpty() && r.negations == 0 && r.quantities.isEmpty()
                && r.head.indexOf('(') < 0 && !r.head.contains(" / ") && !math(r) && !formula(r) && !formulaOnly(r)
                && !r.code && r.json == null && r.items == null && !r.stance.present() && !r.typed();
    }

    /**
     * The options of a multiple-choice question a list names, each by its letter or its text ("A and C", "Lemon,
     * lime" to "… A) Lemon B) Apple C) Lime"), or {@code null} when the question has none or an item is neither.
     */
    private static Set<Character> options(Reading list, Question question) {
        if (!question.hasOptions()) {
            return null;
        }
        Set<Character> letters = new HashSet<>(question.options().values());
        Set<Character> named = new HashSet<>();
        for (String text : list.itemTexts) {
            String item = AnswerKey.normalise(text);
            char option = item.length() == 1 && letters.contains(item.charAt(0)) ? item.charAt(0) : question.option(item);
            if (option == 0) {
                return null;
            }
            named.add(option);
        }
        return named;
    }

    /**
     * Whether a one-word answer written in capitals is the initials of the other answer, a name of two to six words
     * each written with a capital but its stop words ("MSC" / "Mediterranean Shipping Company.").
     */
    private static boolean initialsOfName(Reading a, Reading b) {
        if (a.words.size() != 1 || b.words.size() < 2 || b.words.size() > 6 || a.head.length() > 12
                || b.items != null || b.head.indexOf(',') >= 0 || !acronym(a, b)) {
            return false;
        }
        for (int i = 0; i < a.head.length(); i++) {
            if (Character.isLowerCase(a.head.charAt(i))) {
                // "Un" is no initials
                return false;
            }
        }
        for (String word : b.words) {
            if (!AnswerText.stopword(word) && !b.capitals.contains(AnswerText.stem(word))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether an answer is one word in capitals ("SSA", "the IASB") that is the initials of the first name the other
     * states, a run of words written with capitals and the short words between them ("Basel Committee on Banking
     * Supervision"), in what it states rather than sets aside ("… not the Securities and Exchange Commission"); not of
     * a list's items ("SM" / "Small, Medium").
     */
    private static boolean initialsFirstNamed(Reading a, Reading b, Question question) {
        List<String> own = Lexical.contentWords(a.words);
        if (own.size() != 1 || b.words.size() <= a.words.size() || b.code || a.code) {
            return false;
        }
        String initials = own.get(0);
        int at = a.head.toLowerCase(Locale.ROOT).indexOf(initials);
        if (initials.length() < 2 || initials.length() > 6 || at < 0
                || !a.head.substring(at, at + initials.length()).equals(initials.toUpperCase(Locale.ROOT))) {
            return false;
        }
        // read as a list, only a name in its first item and a description after it ("The European Central Bank,
        // headquartered in Frankfurt"), not initials across items ("SM" / "Small, Medium") nor a list's first item
        // ("United Kingdom, France and Germany")
        int comma = b.core.indexOf(',');
        boolean described = b.items != null && comma > 0;
        if (described && !description(b.head.substring(b.head.indexOf(',') + 1))) {
            return false;
        }
        List<String> words = AnswerText.words(described ? b.core.substring(0, comma) : b.core);
        for (int k = 0; k < words.size(); k++) {
            if (AnswerText.stopword(words.get(k)) || !b.capitals.contains(AnswerText.stem(words.get(k)))) {
                continue;
            }
            // the run of names from here, short words between them
            int end = k;
            while (end < words.size() && (b.capitals.contains(AnswerText.stem(words.get(end)))
                    && !AnswerText.stopword(words.get(end)) || NAME_JOINERS.contains(words.get(end))
                    && end + 1 < words.size() && b.capitals.contains(AnswerText.stem(words.get(end + 1))))) {
                end++;
            }
            if (end - k >= 2) {
                // the whole run, or the name after a possessive at its end ("the Federal Reserve's Federal Open Market
                // Committee")
                int owned = ownedFrom(b.core, words, k, end);
                return initials(words, k, end).equals(initials) || initials(words, owned, end).equals(initials)
                        && askedOwner(words.subList(k, owned), question);
            }
            k = end;
        }
        return false;
    }

    /**
     * Whether an answer is a name alone, words written with capitals and the short words between them, whose initials
     * are the word in capitals the other opens with before a comma, a bracket or a spaced dash ("CNCF, which …").
     */
    private static boolean nameOfOpeningInitials(Reading name, Reading other) {
        Matcher opening = OPENING_INITIALS.matcher(other.head);
        if (!opening.lookingAt() || name.words.size() < 2 || name.words.size() > 8 || name.code || other.code
                || name.head.indexOf(',') >= 0) {
            return false;
        }
        List<String> words = AnswerText.words(name.core);
        int from = 0;
        while (from < words.size() && DETERMINERS.contains(words.get(from))) {
            from++;
        }
        for (int k = from; k < words.size(); k++) {
            if (!NAME_JOINERS.contains(words.get(k)) && !name.capitals.contains(AnswerText.stem(words.get(k)))) {
                return false;
            }
        }
        String acronym = opening.group(1).toLowerCase(Locale.ROOT);
        if (words.size() - from < 2 || !initials(words, from, words.size()).equals(acronym)) {
            return false;
        }
        // what follows the initials neither takes them back ("WTO — no, the WHO") nor spells them out otherwise ("ACS,
        // the American Chemical Society" / "The American Cancer Society")
        String rest = other.head.substring(opening.end());
        List<String> after = AnswerText.words(rest.toLowerCase(Locale.ROOT));
        for (String word : after) {
            if (TAKEN_BACK.contains(word)) {
                return false;
            }
        }
        Matcher spelled = CAPITALISED_RUN.matcher(rest);
        while (spelled.find()) {
            List<String> run = AnswerText.words(spelled.group().toLowerCase(Locale.ROOT));
            if (initials(run, 0, run.size()).equals(acronym) && !run.equals(words.subList(from, words.size()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the name after the last possessive of a run of names starts ("Federal Reserve's | Federal …"), else the
     * run's end; {@code text} is the text the words were read from, with its apostrophes.
     */
    private static int ownedFrom(String text, List<String> words, int from, int end) {
        int owned = end;
        for (int k = from; k + 2 < end; k++) {
            if (text.contains(words.get(k) + "'s " + words.get(k + 1))) {
                owned = k + 1;
            }
        }
        return owned;
    }

    /**
     * Whether the owner of a name, the words before its possessive, is one the question speaks of ("the Federal
     * Reserve's …" to "… the US federal funds rate?"; not "India's Monetary Policy Committee" to a question on the UK).
     */
    private static boolean askedOwner(List<String> owner, Question question) {
        for (String word : owner) {
            if (!AnswerText.stopword(word) && question.mentions(AnswerText.stem(word))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether what follows a name's comma describes it rather than goes on with a list: it opens with a word in lower
     * case that is no conjunction ("headquartered in …", "which …", "a non-profit …"; not "the Bank of England"), and
     * names no more with "and" or "or".
     */
    private static boolean description(String rest) {
        String text = rest.strip();
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0)) || text.contains(" and ") || text.contains(" or ")
                || text.startsWith("and ") || text.startsWith("or ")) {
            return false;
        }
        // an article before a word in lower case ("a non-profit based in …"), not before a name ("the Fed")
        int space = text.indexOf(' ');
        return space < 0 || !DETERMINERS.contains(text.substring(0, space))
                || space + 1 < text.length() && Character.isLowerCase(text.charAt(space + 1));
    }

    /** The first letters of a run of words, the short words that join names aside ("of", "and"). */
    private static String initials(List<String> words, int from, int end) {
        StringBuilder firsts = new StringBuilder();
        for (int k = from; k < end; k++) {
            if (!NAME_JOINERS.contains(words.get(k))) {
                firsts.append(words.get(k).charAt(0));
            }
        }
        return firsts.toString();
    }

    /**
     * Whether a name is one word of two to six capital letters that are the initials of a run of words written with
     * capitals in the other answer (the short words of {@link #NAME_JOINERS} between them skipped), a run that holds a
     * word of the other answer's name and ends there ("IMO" / "The International Maritime Organization is
     * responsible.", whose first name read is "Maritime Organization"). Initials that stand for two names are read as
     * the one the other answer names ("ICC": International Cricket Council or Criminal Court).
     */
    private static boolean initialsOfNamed(String name, String otherName, Reading other) {
        if (name.length() < 2 || name.length() > 6) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isUpperCase(name.charAt(i))) {
                return false;
            }
        }
        Set<String> named = new HashSet<>(AnswerText.words(otherName.toLowerCase(Locale.ROOT)));
        String[] tokens = other.answer.split("[^\\p{L}\\p{N}]+");
        for (int from = 0; from < tokens.length; from++) {
            if (!capitalWord(tokens[from])) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            boolean holds = false;
            for (int to = from; to < tokens.length && initials.length() <= name.length(); to++) {
                String token = tokens[to];
                if (capitalWord(token)) {
                    initials.append(token.charAt(0));
                    holds |= named.contains(token.toLowerCase(Locale.ROOT));
                    if (holds && initials.toString().equals(name) && runEnds(tokens, to + 1)) {
                        return true;
                    }
                } else if (!NAME_JOINERS.contains(token)) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Whether a run of capitalised words ends before a token: no capitalised word there, nor after the short words
     * that join a name ("The Democratic Republic of the Congo" is no run that "DR" is the initials of).
     */
    private static boolean runEnds(String[] tokens, int at) {
        int k = at;
        while (k < tokens.length && NAME_JOINERS.contains(tokens[k])) {
            k++;
        }
        return k >= tokens.length || !capitalWord(tokens[k]);
    }

    private static boolean capitalWord(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
    }

    /** Whether a one-word answer is the initials of the other's words ("UN" / "United Nations"). */
    private static boolean acronym(Reading a, Reading b) {
        if (a.words.size() != 1 || b.words.size() < 2) {
            return false;
        }
        String word = a.words.get(0);
        StringBuilder initials = new StringBuilder();
        for (String other : b.words) {
            if (!AnswerText.stopword(other)) {
                initials.append(other.charAt(0));
            }
        }
        return initials.toString().equals(word);
    }

    /**
     * The text where an answer states its answer: without parentheses, the calculation before a "=" ("55 in × 2.54 =
     * 139.7 cm" states 139.7 cm), and each sentence cut before a clause of contrast or context ("…, whereas HTTP uses
     * 80", "… — electronics are the exception at 15 days").
     */
    static String mainText(String lower, Question question) {
        StringBuilder out = new StringBuilder(lower.length());
        int depth = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '(' && depth == 0 && (lower.startsWith("utc", i + 1) || lower.startsWith("gmt", i + 1))) {
                // a time zone in brackets belongs to the time before it ("08:00 (UTC−4)")
                out.append(' ');
            } else if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        String text = depth == 0 ? out.toString() : lower;
        StringBuilder main = new StringBuilder(text.length());
        for (String sentence : sentences(text)) {
            String kept = conceded(calculated(sentence), question);
            // what a restatement gives is the answer ("the day before 15 October, i.e. 4 October")
            for (String restated : RESTATED) {
                int at = kept.lastIndexOf(restated);
                if (at > 0 && at + restated.length() < kept.length() && digit(kept, at + restated.length())) {
                    kept = kept.substring(at + restated.length());
                }
            }
            for (String marker : CONTRAST) {
                int at = kept.indexOf(marker);
                if (at > 0) {
                    kept = kept.substring(0, at);
                }
            }
            for (String dash : new String[] {" — ", " – ", " -- ", " - "}) {
                int at = kept.indexOf(dash);
                if (at > 0 && !restates(kept.substring(at + dash.length()))) {
                    kept = kept.substring(0, at);
                }
            }
            main.append(kept).append(". ");
        }
        return main.toString();
    }

    /** Whether a digit comes at or after {@code from}: a restatement in figures, not in words ("i.e. one in six"). */
    private static boolean digit(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sentence with a calculation ("55 in × 2.54 = 139.7 cm", "1 atm = 101,325 Pa": a clause that opens with a
     * number) given by its result; other sentences ("from i = 0 to i = 9") as they are.
     */
    private static String calculated(String sentence) {
        int equals = sentence.lastIndexOf('=');
        if (equals < 0 || equals + 1 >= sentence.length()) {
            return sentence;
        }
        int first = sentence.indexOf('=');
        int clause = Math.max(sentence.lastIndexOf(", ", first), sentence.lastIndexOf("; ", first));
        int start = clause < 0 ? 0 : clause + 2;
        while (start < first && (sentence.charAt(start) == ' ' || sentence.charAt(start) == '$'
                || sentence.charAt(start) == '-')) {
            start++;
        }
        if (start >= first || !Quantities.isDigit(sentence.charAt(start))) {
            return sentence;
        }
        return sentence.substring(0, start) + sentence.substring(equals + 1);
    }

    /** A sentence opening with a concession, from after its first comma ("Although Titania is often cited, …"). */
    private static String conceded(String sentence, Question question) {
        String opened = sentence.stripLeading();
        for (String opener : CONCEDING) {
            int comma = opened.indexOf(", ");
            if (opened.startsWith(opener) && comma > opener.length() && comma + 2 < opened.length()) {
                // with a relative clause of the conceded part ("Unlike its neighbours, which speak Spanish, …")
                String after = opened.substring(comma + 2);
                int next = after.indexOf(", ");
                return (after.startsWith("which ") || after.startsWith("who ")) && next > 0 && next + 2 < after.length()
                        ? after.substring(next + 2) : after;
            }
        }
        // a misconception corrected: "It is often attributed to Bosch, but it was painted by Bruegel", "…, but it
        // was actually Raphael"
        int but = opened.indexOf(", but ");
        if (but > 0) {
            String after = opened.substring(but + 6);
            List<String> before = AnswerText.words(opened.substring(0, but));
            boolean held = false;
            boolean holders = false;
            for (String word : before) {
                if (MISTAKEN.contains(word)) {
                    return after;
                }
                held |= HELD.contains(word);
                holders |= HOLDERS.contains(word);
            }
            if (held && holders && correcting(after, question)) {
                // what many people hold, corrected: "Many people assume it's Ankara, but the capital is Istanbul"
                return after;
            }
            List<String> then = AnswerText.words(after);
            if (then.contains("actually") || then.contains("fact") && then.contains("in")) {
                return after;
            }
        }
        return answeringClause(sentence, question);
    }

    /**
     * Whether the clause after ", but " gives the answer in place of a view held: it says "actually" or "in fact",
     * or says what is what the question asks about ("…, but by diameter the largest planet is Saturn"; not
     * "…, but few know it has no capital status in law").
     */
    private static boolean correcting(String after, Question question) {
        boolean asked = false;
        boolean copula = false;
        for (String word : AnswerText.words(after)) {
            if (word.equals("actually") || word.equals("fact")) {
                return true;
            }
            asked |= !AnswerText.stopword(word) && question.mentions(AnswerText.stem(word));
            copula |= YesNo.COPULAS.contains(word);
        }
        return asked && copula;
    }

    /**
     * The second clause of a sentence, after ", but ", when it alone says what the question asks and the first, a
     * statement of its own ({@link #statement}), says something else about another answer ("Istanbul is Turkey's
     * largest city, but the capital is Ankara", "Construction began in 1961, but it fell in 1989"; {@link
     * #answersInstead}). Else the sentence as it is. (A semicolon ends a sentence here: {@link #sentences}.)
     */
    private static String answeringClause(String sentence, Question question) {
        int at = sentence.indexOf(", but ");
        if (at <= 0 || at + ", but ".length() >= sentence.length()) {
            return sentence;
        }
        String first = sentence.substring(0, at);
        String second = sentence.substring(at + ", but ".length());
        return statement(first) && answersInstead(first, second, question) ? second : sentence;
    }

    /**
     * Whether a clause states something: it holds a verb in a finite form ("is", "won", "began"), not only an answer
     * and what qualifies it ("100 °C at sea level", "Leonardo da Vinci").
     */
    private static boolean statement(String clause) {
        for (String word : AnswerText.words(clause)) {
            if (VERBS.contains(word) || Lexical.inflectedVerb(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a later clause of an answer, not an earlier one, says what the question asks: it holds a word of the
     * question the earlier clause does not, and the earlier one no word of the question it lacks, the question's names,
     * numbers and negations and the kind of answer it asks for ("Which city …") aside.
     */
    private static boolean answersInstead(String earlier, String later, Question question) {
        if (question.text() == null) {
            return false;
        }
        Set<String> names = new HashSet<>();
        question.names().forEach(names::addAll);
        List<String> first = AnswerText.words(earlier);
        List<String> second = AnswerText.words(later);
        List<String> questionWords = AnswerText.words(question.text().toLowerCase(Locale.ROOT));
        boolean newInSecond = false;
        for (int k = 0; k < questionWords.size(); k++) {
            String word = questionWords.get(k);
            if (AnswerText.stopword(word) || AnswerText.negation(word)
                    || k > 0 && (questionWords.get(k - 1).equals("which") || questionWords.get(k - 1).equals("what"))) {
                continue;
            }
            boolean inFirst = saysWord(first, word);
            boolean inSecond = saysWord(second, word);
            boolean name = names.contains(AnswerText.stem(word)) || Quantities.isDigit(word.charAt(0));
            if (inFirst && !inSecond && !name) {
                return false;
            }
            newInSecond |= inSecond && !inFirst && !name;
        }
        return newInSecond;
    }

    /** Whether a question asks what someone did or should do ("What did the bank do …?", "What should I do …?"). */
    private static boolean asksWhatWasDone(Question question) {
        if (question.text() == null) {
            return false;
        }
        List<String> words = AnswerText.words(question.text().toLowerCase(Locale.ROOT));
        // ("How should I cook the eggs?" asks what to do too, where no answer opens with its own verb: "Simmer it" /
        // "Cook it")
        return (words.contains("what") || words.contains("how") && !words.contains("long")
                && !words.contains("much") && !words.contains("many"))
                && (words.contains("do") || words.contains("should"));
    }

    /** Whether a clause's words hold a word of the question in some form ({@link Lexical#formOf}). */
    private static boolean saysWord(List<String> words, String asked) {
        for (String word : words) {
            if (!AnswerText.stopword(word) && Lexical.formOf(word, asked)) {
                return true;
            }
        }
        return false;
    }

    /** The text with each sentence cut before a clause of contrast ("…, whereas …", "…, followed by …"). */
    static String coreText(String lower, Question question) {
        StringBuilder core = new StringBuilder(lower.length());
        for (String sentence : sentences(lower)) {
            String kept = conceded(sentence, question);
            for (String marker : CONTRAST) {
                int at = kept.indexOf(marker);
                if (at > 0) {
                    kept = kept.substring(0, at);
                }
            }
            // what a comparison measures against ("… covering more area than the Pacific"), not a number ("more than 5")
            int than = kept.indexOf(" than ");
            if (than > 0 && !digit(kept, than + 6)) {
                kept = kept.substring(0, than);
            }
            core.append(kept).append(". ");
        }
        return core.toString();
    }

    /**
     * A short law in notation against one said in words ("F = ma" / "Force equals mass times acceleration."), or
     * against its right side said alone ("KE = ½mv²" / "mass times velocity squared"): SAME or DIFFERENT as they
     * evaluate ({@link SpokenMath#equation}, {@link Formulas}); {@code null} when the words are no law read there.
     */
    private static Verdict law(Reading a, Reading b) {
        Reading notation = a.head.indexOf('=') >= 0 ? a : b;
        if (notation.head.length() > SHORT_LAW_CHARS) {
            return null;
        }
        String said = AnswerText.lower(notation == a ? b.head : a.head);
        String law = SpokenMath.equation(said);
        Boolean same;
        if (law != null) {
            same = Formulas.sameEquation(notation.head, law);
        } else {
            String right = SpokenMath.lawSide(said);
            int equals = notation.head.indexOf('=');
            same = right == null || notation.head.indexOf('=', equals + 1) >= 0 ? null
                    : Formulas.sameValues(notation.head.substring(equals + 1), right);
        }
        if (same == null) {
            return null;
        }
        return same ? new Verdict(Decision.SAME, "the same law said in words")
                : new Verdict(Decision.DIFFERENT, "a law and words that say another");
    }

    /** Whether a text may be LaTeX (it holds a dollar sign or a backslash). */
    private static boolean latex(String text) {
        return text.indexOf('$') >= 0 || text.indexOf('\\') >= 0;
    }

    /**
     * Whether each answer gives one score of two numbers joined by a hyphen or a dash ("1-0", "2–1"), and the other's
     * is the same two numbers the other way round: a result reversed ("0-1" / "White won the game, 1-0."). A date or
     * anything else with more than two numbers joined so ("2024-03-15") is no score.
     */
    private static boolean reversedScore(String x, String y) {
        long[] one = score(x);
        long[] other = one == null ? null : score(y);
        return other != null && one[0] != one[1] && one[0] == other[1] && one[1] == other[0];
    }

    /** The one score an answer gives ({@link #reversedScore}), else null (none, or two that differ). */
    private static long[] score(String lower) {
        long[] found = null;
        int n = lower.length();
        for (int i = 0; i < n; i++) {
            if (!Quantities.isDigit(lower.charAt(i)) || i > 0 && (Quantities.isDigit(lower.charAt(i - 1))
                    || scoreDash(lower.charAt(i - 1)) || Character.isLetter(lower.charAt(i - 1))
                    || lower.charAt(i - 1) == '.')) {
                continue;
            }
            int end = i;
            while (end < n && Quantities.isDigit(lower.charAt(end))) {
                end++;
            }
            if (end - i > 3 || end + 1 >= n || !scoreDash(lower.charAt(end))
                    || !Quantities.isDigit(lower.charAt(end + 1))) {
                i = end;
                continue;
            }
            int second = end + 1;
            int stop = second;
            while (stop < n && Quantities.isDigit(lower.charAt(stop))) {
                stop++;
            }
            if (stop - second > 3 || stop < n && (scoreDash(lower.charAt(stop)) || Character.isLetterOrDigit(
                    lower.charAt(stop)) || lower.charAt(stop) == '.' && stop + 1 < n
                    && Quantities.isDigit(lower.charAt(stop + 1)))) {
                i = stop;
                continue;
            }
            long[] pair = {Long.parseLong(lower.substring(i, end)), Long.parseLong(lower.substring(second, stop))};
            if (found != null && (found[0] != pair[0] || found[1] != pair[1])) {
                return null;
            }
            found = pair;
            i = stop;
        }
        return found;
    }

    private static boolean scoreDash(char c) {
        return c == '-' || c == '\u2013';
    }

    /**
     * Two short answers to a question that asks for a time signature or a ratio, each stating one: time signatures
     * compared as written ("4/4" is not "2/2", though both are one), ratios by their value ("2:3" is "4 to 6", not
     * "3:2"); {@code null} otherwise.
     */
    private static Verdict ratios(Reading a, Reading b, Question question) {
        boolean meter = question.hasPhrase("time signature") || question.hasPhrase("meter")
                || question.hasPhrase("metre");
        boolean ratio = question.hasPhrase("ratio");
        if (meter) {
            Verdict spoken = spokenMeter(a, b);
            if (spoken != null) {
                return spoken;
            }
        }
        if (!meter && !ratio || a.words.size() > RATIO_WORDS || b.words.size() > RATIO_WORDS) {
            return null;
        }
        Matcher x = (meter ? METER : RATIO).matcher(a.lower);
        Matcher y = (meter ? METER : RATIO).matcher(b.lower);
        if (!x.find() || !y.find()) {
            return null;
        }
        if (meter) {
            return x.group(1).equals(y.group(1)) && x.group(2).equals(y.group(2)) ? null
                    : new Verdict(Decision.DIFFERENT, "different time signatures");
        }
        double one = Double.parseDouble(x.group(1)) * Double.parseDouble(y.group(2));
        double other = Double.parseDouble(x.group(2)) * Double.parseDouble(y.group(1));
        return Math.abs(one - other) <= 1e-9 * Math.max(Math.abs(one), Math.abs(other))
                ? new Verdict(Decision.SAME, "the same ratio") : new Verdict(Decision.DIFFERENT, "different ratios");
    }

    /**
     * Blood types with their Rh factor, to a question about blood ("AB+" / "AB positive", "O−" / "O negative"): the
     * same types in any order and notation, different when neither answer's types hold the other's; {@code null} when
     * one holds the other's, either answer names none or the question is not about blood.
     */
    private static Verdict bloodTypes(Reading a, Reading b, Question question) {
        if (!(question.mentions(BLOOD) || question.mentions(DONOR) || question.mentions(TRANSFUSION)
                || question.mentions("rh")) || a.words.size() > BLOOD_WORDS
                || b.words.size() > BLOOD_WORDS) {
            return null;
        }
        Set<String> x = bloodTypes(a.head);
        Set<String> y = x.isEmpty() ? x : bloodTypes(b.head);
        if (y.isEmpty()) {
            return null;
        }
        if (x.equals(y)) {
            return new Verdict(Decision.SAME, "the same blood types");
        }
        // one answer's types among the other's is for the other rules ("O negative." / "O negative; AB positive is the
        // universal recipient.")
        return x.containsAll(y) || y.containsAll(x) ? null : new Verdict(Decision.DIFFERENT, "different blood types");
    }

    /** The blood types an answer names with their Rh factor, as "AB+", "O-". */
    private static Set<String> bloodTypes(String text) {
        Set<String> types = new HashSet<>(2);
        Matcher m = BLOOD_TYPE.matcher(text);
        while (m.find()) {
            String sign = m.group(2).toLowerCase(Locale.ROOT);
            types.add(m.group(1) + (sign.equals("+") || sign.equals("\u207a") || sign.startsWith("pos") ? "+" : "-"));
        }
        return types;
    }

    /**
     * A time signature in figures against one said in words ("3/4" / "Three beats per bar, with the quarter note
     * getting one beat", "three-four time", "common time"): the same when the beats match and so does the note that
     * gets one beat, where the words name it; else different. {@code null} when not exactly one answer is in figures,
     * or the other says no time signature.
     */
    private static Verdict spokenMeter(Reading a, Reading b) {
        Matcher x = METER.matcher(a.lower);
        Matcher y = METER.matcher(b.lower);
        boolean inA = x.find();
        boolean inB = y.find();
        if (inA == inB) {
            return null;
        }
        Matcher figures = inA ? x : y;
        Reading words = inA ? b : a;
        if (words.words.size() > SPOKEN_METER_WORDS) {
            return null;
        }
        int[] said = spokenMeter(words.lower);
        if (said == null) {
            return null;
        }
        boolean same = said[0] == Integer.parseInt(figures.group(1))
                && (said[1] == 0 || said[1] == Integer.parseInt(figures.group(2)));
        return same ? new Verdict(Decision.SAME, "the same time signature in words")
                : new Verdict(Decision.DIFFERENT, "different time signatures");
    }

    /** A number of a time signature in figures or in words ("3", "three"; 2 to 16), else {@code null}. */
    private static Integer meterNumber(String word) {
        Integer value = Quantities.isDigit(word.charAt(0)) ? Integer.valueOf(word) : Quantities.smallNumber(word);
        return value != null && value >= 2 && value <= 16 ? value : null;
    }

    private static int noteValue(String name) {
        return name.startsWith("quarter") || name.startsWith("crotchet") ? 4
                : name.startsWith("half") || name.startsWith("minim") ? 2
                : name.startsWith("eighth") || name.startsWith("quaver") ? 8 : 16;
    }

    /** Beats and the note that gets one (0 when not said) of a time signature said in words, or {@code null}. */
    private static int[] spokenMeter(String lower) {
        if (lower.contains("common time")) {
            return new int[] {4, 4};
        }
        if (lower.contains("cut time") || lower.contains("alla breve")) {
            return new int[] {2, 2};
        }
        Matcher named = NAMED_METER.matcher(lower);
        if (named.find()) {
            Integer beats = meterNumber(named.group(1));
            Integer note = meterNumber(named.group(2));
            return beats == null || note == null ? null : new int[] {beats, note};
        }
        Matcher counted = COUNTED_METER.matcher(lower);
        if (!counted.find()) {
            return null;
        }
        Integer beats = meterNumber(counted.group(1));
        if (beats == null) {
            return null;
        }
        Matcher note = METER_NOTE.matcher(lower);
        int value = 0;
        if (note.find()) {
            String name = note.group(1);
            value = noteValue(name);
            if (note.find() && noteValue(note.group(1)) != value) {
                return null; // two note values: not read
            }
        }
        return new int[] {beats, value};
    }

    /**
     * Whether two pieces of code are one once their common idioms are rewritten to one form ({@code x} and {@code y},
     * from {@link Code#idiomatic}): the same symbols, or the same up to the names of their variables. Only where an
     * idiom was rewritten.
     */
    private static boolean sameIdiom(String a, String b, String x, String y) {
        if (x.equals(a.strip()) && y.equals(b.strip())) {
            return false;
        }
        return compactCode(x.toLowerCase(Locale.ROOT)).equals(compactCode(y.toLowerCase(Locale.ROOT)))
                || Code.renamed(x, y);
    }

    /**
     * Code or a formula without its layout: backticks, whitespace and a trailing semicolon or period dropped, quotes
     * of one kind, comparison and arithmetic symbols in their ASCII spelling ("≤" is "<=", "×" is "*").
     */
    static String compactCode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (text.startsWith("```", i)) {
                // a fence and its language ("```python")
                i += 3;
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                i--;
                continue;
            }
            if (c == ';' && closes(text, i + 1)) {
                // a semicolon before a closing brace, which CSS and JavaScript leave optional
                continue;
            }
            switch (c) {
                case '`', ' ', '\t', '\n', '\r' -> { }
                case '\'' -> out.append('"');
                case '\u2264' -> out.append("<=");
                case '\u2265' -> out.append(">=");
                case '\u2260' -> out.append("!=");
                case '\u00d7', '\u22c5' -> out.append('*');
                case '\u00f7' -> out.append('/');
                case '\u2212' -> out.append('-');
                default -> out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == '.')) {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * The negations of a clause that holds a short answer which can bear on it: before it, within {@value
     * #NEGATION_REACH} words after it ("Mendeleev did not …"), or further on where it negates a verb ("Sydney is the
     * largest city, but it is not the capital"); not one inside a phrase further on ("… left gaps for ones not yet
     * found"). Every negation where the short answer's own words are not found in it.
     */
    private static int negationsAround(List<String> words, Reading shortOne) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < words.size(); k++) {
            if (shortOne.content.contains(AnswerText.stem(words.get(k)))) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        int negations = 0;
        for (int k = 0; k < words.size(); k++) {
            if (AnswerText.negation(words.get(k)) && (first < 0 || k < first || k <= last + NEGATION_REACH
                    || NEGATED_VERBS.contains(words.get(k - 1)))) {
                negations++;
            }
        }
        return negations;
    }

    /**
     * What a statement names after an opening that says only "this is the answer" ("That's the pulmonary artery.", "It
     * would be a felony."), in at most {@value #NAMED_WORDS} words; else null.
     */
    private static String namedAnswer(String lower) {
        for (String opening : NAMING) {
            if (lower.startsWith(opening)) {
                String rest = lower.substring(opening.length()).strip();
                while (!rest.isEmpty() && ".!".indexOf(rest.charAt(rest.length() - 1)) >= 0) {
                    rest = rest.substring(0, rest.length() - 1);
                }
                List<String> words = AnswerText.words(rest);
                return words.isEmpty() || words.size() > NAMED_WORDS || rest.indexOf(',') >= 0 ? null : rest;
            }
        }
        return null;
    }

    /**
     * Two names that differ in one word each, WordNet's kinds of one thing ("pulmonary vein" / "pulmonary artery"; not
     * "pulmonary trunk", nor "left side" for "left ventricle"): the two words, else null.
     */
    private static String kindSwapped(List<String> one, List<String> other) {
        List<String> gone = new ArrayList<>(one);
        gone.removeAll(other);
        List<String> come = new ArrayList<>(other);
        come.removeAll(one);
        return gone.size() == 1 && come.size() == 1 && one.size() == other.size() && one.size() > 1
                && Lexical.cousins(gone.get(0), come.get(0)) ? gone.get(0) + " / " + come.get(0) : null;
    }

    /** Whether a closing brace is the next character from here but for whitespace. */
    private static boolean closes(String text, int from) {
        int k = from;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k < text.length() && text.charAt(k) == '}';
    }

    /** Whether a clause opens by restating what came before ("that is …", "i.e. …", "or …"). */
    private static boolean restates(String clause) {
        for (String marker : new String[] {"that is", "i.e", "ie ", "which is", "or ", "equivalently", "in other words",
            "also ", "aka ", "namely"}) {
            if (clause.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Sentences and clauses: split after . ! ? ; : and at dashes, parentheses and line breaks. */
    static List<String> clauses(String lower) {
        List<String> clauses = new ArrayList<>();
        int start = 0;
        int n = lower.length();
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            int skip = 1;
            if (!end) {
                char c = lower.charAt(i);
                if ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
                        && (i + 1 == n || lower.charAt(i + 1) == ' ' || lower.charAt(i + 1) == '\n')
                        && !(c == '.' && i + 1 < n && abbreviation(lower, i))) {
                    end = true;
                } else if (c == '\n' || c == '(' || c == ')' || c == '\u2014') {
                    end = true;
                } else if ((c == '\u2013' || c == '-') && i > 0 && lower.charAt(i - 1) == ' ' && i + 1 < n
                        && lower.charAt(i + 1) == ' ') {
                    end = true;
                }
            }
            if (end) {
                String clause = lower.substring(start, i).strip();
                if (!clause.isEmpty() && !AnswerText.words(clause).isEmpty()) {
                    clauses.add(clause);
                }
                start = i + skip;
            }
        }
        return clauses;
    }

    /**
     * Answers whose first clauses (after a "Yes —" or "Correct,") are near-identical but contradict, where at least one
     * goes on after it ("Right, 403 means Forbidden: the server …" / "403 means Unauthorized — the client …"): why.
     */
    private static String firstClauseContradiction(Reading a, Reading b) {
        if (a.code || b.code) {
            return null;
        }
        Reading p = a.stance.present() && a.rest != null ? a.rest : a;
        Reading q = b.stance.present() && b.rest != null ? b.rest : b;
        List<String> x = clauses(p.lower);
        List<String> y = clauses(q.lower);
        if (x.isEmpty() || y.isEmpty() || x.size() == 1 && y.size() == 1 && p == a && q == b) {
            return null;
        }
        Reading one = new Reading(x.get(0), Question.NONE);
        Reading other = new Reading(y.get(0), Question.NONE);
        if (one.content.size() < FIRST_CLAUSE_WORDS || other.content.size() < FIRST_CLAUSE_WORDS) {
            return null;
        }
        String why = contradiction(one, other);
        return why != null && !why.startsWith(Lexical.ACTIONS) ? "in the first clause, " + why : null;
    }

    /**
     * Two long answers whose first sentences (where an answer states its verdict) contradict by the rules: other
     * labels, yes and no, names, a negation or an opposite (not numbers). Why, else null.
     */
    private static String firstSentences(Reading a, Reading b, Question question) {
        if (!longProse(a, b)) {
            return null;
        }
        List<String> x = a.sentences();
        List<String> y = b.sentences();
        if (x.size() < 2 && y.size() < 2) {
            return null;
        }
        Verdict first = compare(Reading.of(x.get(0), question), Reading.of(y.get(0), question), question, 1);
        String rule = first.rule();
        // not their numbers: a first sentence may state one more than the other's ("…, about $489 a month")
        return first.decision() == Decision.DIFFERENT && contradicts(first) && !rule.startsWith("different numbers")
                && !rule.startsWith("different quantities") ? "first sentences: " + rule : null;
    }

    /**
     * Two long answers whose first sentences say the same of two different names, written inside the sentence, neither
     * in the other's first sentence ("Tides are caused mainly by the Moon's gravity …" / "Tides are driven mainly by
     * the Sun's gravity …"): at least half of the shorter one's other content words in common. Why, else null.
     */
    private static String otherAgent(Reading a, Reading b, Question question) {
        if (!longProse(a, b)) {
            return null;
        }
        List<String> x = a.sentences();
        List<String> y = b.sentences();
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        List<String[]> one = firstName(x.get(0), question);
        List<String[]> other = firstName(y.get(0), question);
        if (one.isEmpty() || other.isEmpty() || one.get(0)[1] == null || other.get(0)[1] == null) {
            return null;
        }
        Reading first = Reading.of(x.get(0), Question.NONE);
        Reading second = Reading.of(y.get(0), Question.NONE);
        Set<String> names = new HashSet<>(stemsOf(one));
        names.addAll(stemsOf(other));
        for (String stem : names) {
            if (first.content.contains(stem) && second.content.contains(stem)) {
                return null;
            }
        }
        Set<String> shared = new HashSet<>(first.content);
        shared.retainAll(second.content);
        int smaller = Math.min(first.content.size(), second.content.size()) - 1;
        String u = surface(one);
        String v = surface(other);
        return smaller >= 3 && shared.size() * 2 >= smaller && !Lexical.sameEntity(u, v)
                ? "first sentences name another: " + u + " / " + v : null;
    }

    /**
     * Two long answers to a question that asks to choose ("Should I lease or buy a car …?") whose first sentences
     * (where an answer gives its verdict) each name one of its alternatives, not the same one ("Buying is almost always
     * cheaper …" / "Over ten years, leasing works out cheaper."): why they differ, else null. Words both first
     * sentences use tell nothing apart; what one sets aside ("… rather than waiting until your debts are cleared") is
     * not named; a first sentence that negates, compares ("… than …") or speaks against what it names names nothing.
     */
    private static String otherChoice(Reading a, Reading b, Question question) {
        if (!longProse(a, b)) {
            return null;
        }
        List<Set<String>> choices = question.choices();
        if (choices.isEmpty()) {
            return null;
        }
        Set<String> x = chosen(a);
        Set<String> y = chosen(b);
        if (x == null || y == null) {
            return null;
        }
        int one = named(choices, x, y);
        int other = named(choices, y, x);
        return one >= 0 && other >= 0 && one != other ? "first sentences choose different alternatives" : null;
    }

    /**
     * Two long answers whose first sentences open alike up to a word that gives a cause, a means or a meaning ("Earth has
     * seasons because its …", "Vaccines work by …", "ECONNREFUSED means the …") and then give what has no content word
     * in common, nor one WordNet relates ("… axis is tilted" / "… orbit is elliptical"): why they differ, else null.
     * What one then sets aside ("…, not because …") is left out, and one that negates what it gives gives nothing here.
     */
    private static String otherReason(Reading a, Reading b) {
        if (!longProse(a, b)) {
            return null;
        }
        List<String> x = a.lowerSentences();
        List<String> y = b.lowerSentences();
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        List<String> one = AnswerText.words(x.get(0));
        List<String> other = AnswerText.words(y.get(0));
        // alike up to the link: a copula said as "looks" or "appears", an adverb that only weighs ("mainly") aside
        int i = 0;
        int j = 0;
        int common = 0;
        boolean linked = false;
        while (i < one.size() && j < other.size()) {
            if (WEIGHING.contains(one.get(i))) {
                i++;
                continue;
            }
            if (WEIGHING.contains(other.get(j))) {
                j++;
                continue;
            }
            if (!one.get(i).equals(other.get(j)) && !(COPULA_VERBS.contains(one.get(i))
                    && COPULA_VERBS.contains(other.get(j)))) {
                break;
            }
            linked |= REASON_LINKS.contains(one.get(i));
            common++;
            i++;
            j++;
        }
        if (common < REASON_OPENING || !linked) {
            return null;
        }
        List<String> given = reason(one, i);
        List<String> otherGiven = reason(other, j);
        if (given == null || otherGiven == null || given.size() < 2 || otherGiven.size() < 2) {
            return null;
        }
        for (String word : given) {
            for (String otherWord : otherGiven) {
                if (AnswerText.stem(word).equals(AnswerText.stem(otherWord))) {
                    return null;
                }
            }
        }
        return Lexical.relatedWords(given, otherGiven) ? null
                : "first sentences give other reasons: " + String.join(" ", given) + " / " + String.join(" ", otherGiven);
    }

    /**
     * The content words a first sentence gives after its opening, up to what it sets aside ("not", "rather", "but",
     * "whereas", "while") or {@value #REASON_WORDS} words; null when it negates them.
     */
    private static List<String> reason(List<String> words, int from) {
        List<String> content = new ArrayList<>();
        for (int k = from; k < words.size() && k < from + REASON_WORDS; k++) {
            String word = words.get(k);
            if (AnswerText.negation(word) || SET_ASIDE.contains(word)) {
                if (content.isEmpty() && AnswerText.negation(word)) {
                    return null;
                }
                break;
            }
            if (!AnswerText.stopword(word) && !Quantities.isDigit(word.charAt(0))) {
                content.add(word);
                if (content.size() == REASON_CONTENT) {
                    break;
                }
            }
        }
        return content;
    }

    /** The stems of an answer's first sentence up to what it sets aside; null when it negates, compares or warns. */
    private static Set<String> chosen(Reading r) {
        List<String> sentences = r.lowerSentences();
        if (sentences.isEmpty()) {
            return null;
        }
        List<String> words = AnswerText.words(sentences.get(0));
        Set<String> stems = new HashSet<>();
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            if (k + 1 < words.size() && (word.equals("rather") && words.get(k + 1).equals("than")
                    || word.equals("instead") && words.get(k + 1).equals("of"))) {
                break;
            }
            if (AnswerText.negation(word) || word.equals("than") || AGAINST.contains(word)) {
                return null;
            }
            stems.add(AnswerText.stem(word));
        }
        return stems;
    }

    /** The one alternative whose own stems a sentence's stems hold, those of the other sentence aside; else -1. */
    private static int named(List<Set<String>> choices, Set<String> sentence, Set<String> other) {
        int named = -1;
        for (int k = 0; k < choices.size(); k++) {
            for (String stem : choices.get(k)) {
                if (sentence.contains(stem) && !other.contains(stem)) {
                    if (named >= 0 && named != k) {
                        return -1;
                    }
                    named = k;
                }
            }
        }
        return named;
    }

    /**
     * What tells two answers apart once their short forms, lists, numbers and code have been read: the first
     * contradiction the rules find, else null. With {@code reworded}, words put in place of others are no
     * contradiction ({@link Rewording}); every other rule still reads the pair.
     */
    private static String contradicted(Reading a, Reading b, Question question, int depth, boolean reworded) {
        // near-identical answers that differ in a negation, an opposite or one content word
        String contradiction = unlessReworded(contradiction(a, b), reworded);
        if (contradiction == null && !a.code && !b.code && a.negations % 2 == b.negations % 2) {
            // the same words with two things the other way round ("The mean is more robust than the median")
            String swapped = WordOrder.swapped(a.lower, b.lower, false);
            contradiction = swapped == null ? null : "near-identical but " + swapped + " swapped";
        }
        if (contradiction == null && depth == 0) {
            contradiction = unlessReworded(sentenceContradiction(a, b), reworded);
        }
        if (contradiction == null && depth == 0) {
            contradiction = unlessReworded(firstClauseContradiction(a, b), reworded);
        }
        if (contradiction == null && depth == 0) {
            contradiction = firstSentences(a, b, question);
        }
        if (contradiction == null && depth == 0) {
            contradiction = otherChoice(a, b, question);
        }
        if (contradiction == null && depth == 0) {
            contradiction = otherReason(a, b);
        }
        if (contradiction == null && depth == 0) {
            contradiction = otherAgent(a, b, question);
        }
        if (contradiction == null && depth == 0 && !reworded) {
            contradiction = longNearIdentical(a, b);
        }
        if (contradiction == null && depth == 0 && !reworded) {
            contradiction = replacedSentence(a, b);
        }
        if (contradiction == null && depth == 0) {
            contradiction = negatedStatement(a, b);
        }
        if (contradiction == null && depth == 0) {
            contradiction = negatedFirstClause(a, b, question);
        }
        if (contradiction == null && depth == 0) {
            contradiction = oneWordSwapped(a, b);
        }
        if (contradiction == null && depth == 0) {
            contradiction = otherParticle(a, b);
        }
        if (contradiction == null && depth == 0) {
            contradiction = otherStepOrAction(a, b, question);
        }

        if (contradiction == null && depth == 0 && !a.code && !b.code && a.core.length() < a.lower.length()
                && b.core.length() < b.lower.length()) {
            // both set something aside ("Canberra, not Sydney" / "Sydney, not Canberra"): what they state
            contradiction = unlessReworded(contradiction(Reading.of(a.core, question), Reading.of(b.core, question)),
                    reworded);
        }
        return contradiction;
    }

    /** A contradiction found, unless it is only words put in place of others in a {@link Rewording}. */
    private static String unlessReworded(String contradiction, boolean reworded) {
        return reworded && wordsReplaced(contradiction) ? null : contradiction;
    }

    /** Whether a contradiction found is words put in place of others (its reason says "… in place of …"). */
    private static boolean wordsReplaced(String contradiction) {
        return contradiction != null && contradiction.contains(" in place of ");
    }

    /**
     * Two long answers that are the same text for the most part ({@link #LONG_NEAR} of the longer one's words, in
     * order) but put other content words in place of some of its words, not synonyms: one explanation edited to say
     * something else ("…held for more than one year are taxed at preferential rates" / "… at ordinary rates"). Why,
     * else null. What one only adds or leaves out is no difference here.
     */
    private static String longNearIdentical(Reading a, Reading b) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        int n = x.size();
        int m = y.size();
        if (a.code || b.code || n < LONG_NEAR_WORDS || m < LONG_NEAR_WORDS || n > MAX_DIFF_WORDS
                || m > MAX_DIFF_WORDS) {
            return null;
        }
        int[][] lcs = commonRuns(x, y);
        if (lcs[0][0] < LONG_NEAR * Math.max(n, m) || lcs[0][0] == Math.min(n, m)) {
            return null;
        }
        int i = 0;
        int j = 0;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        while (i < n || j < m) {
            boolean match = i < n && j < m && x.get(i).equals(y.get(j));
            if (match || i == n && j == m) {
                String why = replaced(removed, added, a, b);
                if (why != null) {
                    return why;
                }
                removed.clear();
                added.clear();
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                removed.add(a.significant.get(i++));
            } else {
                added.add(b.significant.get(j++));
            }
        }
        return replaced(removed, added, a, b);
    }

    /**
     * Content words in place of others that are not their synonyms, read with the particles that follow them ("gives
     * off"): why, else null.
     */
    private static String replaced(List<String> removed, List<String> added, Reading a, Reading b) {
        if (removed.isEmpty() || added.isEmpty() || Lexical.synonymous(removed, added)
                || Lexical.synonymous(withParticles(removed, a), withParticles(added, b))) {
            return null;
        }
        return "near-identical long answers but " + String.join(" ", removed) + " in place of "
                + String.join(" ", added);
    }

    /**
     * To a yes/no question, two answers that go on after a first clause which is one statement, negated in one of them
     * ({@link #negatedStatement}): "Aluminium is not ferromagnetic, so a magnet won't stick to it." / "Aluminium is
     * ferromagnetic, so a magnet will stick to it." (whose negations are even in number), "It isn't deductible, even if
     * you itemize." / "It is deductible if you itemize, up to the limits." Why they differ, else null.
     */
    private static String negatedFirstClause(Reading a, Reading b, Question question) {
        if (!question.yesNo() || a.code || b.code || a.stance.present() || b.stance.present()) {
            return null;
        }
        List<String> aClauses = clauses(a.lower);
        List<String> bClauses = clauses(b.lower);
        String x = firstClause(aClauses);
        String y = firstClause(bClauses);
        // one of them goes on after its first clause: two single statements are negatedStatement's
        if (x == null || y == null || !goesOn(aClauses, x) && !goesOn(bClauses, y)) {
            return null;
        }
        return negatedStatement(Reading.of(x, question), Reading.of(y, question)) != null
                ? "the same first clause negated" : null;
    }

    /**
     * An answer's first clause (of its {@link #clauses}), up to its first comma, when it opens with no condition or
     * concession ("If you itemize, …"); else null.
     */
    private static String firstClause(List<String> clauses) {
        if (clauses.isEmpty()) {
            return null;
        }
        String first = clauses.get(0);
        int comma = first.indexOf(", ");
        first = comma > 0 ? first.substring(0, comma) : first;
        List<String> words = AnswerText.words(first);
        return !words.isEmpty() && !SUBORDINATORS.contains(words.get(0)) ? first : null;
    }

    /** Whether an answer says more than its first clause: another clause, or more after a comma. */
    private static boolean goesOn(List<String> clauses, String firstClause) {
        return clauses.size() > 1 || firstClause.length() < clauses.get(0).length();
    }

    /**
     * Two short statements without a yes or no (where both imply one to a yes/no question, that decided already) that
     * say the same content words, one of them negated ("You should stir it often." / "You should never stir it.",
     * "The highway is open in both directions." / "The highway isn't open in either direction."): why they differ,
     * else null. The negated one says no word the other does not ("isn't safe" / "is unsafe" is a double negation,
     * not a contradiction), and an absence said in a word of its own keeps them one ("no index" / "the missing
     * index").
     */
    private static String negatedStatement(Reading a, Reading b) {
        if (a.code || b.code || a.stance.present() || b.stance.present() || a.words.size() > NEGATED_WORDS
                || b.words.size() > NEGATED_WORDS || statedNegations(a) % 2 == statedNegations(b) % 2) {
            return null;
        }
        Reading negated = statedNegations(a) % 2 == 1 ? a : b;
        Reading other = negated == a ? b : a;
        // the negated one says nothing the other does not, and the other little more: not an absence said in a word
        // of its own ("has no index" / "the missing index")
        List<String> more = only(other, negated);
        int shared = 0;
        int own = 0;
        for (String word : negated.significant) {
            String stem = AnswerText.stem(word);
            if (negated.content.contains(stem) && !NEGATED_ANY.contains(word)) {
                own++;
                shared += other.content.contains(stem) ? 1 : 0;
            }
        }
        if (shared == 0 || shared < own || more.size() > 2) {
            return null;
        }
        for (String word : more) {
            if (ABSENCE.contains(word)) {
                return null;
            }
        }
        return "the same statement negated";
    }

    /** The content words of one answer whose stems the other does not have. */
    private static List<String> only(Reading one, Reading other) {
        List<String> words = new ArrayList<>();
        for (int k = 0; k < one.significant.size(); k++) {
            String stem = one.significantStems.get(k);
            String word = one.significant.get(k);
            if (one.content.contains(stem) && !other.content.contains(stem) && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Two longer answers in prose (at least {@link #LONG_WORDS} words each, neither code). */
    private static boolean longProse(Reading a, Reading b) {
        return !a.code && !b.code && a.words.size() >= LONG_WORDS && b.words.size() >= LONG_WORDS;
    }

    /** Two answers of several sentences each, not so many that comparing them sentence by sentence costs much. */
    private static boolean explanations(List<String> x, List<String> y) {
        return x.size() >= 2 && y.size() >= 2 && x.size() <= MAX_SENTENCES && y.size() <= MAX_SENTENCES;
    }

    /**
     * Two explanations that share a whole sentence word for word, each with a sentence of its own in place of the
     * other's that is not the same one reworded (its content words are not the other's nor their synonyms): one
     * answer edited to make another claim ("… The Senate never ratified it. …" / "… The Senate ratified it in
     * November 1919. …"): why they differ, else null.
     */
    private static String replacedSentence(Reading a, Reading b) {
        if (!longProse(a, b)) {
            return null;
        }
        List<String> x = a.lowerSentences();
        List<String> y = b.lowerSentences();
        if (!explanations(x, y)) {
            return null;
        }
        List<String> own = new ArrayList<>();
        List<String> others = new ArrayList<>();
        boolean shared = false;
        for (String sentence : x) {
            if (y.contains(sentence)) {
                shared |= AnswerText.words(sentence).size() >= SHARED_SENTENCE_WORDS;
            } else {
                own.add(sentence);
            }
        }
        for (String sentence : y) {
            if (!x.contains(sentence)) {
                others.add(sentence);
            }
        }
        if (!shared || own.isEmpty() || others.isEmpty()) {
            return null;
        }
        Reading one = new Reading(String.join(" ", own), Question.NONE);
        Reading other = new Reading(String.join(" ", others), Question.NONE);
        List<String> removed = only(one, other);
        List<String> added = only(other, one);
        if (removed.isEmpty() && added.isEmpty() && one.negations % 2 == other.negations % 2
                || removed.size() == one.content.size()) {
            // the same words, or sentences on other things (details each adds, not one claim for another)
            return null;
        }
        return removed.isEmpty() || added.isEmpty() || !Lexical.synonymous(removed, added)
                ? "one sentence of the same explanation in place of another" : null;
    }

    /**
     * Two longer answers of several sentences: each sentence of one is set against the sentence of the other with the
     * most words in common, and the guard reads that pair ("TCP uses a three-way handshake." / "TCP uses a two-way
     * handshake.", the rest alike), as do {@link #negatedInOne} and {@link WordOrder#swapped} ("… to the replica
     * before the primary" / "… to the primary before the replica"): one contradicting pair makes the answers differ.
     */
    private static String sentenceContradiction(Reading a, Reading b) {
        if (!longProse(a, b)) {
            return null;
        }
        List<String> x = a.sentences();
        List<String> y = b.sentences();
        if (!explanations(x, y)) {
            return null;
        }
        List<Reading> ys = new ArrayList<>(y.size());
        for (String sentence : y) {
            ys.add(new Reading(sentence, Question.NONE));
        }
        for (String sentence : x) {
            Reading one = new Reading(sentence, Question.NONE);
            Reading best = null;
            int bestCommon = 0;
            for (Reading other : ys) {
                int common = 0;
                for (String stem : one.content) {
                    common += other.content.contains(stem) ? 1 : 0;
                }
                if (common > bestCommon) {
                    bestCommon = common;
                    best = other;
                }
            }
            if (best != null && 2 * bestCommon >= Math.max(one.content.size(), best.content.size())) {
                String why = contradiction(one, best);
                // an action in place of another is read of short answers only: sentences of a longer one go on to
                // say how, in other verbs ("It compares the target …" / "Each step looks at …")
                if (why != null && !why.startsWith(Lexical.ACTIONS)) {
                    return "in one sentence, " + why;
                }
                String negated = negatedInOne(one, best);
                if (negated != null) {
                    return "in one sentence, " + negated + " negated in one only";
                }
                // the same words with two things the other way round ("… to the replica before the primary")
                String swapped = one.negations % 2 == best.negations % 2
                        ? WordOrder.swapped(one.lower, best.lower, false) : null;
                if (swapped != null) {
                    return "in one sentence, " + swapped + " swapped";
                }
            }
        }
        return null;
    }

    /**
     * A content word two sentences each say once, negated in one of them only where the other negates nothing ("…
     * doesn't need an acid to react" / "… needs an acid to react"): the word, else null. (Where both negate something,
     * the negations are too often of other words: "… wasn't caused by extraordinary circumstances" / "… the cause wasn't
     * an extraordinary circumstance"; nor where the other sentence {@link #restricts}.)
     */
    private static String negatedInOne(Reading x, Reading y) {
        if ((x.negations == 0) == (y.negations == 0) || restricts(x.negations == 0 ? x : y)
                || notButSaid(x.negations == 0 ? y : x)) {
            return null;
        }
        Map<String, Boolean> one = negatedOnce(x);
        Map<String, Boolean> other = negatedOnce(y);
        for (Map.Entry<String, Boolean> e : one.entrySet()) {
            Boolean there = other.get(e.getKey());
            if (there != null && there != e.getValue()) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * Whether a sentence says what may happen only on a condition ("… may only be attempted once the manager has
     * approved it"), or sets something aside in words that are no negation ("mammals rather than fish", "insufficient
     * to imply causation", "regardless of whether you use a VPN"): the other's negations may say the same.
     */
    private static boolean restricts(Reading r) {
        for (String word : r.words) {
            if (RESTRICTING.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a sentence sets one thing aside for another, "not … but …" ("Whales are not fish but mammals"). */
    private static boolean notButSaid(Reading r) {
        int not = r.words.indexOf("not");
        return not >= 0 && r.words.subList(not, r.words.size()).contains("but");
    }

    /**
     * The content stems a sentence says once, each with whether a "not" or "never" negates it: the first content word
     * after one, at most two words on ("doesn't need", "is not always necessary"; {@link #negatedInOne}).
     */
    private static Map<String, Boolean> negatedOnce(Reading r) {
        Map<String, Boolean> said = new HashMap<>();
        Set<String> twice = new HashSet<>();
        List<String> words = r.words;
        int reach = -1;
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            if ((word.equals("not") || word.equals("never")) && !AnswerText.notOnly(words, k)
                    && !(k > 0 && words.get(k - 1).equals("or"))
                    && !(word.equals("never") && k + 1 < words.size() && words.get(k + 1).equals("been"))) {
                // (not "whether or not", nor "It has never been easier": as easy as ever)
                reach = k + 3;
                continue;
            }
            String stem = r.stems.get(k);
            if (AnswerText.stopword(word) || AnswerText.negation(word) || !r.content.contains(stem)
                    || Quantities.isDigit(word.charAt(0))) {
                continue;
            }
            if (said.put(stem, k < reach) != null) {
                twice.add(stem);
            }
            reach = -1;
        }
        said.keySet().removeAll(twice);
        return said;
    }

    /**
     * Whether a DIFFERENT verdict says the two texts contradict each other (other numbers, labels or names, a negation
     * or an opposite), rather than that one does not state the other: what the reasons after two agreeing yeses must
     * show to split them.
     */
    private static boolean contradicts(Verdict verdict) {
        String rule = verdict.rule();
        return rule.startsWith("different numbers") || rule.startsWith("different quantities")
                || rule.startsWith("near-identical") || rule.startsWith("different labels")
                || rule.startsWith("one name") || rule.startsWith("in one sentence") || rule.startsWith("negated")
                || rule.startsWith("different JSON") || rule.startsWith("different items");
    }

    private static String type(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key.equals("yes") || key.equals("no") ? "yes-no" : key : key.substring(0, colon);
    }

    private static boolean allInQuestion(List<Quantity> quantities, Question question) {
        for (Quantity q : quantities) {
            if (!inQuestion(q, question)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two yeses to a yes/no question, one of which goes on to state the question's claim with a word of it put in
     * place of another ("Is the last stone of an end called the hammer?": "That's right: the last rock is the hammer."
     * / "Yes, indeed — the hammer is the first stone thrown."): a word of the claim the one answer keeps and the other
     * leaves out, where the other has its antonym or another kind of the same thing ("beryl" / "corundum") that the
     * first does not have ({@link #replacedIn}); both say yes outright, neither negates nor compares ("than"), and
     * numbers are read elsewhere. A yes whose own reason denies the claim is no yes to it. Why, else {@code null}.
     */
    static String claimReplaced(Reading a, Reading b, Question question) {
        String claim = question.claim();
        if (claim == null || a.words.size() > CLAIM_WORDS || b.words.size() > CLAIM_WORDS || !a.stance.present()
                || !b.stance.present() || a.negations > 0 || b.negations > 0 || question.negations() > 0
                || question.hasPhrase("than") || a.words.contains("than") || b.words.contains("than")) {
            // (said outright by both, no negation anywhere: "It's not open" is a yes to "Is it closed?"; no
            // comparison, which states a claim by its converse: "silver is lighter than gold")
            return null;
        }
        List<String> claimed = new ArrayList<>();
        for (String word : AnswerText.words(claim)) {
            if (!AnswerText.stopword(word) && !AnswerText.negation(word) && Lexical.letters(word)) {
                claimed.add(word);
            }
        }
        String why = replacedIn(a, b, claimed);
        return why != null ? why : replacedIn(b, a, claimed);
    }

    /**
     * For {@link #claimReplaced}: a word of the claim {@code keeping} has and {@code other} puts another in place of,
     * in the claim's place: in the first clause after its yes, among its {@value #CLAIM_CONTEXT} content words either
     * side, a content word the claim has within as many of the word put aside; not a word of a list of such kinds
     * ("along with naproxen and aspirin").
     */
    private static String replacedIn(Reading keeping, Reading other, List<String> claimed) {
        List<String> claimStems = claimed.stream().map(AnswerText::stem).toList();
        // the claim as the other restates it: its first clause after the yes, up to a clause of contrast or reason
        // ("Yes, though the Sahara gets very cold at night"), none where it goes on to something else ("Yes, and …")
        List<Integer> content = new ArrayList<>();
        int from = Math.min(other.words.size(), AnswerText.words(
                other.lower.substring(0, Math.min(other.lower.length(), other.stance.rest()))).size());
        if (from < other.words.size() && ADDING.contains(other.words.get(from))) {
            return null;
        }
        for (int k = from; k < other.words.size() && !CONTRASTING.contains(other.words.get(k)); k++) {
            if (!AnswerText.stopword(other.words.get(k))) {
                content.add(k);
            }
        }
        if (content.size() < CLAIM_CONTEXT) {
            // a bare "Right." states no claim
            return null;
        }
        for (int c = 0; c < claimed.size(); c++) {
            String stem = claimStems.get(c);
            if (!keeping.stems.contains(stem) || other.stems.contains(stem)) {
                continue;
            }
            Set<String> around = new HashSet<>(claimStems.subList(Math.max(0, c - CLAIM_CONTEXT),
                    Math.min(claimStems.size(), c + CLAIM_CONTEXT + 1)));
            around.remove(stem);
            for (int i = 0; i < content.size(); i++) {
                int k = content.get(i);
                String word = other.words.get(k);
                String otherStem = other.stems.get(k);
                if (claimStems.contains(otherStem) || keeping.stems.contains(otherStem) || !Lexical.letters(word)
                        || !Quantities.parse(word).isEmpty() || listed(other.words, k, word)) {
                    continue;
                }
                boolean placed = false;
                int last = Math.min(content.size() - 1, i + CLAIM_CONTEXT);
                for (int j = Math.max(0, i - CLAIM_CONTEXT); j <= last; j++) {
                    placed |= j != i && around.contains(other.stems.get(content.get(j)));
                }
                if (placed && (Lexical.antonyms(claimed.get(c), word) || AnswerText.opposite(stem, otherStem)
                        || Lexical.twoKinds(claimed.get(c), word))) {
                    return "a yes that states the claim with " + word + " in place of " + claimed.get(c);
                }
            }
        }
        return null;
    }

    /** Whether a word is one of a list of things of its kind: after "with", "like", "including", or before another. */
    private static boolean listed(List<String> words, int k, String word) {
        if (k > 0 && LISTING.contains(words.get(k - 1))) {
            return true;
        }
        return k + 2 < words.size() && (words.get(k + 1).equals("and") || words.get(k + 1).equals("or"))
                && Lexical.letters(words.get(k + 2)) && Lexical.twoKinds(word, words.get(k + 2));
    }

    /** Yes or no on one side or both; {@code null} to go on comparing. */
    private static Verdict stance(Reading a, Reading b, Question question, int depth) {
        if (a.stance.present() && b.stance.present()) {
            if (!a.stance.value().equals(b.stance.value())) {
                return new Verdict(Decision.DIFFERENT, "yes and no");
            }
            if (a.rest != null && b.rest != null && depth < 2) {
                Verdict rests = compare(a.rest, b.rest, question, depth + 1);
                if (rests.decision() == Decision.DIFFERENT && contradicts(rests)) {
                    return rests;
                }
            }
            String replaced = depth == 0 && "yes".equals(a.stance.value()) ? claimReplaced(a, b, question) : null;
            if (replaced != null) {
                return new Verdict(Decision.DIFFERENT, replaced);
            }
            return new Verdict(Decision.SAME, "same yes or no");
        }
        Reading said = a.stance.present() ? a : b;
        Reading other = a.stance.present() ? b : a;
        String corrected = corrected(said, other, question);
        if (corrected != null) {
            return new Verdict(Decision.DIFFERENT, corrected);
        }
        if (said.rest == null) {
            // what the other says of the question's claim: negated, or contradicting it in other words ("Is mercury
            // a liquid …?" / "Mercury is a solid …"); a claim the question itself negates turns it round
            // (negations in a reason it gives are not its answer: "Zero is even, since it leaves no remainder")
            String inferred = denies(other, question) ^ question.negations() % 2 == 1 ? "no" : "yes";
            return inferred.equals(said.stance.value()) ? new Verdict(Decision.SAME, "statement agrees with yes or no")
                    : new Verdict(Decision.DIFFERENT, "statement contradicts yes or no");
        }
        // a yes that goes on, against a short statement that denies what the question asks to confirm by a negation
        // or another name ("Yes, he wrote it as a young man." / "'Pride and Prejudice' was written by Jane Austen." to
        // "Shakespeare wrote 'Pride and Prejudice', didn't he?"); in other words it may only reword the claim ("The
        // loop executes ten times")
        if ("yes".equals(said.stance.value()) && question.yesNo() && question.negations() == 0
                && other.words.size() <= LONG_WORDS && negatedOrAnotherName(other, question)) {
            return new Verdict(Decision.DIFFERENT, "a yes against a statement that denies the question's claim");
        }
        // (a long explanation's negations are no yes or no; nor are they after an "Exactly," to another question, nor
        // in what an answer sets aside: "Yes: at runtime, not at compile time"; nor, after a no, against a statement
        // whose own yes or no is not known, unless it says the word the no negates: "No, there aren't any delays." /
        // "The line is running on schedule."; but "No, it isn't offered with a manual." / "… still offer a manual …")
        if (question.yesNo() && statedNegations(said.rest) % 2 != statedNegations(other) % 2
                && other.words.size() <= LONG_WORDS && (other.polarity != null || !said.stance.value().equals("no")
                || negatedInOne(said.rest, other) != null)
                && !said.stance.value().equals(other.polarity) && !confirms(said, other, question)
                && !("yes".equals(said.stance.value()) && deniesOnlySetAside(other, question))) {
            return new Verdict(Decision.DIFFERENT, "negation after yes or no");
        }
        // what follows the yes or no against the first clause of an answer that goes on ("Yes, basalt is intrusive." /
        // "Basalt is extrusive; it cools quickly at the surface.")
        List<String> otherClauses = question.yesNo() && depth == 0 ? clauses(other.lower) : List.of();
        if (otherClauses.size() > 1) {
            Verdict first = compare(said.rest, Reading.of(otherClauses.get(0), question), question, depth + 1);
            if (first.decision() == Decision.DIFFERENT && contradicts(first)) {
                return first;
            }
        }
        // to a question that is not a yes/no one, "Right, …" or "Correct, …" only affirms: what follows is the answer,
        // compared as a whole one
        return depth < 2 ? compare(said.rest, other, question, question.yesNo() ? depth + 1 : depth) : null;
    }

    /**
     * Whether a yes whose reason is negated ("Yes — it doesn't solidify until −39 °C") meets a statement that confirms
     * the question's claim in words without a negation ("It is liquid at room temperature"): the statement says a word
     * of the question, neither negates nor denies the claim ({@link #denies}), nor says a word of the question with a
     * negating prefix ("impure" to "Is it pure?"), and the question negates nothing ("Admission costs 20 euros" does
     * not confirm "Is the museum free to enter?").
     */
    private static boolean confirms(Reading said, Reading other, Question question) {
        if (!"yes".equals(said.stance.value()) || other.negations > 0 || question.negations() > 0) {
            return false;
        }
        boolean restates = false;
        for (String word : other.words) {
            if (AnswerText.negatedWordOf(word, question::mentions)) {
                return false;
            }
            restates |= !AnswerText.stopword(word) && question.mentions(AnswerText.stem(word));
        }
        return restates && !denies(other, question);
    }

    /**
     * Whether a statement denies a yes/no question's claim: it is negated (not in a reason it gives), its first clause
     * contradicts the claim by the rules, or answers it with another name.
     */
    private static boolean denies(Reading other, Question question) {
        boolean negated = other.negations > 0 && !(question.yesNo() && YesNo.reasoned(other));
        String asked = question.claim();
        List<String> stated = asked == null || negated ? List.of() : clauses(other.lower);
        Verdict claim = stated.isEmpty() ? null : compare(Reading.of(asked, Question.NONE),
                Reading.of(stated.get(0), Question.NONE), Question.NONE, 1);
        return negated || claim != null && claim.decision() == Decision.DIFFERENT && contradicts(claim)
                || !stated.isEmpty() && anotherName(question, other, stated.get(0));
    }

    /** Whether a statement denies a yes/no question's claim by a negation or by another name, not in other words. */
    private static boolean negatedOrAnotherName(Reading other, Question question) {
        if (other.negations > 0 && deniesOnlySetAside(other, question)) {
            // "Is Tamil written in its own script rather than in Devanagari?" / "… it isn't written in Devanagari."
            return false;
        }
        if (other.negations > 0) {
            // (not where its negations cancel: "It's not out of stock.", "Seasonal staff are not ineligible …")
            return !YesNo.reasoned(other) && !"yes".equals(YesNo.polarity(other, question));
        }
        List<String> stated = clauses(other.lower);
        return !stated.isEmpty() && anotherName(question, other, stated.get(0));
    }

    /**
     * Whether the negation at {@code k} restricts to what the question asks ({@link AnswerText#onlyThis}: "native to
     * the Carolinas and nowhere else" to "Is it native to the Carolinas?"): the words before it hold every content
     * word the question asks with, and the question asks of no others ({@link #asksOthers}). Restricted to something
     * else ("Penguins live in the Southern Hemisphere and nowhere else" to "Do penguins live in the Arctic?") it
     * denies.
     */
    static boolean restrictsToAsked(List<String> words, int k, Question question) {
        if (!AnswerText.onlyThis(words, k) || asksOthers(question) || question.asked().isEmpty()) {
            return false;
        }
        Set<String> before = new HashSet<>();
        for (String word : words.subList(0, k)) {
            before.add(AnswerText.stem(word));
        }
        for (String asked : question.asked()) {
            if (!before.contains(asked)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a question asks of other things, where a "nowhere else" or "no other" is the answer itself ("Is it found
     * anywhere else?", "Do other planets have rings?").
     */
    private static boolean asksOthers(Question question) {
        for (String word : AnswerText.words(question.lowerText())) {
            if (OTHERS_ASKED.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every negation of an answer denies what its question sets aside ("… rather than in Devanagari?", "…
     * instead of butter?"): one of the next {@value #SET_ASIDE_REACH} words is a content word among the first as many
     * the question writes after "rather than" or "instead of". Such a denial agrees with the question's claim.
     */
    private static boolean deniesOnlySetAside(Reading other, Question question) {
        String asked = question.lowerText();
        int at = asked.indexOf(" rather than ");
        if (at >= 0) {
            at += " rather than ".length();
        } else if ((at = asked.indexOf(" instead of ")) >= 0) {
            at += " instead of ".length();
        } else {
            return false;
        }
        // (what it sets aside: the words after the marker, as many as are read after a negation)
        Set<String> setAside = new HashSet<>();
        List<String> after = AnswerText.words(asked.substring(at, Math.min(asked.length(), at + ASIDE_BEFORE_CHARS)));
        for (String word : after.subList(0, Math.min(after.size(), SET_ASIDE_REACH))) {
            if (!AnswerText.stopword(word)) {
                setAside.add(AnswerText.stem(word));
            }
        }
        List<String> words = AnswerText.words(other.lower);
        boolean denied = false;
        for (int k = 0; k < words.size(); k++) {
            if (!AnswerText.negation(words.get(k)) && !AnswerText.failsTo(words, k)) {
                continue;
            }
            boolean aside = false;
            for (int next = k + 1; next < Math.min(words.size(), k + 1 + SET_ASIDE_REACH) && !aside; next++) {
                aside = setAside.contains(AnswerText.stem(words.get(next)));
            }
            if (!aside) {
                return false;
            }
            denied = true;
        }
        return denied;
    }

    /**
     * Whether a statement answers a yes/no question's claim with another name: one name the question writes is
     * nowhere in it, another is, and its first clause names someone or something the question does not ("Shakespeare
     * wrote 'Pride and Prejudice', didn't he?" / "'Pride and Prejudice' was written by Jane Austen").
     */
    private static boolean anotherName(Question question, Reading other, String firstClause) {
        boolean missing = false;
        boolean kept = false;
        for (List<String> name : question.names()) {
            boolean present = false;
            for (String stem : name) {
                present |= other.stems.contains(stem) || compounded(other, stem);
            }
            missing |= !present;
            kept |= present;
        }
        List<String> words = AnswerText.words(firstClause);
        if (!missing || !kept || words.stream().anyMatch(REFERRING::contains)) {
            // "She won the Nobel Prize in Physics" to "Did Marie Curie win two Nobel Prizes?": the name, referred to
            return false;
        }
        for (String word : words) {
            String stem = AnswerText.stem(word);
            if (other.capitals.contains(stem) && !question.mentions(stem) && !AnswerText.stopword(word)
                    && !Quantities.isDigit(word.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word of an answer starts with a name the question writes ("Sunlight" for "the Sun"). */
    private static boolean compounded(Reading other, String stem) {
        if (stem.length() < 3) {
            return false;
        }
        for (String word : other.stems) {
            if (word.length() > stem.length() + 2 && word.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A yes to a question that proposes a name ("… is Ankara — is that right?") against an answer that names another
     * first and never the proposed one ("Istanbul.", "Actually, it was written by Aldous Huxley."): why they differ,
     * else null.
     */
    private static String corrected(Reading said, Reading other, Question question) {
        if (!"yes".equals(said.stance.value()) || other.code || other.negations > 0 || other.polarity != null) {
            return null;
        }
        List<String> proposed = question.proposed();
        if (proposed.isEmpty() || !question.yesNo() && !seeksConfirmation(question)) {
            return null;
        }
        for (String stem : proposed) {
            if (other.content.contains(stem) || said.rest != null && !said.rest.content.contains(stem)) {
                return null;
            }
        }
        List<String[]> name = firstName(other.head, question);
        return !name.isEmpty() && statedAsName(name, other)
                ? "a yes to the name the question proposes against another: " + surface(name) : null;
    }

    /** Whether a question asks to confirm what it says ("…, is that right?", "I believe it's …"). */
    private static boolean seeksConfirmation(Question question) {
        for (String phrase : CONFIRMATION) {
            if (question.hasPhrase(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** The negations of what an answer states, its clauses of contrast set aside. */
    private static int statedNegations(Reading r) {
        if (r.core.length() >= r.lower.length()) {
            return r.negations;
        }
        List<String> words = AnswerText.words(r.core);
        int negations = 0;
        for (int k = 0; k < words.size(); k++) {
            negations += AnswerText.negation(words.get(k)) || AnswerText.failsTo(words, k) ? 1 : 0;
        }
        return negations;
    }

    /**
     * A short answer against a longer one: {@code null} when neither is short; SAME when the longer one contains it
     * and little else beyond the question's words; DIFFERENT when it contains it negated, or a number next to a rival
     * number; MEANING when it does not contain it.
     */
    private static Verdict containment(Reading a, Reading b, Question question) {
        Reading shortOne;
        Reading longOne;
        if (isShort(a) && b.words.size() > a.words.size()) {
            shortOne = a;
            longOne = b;
        } else if (isShort(b) && a.words.size() > b.words.size()) {
            shortOne = b;
            longOne = a;
        } else {
            return null;
        }
        String designated = otherDesignator(shortOne, longOne);
        if (designated != null) {
            return new Verdict(Decision.DIFFERENT, "another designator: " + designated);
        }
        if (onlyNumbers(shortOne) && !fractionInWords(shortOne, longOne)) {
            if (sameDate(longOne, shortOne)) {
                // one date in the Julian calendar and in the Gregorian ("7 November 1917" / "25 October 1917 (Julian
                // calendar)"): unless one of them is negated, what else the longer one says is for the meaning to tell
                // (a short answer that names its calendar is no bare number)
                return shortOne.negations % 2 != longOne.negations % 2
                        ? new Verdict(Decision.DIFFERENT, "contained but negated") : Verdict.MEANING;
            }
            boolean approximate = shortOne.approximate || longOne.approximate;
            if (!Quantities.covers(longOne.quantities, shortOne.quantities, approximate)) {
                return new Verdict(Decision.DIFFERENT, "number not stated");
            }
            if (!Quantities.covers(longOne.mainQuantities, shortOne.quantities, approximate)
                    && !restatedAfter(longOne, shortOne, approximate)) {
                return new Verdict(Decision.DIFFERENT, "number stated only as context");
            }
            // the answer is the first clause that states a number of the short answer's kind ("An adult has 206
            // bones; a newborn has about 270"); another number there is a rival ("built in 1961 and fell in 1989")
            boolean outsideQuestion = false;
            for (Quantity q : longOne.mainQuantities) {
                outsideQuestion |= !inQuestion(q, question) && !longOne.nameNumbers.contains(q.value());
            }
            for (String part : parts(longOne.main)) {
                List<Quantity> stated = new ArrayList<>(2);
                for (Quantity q : Quantities.parse(result(part, question))) {
                    if (candidate(q, shortOne, longOne) && !(outsideQuestion && inQuestion(q, question))) {
                        stated.add(q);
                    }
                }
                if (stated.isEmpty()) {
                    continue;
                }
                if (!Quantities.covers(shortOne.quantities, stated, approximate)) {
                    return new Verdict(Decision.DIFFERENT, Quantities.covers(stated, shortOne.quantities, approximate)
                            ? "number next to another number" : "another number first");
                }
                break;
            }
            return shortOne.negations == 0 && negatedNumber(longOne, shortOne.quantities)
                    ? new Verdict(Decision.DIFFERENT, "negated number") : new Verdict(Decision.SAME, "number stated");
        }
        if (shortOne.content.isEmpty() || shortOne.code || longOne.code || math(shortOne) && math(longOne)
                || (math(shortOne) || math(longOne)) && symbolic(shortOne) && symbolic(longOne)) {
            // two expressions: one inside the other is another expression ("2x" / "2x²"), not the same one stated
            return null;
        }
        if (oneOfAlternatives(longOne, shortOne)) {
            // "Either Handel or Telemann — the sources disagree." / "Handel": a choice left open is not the answer
            return new Verdict(Decision.DIFFERENT, "one of the alternatives the other leaves open");
        }
        // the first clause of the longer answer's core (clauses of contrast set aside) that holds every content word
        // of the short one ("Gas" is stated by "gaseous")
        List<String> clauses = parts(longOne.core);
        for (int c = 0; c < clauses.size(); c++) {
            List<String> words = AnswerText.words(clauses.get(c));
            Set<String> stems = new HashSet<>();
            for (String word : words) {
                stems.add(AnswerText.stem(word));
            }
            if (!containsDerived(stems, shortOne.content) && !surname(stems, shortOne, longOne)) {
                continue;
            }
            // a negation inside a quotation is what is quoted ('… means "I don't have time"'), not what is said
            String said = Question.unquoted(clauses.get(c));
            int open = said.indexOf('"');
            int negations = negationsAround(AnswerText.words(open >= 0 ? said.substring(0, open) : said), shortOne);
            if (shortOne.negations % 2 != negations % 2) {
                return new Verdict(Decision.DIFFERENT, "contained but negated");
            }
            if (relativeOfAnother(clauses, c, shortOne, longOne, question)) {
                // "It was Selim I's son, Suleiman the Magnificent, who …" / "Selim I"; "The bottom quark; its partner,
                // the top quark, …" / "The top quark"
                return new Verdict(Decision.DIFFERENT, "named only as a relative of another answer");
            }
            if (c > 0 && referenced(clauses.get(c), shortOne)
                    && answersFirst(clauses.get(0), longOne, shortOne, question, REFERENCE_ANSWER_WORDS)) {
                // "'The Four Seasons' is a set of concertos by Antonio Vivaldi, a contemporary of Bach" / "Bach"
                return new Verdict(Decision.DIFFERENT, "named only in relation to another answer");
            }
            int first = 0;
            while (first < c && introductory(clauses.get(first))) {
                // "In December 1888, after a quarrel with Paul Gauguin, Vincent van Gogh …": when and where, not an
                // answer
                first++;
            }
            if (c > first && answersFirst(clauses.get(first), longOne, shortOne, question)
                    && !(clauses.size() > first + 1 && alias(clauses.get(first + 1), question))
                    && !restating(clauses.get(c)) && !restatedBefore(clauses, first, c, shortOne, longOne)
                    && !(namedAs(words, shortOne) && (!namesWithCapital(clauses.get(first), longOne)
                    || c == first + 1 && namingOpens(words)))) {
                // a name given as the name of what the first clause described ("… a score event, usually shortened to
                // Score-O") or named ("Saturn VI, better known as Titan"), not a later clause's name for another thing
                if (!apposition(clauses, c, shortOne, longOne)) {
                    return new Verdict(Decision.DIFFERENT, "another answer first");
                }
                if (!containsDerived(stems, shortOne.content)) {
                    // a description, then the last name alone: which bearer of it the description means is for the
                    // meaning to tell ("The Apollo 11 commander, Armstrong." / "The 41st president, Bush.")
                    return Verdict.MEANING;
                }
            }
            if (statedInOtherClause(clauses, c, shortOne, longOne, question)) {
                // "Mount Kenya is the second highest; the tallest mountain in Africa is Kilimanjaro" / "Mount Kenya"
                return new Verdict(Decision.DIFFERENT, "another answer stated in another clause");
            }
            int extra = 0;
            for (int k = 0; k < words.size(); k++) {
                String word = words.get(k);
                String stem = AnswerText.stem(word);
                if (!AnswerText.stopword(word) && !AnswerText.negation(word) && !containsDerived(shortOne.content, stem)
                        && !question.mentions(stem) && !Quantities.isDigit(stem.charAt(0))
                        && !partOfName(words, k, shortOne, longOne)) {
                    extra++;
                }
            }
            return extra <= MAX_EXTRA ? new Verdict(Decision.SAME, "short answer stated") : Verdict.MEANING;
        }
        if (otherOfSameLastName(shortOne, longOne)) {
            // "Emily Brontë" / "… written by Charlotte Brontë", "Ivory Coast" / "The Gold Coast (today's Ghana)"
            return new Verdict(Decision.DIFFERENT, "another of the same last name");
        }
        if (longOne.stems.containsAll(shortOne.content) && longOne.core.length() < longOne.lower.length()
                && statesMore(longOne.core, shortOne, question) && !namedAsAsked(longOne, shortOne, question)) {
            // named only in a "whereas …" or "…, not …" clause, while the rest states something
            return new Verdict(Decision.DIFFERENT, "short answer named only as context");
        }
        if (shortOne.name && !clauses.isEmpty() && statesName(clauses.get(0), longOne, shortOne, question)) {
            // "Ottawa" / "The capital of Canada is Toronto, located in Ontario."
            return new Verdict(Decision.DIFFERENT, "another name stated");
        }
        boolean named = false;
        for (String stem : shortOne.content) {
            named |= longOne.stems.contains(stem);
        }
        boolean plain = !named && !question.yesNo() && shortOne.labels.isEmpty() && !shortOne.stance.present();
        for (int c = 0; c < Math.min(clauses.size(), 3) && plain; c++) {
            if (statesOther(clauses.get(c), shortOne, question)
                    || c == 0 && demonstratesOther(longOne.lower, shortOne, question)) {
                // "The pancreas" / "The organ that produces insulin is the liver.", "Libel" / "That's called slander"
                return new Verdict(Decision.DIFFERENT, "another answer stated");
            }
        }
        if (!question.yesNo() && shortOne.labels.isEmpty() && !shortOne.stance.present() && otherKind(shortOne, longOne,
                question)) {
            // "Hydrogen bonds" / "… held together by covalent bonds", "Right triangle" / "… is an obtuse triangle"
            return new Verdict(Decision.DIFFERENT, "another kind of the same thing");
        }
        return Verdict.MEANING;
    }

    /**
     * Whether a short answer of a modifier and a noun ("hydrogen bonds") meets a sentence that never says its modifier
     * but puts another word of its own before the same noun ("covalent bonds").
     */
    private static boolean otherKind(Reading shortOne, Reading longOne, Question question) {
        // a noun phrase of common words: no name (names have aliases: "Marian Evans"), no clause ("It blocks …"), no
        // symbols ("cos x")
        List<String> stems = shortOne.significantStems;
        if (stems.size() < 2 || stems.size() > 3 || shortOne.quantities.size() > 0 || shortOne.name || math(shortOne)
                || shortOne.answer.indexOf(':') >= 0) {
            return false;
        }
        for (String word : shortOne.words) {
            if (word.length() < 3 && !AnswerText.article(word) || AnswerText.stopword(word) && !AnswerText.article(word)) {
                return false;
            }
        }
        // the longest ending the sentence says ("blood cells" of "red blood cells"), after a word of its own ("white")
        List<String> words = longOne.significantStems;
        for (int length = stems.size() - 1; length >= 1; length--) {
            List<String> head = stems.subList(stems.size() - length, stems.size());
            for (String modifier : stems.subList(0, stems.size() - length)) {
                if (longOne.stems.contains(modifier) || AnswerText.negation(modifier)) {
                    return false;
                }
            }
            for (int k = 1; k + length <= words.size(); k++) {
                String before = words.get(k - 1);
                if (words.subList(k, k + length).equals(head) && !stems.contains(before) && !question.mentions(before)
                        && Quantities.isLetter(before.charAt(0)) && !AnswerText.negation(before)
                        && !AnswerText.stopword(longOne.significant.get(k - 1))
                        && !relatedToAny(longOne.significant.get(k - 1),
                        shortOne.significant.subList(0, stems.size() - length))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short answer (a label, a name, a term, a number) that a sentence may state; not a bare yes or no. */
    static boolean isShortAnswer(Reading r) {
        return r.json == null && !r.stance.present() && isShort(r);
    }

    /**
     * Whether a sentence states exactly this short answer and nothing more: every word of the short answer is in it,
     * every other content word is the question's, no negation; a number must be the sentence's only number beyond the
     * question's. Without a question the sentence must read "… is X" or "X is …". The strict test majority voting
     * joins answers by; semantic grouping uses the lenient one in {@link #compare}.
     */
    static boolean states(Reading sentence, Reading shortOne, Question question) {
        if (sentence.json != null || sentence.negations > 0 || shortOne.negations > 0
                || sentence.words.size() <= shortOne.words.size() || sentence.words.size() > AnswerKey.SHORT_WORDS * 2) {
            return false;
        }
        if (question == Question.NONE) {
            String text = AnswerKey.normalise(sentence.answer);
            String answer = AnswerKey.normalise(shortOne.answer);
            for (String copula : new String[] {" is ", " are ", " was ", " were "}) {
                if (text.endsWith(copula + answer) || text.startsWith(answer + copula)) {
                    return true;
                }
            }
            return false;
        }
        if (onlyNumbers(shortOne)) {
            boolean found = false;
            for (Quantity q : sentence.quantities) {
                if (Quantities.covers(shortOne.quantities, List.of(q), false)) {
                    found = true;
                } else if (!inQuestion(q, question)) {
                    return false;
                }
            }
            if (!found) {
                return false;
            }
        } else if (shortOne.content.isEmpty() || !sentence.stems.containsAll(shortOne.content)) {
            return false;
        }
        for (String word : sentence.words) {
            String stem = AnswerText.stem(word);
            if (!AnswerText.stopword(word) && !shortOne.content.contains(stem) && !question.mentions(stem)
                    && !Quantities.isDigit(word.charAt(0)) && !Quantities.isUnit(word)) {
                return false;
            }
        }
        return true;
    }

    /** Short answers that each give numbers, neither covering the other's. */
    private static boolean differentNumbers(Reading a, Reading b) {
        boolean approximate = a.approximate || b.approximate;
        return !a.code && !b.code && a.words.size() <= NUMBERS_WORDS && b.words.size() <= NUMBERS_WORDS
                && !a.mainQuantities.isEmpty() && !b.mainQuantities.isEmpty()
                && !Quantities.covers(a.mainQuantities, b.mainQuantities, approximate)
                && !Quantities.covers(b.mainQuantities, a.mainQuantities, approximate);
    }

    /**
     * Whether a short answer's fraction in words is said in the longer answer in words the numbers do not read ("One
     * eighth" / "An eighth of the pizza", "One half" / "Half a tablet"): the words, not the numbers, decide.
     */
    private static boolean fractionInWords(Reading shortOne, Reading longOne) {
        for (String word : shortOne.words) {
            if (Quantities.isFractionWord(word) && longOne.stems.contains(AnswerText.stem(word))
                    && !Quantities.covers(longOne.mainQuantities, shortOne.quantities, true)) {
                return true;
            }
        }
        return false;
    }

    /** A short answer made of numbers, dates and units only ("1989", "6 minutes", "8 May 1945"). */
    private static boolean onlyNumbers(Reading r) {
        if (r.quantities.isEmpty() || r.code) {
            return false;
        }
        for (String word : r.words) {
            if (!AnswerText.stopword(word) && !Quantities.isDigit(word.charAt(0)) && !Quantities.isUnitWord(word)
                    && !Quantities.isUnit("°" + word) && !word.startsWith("^") && Quantities.isLetter(word.charAt(0))
                    && !Quantities.isMonth(word) && !Quantities.isNumberWord(word) && !Quantities.isFractionWord(word)
                    && !word.equals("am")
                    && !word.equals("pm") && !word.equals("utc")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a clause names a short answer's person by the last word of the name, written with a capital ("Lincoln
     * led the Union" for "Abraham Lincoln").
     */
    private static boolean surname(Set<String> stems, Reading shortOne, Reading longOne) {
        if (!shortOne.name || shortOne.words.size() < 2) {
            return false;
        }
        String last = AnswerText.stem(shortOne.words.get(shortOne.words.size() - 1));
        return last.length() >= 3 && stems.contains(last) && longOne.capitals.contains(last)
                && !otherFirstName(last, shortOne, longOne);
    }

    /**
     * Whether the longer answer writes a short name's last word only after another capitalised word, and none of the
     * short name's other words ({@link #otherFirstName}).
     */
    private static boolean otherOfSameLastName(Reading shortOne, Reading longOne) {
        if (!shortOne.name || shortOne.words.size() < 2 || shortOne.words.size() > 4) {
            return false;
        }
        String last = AnswerText.stem(shortOne.words.get(shortOne.words.size() - 1));
        if (last.length() < 3 || !longOne.capitals.contains(last)) {
            return false;
        }
        Set<Character> initials = new HashSet<>();
        for (int k = 0; k < shortOne.words.size() - 1; k++) {
            String word = shortOne.words.get(k);
            if (!AnswerText.stopword(word) && longOne.stems.contains(AnswerText.stem(word))) {
                return false;
            }
            initials.add(word.charAt(0));
        }
        if (!otherFirstName(last, shortOne, longOne)) {
            return false;
        }
        // the word before the last name is another first name only when it starts with another letter and is no
        // title: "Charlotte" for "Emily", not "Maria" for "Marie", "Joanne" for "J. K." or "Baroness" for "Margaret";
        // and only when WordNet knows both names as two entities (a nickname is the same person's: "Bill Clinton" /
        // "William Clinton")
        String[] tokens = NOT_A_WORD.split(longOne.head);
        boolean known = false;
        int lookups = 0;
        for (int k = 1; k < tokens.length; k++) {
            if (tokens[k].isEmpty() || !AnswerText.stem(tokens[k].toLowerCase(Locale.ROOT)).equals(last)) {
                continue;
            }
            if (!known && lookups++ < NAME_LOOKUPS) {
                known = Lexical.otherEntities(bareName(shortOne), tokens[k - 1] + " " + tokens[k]);
            }
            // the capitalised words before the last name: a first name, initials, a second surname ("Maria
            // Skłodowska-Curie", "J. K. Rowling")
            for (int j = k - 1; j >= 0 && !tokens[j].isEmpty() && Character.isUpperCase(tokens[j].charAt(0)); j--) {
                String before = tokens[j].toLowerCase(Locale.ROOT);
                if (TITLES.contains(before) || NOBLE_TITLES.contains(before) || initials.contains(before.charAt(0))) {
                    return false;
                }
            }
        }
        return known;
    }

    /**
     * Whether each time the longer answer writes the surname it follows another capitalised word than the short
     * answer's: another name with that last word ("Ivory Coast" / "the Gold Coast", "John Adams" / "Samuel Adams").
     */
    private static boolean otherFirstName(String surname, Reading shortOne, Reading longOne) {
        String[] tokens = NOT_A_WORD.split(longOne.head);
        boolean found = false;
        for (int k = 0; k < tokens.length; k++) {
            if (tokens[k].isEmpty() || !AnswerText.stem(tokens[k].toLowerCase(Locale.ROOT)).equals(surname)) {
                continue;
            }
            found = true;
            String before = k > 0 ? tokens[k - 1] : "";
            boolean other = !before.isEmpty() && Character.isUpperCase(before.charAt(0))
                    && !shortOne.content.contains(AnswerText.stem(before.toLowerCase(Locale.ROOT)));
            if (!other) {
                return false;
            }
        }
        return found;
    }

    /**
     * Whether two answers are one text but for their numbers, which are the same in another order, and two of them
     * stand side by side as fields do ("0 2 * * *" / "2 0 * * *"; not "3 and 7" / "7 and 3", "5 × 7" / "7 × 5").
     */
    private static boolean reordered(Reading a, Reading b) {
        List<Quantity> x = a.mainQuantities;
        List<Quantity> y = b.mainQuantities;
        if (x.size() != y.size() || x.size() < 2 || !fields(a.lower)) {
            return false;
        }
        boolean moved = false;
        for (int k = 0; k < x.size(); k++) {
            moved |= x.get(k).value() != y.get(k).value();
        }
        String rest = withoutDigits(a.lower);
        // (numbers alone are a set: "2 3 5 7" / "7 5 3 2")
        return moved && rest.equals(withoutDigits(b.lower))
                && rest.chars().anyMatch(c -> c == '*' || Character.isLetter(c));
    }

    private static int count(List<Quantity> quantities, String unit) {
        int n = 0;
        for (Quantity q : quantities) {
            n += unit.equals(q.unit()) ? 1 : 0;
        }
        return n;
    }

    /** Whether two numbers stand side by side in a text, only spaces between them ("0 2"). */
    private static boolean fields(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (text.charAt(i) == ' ' && Quantities.isDigit(text.charAt(i - 1))
                    && Quantities.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Quantities.isDigit(c) && c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether the longer answer states the short one's numbers in full after its main clause, and that clause says
     * nothing the short one does not ("Good Friday 1998 — 10.04.1998." / "10 April 1998"; "The last Sunday in March —
     * 30/03/2025" / "Sunday 30 March 2025"): the date restated, not set aside. A weekday the short one leaves out is
     * no rival to its date.
     */
    private static boolean restatedAfter(Reading longOne, Reading shortOne, boolean approximate) {
        // (one day in the longer answer: "April 1865 — he was shot on April 14 and died on April 15" names two)
        if (count(longOne.quantities, "day") > 1) {
            return false;
        }
        boolean said = false;
        for (Quantity q : longOne.mainQuantities) {
            if ("weekday".equals(q.unit())) {
                continue;
            }
            if (!Quantities.covers(shortOne.quantities, List.of(q), approximate)) {
                return false;
            }
            said = true;
        }
        return said;
    }

    /** A capitalised word right before or after a word of the short answer: the rest of its name ("Alexander"). */
    private static boolean partOfName(List<String> words, int k, Reading shortOne, Reading longOne) {
        if (!inName(words.get(k), longOne)) {
            return false;
        }
        // walk over the name (capitalised words and particles: "Leonardo da Vinci") to a word of the short answer
        for (int step : new int[] {-1, 1}) {
            for (int j = k + step; j >= 0 && j < words.size(); j += step) {
                if (shortOne.content.contains(AnswerText.stem(words.get(j)))) {
                    return true;
                }
                if (!inName(words.get(j), longOne)) {
                    break;
                }
            }
        }
        return false;
    }

    private static boolean inName(String word, Reading longOne) {
        return longOne.capitals.contains(AnswerText.stem(word)) || NAME_PARTICLES.contains(word);
    }

    /** Endings that derive one word from another ("gas" / "gaseous", "acid" / "acidic", "Tech" / "technology"). */
    private static final String[] DERIVATIONS = {"ous", "eous", "ic", "ical", "al", "ial", "ness", "ity", "ive", "ion",
        "ation", "ly", "y", "en", "ish", "nology", "nical", "ian", "ese", "ist", "ism"};

    /** Whether every stem of {@code wanted} is in {@code stems} or derives a word there. */
    private static boolean containsDerived(Set<String> stems, Set<String> wanted) {
        for (String stem : wanted) {
            if (!stems.contains(stem) && !derivedIn(stems, stem)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsDerived(Set<String> stems, String stem) {
        return stems.contains(stem) || derivedIn(Set.of(stem), stems);
    }

    /** Whether a stem of {@code stems} is {@code base} with a derivational ending. */
    static boolean derivedIn(Set<String> stems, String base) {
        if (base.length() < 3 || Quantities.isDigit(base.charAt(0))) {
            return false;
        }
        for (String stem : stems) {
            if (stem.length() > base.length() && stem.startsWith(base)) {
                String ending = stem.substring(base.length());
                for (String derivation : DERIVATIONS) {
                    if (ending.equals(derivation)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether any stem of {@code bases} derives {@code stem}. */
    static boolean derivedIn(Set<String> stem, Set<String> bases) {
        for (String base : bases) {
            if (derivedIn(stem, base)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a longer answer's first clause already gives an answer of its own: a short clause naming something (a
     * capitalised name or a number) beyond the question's words ("George Washington was the first; John Adams …").
     */
    /**
     * Whether two short statements say the same content words, in any order, and one of them negates them an odd number
     * of times more ("Subletting is not forbidden under the lease." / "The lease forbids subletting."); not where
     * either gives a yes or a no.
     */
    private static boolean sameWordsNegatedInOne(Reading a, Reading b) {
        return !a.code && !b.code && !a.stance.present() && !b.stance.present() && a.content.size() >= SAME_WORDS_MIN
                && a.content.size() <= SAME_WORDS_MAX && b.content.size() <= SAME_WORDS_MAX
                && a.negations % 2 != b.negations % 2 && derivedAll(a.content, b.content)
                && derivedAll(b.content, a.content);
    }

    /** Whether each stem of one set is in the other or shares a start of five letters with one there ("forbid"). */
    private static boolean derivedAll(Set<String> stems, Set<String> other) {
        for (String stem : stems) {
            boolean found = other.contains(stem);
            for (String each : other) {
                found |= Lexical.commonStart(stem, each) >= DERIVED_START;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a clause, its letters run together, holds a one-word short answer of four letters or more that its words
     * do not ("wal-mart stores" holds "walmart").
     */
    private static boolean respelled(String clause, Reading shortOne) {
        if (shortOne.significant.size() != 1 || shortOne.significant.get(0).length() < RESPELLED_LETTERS) {
            return false;
        }
        StringBuilder letters = new StringBuilder(clause.length());
        for (int k = 0; k < clause.length(); k++) {
            char c = clause.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                letters.append(c);
            }
        }
        return letters.indexOf(shortOne.significant.get(0)) >= 0;
    }

    private static boolean answersFirst(String clause, Reading longOne, Reading shortOne, Question question) {
        return answersFirst(clause, longOne, shortOne, question, FIRST_ANSWER_WORDS);
    }

    /**
     * {@link #answersFirst(String, Reading, Reading, Question)} for a first clause of up to {@code maxWords} words;
     * with more than {@link #FIRST_ANSWER_WORDS}, only a name (not the clause's first word), a number or another kind
     * of the short answer's thing answers: a clause that says what something is in a few new words ("Pandas are
     * herbivores, with bamboo …") does not.
     */
    private static boolean answersFirst(String clause, Reading longOne, Reading shortOne, Question question, int maxWords) {
        List<String> words = AnswerText.words(clause);
        if (words.size() > maxWords || words.isEmpty() || CONCESSIVE.contains(words.get(0))
                || CIRCUMSTANTIAL.contains(words.get(0))) {
            // "Although Canberra is the capital, ...": a concession, not an answer; nor "When UVB light hits the
            // skin, …", the circumstance of one
            return false;
        }
        for (String word : words) {
            if (AnswerText.negation(word)) {
                // "A dolphin is not a fish; it is a mammal": it sets the other answer aside
                return false;
            }
        }
        if (respelled(clause, shortOne)) {
            // the short answer's name written apart ("Walmart" / "Wal-Mart Stores — today Walmart Inc.")
            return false;
        }
        int fresh = 0;
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            String stem = AnswerText.stem(word);
            if (AnswerText.stopword(word) || question.mentions(stem) || shortOne.content.contains(stem)) {
                continue;
            }
            // a name: written with a capital, also first in a clause of two words or more ("Saturn is second",
            // "France won") unless it is an adverb ("Botanically speaking"), or alone before a comma when WordNet knows
            // it as an entity, of four letters or more ("Kilimanjaro, at 5,895 m, is …"; not "However," or "Correct,",
            // nor "Oh," and "OK,", which WordNet has as Ohio and Oklahoma)
            boolean named = longOne.capitals.contains(stem) && (k > 0 || words.size() >= 2 && !word.endsWith("ly")
                    && maxWords == FIRST_ANSWER_WORDS
                    || words.size() == 1 && word.length() >= 4 && Lexical.entity(word));
            if (named && abbreviates(word, longOne, shortOne)) {
                // the short answer's own formula or initials ("Plants take in CO2, carbon dioxide, …")
                continue;
            }
            if (Quantities.isDigit(word.charAt(0)) || named) {
                return true;
            }
            // another kind of the same thing ("Stratosphere" / "It sits in the troposphere, just below the
            // stratosphere")
            if (shortOne.significant.size() == 1 && Lexical.twoKinds(word, shortOne.significant.get(0))) {
                return true;
            }
            fresh++;
        }
        // "Atomic number 6 is nitrogen; carbon is 7": a clause that says what something is, in few new words
        boolean copula = false;
        for (String word : words) {
            copula |= YesNo.COPULAS.contains(word);
        }
        return copula && fresh >= 1 && fresh <= 3 && maxWords == FIRST_ANSWER_WORDS;
    }

    /**
     * Whether an answer's date moved from the Julian calendar ({@link Reading#gregorian}) is the other answer's date,
     * which is not given in the Julian calendar too (two dates both Old Style are compared as written).
     */
    private static boolean sameDate(Reading julian, Reading other) {
        return julian.gregorian != null && !Quantities.julianDated(other.lower)
                && Quantities.covers(julian.gregorian, other.mainQuantities, false)
                && Quantities.covers(other.mainQuantities, julian.gregorian, false);
    }

    /**
     * Whether a clause is a phrase that sets the scene and states nothing: it opens with one of {@link #INTRODUCTORY}
     * and has no copula or auxiliary ({@link #VERBS}) and no inflected verb after it ("According to the WHO", "Between
     * 1508 and 1512"; not "By native speakers the leader is Spanish", nor "Apart from Mercury").
     */
    private static boolean introductory(String clause) {
        List<String> words = AnswerText.words(clause);
        if (words.isEmpty() || !INTRODUCTORY.contains(words.get(0))) {
            return false;
        }
        for (String word : words.subList(1, words.size())) {
            if (VERBS.contains(word) || Lexical.inflectedVerb(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a clause names the short answer only as a point of reference: right after a word of relation, its
     * article aside ("…, just below Everest"), after "of", "to" or "from" only where a word before makes it one ("…, a
     * contemporary of Bach", "…, which sits just in front of the cerebellum"; not "the laboratory of Alexander
     * Fleming"), after "with" only with a place in a ranking or a share ("…, with nitrogen in second place", "…, with
     * nitrogen at about 21%"), after "after" or "before" unless a name is given ("named after Lincoln").
     */
    private static boolean referenced(String clause, Reading shortOne) {
        List<String> words = AnswerText.words(clause);
        for (int k = 1; k < words.size(); k++) {
            if (!shortOne.content.contains(AnswerText.stem(words.get(k)))) {
                continue;
            }
            int before = k - 1;
            while (before > 0 && DETERMINERS.contains(words.get(before))) {
                before--;
            }
            String relation = words.get(before);
            if (relation.equals("of") || relation.equals("to") || relation.equals("from")) {
                return before > 0 && RELATED.contains(words.get(before - 1));
            }
            if (relation.equals("with")) {
                for (String word : words.subList(k, Math.min(words.size(), k + 6))) {
                    if (RANKS.contains(word) || Quantities.isDigit(word.charAt(0))) {
                        return true;
                    }
                }
                return false;
            }
            if ((relation.equals("after") || relation.equals("before")) && before > 0
                    && NAMED_AFTER.contains(words.get(before - 1))) {
                return false;
            }
            return RELATIONS.contains(relation);
        }
        return false;
    }

    /**
     * What a clause states as its result: after its last "=" or " is " when one number alone follows there ("3.14159
     * rounded to four places is 3.1416", "4.5/100 = .045"), or, where the question asks for a rounding, after an arrow
     * from a number to it rounded ("2.71828… → 2.7183"; not "5.25% → 5%" to what a rate was before a cut), else the
     * clause; a count "out of" a whole is no rival of
     * the count ("nine affirmative votes out of fifteen").
     */
    private static String result(String part, Question question) {
        String clause = part.contains("out of") ? OUT_OF.matcher(part).replaceAll("") : part;
        int arrow = Math.max(clause.lastIndexOf(" → "), clause.lastIndexOf(" -> "));
        if (arrow > 0 && question.roundingAsked()) {
            String rounded = rounding(clause.substring(0, arrow), clause.substring(arrow + 3));
            if (rounded != null) {
                return rounded;
            }
        }
        int at = Math.max(clause.lastIndexOf(" = "), clause.lastIndexOf(" is "));
        if (at < 0) {
            return clause;
        }
        String after = clause.substring(at + 3);
        String before = clause.substring(0, at);
        for (String word : AnswerText.words(before)) {
            if (RESULT_BREAKS.contains(word)) {
                // what follows "which", "while", "and" is another statement ("… boils at 212 °F, which in Celsius is
                // 100", "… has 2 moons and the diameter of Phobos is 22 km"), and after "when" or "if" a condition
                // ("x is 5 when y is 3")
                return clause;
            }
        }
        return Quantities.parse(after).size() == 1 && Quantities.parse(before).size() >= 1 ? after : clause;
    }

    /**
     * What follows an arrow when it is the one number before the arrow rounded ("2.71828… → 2.7183": within half a unit
     * of its last digit), else null.
     */
    private static String rounding(String before, String after) {
        List<Quantities.Quantity> from = Quantities.parse(before);
        List<Quantities.Quantity> to = Quantities.parse(after);
        if (from.size() != 1 || to.size() != 1 || from.get(0).value() == to.get(0).value()) {
            return null;
        }
        String digits = after.strip().replaceAll("[^0-9.]", "");
        int point = digits.indexOf('.');
        double unit = point < 0 ? 1 : Math.pow(10, -(digits.length() - point - 1));
        // (the number alone after the arrow: "3.7% now → 4% forecast next year" says more)
        return Math.abs(from.get(0).value() - to.get(0).value()) <= unit / 2 + 1e-12
                && AnswerText.words(after).size() <= 1 ? after : null;
    }

    /**
     * Whether the longer answer names the short one only as one of the alternatives it leaves open: "either Handel or
     * Telemann", or one item of a list of {@value #MIN_ALTERNATIVES} or more short items joined by a last "or" ("A full
     * house, a straight, or four of a kind."). Another name in parentheses ("capped brood (or sealed brood)") or
     * after a comma alone ("Myanmar, or Burma") names the same thing and is not read here.
     */
    static boolean oneOfAlternatives(Reading longOne, Reading shortOne) {
        String answer = bare(shortOne);
        int first = answer.isEmpty() ? -1 : longOne.lower.indexOf(answer);
        if (first < 0 || longOne.lower.indexOf(answer, first + answer.length()) >= 0) {
            // named again, the answer is committed to ("… either Saturn or Jupiter, but the largest is Jupiter")
            return false;
        }
        for (String sentence : SENTENCE_END.split(longOne.lower)) {
            int at = sentence.indexOf(answer);
            if (at < 0) {
                continue;
            }
            if (CHOICE_SET_ASIDE.matcher(sentence).find()) {
                // "Ankara, not Istanbul, Izmir, or Bursa": the others set aside, not a choice left open
                return false;
            }
            Matcher either = EITHER.matcher(sentence);
            if (either.find() && sentence.indexOf('(') < 0) {
                String[] sides = EITHER_OR.split(sentence.substring(either.end()), 2);
                if (sides.length == 2 && (item(sides[0], answer) || item(firstItem(sides[1]), answer))) {
                    return true;
                }
            }
            String[] items = LIST_SEPARATOR.split(sentence.strip());
            if (items.length >= MIN_ALTERNATIVES && LAST_OR.matcher(sentence).find() && sentence.indexOf('(') < 0) {
                boolean named = false;
                boolean shortItems = true;
                for (String item : items) {
                    named |= item(item, answer);
                    shortItems &= AnswerText.words(item).size() <= ALTERNATIVE_WORDS;
                }
                if (named && shortItems) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short answer as written in lower case, without its article and its closing stops ("the top quark"). */
    private static String bare(Reading shortOne) {
        return withoutClosingStops(ARTICLE.matcher(shortOne.lower.strip()).replaceFirst("")).strip();
    }

    /** A text without the full stops and exclamation marks it ends on (one pass from the end, not a pattern). */
    private static String withoutClosingStops(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '!')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Whether one item of a list, its article aside, is the answer. */
    private static boolean item(String item, String answer) {
        return ARTICLE.matcher(item.strip()).replaceFirst("").strip().equals(answer);
    }

    /** The first item of what follows "or": up to a comma, a dash or the end. */
    private static String firstItem(String text) {
        int end = text.length();
        for (String mark : List.of(",", " —", " –", " - ")) {
            int at = text.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end);
    }

    /**
     * Whether a clause names something with a capital ("Venus is the hottest"; a capitalised stop word that opens it,
     * "That …", is none): a name of its own, which a later "called …" does not make the short answer's
     * ({@link #namedAs}).
     */
    private static boolean namesWithCapital(String clause, Reading longOne) {
        for (String word : AnswerText.words(clause)) {
            if (longOne.capitals.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the clause names the short answer as the name of what came before: one of the {@value #NAMED_AS_WORDS}
     * words before it says so ("… a score event, usually shortened to Score-O", "the standing infantry corps known in
     * English as the Janissaries", "an end moraine — specifically the terminal moraine").
     */
    private static boolean namedAs(List<String> words, Reading shortOne) {
        for (int k = 0; k < words.size(); k++) {
            if (shortOne.content.contains(AnswerText.stem(words.get(k)))) {
                for (int j = Math.max(0, k - NAMED_AS_WORDS); j < k; j++) {
                    if (NAMED_AS.contains(words.get(j))) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a clause opens by naming what the clause before it named: a naming word first or second ("better known
     * as …", "called …"), or after a relative pronoun and up to two words ("…, which is now called World Archery").
     */
    private static boolean namingOpens(List<String> words) {
        return words.stream().limit(2).anyMatch(NAMED_AS::contains)
                || !words.isEmpty() && RELATIVES.contains(words.get(0))
                && words.stream().limit(4).anyMatch(NAMED_AS::contains);
    }

    /**
     * Whether the clause names the short answer only as the one another answer is a relative of ("Selim I's son",
     * "Bach's pupil"), where the longer answer first names it, or as a relative of another answer said before it ("The
     * bottom quark; its partner, the top quark, …"): the answer is that other one. Not a relative the question asks
     * for ("Who was Queen Victoria's husband?" / "Her husband, Prince Albert."), nor one that opens the answer.
     */
    private static boolean relativeOfAnother(List<String> clauses, int c, Reading shortOne, Reading longOne,
                                             Question question) {
        String answer = bare(shortOne);
        if (answer.isEmpty()) {
            return false;
        }
        String clause = clauses.get(c).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String whole = longOne.lower.replace('\u2019', '\'');
        int at = clause.indexOf(answer + "'s ");
        if (at >= 0 && whole.indexOf(answer) == whole.indexOf(answer + "'s ")) {
            // where the answer is first named ("Babur founded it, and Babur's son …" names it before)
            List<String> after = AnswerText.words(clause.substring(at + answer.length() + 3));
            if (!after.isEmpty() && KIN.contains(after.get(0)) && !question.mentions(AnswerText.stem(after.get(0)))) {
                return true;
            }
        }
        if (c < 2 || clause.indexOf(answer) < 0) {
            // "His teacher, Plato." opens the answer: the relative is the one asked about
            return false;
        }
        List<String> before = AnswerText.words(clauses.get(c - 1));
        return before.size() == 2 && POSSESSIVES.contains(before.get(0)) && KIN.contains(before.get(1))
                && !question.mentions(AnswerText.stem(before.get(1)));
    }

    /**
     * Whether a clause opens by saying again what came before in other words ("i.e. the pope", "namely …", "aka
     * …"): the name before it is the same answer.
     */
    private static boolean restating(String clause) {
        List<String> words = AnswerText.words(clause);
        return words.size() >= 2 && (words.get(0).equals("namely") || words.get(0).equals("aka")
                || words.get(0).equals("ie") || words.get(0).equals("i") && words.get(1).equals("e"));
    }

    /**
     * Whether the clause that names the short answer comes right after the clause that answers first and only names
     * its answer again: the short answer's words and then the noun that clause ended on, before its number if it has
     * one ("TCP sits at layer 4, the transport layer." / "Transport"), or the short answer alone after that clause
     * ends on its formula or initials ("Yeast give off CO2 — carbon dioxide — …" / "Carbon dioxide"). The same answer
     * named twice, not another answer first. At most {@link #RESTATED_WORDS} words; a word before the short answer's
     * ("the layer below the transport layer"), a negation, or more than one word after it says more, and so does a
     * first clause that places its answer against another ("TCP sits above layer 3, the network layer":
     * {@link #RELATING}).
     */
    private static boolean restatedBefore(List<String> clauses, int first, int c, Reading shortOne, Reading longOne) {
        if (c != first + 1) {
            return false;
        }
        List<String> before = AnswerText.words(clauses.get(first));
        List<String> words = AnswerText.words(clauses.get(c));
        if (before.isEmpty() || words.isEmpty() || words.size() > RESTATED_WORDS) {
            return false;
        }
        for (String word : before) {
            if (RELATING.contains(word) || AnswerText.negation(word)) {
                return false;
            }
        }
        int at = DETERMINERS.contains(words.get(0)) ? 1 : 0;
        int own = 0;
        List<String> more = new ArrayList<>(1);
        for (String word : words.subList(at, words.size())) {
            if (!shortOne.content.contains(AnswerText.stem(word))) {
                more.add(word);
            } else if (more.isEmpty()) {
                own++;
            } else {
                return false;
            }
        }
        String last = before.get(before.size() - 1);
        if (own == 0 || more.size() > 1) {
            return false;
        }
        if (more.isEmpty()) {
            return abbreviates(last, longOne, shortOne);
        }
        // the noun the first clause ended on, before its number if it has one ("layer 4")
        String head = AnswerText.stem(more.get(0));
        return head.equals(AnswerText.stem(last)) || before.size() > 1 && Quantities.isDigit(last.charAt(0))
                && head.equals(AnswerText.stem(before.get(before.size() - 2)));
    }

    /**
     * Whether an answer is a description and then, after a comma, the short answer's name and nothing else but a
     * suffix ("The Apollo 11 commander, Armstrong.", "The Cupertino tech giant, Apple Inc."), or a clause that ends on
     * a name and then the short answer's as the place it lies in ("They were held in Rio de Janeiro, Brazil."): the
     * name the description leads to, not another answer before it ("… in the troposphere, just below the stratosphere"
     * says more).
     */
    private static boolean apposition(List<String> clauses, int c, Reading shortOne, Reading longOne) {
        if (c != 1 || clauses.size() != 2) {
            return false;
        }
        List<String> description = AnswerText.words(clauses.get(0));
        if (description.isEmpty() || !DETERMINERS.contains(description.get(0))
                && !longOne.capitals.contains(AnswerText.stem(description.get(description.size() - 1)))
                || capitalised(description.subList(1, description.size()), longOne)) {
            // (a first clause of names only after its "The" is a name itself: "The Hague, Amsterdam")
            return false;
        }
        for (String word : AnswerText.words(clauses.get(1))) {
            if (!shortOne.content.contains(AnswerText.stem(word)) && !NAME_SUFFIXES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a clause gives the name before it as another name of what the question asks about ("Die Zauberflöte,
     * known in English as The Magic Flute, …"): the first clause named the question's subject, not another answer.
     */
    private static boolean alias(String clause, Question question) {
        List<String> words = AnswerText.words(clause);
        int from = words.indexOf("as");
        if (words.isEmpty() || !ALIAS_OPENINGS.contains(words.get(0)) || from < 0 || from + 1 >= words.size()
                || words.size() > 10) {
            return false;
        }
        for (String word : words.subList(from + 1, words.size())) {
            if (!AnswerText.stopword(word) && !question.mentions(AnswerText.stem(word))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word is a short answer's chemical formula ("co2": carbon dioxide) or its initials ("who"). */
    private static boolean abbreviates(String word, Reading longOne, Reading shortOne) {
        if (shortOne.significant.size() >= 2 && word.length() == shortOne.significant.size()) {
            boolean initials = true;
            for (int k = 0; k < word.length() && initials; k++) {
                initials = shortOne.significant.get(k).charAt(0) == word.charAt(k);
            }
            if (initials) {
                return true;
            }
        }
        if (word.length() > 12) {
            return false;
        }
        // the formula as written: "Co" is cobalt, "CO" carbon monoxide
        int at = longOne.answer.toLowerCase(Locale.ROOT).indexOf(word);
        return at >= 0 && at + word.length() <= longOne.answer.length()
                && Chemistry.compare(longOne.answer.substring(at, at + word.length()), shortOne.answer)
                == Decision.SAME;
    }

    /**
     * Whether a clause reads "[the question's words] is [a name]": before its copula only the question's words, after
     * it one to three content words, one of them a capitalised name beyond the question's, none the short answer's.
     */
    private static boolean statesName(String clause, Reading longOne, Reading shortOne, Question question) {
        List<String> words = AnswerText.words(clause);
        int copula = -1;
        for (int k = 0; k < words.size() && copula < 0; k++) {
            String word = words.get(k);
            if (YesNo.COPULAS.contains(word)) {
                copula = k;
            } else if (!AnswerText.stopword(word) && !question.mentions(AnswerText.stem(word))) {
                return false;
            }
        }
        if (copula < 1) {
            return false;
        }
        int content = 0;
        boolean named = false;
        for (int k = copula + 1; k < words.size(); k++) {
            String word = words.get(k);
            String stem = AnswerText.stem(word);
            if (AnswerText.negation(word) || shortOne.content.contains(stem)) {
                return false;
            }
            if (!AnswerText.stopword(word)) {
                content++;
                named |= longOne.capitals.contains(stem) && !question.mentions(stem);
            }
        }
        return named && content <= 3 && !namesSameEntity(words, copula + 1, bareName(shortOne), question);
    }

    /**
     * Whether a word from {@code from} on, or two in a row, name the entity the short answer names, in WordNet
     * ("Iran's official language is Farsi" / "Persian"); not where the question asks for a name, which may be a former
     * or another one ("What was Japan's capital called before 1868?": "Edo" is not "Tokyo").
     */
    private static boolean namesSameEntity(List<String> words, int from, String name, Question question) {
        for (String asked : NAME_WORDS) {
            if (question.mentions(asked)) {
                return false;
            }
        }
        for (int k = from; k < words.size(); k++) {
            if (!AnswerText.stopword(words.get(k)) && (Lexical.sameEntity(words.get(k), name)
                    || k + 1 < words.size() && Lexical.sameEntity(words.get(k) + " " + words.get(k + 1), name))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause other than the {@code named} one, which names the short answer, states another answer in the
     * question's words ({@link #statesOther}), as what the question asks of and by a name ({@link
     * #namesAnotherAnswer}): "the tallest mountain in Africa is Kilimanjaro", "the ceiling was painted by
     * Michelangelo"; not "the capital is a planned city", "… was Almaty until 1997", "… is also called …".
     */
    private static boolean statedInOtherClause(List<String> clauses, int named, Reading shortOne, Reading longOne,
            Question question) {
        for (int c = 0; c < clauses.size(); c++) {
            String clause = clauses.get(c);
            if (c != named && (statesOther(clause, shortOne, question) && namesAnotherAnswer(clause, longOne, question)
                    || namesAnotherFirst(clause, shortOne, longOne, question))) {
                return true;
            }
        }
        if (longOne.core.length() < longOne.lower.length()) {
            // a clause of contrast may name the answer in the question's words ("… until 1974, but today Wimbledon is
            // the only Grand Slam played on grass")
            for (String clause : parts(longOne.lower)) {
                if (namesAnotherFirst(clause, shortOne, longOne, question)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * For {@link #statedInOtherClause}: whether a clause speaks of what the question asks before its verb of stating
     * ({@link #STATING}) and names another answer after it. Before the verb, two content words of the question, or one
     * and the question's own verb right after it (a passive: "the ceiling was painted by …"); no relative pronoun
     * opening the clause, no passive of a verb the question does not use ("their light is stretched by …"). No past
     * state against a question in the present ("… was Almaty until 1997"), no "until", no word that makes it another
     * name ({@link #ALIASING}). Then, past "the", "by", the participle, "in" after it and a possessive with the
     * relative it names ("his son"), a word written with a capital that the question does not hold: a name, not a
     * description ("a form of carbon") or a manner ("by accident").
     */
    private static boolean namesAnotherAnswer(String clause, Reading longOne, Question question) {
        List<String> words = AnswerText.words(clause);
        if (words.isEmpty() || RELATIVES.contains(words.get(0))) {
            return false;
        }
        int asked = 0;
        int k = 0;
        while (k < words.size() && !STATING.contains(words.get(k))) {
            asked += !AnswerText.stopword(words.get(k)) && question.mentions(AnswerText.stem(words.get(k))) ? 1 : 0;
            k++;
        }
        if (k >= words.size() || asked == 0) {
            return false;
        }
        String verb = words.get(k++);
        String next = k < words.size() ? words.get(k) : "";
        boolean participle = Lexical.inflectedVerb(next);
        boolean passive = participle && asksVerb(next, question);
        if (participle && !passive && !NAMING_PARTICIPLES.contains(next)) {
            return false;
        }
        boolean past = (verb.equals("was") || verb.equals("were")) && !passive && !question.hasPhrase("was")
                && !question.hasPhrase("were") && !question.hasPhrase("did");
        if (asked < 2 && !passive || past || words.contains("until")) {
            return false;
        }
        for (String word : words) {
            if (ALIASING.contains(word)) {
                return false;
            }
        }
        // past "the", "by", "in" after a passive, and a possessive with the relative it names ("… was his son
        // Charlemagne", "… is told in the Silappatikaram")
        while (k < words.size() && (words.get(k).equals("the") || words.get(k).equals("by")
                || passive && (Lexical.inflectedVerb(words.get(k)) || words.get(k).equals("in"))
                || NAMING_PARTICIPLES.contains(words.get(k)) || POSSESSIVES.contains(words.get(k))
                || KIN.contains(words.get(k)) && POSSESSIVES.contains(words.get(k - 1)))) {
            k++;
        }
        if (k >= words.size()) {
            return false;
        }
        String named = words.get(k);
        return !AnswerText.stopword(named) && Quantities.isLetter(named.charAt(0))
                && longOne.capitals.contains(AnswerText.stem(named)) && !question.mentions(AnswerText.stem(named));
    }

    /**
     * For {@link #statedInOtherClause}: whether a clause names another answer first and then says it is what the
     * question asks, in the question's words ("… but today Wimbledon is the only Grand Slam played on grass"): a name
     * the question does not hold (and not the short answer's) right before "is" or "was", before it nothing but stop
     * words, other words of that name and one more word ("today"); after it the question's words as {@link #asAsked}
     * reads them.
     */
    private static boolean namesAnotherFirst(String clause, Reading shortOne, Reading longOne, Question question) {
        List<String> words = AnswerText.words(clause);
        int verb = firstCopula(words);
        if (verb < 0 || !nameOfAnother(words.get(verb - 1), shortOne, longOne, question)) {
            return false;
        }
        int other = 0;
        for (int k = 0; k < verb - 1; k++) {
            String word = words.get(k);
            other += AnswerText.stopword(word) || nameOfAnother(word, shortOne, longOne, question) ? 0 : 1;
        }
        return other <= 1 && asAsked(words, verb, shortOne, question);
    }

    /**
     * Whether a clause of the longer answer, a clause of contrast too, names the short answer right before "is" or
     * "was" and then says it is what the question asks, as {@link #namesAnotherFirst} reads it ("… until 1974, but
     * today Wimbledon is the only Grand Slam played on grass" / "Wimbledon"): the answer, not context.
     */
    private static boolean namedAsAsked(Reading longOne, Reading shortOne, Question question) {
        for (String clause : parts(longOne.lower)) {
            List<String> words = AnswerText.words(clause);
            int verb = firstCopula(words);
            String subject = verb < 0 ? null : AnswerText.stem(words.get(verb - 1));
            if (subject != null && shortOne.content.contains(subject) && !question.mentions(subject)
                    && asAsked(words, verb, shortOne, question)) {
                return true;
            }
        }
        return false;
    }

    /** Where a clause's first "is", "are", "was" or "were" after its first word is; -1 where it has none. */
    private static int firstCopula(List<String> words) {
        for (int verb = 1; verb < words.size(); verb++) {
            if (YesNo.COPULAS.contains(words.get(verb))) {
                return verb;
            }
        }
        return -1;
    }

    /**
     * Whether what follows a clause's verb at {@code verb} says in the question's words what the question asks: two of
     * its content words or more (or its superlative), none of its own but an adverb ({@link #SAYING_ADVERBS}: "the
     * busiest overall"), no negation, no word that makes it another name ({@link #ALIASING}), none of the short
     * answer's.
     */
    private static boolean asAsked(List<String> words, int verb, Reading shortOne, Question question) {
        int asked = 0;
        int fresh = 0;
        for (int k = verb + 1; k < words.size(); k++) {
            String word = words.get(k);
            String stem = AnswerText.stem(word);
            if (AnswerText.negation(word) || ALIASING.contains(word) || shortOne.content.contains(stem)) {
                return false;
            }
            if (AnswerText.stopword(word)) {
                continue;
            }
            if (question.mentions(stem)) {
                // (the question's superlative counts twice: "… is the busiest overall")
                asked += Question.superlative(word) ? 2 : 1;
            } else if (!SAYING_ADVERBS.contains(word)) {
                // a word of its own makes it another thing ("… is the second largest", "… the largest hot desert")
                return false;
            }
        }
        return asked >= 2;
    }

    /** A word of a name the longer answer writes with a capital, not the short answer's, nor the question's. */
    private static boolean nameOfAnother(String word, Reading shortOne, Reading longOne, Question question) {
        String stem = AnswerText.stem(word);
        return !AnswerText.stopword(word) && Quantities.isLetter(word.charAt(0)) && longOne.capitals.contains(stem)
                && !question.mentions(stem) && !shortOne.content.contains(stem);
    }

    /**
     * Whether a participle is a form of a verb the question asks with ("told" to "Which epic tells …?", "painted" to
     * "Who painted …?").
     */
    private static boolean asksVerb(String participle, Question question) {
        if (question.mentions(AnswerText.stem(participle))) {
            return true;
        }
        for (String asked : question.asked()) {
            if (asked.length() >= 3 && Lexical.formOf(participle, asked)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause reads "[the question's words] is / is called [something else]": before its verb only the
     * question's words (at least one of them), after it one to three content words beyond the question's, none of the
     * short answer's, no negation ("the organ that produces insulin is the liver" against "The pancreas").
     */
    private static boolean statesOther(String clause, Reading shortOne, Question question) {
        List<String> words = AnswerText.words(clause);
        int verb = -1;
        int asked = 0;
        for (int k = 0; k < words.size() && verb < 0; k++) {
            String word = words.get(k);
            if (STATING.contains(word)) {
                verb = k;
            } else if (question.mentions(AnswerText.stem(word))) {
                asked++;
            } else if (!AnswerText.stopword(word)) {
                return false;
            }
        }
        // ("That's called an injunction"; not "also called", which gives another name for the same thing)
        if (verb < 0 || asked == 0 && !words.get(verb).equals("called")
                || verb > 0 && words.get(verb - 1).equals("also")) {
            return false;
        }
        int fresh = 0;
        int own = 0;
        for (int k = verb + 1; k < words.size(); k++) {
            String word = words.get(k);
            String stem = AnswerText.stem(word);
            if (AnswerText.negation(word)) {
                return false;
            }
            if (shortOne.content.contains(stem)) {
                own++;
            } else if (!AnswerText.stopword(word) && !question.mentions(stem)) {
                fresh++;
            }
        }
        return fresh >= 1 && fresh <= 3 && own == 0
                && !namesSameEntity(words, verb + 1, bareName(shortOne), question);
    }

    /**
     * Whether an answer's first clause points at the thing asked about and names another kind of it in the question's
     * words ("That's a cirrostratus cloud." to "What kind of cloud …?", "It goes in the recycling bin." to "Which bin
     * …?"): a word of its own before the question's noun and nothing more, none of the short answer's, no negation.
     */
    private static boolean demonstratesOther(String answer, Reading shortOne, Question question) {
        List<String> clauses = clauses(answer);
        String text = clauses.isEmpty() ? "" : clauses.get(0).strip();
        String rest = null;
        for (String opening : DEMONSTRATIVES) {
            if (text.startsWith(opening)) {
                rest = text.substring(opening.length());
                break;
            }
        }
        if (rest == null) {
            return false;
        }
        // its content words: one of its own, then the question's noun it qualifies, and nothing more ("a cirrostratus
        // cloud"; not "the fourth planet from the Sun", a description)
        List<String> content = new ArrayList<>();
        for (String word : AnswerText.words(rest)) {
            if (AnswerText.negation(word) || shortOne.content.contains(AnswerText.stem(word))) {
                return false;
            }
            if (!AnswerText.stopword(word)) {
                content.add(AnswerText.stem(word));
            }
        }
        return content.size() == 2 && !question.mentions(content.get(0)) && question.mentions(content.get(1))
                && Quantities.isLetter(content.get(0).charAt(0)) && !Quantities.isNumberWord(content.get(0));
    }

    /** Whether a text has content words beyond the question's and the short answer's (it states an answer of its own). */
    private static boolean statesMore(String text, Reading shortOne, Question question) {
        for (String word : AnswerText.words(text)) {
            String stem = AnswerText.stem(word);
            if (!AnswerText.stopword(word) && !AnswerText.negation(word) && !question.mentions(stem)
                    && !shortOne.content.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** A number of a longer answer that may be its answer: of the short answer's kind, not a date's month or day. */
    private static boolean candidate(Quantity q, Reading shortOne, Reading longOne) {
        return !"month".equals(q.unit()) && !"day".equals(q.unit()) && !"weekday".equals(q.unit())
                && !longOne.nameNumbers.contains(q.value()) && comparable(q, shortOne.quantities)
                && !spanOf(q, shortOne.quantities) && !(years(shortOne.quantities) && q.unit() == null && !year(q));
    }

    /** Whether every quantity is a year of our era in digits ("1865"): a count ("two meetings") is no rival to one. */
    private static boolean years(List<Quantity> quantities) {
        for (Quantity q : quantities) {
            if (!year(q)) {
                return false;
            }
        }
        return !quantities.isEmpty();
    }

    private static boolean year(Quantity q) {
        return q.unit() == null && Quantities.year(q.value());
    }

    /**
     * Whether a number is how long a range of years the short answer gives lasts ("116 years, from 1337 to 1453"
     * against "From 1337 until 1453": 1453 - 1337), counted with or without its last year.
     */
    private static boolean spanOf(Quantity q, List<Quantity> years) {
        boolean inYears = q.unit() == null || "s".equals(q.unit()) && q.factor() == Quantities.SECONDS_A_YEAR;
        double span = q.stated();
        if (!inYears || span != Math.rint(span) || span <= 0 || years.size() != 2) {
            return false;
        }
        double from = years.get(0).value();
        double to = years.get(1).value();
        if (from < 100 || to <= from || to > 9999 || from != Math.rint(from) || to != Math.rint(to)) {
            return false;
        }
        return span == to - from || span == to - from + 1;
    }

    /**
     * Sentences and clauses, also split at a comma before a word ("…, including the goalkeeper, with …"); a
     * parenthesis stays with its clause ("Highest priority (P1)").
     */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String clause : clauses(text.replace('(', ' ').replace(')', ' '))) {
            int start = 0;
            for (int i = 0; i + 2 < clause.length(); i++) {
                if (clause.charAt(i) == ',' && clause.charAt(i + 1) == ' ' && Quantities.isLetter(clause.charAt(i + 2))) {
                    parts.add(clause.substring(start, i));
                    start = i + 2;
                }
            }
            parts.add(clause.substring(start));
        }
        return parts;
    }

    /** An expression rather than prose: a caret, "+ c", or a digit glued to a letter in a short answer. */
    private static boolean formula(Reading r) {
        if (r.words.size() > SHORT_FORMULA_WORDS) {
            return false;
        }
        if (r.answer.indexOf('^') >= 0 || r.answer.contains(" + C")) {
            return true;
        }
        for (String token : r.answer.split(" ")) {
            if (Lexical.formula(token)) {
                return true;
            }
        }
        return false;
    }

    /** What a short formula is written with: letters, digits, operators, brackets, sub- and superscripts. */
    private static final Pattern FORMULA = Pattern.compile(
            "[\\p{L}\\p{N}\\s+\\-\u2212*/^=()\\[\\]|!.,\u00b7\u00d7\u00f7\u221a\u222b\u03a3\u2192\u2070-\u209f\u00b2\u00b3\u00b9\u00bd\u2208\u2282\u2286\u221e_]+");
    /** Symbols only notation has: a power, a factorial, an arrow, set membership, a root, an integral, a product. */
    private static final String NOTATION_SYMBOLS = "^!\u2192\u2208\u2282\u2286\u221a\u222b\u00b7\u00b2\u00b3\u00b9";
    /** Words of letters a formula may hold besides its variables. */
    private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "log", "ln", "exp", "sqrt", "lim", "mod");

    /**
     * Whether an answer is a short formula in notation alone ("2πr", "m/s³", "2H₂ + O₂ → 2H₂O"): at most 30 characters of
     * {@link #FORMULA}, a symbol only notation has among them (a Greek letter, a super- or subscript, {@link
     * #NOTATION_SYMBOLS}), no word of three letters or more but a function's; not a noble-gas core or a number in
     * scientific notation.
     */
    private static boolean formulaOnly(Reading r) {
        String text = r.head.strip();
        if (text.isEmpty() || text.length() > 30 || !FORMULA.matcher(text).matches()) {
            return false;
        }
        boolean symbol = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '\u00d7') {
                // a noble-gas core ("[He] 2s2"), a list, a number in scientific notation: read elsewhere
                return false;
            }
            symbol |= NOTATION_SYMBOLS.indexOf(c) >= 0 || c >= '\u0391' && c <= '\u03c9' || c >= '\u2070' && c <= '\u209f';
        }
        // an equation of letters alone is notation too ("PV = nRT", "V = IR"); numbers in one are read elsewhere
        boolean letters = equation(text) && text.chars().noneMatch(Character::isDigit);
        boolean variables = false;
        for (String word : text.split("[^\\p{L}]+")) {
            if (word.length() >= 3 && !FUNCTIONS.contains(word.toLowerCase(Locale.ROOT))) {
                // letters written together, in an equation of letters, that WordNet does not know: variables
                // multiplied ("nRT"); asked of WordNet only then, this being read for every answer
                if (!letters || Lexical.word(word.toLowerCase(Locale.ROOT))) {
                    return false;
                }
                variables = true;
            }
        }
        return variables ? letters : symbol || letters;
    }

    /** Whether a text is one equation: one "=" with something on each side. */
    private static boolean equation(String text) {
        int at = text.indexOf('=');
        return at > 0 && at == text.lastIndexOf('=') && !text.substring(at + 1).isBlank();
    }

    /** A short formula with its sides, and the terms of each, in sorted order ("c² = b² + a²": "a^2+b^2=c^2"). */
    private static String formulaKey(String formula) {
        String compact = compactCode(AnswerText.lower(formula.replace("\u00bd", "1/2")));
        List<String> sides = new ArrayList<>();
        for (String side : compact.split("=", -1)) {
            List<String> terms = new ArrayList<>(List.of(side.split("\\+", -1)));
            java.util.Collections.sort(terms);
            sides.add(String.join("+", terms));
        }
        java.util.Collections.sort(sides);
        return String.join("=", sides);
    }

    /** A formula: an exponent or a mathematical symbol among its words ("kg·m²/s²", "¬p ∨ q"). */
    private static boolean math(Reading r) {
        for (String word : r.words) {
            if (word.startsWith("^") || word.length() == 1 && AnswerText.mathSymbol(word.charAt(0))) {
                return true;
            }
        }
        return r.answer.indexOf('·') >= 0;
    }

    /** Whether an answer is a few symbols, no word of three letters or more ("2x^2", "x/2", "pH 7"). */
    private static boolean symbolic(Reading r) {
        if (r.words.size() > 4) {
            return false;
        }
        for (String word : r.words) {
            int letters = 0;
            for (int i = 0; i < word.length(); i++) {
                letters += Character.isLetter(word.charAt(i)) ? 1 : 0;
            }
            if (letters >= 3) {
                return false;
            }
        }
        return true;
    }

    /** Whether a quantity is of a kind the short answer's quantities have (the same unit, or a bare number). */
    private static boolean comparable(Quantity q, List<Quantity> quantities) {
        for (Quantity other : quantities) {
            if (q.unit() == null || other.unit() == null || q.unit().equals(other.unit())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A negation right before a number the short answer gives ("not 42", "isn't 3"); not before another number ("A
     * foot has 12 inches, not 10." / "12").
     */
    private static boolean negatedNumber(Reading r, List<Quantity> given) {
        for (int k = 1; k < r.words.size(); k++) {
            if (Quantities.isDigit(r.words.get(k).charAt(0))
                    && (AnswerText.negation(r.words.get(k - 1)) || (k > 1 && AnswerText.negation(r.words.get(k - 2))))
                    && Quantities.covers(Quantities.parse(r.words.get(k)), given, false)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the period at {@code dot} ends an abbreviation ("Marbury v. Madison", "No. 4", "Dr. Smith"). */
    private static boolean abbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (start == dot || start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            return false;
        }
        String word = text.substring(start, dot).toLowerCase(Locale.ROOT);
        if (word.equals("e") && start >= 2 && text.startsWith("i.", start - 2)
                || word.equals("g") && start >= 2 && text.startsWith("e.", start - 2)) {
            // "i.e." and "e.g." end no sentence
            return true;
        }
        if (word.equals("m") && start >= 2 && (text.startsWith("a.", start - 2) || text.startsWith("p.", start - 2))) {
            // "4:51 p.m. EDT", "9 a.m. Central European Summer Time": a time zone goes on with the time
            List<String> next = AnswerText.words(text.substring(dot + 1, Math.min(text.length(), dot + 8)));
            return !next.isEmpty() && Quantities.ZONES.containsKey(next.get(0)) || Quantities.zoneNamed(text, dot + 1);
        }
        if (word.equals("no") || word.equals("nos")) {
            // "No. 4", not "No. It isn't."
            int next = dot + 1;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            return next < text.length() && Character.isDigit(text.charAt(next));
        }
        return ABBREVIATIONS.contains(word);
    }

    /** Sentences and clauses after a colon or semicolon, in order. */
    static List<String> sentences(String lower) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n')
                    && (i + 1 == lower.length() || lower.charAt(i + 1) == ' ' || lower.charAt(i + 1) == '\n')
                    && !(c == '.' && abbreviation(lower, i));
            if (end) {
                if (i > start) {
                    sentences.add(lower.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < lower.length()) {
            sentences.add(lower.substring(start));
        }
        return sentences;
    }

    private static boolean inQuestion(Quantity q, Question question) {
        for (Quantity asked : question.quantities()) {
            if (q.matches(asked, false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShort(Reading r) {
        return onlyNumbers(r) || (r.content.size() >= 1 && r.words.size() <= SHORT_WORDS);
    }

    /**
     * The longest common subsequence table of two word lists: {@code [i][j]} is the length of the longest run of words
     * the two have in common, in order, from {@code x[i]} and {@code y[j]} on.
     */
    static int[][] commonRuns(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs;
    }

    /**
     * Near-identical answers (at least {@link #NEAR} of the longer one's words in common, in order) whose differing
     * words hold an odd number of negations and opposites, or a content word in place of another: why they differ,
     * else {@code null}.
     */
    static String contradiction(Reading a, Reading b) {
        List<String> x = a.significantStems;
        List<String> y = b.significantStems;
        boolean code = a.code || b.code;
        int n = x.size();
        int m = y.size();
        if (n == 0 || m == 0 || n > MAX_DIFF_WORDS || m > MAX_DIFF_WORDS) {
            return null;
        }
        int[][] lcs = commonRuns(x, y);
        // near-identical; or two short sentences around one name put in place of another ("George Orwell wrote 1984"
        // / "Aldous Huxley wrote 1984"), where the name is half of the words
        boolean near = lcs[0][0] >= (code ? NEAR_CODE : NEAR) * Math.max(n, m);
        if (!near && (code || lcs[0][0] == 0 || Math.max(n, m) > 8)) {
            return null;
        }
        boolean expression = (code || math(a) || math(b)) && n <= 8 && m <= 8;
        boolean bothCode = a.code && b.code;
        // walk the alignment; each run of unmatched words on either side is one hunk
        int i = 0;
        int j = 0;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removedWords = new ArrayList<>();
        List<String> addedWords = new ArrayList<>();
        List<String> reasons = new ArrayList<>(2);
        List<String> allRemoved = new ArrayList<>();
        List<String> allAdded = new ArrayList<>();
        int hunks = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                if (filler(removed, removedWords, added, addedWords)) {
                    removed.clear();
                    added.clear();
                    removedWords.clear();
                    addedWords.clear();
                } else if (!removed.isEmpty() || !added.isEmpty()) {
                    hunks++;
                    reasons.add(near ? hunk(removed, added, removedWords, addedWords, code, expression, bothCode, a, b)
                            : unlike(removedWords, addedWords, a, b));
                    removed.clear();
                    added.clear();
                    removedWords.clear();
                    addedWords.clear();
                }
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                removed.add(x.get(i));
                removedWords.add(a.significant.get(i));
                allRemoved.add(a.significant.get(i));
                i++;
            } else {
                added.add(y.get(j));
                addedWords.add(b.significant.get(j));
                allAdded.add(b.significant.get(j));
                j++;
            }
        }
        if ((!removed.isEmpty() || !added.isEmpty()) && !filler(removed, removedWords, added, addedWords)) {
            hunks++;
            reasons.add(near ? hunk(removed, added, removedWords, addedWords, code, expression, bothCode, a, b)
                    : unlike(removedWords, addedWords, a, b));
        }
        if (!near && hunks != 1) {
            return null;
        }
        if (hunks == 2 && !code && reasons.get(0) == null && reasons.get(1) == null) {
            // a name left out in one place and another put in elsewhere: the sentence said the other way round
            // ("Titan is Saturn's largest moon" / "Saturn's largest moon is Rhea")
            String moved = names(allRemoved, allAdded, a, b);
            if (moved != null) {
                return moved;
            }
        }
        // one changed place, or two that both contradict (a swap: "France beat Croatia" / "Croatia beat France");
        // paraphrases change more places, or add words next to the one they change
        if (hunks == 0 || hunks > MAX_HUNKS || reasons.contains(null)) {
            return null;
        }
        if (hunks == 2 && reasons.get(0).startsWith("near-identical but negated: ")
                && reasons.get(1).startsWith("near-identical but negated: ") && negations(a) % 2 == negations(b) % 2) {
            // a negation that moved ("Never store passwords" / "Passwords must never be kept"), not two
            return null;
        }
        return reasons.get(0);
    }

    /**
     * A hunk that only adds or only leaves out a word that frames or hedges a claim ("botanically speaking",
     * "generally"): it changes no fact, so it neither contradicts nor vetoes the hunk that does.
     */
    private static boolean filler(List<String> removed, List<String> removedWords, List<String> added,
                                  List<String> addedWords) {
        withoutFillers(removed, removedWords);
        withoutFillers(added, addedWords);
        return removed.isEmpty() && added.isEmpty();
    }

    /** A hunk's side without the words that frame, hedge or intensify a claim ("travels" / "is vastly"). */
    private static void withoutFillers(List<String> keys, List<String> words) {
        for (int k = words.size() - 1; k >= 0; k--) {
            if (FILLERS.contains(words.get(k))) {
                words.remove(k);
                keys.remove(k);
            }
        }
    }

    private static boolean relatedToAny(String word, List<String> words) {
        for (String other : words) {
            if (Lexical.related(word, other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short answer of a word and its designator ("Vitamin D", "type O", "Plan B", "hepatitis C") against an answer
     * that gives the word only with another ("vitamin A"; "vitamin D3" is a form of D): the other, else {@code null}.
     */
    private static String otherDesignator(Reading shortOne, Reading longOne) {
        Matcher own = DESIGNATED.matcher(shortOne.answer.strip());
        if (!own.matches()) {
            return null;
        }
        String noun = own.group(1);
        String mark = own.group(2).toUpperCase(Locale.ROOT);
        Matcher other = DESIGNATOR.matcher(longOne.answer);
        String found = null;
        // the first the longer answer states decides, not one it sets aside ("Sunlight makes the skin produce vitamin
        // A, while vitamin D comes from the diet"; "not vitamin A")
        while (other.find()) {
            String said = other.group().toLowerCase(Locale.ROOT);
            String before = longOne.answer.substring(Math.max(0, other.start() - 4), other.start())
                    .toLowerCase(Locale.ROOT);
            if (other.group(1).equalsIgnoreCase(noun) && !before.equals("not ") && longOne.core.contains(said)) {
                return other.group(2).startsWith(mark) ? null : noun + " " + other.group(2);
            }
        }
        other.reset();
        while (other.find()) {
            if (!other.group(1).equalsIgnoreCase(noun)) {
                continue;
            }
            if (other.group(2).startsWith(mark)) {
                return null;
            }
            found = found == null ? noun + " " + other.group(2) : found;
        }
        return found;
    }

    /**
     * Two short sentences, word for word the same but one content word, where that word carries the whole claim
     * ("It archives them." / "It deletes them."; the contradiction guard reads content words, and these have one
     * each): the action WordNet does not relate, else {@code null}.
     */
    private static String oneWordSwapped(Reading a, Reading b) {
        if (a.code || b.code || a.words.size() != b.words.size() || a.words.size() > SWAP_WORDS || a.words.size() < 3
                || a.significant.size() > 2 || b.significant.size() > 2) {
            return null;
        }
        int at = -1;
        for (int k = 0; k < a.words.size(); k++) {
            if (!a.words.get(k).equals(b.words.get(k))) {
                if (at >= 0) {
                    return null;
                }
                at = k;
            }
        }
        if (at < 0 || AnswerText.stopword(a.words.get(at)) || AnswerText.stopword(b.words.get(at))) {
            return null;
        }
        return Lexical.actions(List.of(a.words.get(at)), List.of(b.words.get(at)));
    }

    /**
     * Two short answers about one thing (a content word in common) that say how often it happens, or how much of a
     * whole, at steps of a scale two or more apart ("She gets migraines frequently." / "She hardly ever gets
     * migraines."; "Most mammals …" / "Few mammals …"; {@link Scale}), else {@code null}.
     */
    private static String otherStep(Reading a, Reading b) {
        if (a.code && b.code || a.words.size() > SCALE_WORDS || b.words.size() > SCALE_WORDS
                || noneShared(a.content, b.content)) {
            return null;
        }
        if (Scale.HOW_OFTEN.contradicts(a, b)) {
            return "how often it happens, two steps apart";
        }
        return Scale.HOW_MUCH.contradicts(a, b) ? "how much of it, two steps apart" : null;
    }

    /**
     * Two sentences, word for word the same but the particle after one verb, where the particles turn it the other way
     * ("They rolled back the deployment." / "They rolled out the deployment."; "log in" / "log out", "scale up" /
     * "scale down", "switch on" / "switch off"): the two phrasal verbs, else {@code null}. Other particles are left to
     * the rest, as are the verbs whose particles say one thing either way ("fill in" / "fill out").
     */
    private static String otherParticle(Reading a, Reading b) {
        if (a.code || b.code || a.words.size() != b.words.size() || a.words.size() > SWAP_WORDS * 2) {
            return null;
        }
        int at = -1;
        for (int k = 0; k < a.words.size(); k++) {
            if (!a.words.get(k).equals(b.words.get(k))) {
                if (at >= 0) {
                    return null;
                }
                at = k;
            }
        }
        if (at < 1 || !OPPOSITE_PARTICLES.contains(a.words.get(at) + " " + b.words.get(at))) {
            return null;
        }
        // the verb just before, or before the pronoun it takes ("turn it off")
        int verbAt = at >= 2 && PARTICLE_OBJECTS.contains(a.words.get(at - 1)) ? at - 2 : at - 1;
        String verb = a.words.get(verbAt);
        if (AnswerText.stopword(verb) || SAME_EITHER_WAY.contains(verb) || !Lexical.verb(verb)) {
            return null;
        }
        if (verbAt < at - 1) {
            verb += " " + a.words.get(at - 1);
        }
        return "one phrasal verb in place of its opposite: " + verb + " " + a.words.get(at) + " / " + verb + " "
                + b.words.get(at);
    }

    /** Whether two runs of words are one number, written differently ("six" / "6", "a dozen" / "12"). */
    private static boolean sameNumber(List<String> removedWords, List<String> addedWords) {
        List<Quantity> x = Quantities.parse(String.join(" ", removedWords));
        List<Quantity> y = Quantities.parse(String.join(" ", addedWords));
        return x.size() == 1 && y.size() == 1 && x.get(0).matches(y.get(0), false);
    }

    /** The negation words among an answer's significant words, "fail" among them. */
    private static int negations(Reading r) {
        int count = 0;
        for (String word : r.significant) {
            count += AnswerText.negation(word) || AnswerText.fail(word) ? 1 : 0;
        }
        return count;
    }

    /** The one hunk of two short sentences that are not near-identical: a name or an action in place of another. */
    private static String unlike(List<String> removedWords, List<String> addedWords, Reading a, Reading b) {
        if (!a.code && !b.code && !removedWords.isEmpty() && !addedWords.isEmpty()
                && oneName(removedWords, addedWords, a, b)) {
            return null;
        }
        String names = names(removedWords, addedWords, a, b);
        return names != null || a.code || b.code ? names : Lexical.actions(removedWords, addedWords);
    }

    /**
     * Whether two runs of words put in place of each other are one name: shortened, by its initials or with a title
     * ({@link #shortened}: "J.K. Rowling" / "Joanne Rowling", "Tim" / "Sir Timothy", "Man Utd" / "Manchester United"),
     * or, both written with capitals, one entity in WordNet ("George Orwell" / "Eric Arthur Blair", "Russia" / "the
     * Russian Federation").
     */
    private static boolean oneName(List<String> removedWords, List<String> addedWords, Reading a, Reading b) {
        return shortened(removedWords, addedWords, a, b) || capitalised(removedWords, a) && capitalised(addedWords, b)
                && Lexical.sameEntity(String.join(" ", removedWords), String.join(" ", addedWords));
    }

    /**
     * Whether two runs of capitalised words are one name, one of them shortened or with a title: word by word, a
     * word and its start ("Tim" / "Timothy", "Man" / "Manchester", not "John" / "Johnson") or its letters in order
     * ("Utd" / "United"), titles aside ("Sir", "Dr").
     */
    private static boolean shortened(List<String> removedWords, List<String> addedWords, Reading a, Reading b) {
        if (!capitalised(removedWords, a) || !capitalised(addedWords, b)) {
            return false;
        }
        // a word shortened to its start only as a first name, before the rest of the name ("Tim Berners-Lee"), never
        // as the last ("Hill" is not "Hillary")
        int last = a.significant.indexOf(removedWords.get(removedWords.size() - 1));
        boolean nameGoesOn = last >= 0 && last + 1 < a.significant.size()
                && a.capitals.contains(AnswerText.stem(a.significant.get(last + 1)));
        return shortenedName(removedWords, addedWords, nameGoesOn);
    }

    /**
     * {@link #shortened} of two names' lower-case words, whatever their capitals; {@code nameGoesOn}: the name goes on
     * after them, so that their last word may be shortened to its start too.
     */
    static boolean shortenedName(List<String> first, List<String> second, boolean nameGoesOn) {
        List<String> x = new ArrayList<>(first);
        List<String> y = new ArrayList<>(second);
        x.removeAll(TITLES);
        y.removeAll(TITLES);
        x.removeAll(HONORIFICS);
        y.removeAll(HONORIFICS);
        if (initialled(x, y) || initialled(y, x)) {
            // ("Lorenzo Langstroth" / "The Reverend L. L. Langstroth")
            return true;
        }
        if (nameGoesOn && (onlyTitles(first) && y.size() <= 2 || onlyTitles(second) && x.size() <= 2)) {
            // a title in place of the given names, before the same last name ("Margaret Thatcher" / "Baroness
            // Thatcher", "John Marshall" / "Chief Justice Marshall", "Georges-Eugène Haussmann" / "Baron Haussmann")
            return true;
        }
        if (x.size() != y.size()) {
            // a middle initial the other leaves out ("Jeff Bezos" / "Jeffrey P. Bezos")
            List<String> longer = x.size() > y.size() ? x : y;
            longer.removeIf(word -> word.length() == 1);
        }
        if (x.size() != y.size()) {
            return false;
        }
        for (int k = 0; k < x.size(); k++) {
            String one = x.get(k).length() <= y.get(k).length() ? x.get(k) : y.get(k);
            String other = one == x.get(k) ? y.get(k) : x.get(k);
            if (one.equals(other)) {
                continue;
            }
            String rest = other.startsWith(one) ? other.substring(one.length()) : null;
            boolean prefix = one.length() >= 2 && rest != null && !rest.equals("s") && !rest.equals("son")
                    && !rest.equals("sen") && (k < x.size() - 1 || nameGoesOn);
            if (!prefix && !(one.length() >= 2 && one.length() <= 4 && rest == null && inOrder(one, other))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every word of a run is a title of one person ({@link #HONORIFICS}, {@link #NOBLE_TITLES}, {@link
     * #JUDGES}; not "President", which two Clintons were called).
     */
    private static boolean onlyTitles(List<String> words) {
        for (String word : words) {
            if (!HONORIFICS.contains(word) && !NOBLE_TITLES.contains(word) && !JUDGES.contains(word)) {
                return false;
            }
        }
        return !words.isEmpty();
    }

    /**
     * Whether two names are one name spelt two ways, an "h" more in one ("Huyghens" / "Huygens", as transliterations
     * differ; not "Thompson" / "Thomson" or "Strauss" / "Straus"): at least {@value #VARIANT_LETTERS} letters in the
     * longer, and the same first three.
     */
    static boolean oneLetterApart(String one, String other) {
        String longer = one.length() >= other.length() ? one : other;
        String shorter = longer == one ? other : one;
        if (longer.length() != shorter.length() + 1 || longer.length() < VARIANT_LETTERS
                || !longer.regionMatches(0, shorter, 0, 3)) {
            return false;
        }
        int k = 0;
        while (k < shorter.length() && longer.charAt(k) == shorter.charAt(k)) {
            k++;
        }
        return longer.charAt(k) == 'h' && longer.regionMatches(k + 1, shorter, k, shorter.length() - k);
    }

    /**
     * Whether two words are one given name spelt in two languages: of the same length, at least four letters, and
     * differing only in their last letter ("Marie" / "Maria").
     */
    private static boolean spellingVariants(String one, String other) {
        return one.length() >= 4 && one.length() == other.length() && !one.equalsIgnoreCase(other)
                && one.regionMatches(true, 0, other, 0, one.length() - 1);
    }

    /**
     * Whether a run of initials ("j k", or one word of up to four letters: "jfk") starts as the initials of a run of
     * words do, or they as it ("J.K." / "Joanne", "JFK" / "John F. Kennedy International").
     */
    private static boolean initialled(List<String> initials, List<String> words) {
        StringBuilder letters = new StringBuilder();
        for (String word : initials) {
            // one word of initials only against several words ("Sega" is no initials of "Sony")
            if (word.length() != 1 && (initials.size() > 1 || words.size() < 2) || word.length() > 4) {
                return false;
            }
            letters.append(word);
        }
        StringBuilder firsts = new StringBuilder();
        boolean spelled = false;
        for (String word : words) {
            firsts.append(word.charAt(0));
            spelled |= word.length() > 1;
        }
        String a = letters.toString();
        String b = firsts.toString();
        return spelled && !a.isEmpty() && (a.startsWith(b) || b.startsWith(a)) && !a.equals(String.join("", words));
    }

    /** Whether every word of a run is written with a capital in the answer. */
    private static boolean capitalised(List<String> words, Reading r) {
        for (String word : words) {
            // (not a verb capitalised only because it opens the answer: "Extrapolate the line …", "Interpolate
            // between …")
            if (!r.capitals.contains(AnswerText.stem(word)) || imperative(word, r)
                    || !r.words.isEmpty() && r.words.get(0).equals(word) && Lexical.onlyVerb(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the letters of {@code short} come in order in {@code word}, from its first ("utd" in "united"). */
    private static boolean inOrder(String shortWord, String word) {
        if (shortWord.charAt(0) != word.charAt(0)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < shortWord.length(); i++) {
            at = word.indexOf(shortWord.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** A hunk that puts one name (words written with a capital) in place of another: why they differ, else null. */
    private static String names(List<String> removedWords, List<String> addedWords, Reading a, Reading b) {
        if (removedWords.isEmpty() || addedWords.isEmpty()
                || imperative(removedWords.get(0), a) && imperative(addedWords.get(0), b)) {
            return null;
        }
        for (String word : removedWords) {
            if (!a.capitals.contains(AnswerText.stem(word))) {
                return null;
            }
        }
        for (String word : addedWords) {
            if (!b.capitals.contains(AnswerText.stem(word))) {
                return null;
            }
        }
        return "one name in place of another: " + String.join(" ", removedWords) + " / " + String.join(" ", addedWords);
    }

    /**
     * What two answers that share their frame contradict in when the contradiction guard sees no word in place of
     * another: a step of a scale ({@link #otherStep}) or an instruction ({@link #otherImperative}); read after a short
     * answer and a longer one too, whose comparison returns before the guard.
     */
    private static String otherStepOrAction(Reading a, Reading b, Question question) {
        String step = otherStep(a, b);
        return step != null ? step : otherImperative(a, b, question);
    }

    /**
     * Two short instructions that do different things to one object, where the question itself says one of them
     * ("Protocol: … stop the infusion immediately. What should the nurse do …?": "Stop the infusion immediately." /
     * "Speed up the infusion immediately."; the rules that compare the words an answer adds to the question see
     * nothing there): the two verbs, unless WordNet or the action classes relate them. Elsewhere the near-identical
     * guard reads such pairs (verb for verb here lost "Stir" / "Mix", which WordNet does not relate).
     */
    private static String otherImperative(Reading a, Reading b, Question question) {
        if (a.code || b.code || a.words.size() > IMPERATIVE_WORDS || b.words.size() > IMPERATIVE_WORDS) {
            return null;
        }
        int x = objectAt(a);
        int y = objectAt(b);
        if (x < 0 || y < 0 || !a.words.get(x).equals(b.words.get(y))
                || !question.mentions(AnswerText.stem(a.words.get(0)))
                && !question.mentions(AnswerText.stem(b.words.get(0)))) {
            return null;
        }
        List<String> one = a.words.subList(0, x - 1);
        List<String> other = b.words.subList(0, y - 1);
        if (one.equals(other) || Lexical.synonymous(one, other) || Lexical.related(one.get(0), other.get(0))) {
            return null;
        }
        return "another action on the same thing: " + String.join(" ", one) + " / " + String.join(" ", other);
    }

    /**
     * Where the object of an answer in the imperative starts: the word after the opener that follows the verb and its
     * particle ("Speed up the infusion": "infusion"), or -1 when the answer opens with no such verb.
     */
    private static int objectAt(Reading r) {
        List<String> words = r.words;
        int at = words.size() > 1 && Lexical.particle(words.get(1)) ? 2 : 1;
        if (words.size() <= at + 1 || !OBJECT_OPENERS.contains(words.get(at)) || Lexical.particle(words.get(at))
                || AnswerText.stopword(words.get(0)) || !Character.isUpperCase(r.answer.strip().charAt(0))
                || !Lexical.verb(words.get(0))) {
            return -1;
        }
        return at + 1;
    }

    /**
     * Whether a word opens its answer as a verb in the imperative, capitalised only because it opens it ("Replace the
     * battery.", "Change your password."): the word first, then a word that opens its object.
     */
    private static boolean imperative(String word, Reading r) {
        return r.words.size() > 1 && r.words.get(0).equals(word) && OBJECT_OPENERS.contains(r.words.get(1))
                && Lexical.verb(word);
    }

    private static String hunk(List<String> removed, List<String> added, List<String> removedWords,
                               List<String> addedWords, boolean code, boolean expression, boolean bothCode,
                               Reading a, Reading b) {
        if (removed.isEmpty() && added.isEmpty()) {
            return null;
        }
        if (!code && !removed.isEmpty() && !added.isEmpty() && sameNumber(removedWords, addedWords)) {
            // one number in digits and in words ("six" / "6")
            return null;
        }
        if (!code && !removedWords.isEmpty() && !addedWords.isEmpty() && oneName(removedWords, addedWords, a, b)) {
            return null;
        }
        if (bothCode && (removed.isEmpty() || added.isEmpty()) && allNumbers(removed.isEmpty() ? added : removed)) {
            // a number more or less in code that is otherwise the same ("xs" / "xs[1:]", "n + 1" / "n")
            return "code with " + String.join(" ", removed.isEmpty() ? addedWords : removedWords)
                    + (removed.isEmpty() ? " added" : " removed");
        }
        if ((expression || bothCode && removed.size() + added.size() <= MAX_CODE_TERMS && !math(a) && !math(b))
                && (removed.isEmpty() || added.isEmpty())) {
            // a short expression with a term more or less ("xs.reverse()" / "xs.sort(reverse=True)")
            return "expression with " + String.join(" ", removed.isEmpty() ? addedWords : removedWords)
                    + (removed.isEmpty() ? " added" : " removed");
        }
        // "fail" negates as "not" does ("did not fail to recognise" / "recognised", "failed" / "did not pass")
        int negated = 0;
        for (String word : removedWords) {
            if (AnswerText.negation(word) || AnswerText.fail(word)) {
                negated++;
            }
        }
        for (String word : addedWords) {
            if (AnswerText.negation(word) || AnswerText.fail(word)) {
                negated++;
            }
        }
        int opposites = 0;
        for (int p = 0; p < removed.size(); p++) {
            for (int q = 0; q < added.size(); q++) {
                if (AnswerText.opposite(removed.get(p), added.get(q))
                        || !code && Lexical.antonyms(removedWords.get(p), addedWords.get(q))) {
                    opposites++;
                }
            }
        }
        // opposites alone contradict ("frequent but cheap" / "rare but expensive"); with negations they cancel in
        // pairs ("closed" / "isn't open")
        if (opposites > 0 && negated == 0) {
            return "near-identical but opposite: " + String.join(" ", removedWords) + " / " + String.join(" ", addedWords);
        }
        if (opposites + negated > 0) {
            return (opposites + negated) % 2 == 1 ? (opposites == 0 ? "near-identical but negated: "
                    : "near-identical but negated or opposite: ") + String.join(" ", removedWords) + " / "
                    + String.join(" ", addedWords) : null;
        }
        Set<String> gone = content(removed, removedWords, code);
        Set<String> come = content(added, addedWords, code);
        Set<String> common = new HashSet<>(gone);
        common.retainAll(come);
        gone.removeAll(common);
        come.removeAll(common);
        if (!gone.isEmpty() && !come.isEmpty()) {
            if (!code && (Lexical.synonymous(removedWords, addedWords)
                    || Lexical.synonymous(withParticles(removedWords, a), withParticles(addedWords, b))
                    || removedWords.size() == 1 && addedWords.size() == 1
                    && Lexical.glossed(removedWords.get(0), addedWords.get(0)))) {
                // one word in place of another that means the same ("raised" / "hiked", "dismissed" / "threw out")
                return null;
            }
            return "near-identical but " + String.join(" ", removedWords) + " in place of " + String.join(" ", addedWords);
        }
        return null;
    }

    /**
     * Words of a hunk with the particle that follows each in the answer, which the significant words leave out as a
     * stop word ("threw" in "threw out the appeal" is "threw out").
     */
    private static List<String> withParticles(List<String> hunk, Reading r) {
        List<String> words = new ArrayList<>(hunk.size() + 1);
        for (String word : hunk) {
            words.add(word);
            int at = r.words.indexOf(word);
            if (at >= 0 && at + 1 < r.words.size() && Lexical.particle(r.words.get(at + 1))) {
                words.add(r.words.get(at + 1));
            }
        }
        return words;
    }

    private static boolean allNumbers(List<String> tokens) {
        for (String token : tokens) {
            for (int k = 0; k < token.length(); k++) {
                if (!Quantities.isDigit(token.charAt(k))) {
                    return false;
                }
            }
        }
        return !tokens.isEmpty();
    }

    private static Set<String> content(List<String> stems, List<String> words, boolean code) {
        Set<String> content = new HashSet<>();
        for (int k = 0; k < stems.size(); k++) {
            String word = words.get(k);
            if (code || !AnswerText.stopword(word)) {
                content.add(stems.get(k));
            }
        }
        return content;
    }

    /**
     * Whether two lists hold the same items once the glosses in brackets after their items are set aside ("Or and
     * argent" / "Argent (silver) and Or (gold)"); a list whose brackets hold its items ("two cheeses (Parmigiano and
     * Pecorino)") is read with them first ({@link #sameItems}).
     */
    private static boolean sameGlossless(Reading a, Reading b, Question question) {
        if (a.lower.indexOf('(') < 0 && b.lower.indexOf('(') < 0) {
            return false;
        }
        String aText = a.lower.indexOf('(') < 0 ? a.lower : GLOSS.matcher(a.lower).replaceAll("");
        String bText = b.lower.indexOf('(') < 0 ? b.lower : GLOSS.matcher(b.lower).replaceAll("");
        if (aText.equals(a.lower) && bText.equals(b.lower)) {
            // no gloss set aside: the lists as read
            return false;
        }
        List<String[]> x = aText.equals(a.lower) ? null : items(null, aText);
        List<String[]> y = bText.equals(b.lower) ? null : items(null, bText);
        if (x == null && !aText.equals(a.lower) || y == null && !bText.equals(b.lower)) {
            return false;
        }
        List<String> xItems = x == null ? a.items : x.stream().map(item -> item[0]).toList();
        List<String> xTexts = x == null ? a.itemTexts : x.stream().map(item -> item[1]).toList();
        List<String> yItems = y == null ? b.items : y.stream().map(item -> item[0]).toList();
        List<String> yTexts = y == null ? b.itemTexts : y.stream().map(item -> item[1]).toList();
        return sameItems(xItems, yItems, xTexts, yTexts, question.ordered());
    }

    /**
     * Whether two lists hold the same items (in the same order when {@code ordered}); a first item that carries a
     * lead-in ("you need vinegar") matches by its last words.
     */
    static boolean sameItems(List<String> a, List<String> b, List<String> aTexts, List<String> bTexts,
                             boolean ordered) {
        if (a.size() != b.size()) {
            return false;
        }
        List<String> x = trimmedFirst(a, b);
        List<String> y = trimmedFirst(b, x);
        if (ordered) {
            // item by item, each read as in a list in any order ("Helium, neon, argon" / "He, Ne, Ar")
            for (int k = 0; k < x.size(); k++) {
                if (!x.get(k).equals(y.get(k)) && matching(List.of(y.get(k)), List.of(bTexts.get(k)), x.get(k),
                        aTexts.get(k), x.size()) < 0) {
                    return false;
                }
            }
            return true;
        }
        List<String> remaining = new ArrayList<>(y);
        List<String> remainingTexts = new ArrayList<>(bTexts);
        // one-letter items last: one is read as the initial of the one item left ("PG, SG, SF, PF, C" / "…, center")
        List<Integer> order = new ArrayList<>(x.size());
        for (int k = 0; k < x.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing(k -> x.get(k).length() == 1));
        for (int k : order) {
            int at = matching(remaining, remainingTexts, x.get(k), aTexts.get(k), x.size());
            if (at < 0 && remaining.size() == 1 && x.size() >= 3 && initial(x.get(k), remaining.get(0))
                    && shortForms(x.get(k).length() == 1 ? x : y)) {
                at = 0;
            }
            if (at < 0) {
                return false;
            }
            remaining.remove(at);
            remainingTexts.remove(at);
        }
        return true;
    }

    /** Whether every item of a list is a short form: one word of at most four letters ("PG", "SF", "C"). */
    private static boolean shortForms(List<String> items) {
        for (String item : items) {
            if (item.length() > 4 || item.indexOf(' ') >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one of two items is a single letter and the other one word of three letters or more that starts with it
     * ({@link #sameItems}, for the last item of a list whose others all matched).
     */
    private static boolean initial(String item, String other) {
        String letter = item.length() == 1 ? item : other;
        String word = letter == item ? other : item;
        return letter.length() == 1 && word.length() >= 3 && word.indexOf(' ') < 0 && word.charAt(0) == letter.charAt(0)
                && Character.isLetter(letter.charAt(0));
    }

    /**
     * Where among {@code items} (with texts) a list's item is: the same, abbreviated, contained, clipped, one month or
     * weekday, or one entity.
     */
    private static int matching(List<String> items, List<String> texts, String item, String text, int size) {
        int at = items.indexOf(item);
        if (at < 0 && item.indexOf(' ') > 0) {
            // one compound written open or hyphenated and closed ("mono-crystalline" / "monocrystalline")
            String closed = item.replace(" ", "");
            at = theOne(items, other -> other.replace(" ", "").equals(closed));
        } else if (at < 0) {
            at = theOne(items, other -> other.indexOf(' ') > 0 && other.replace(" ", "").equals(item));
        }
        if (at < 0) {
            at = abbreviated(items, item);
        }
        if (at < 0) {
            // the initials of every written word, stop words too ("iaas" / "infrastructure as a service")
            at = abbreviated(texts, text);
        }
        if (at < 0) {
            at = containing(items, item);
            if (at >= 0 && !heldWhole(item, text, items.get(at), texts.get(at))) {
                at = -1;
            }
        }
        if (at < 0) {
            at = clipped(texts, text);
        }
        if (at < 0) {
            // "Sept" / "September", "Tue" / "Tuesday"
            at = theOne(texts, other -> Quantities.sameCalendarName(text.strip(), other.strip()));
        }
        if (at < 0 && size <= ENTITY_ITEMS) {
            at = sameEntity(texts, text);
        }
        if (at < 0) {
            at = synonymItem(texts, text);
        }
        return at;
    }

    /**
     * The one item WordNet gives, as a whole, one noun sense with the given one ({@link Lexical#synonymItems}: "sight" /
     * "vision", "pulse" / "heart rate"), or -1.
     */
    private static int synonymItem(List<String> texts, String text) {
        return theOne(texts, other -> Lexical.synonymItems(text, other));
    }

    /** Where the one text that matches is among {@code texts}; -1 when none does, or more than one. */
    private static int theOne(List<String> texts, Predicate<String> matches) {
        int found = -1;
        for (int k = 0; k < texts.size(); k++) {
            if (matches.test(texts.get(k))) {
                if (found >= 0) {
                    return -1;
                }
                found = k;
            }
        }
        return found;
    }

    /**
     * The one one-word item the given one-word item clips or contracts, or is clipped or contracted by ("carbs" /
     * "carbohydrates", "PwC" / "PricewaterhouseCoopers"), or -1: the short form has at least three letters, is
     * shorter by three or more, is the long one's start or (up to four letters) its letters in order, and is no word
     * of its own in WordNet ("Java" is a word: not JavaScript cut short).
     */
    private static int clipped(List<String> texts, String text) {
        return theOne(texts, other -> clips(text, other) || clips(other, text));
    }

    private static boolean clips(String shortItem, String longItem) {
        if (shortItem.length() < 3 || longItem.length() < shortItem.length() + 3 || shortItem.indexOf(' ') >= 0
                || longItem.indexOf(' ') >= 0 || !Lexical.letters(shortItem) || !Lexical.letters(longItem)) {
            return false;
        }
        String start = shortItem.endsWith("s") ? shortItem.substring(0, shortItem.length() - 1) : shortItem;
        return (longItem.startsWith(start) && start.length() >= 3
                || shortItem.length() <= 4 && inOrder(shortItem, longItem))
                && !Lexical.word(shortItem);
    }

    /** The one item WordNet gives as the same thing as {@code text} ("prc" / "china", "he" / "helium"), or -1. */
    private static int sameEntity(List<String> texts, String text) {
        return theOne(texts, other -> Lexical.sameEntity(text, other));
    }

    /** The one item whose words hold the given one's or are held by it ("basil" / "fresh basil"), or -1. */
    private static int containing(List<String> items, String item) {
        // (a set of an item's words, a word said twice once: "bora bora"; an article left out: "the index" / "index")
        Set<String> words = itemWords(item);
        return theOne(items, other -> {
            Set<String> otherWords = itemWords(other);
            return otherWords.containsAll(words) || words.containsAll(otherWords);
        });
    }

    /**
     * Whether one item's words, held by another's ({@link #containing}), are all it says: not when the shorter item
     * lost a word read as a stop word that the longer does not say ("US Open" is "open" to the stems, against "French
     * Open"; a word that joins a name, "of", may go), nor when the longer puts a word before a name that makes it
     * another place or person WordNet knows ("Ireland" / "Northern Ireland"; a surname after a first name is the same
     * person: "Ringo" / "Ringo Starr").
     */
    private static boolean heldWhole(String item, String text, String otherItem, String otherText) {
        boolean shorter = itemWords(item).size() <= itemWords(otherItem).size();
        String shortText = shorter ? text : otherText;
        String longText = shorter ? otherText : text;
        Set<String> longWords = itemWords(longText);
        for (String word : itemWords(shortText)) {
            // a word the stems dropped that the other item does not say, other than a short joining word ("Bay of
            // Bengal" / "Bengal Bay")
            if (AnswerText.stopword(word) && !longWords.contains(word) && !JOINING.contains(word)) {
                return false;
            }
        }
        String last = shortText.substring(shortText.lastIndexOf(' ') + 1);
        return !(longText.endsWith(" " + last) && Lexical.twoEntities(shortText, longText));
    }

    /** Short words that join the words of a name ("Bank of America", "Trinidad and Tobago"). */
    private static final Set<String> JOINING = Set.of("of", "and", "in", "on", "at", "for", "to", "by", "de", "la",
            "le", "du", "von", "van", "der", "del", "da");

    private static Set<String> itemWords(String item) {
        Set<String> words = new HashSet<>(Arrays.asList(item.split(" ")));
        words.remove("the");
        words.remove("a");
        words.remove("an");
        return words;
    }

    /** The item the given one abbreviates or is abbreviated by ("uk" / "united kingdom"), or -1. */
    private static int abbreviated(List<String> items, String item) {
        for (int k = 0; k < items.size(); k++) {
            if (abbreviates(item, items.get(k)) || abbreviates(items.get(k), item)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Whether a one-word item is the initials of a longer one's words ("us" / "unit stat"), also with the initial of a
     * head noun the list leaves out ("srp" / "single respons": the single responsibility principle).
     */
    static boolean abbreviates(String shortItem, String longItem) {
        if (shortItem.indexOf(' ') >= 0 || shortItem.length() < 2) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String word : longItem.split("[ /]")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        if (initials.length() < 2) {
            return false;
        }
        return initials.toString().equals(shortItem)
                || shortItem.length() >= 3 && shortItem.length() == initials.length() + 1 && shortItem.startsWith(initials.toString());
    }

    private static List<String> trimmedFirst(List<String> items, List<String> other) {
        String first = items.get(0);
        if (other.contains(first)) {
            return items;
        }
        for (String candidate : other) {
            if (first.endsWith(" " + candidate)) {
                List<String> trimmed = new ArrayList<>(items);
                trimmed.set(0, candidate);
                return trimmed;
            }
        }
        return items;
    }

    /**
     * The items of a short list answer ("red, yellow and blue", "- gas\n- solid", "1. a\n2. b", a JSON list), each as
     * {its content stems, its words as written}, or {@code null} when the answer is not a list.
     */
    static List<String[]> items(JsonNode json, String lower) {
        if (json != null) {
            return null;
        }
        List<String> raw = new ArrayList<>();
        String[] lines = lower.split("\n");
        if (lines.length >= 2) {
            for (String line : lines) {
                String item = line.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int start = 0;
                while (start < item.length() && (item.charAt(start) == '-' || item.charAt(start) == '*'
                        || item.charAt(start) == '•' || Quantities.isDigit(item.charAt(start))
                        || item.charAt(start) == '.' || item.charAt(start) == ')' || item.charAt(start) == ' ')) {
                    start++;
                }
                if (start == 0) {
                    return null;
                }
                item = item.substring(start);
                // "Mercury – closest to the Sun", "Venus: the hottest": the item, not its description
                for (String dash : new String[] {" – ", " — ", " - ", ": "}) {
                    int at = item.indexOf(dash);
                    if (at > 0) {
                        item = item.substring(0, at);
                    }
                }
                raw.add(item);
            }
        } else {
            String text = lower.strip();
            while (!text.isEmpty() && (text.endsWith(".") || text.endsWith("!"))) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            if (text.indexOf(',') < 0 && semicolonList(text)) {
                // three items or more set apart by semicolons only ("italy; austria; germany")
                text = text.replace(';', ',');
            }
            if (text.indexOf(',') < 0 && !text.contains(" and ")) {
                // three items or more set apart by spaced slashes only ("gas / solid / liquid"; two are a ratio,
                // "distance / time"); semicolons only where nothing else sets parts apart (above: "Product: Apples,
                // Stock: 12; Product: Pears, …" is no list)
                if (!Code.alternatives(text, 3)) {
                    return null;
                }
                text = text.replace(" / ", ", ");
            }
            boolean digits = text.chars().anyMatch(Character::isDigit);
            for (String word : AnswerText.words(text)) {
                if (Quantities.isMonth(word) && digits) {
                    // "July 4, 1776" is a date; "April, June, September" a list of months
                    return null;
                }
            }
            for (String part : text.split(",(?!\\d)")) {
                String piece = part.strip();
                if (piece.startsWith("and ")) {
                    piece = piece.substring(4);
                }
                for (String item : piece.split(" and ")) {
                    if (!item.isBlank()) {
                        raw.add(item.strip());
                    }
                }
            }
        }
        if (raw.size() < 2) {
            return null;
        }
        List<String[]> items = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            List<String> words = AnswerText.words(raw.get(k));
            if (words.isEmpty() || words.size() > (k == 0 ? 5 : 4)) {
                return null;
            }
            if (k == 0 && lines.length < 2 && words.size() > 1 && CLAUSE_SUBJECTS.contains(words.get(0))) {
                // a sentence that does two things ("It collects and focuses light", "They discovered polonium and
                // radium"), not a list
                return null;
            }
            StringBuilder item = new StringBuilder();
            for (String word : words) {
                // a verb makes the item a clause; a one-word item is a name ("Be" is beryllium)
                if (VERBS.contains(word) && words.size() > 1) {
                    return null;
                }
                if (!AnswerText.stopword(word)) {
                    item.append(item.isEmpty() ? "" : " ").append(AnswerText.stem(word));
                }
            }
            // an item that is only a stop word is that word ("US", "it")
            String written = String.join(" ", words);
            items.add(new String[] {item.isEmpty() ? written : item.toString(), written});
        }
        return items;
    }

    /**
     * Whether a text without commas is three items or more set apart by semicolons, none of them a pair of a field and
     * its value ("product: apples; stock: 12").
     */
    private static boolean semicolonList(String text) {
        int semicolons = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ':' || c == '\n') {
                return false;
            }
            semicolons += c == ';' ? 1 : 0;
        }
        return semicolons >= 2;
    }

    /**
     * Numbers that are part of a name ("Apollo 11", "Python 3.12"): right after a capitalised word; and the sections a
     * code or statute is cited by ("§337").
     */
    private static Set<Double> nameNumbers(String answer) {
        Set<Double> numbers = null;
        int n = answer.length();
        for (int i = 1; i < n; i++) {
            // "§337", "§ 2": a section of a code or statute is cited, not stated as an answer
            boolean section = Character.isDigit(answer.charAt(i)) && (answer.charAt(i - 1) == '§'
                    || i >= 2 && answer.charAt(i - 1) == ' ' && answer.charAt(i - 2) == '§');
            if (!section && (!Character.isDigit(answer.charAt(i)) || answer.charAt(i - 1) != ' ')) {
                continue;
            }
            int wordEnd = i - 1;
            // "No. 4", "no. 5": a number that names ("reactor No. 4", "Symphony no. 5")
            boolean numbered = wordEnd >= 3 && answer.charAt(wordEnd - 1) == '.'
                    && answer.regionMatches(true, wordEnd - 3, "no", 0, 2)
                    && (wordEnd == 3 || !Character.isLetter(answer.charAt(wordEnd - 4)));
            int wordStart = wordEnd;
            while (wordStart > 0 && Character.isLetter(answer.charAt(wordStart - 1))) {
                wordStart--;
            }
            if (!numbered && !section && (wordStart == wordEnd || !Character.isUpperCase(answer.charAt(wordStart)))) {
                continue;
            }
            String word = answer.substring(wordStart, wordEnd).toLowerCase(java.util.Locale.ROOT);
            if (!numbered && !section && (AnswerText.stopword(word) || Quantities.isMonth(word))) {
                continue;
            }
            int end = i;
            while (end < n && (Character.isDigit(answer.charAt(end)) || (answer.charAt(end) == '.' && end + 1 < n
                    && Character.isDigit(answer.charAt(end + 1))))) {
                end++;
            }
            try {
                if (numbers == null) {
                    numbers = new HashSet<>();
                }
                numbers.add(Double.parseDouble(answer.substring(i, end)));
            } catch (NumberFormatException e) {
                // not a plain number
            }
        }
        return numbers == null ? Set.of() : numbers;
    }

}
