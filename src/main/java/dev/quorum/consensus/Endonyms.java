package dev.quorum.consensus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Languages and countries by their own names ("Deutsch" / "German", "España" / "Spain", "Україна" / "Ukraine"), for
 * the word rules of semantic voting. The names are the JDK's locale data (CLDR): each available locale's language and
 * country shown in that locale, against the same shown in English ({@link #fromLocales()}). Reading them from the JDK
 * at run time loads every locale's data (about 0.8 s and 16 MB of heap, measured), so they are kept in
 * {@code endonyms.tsv} next to this class, written from the JDK and checked against it by {@code EndonymsTest}
 * (rewrite it with {@code mvn test -Dtest=EndonymsTest -Dendonyms.write=src/main/resources/dev/quorum/consensus/endonyms.tsv});
 * that file is read once, on first use.
 */
final class Endonyms {

    static final String RESOURCE = "endonyms.tsv";

    private Endonyms() {
    }

    /** Whether two names, one of them an endonym, are one language or one country. */
    static boolean same(String a, String b) {
        String x = a.strip().toLowerCase(Locale.ROOT);
        String y = b.strip().toLowerCase(Locale.ROOT);
        if (x.isEmpty() || y.isEmpty() || x.equals(y)) {
            return false;
        }
        Set<String> xEnglish = Holder.ENGLISH.getOrDefault(x, Set.of());
        Set<String> yEnglish = Holder.ENGLISH.getOrDefault(y, Set.of());
        return xEnglish.contains(y) || yEnglish.contains(x) || !Collections.disjoint(xEnglish, yEnglish);
    }

    /**
     * Each endonym (lower case) and its English names (lower case: "eesti" is Estonian and Estonia), as the JDK's
     * locale data give them; an endonym that is itself an English name ("Indonesia", the language in Indonesian) is
     * left out, and so are regions that are no country ("mundo": the world).
     */
    static Map<String, Set<String>> fromLocales() {
        Map<String, Set<String>> english = new TreeMap<>();
        Set<String> englishNames = new HashSet<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            if (locale.getLanguage().isEmpty()) {
                continue;
            }
            englishNames.add(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT).strip());
            put(english, locale.getDisplayLanguage(locale), locale.getDisplayLanguage(Locale.ENGLISH));
            if (locale.getCountry().length() == 2 && Character.isLetter(locale.getCountry().charAt(0))) {
                englishNames.add(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT).strip());
                put(english, locale.getDisplayCountry(locale), locale.getDisplayCountry(Locale.ENGLISH));
            }
        }
        english.keySet().removeAll(englishNames);
        return english;
    }

    private static void put(Map<String, Set<String>> english, String own, String inEnglish) {
        String key = own.toLowerCase(Locale.ROOT).strip();
        String value = inEnglish.toLowerCase(Locale.ROOT).strip();
        if (!key.isEmpty() && !value.isEmpty() && !key.equals(value) && key.indexOf('\t') < 0) {
            english.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
        }
    }

    /** The names in {@link #RESOURCE}: an endonym and its English names per line, tab-separated. */
    static Map<String, Set<String>> fromResource() {
        Map<String, Set<String>> english = new HashMap<>();
        try (InputStream in = Endonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t");
                if (fields.length >= 2 && !line.startsWith("#")) {
                    english.put(fields[0], Set.of(Arrays.copyOfRange(fields, 1, fields.length)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(english);
    }

    /** The table, read by the first call that needs it (class initialisation is thread-safe). */
    private static final class Holder {
        static final Map<String, Set<String>> ENGLISH = fromResource();
    }
}
