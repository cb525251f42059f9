package dev.quorum.consensus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
        String xEnglish = Holder.ENGLISH.get(x);
        String yEnglish = Holder.ENGLISH.get(y);
        return y.equals(xEnglish) || x.equals(yEnglish) || xEnglish != null && xEnglish.equals(yEnglish);
    }

    /** Each endonym (lower case) and its English name (lower case), as the JDK's locale data give them. */
    static Map<String, String> fromLocales() {
        Map<String, String> english = new TreeMap<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            if (locale.getLanguage().isEmpty()) {
                continue;
            }
            put(english, locale.getDisplayLanguage(locale), locale.getDisplayLanguage(Locale.ENGLISH));
            if (!locale.getCountry().isEmpty()) {
                put(english, locale.getDisplayCountry(locale), locale.getDisplayCountry(Locale.ENGLISH));
            }
        }
        return english;
    }

    private static void put(Map<String, String> english, String own, String inEnglish) {
        String key = own.toLowerCase(Locale.ROOT).strip();
        String value = inEnglish.toLowerCase(Locale.ROOT).strip();
        if (!key.isEmpty() && !value.isEmpty() && !key.equals(value) && key.indexOf('\t') < 0) {
            english.putIfAbsent(key, value);
        }
    }

    /** The names in {@link #RESOURCE}: an endonym and its English name per line, tab-separated. */
    static Map<String, String> fromResource() {
        Map<String, String> english = new HashMap<>();
        try (InputStream in = Endonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("#")) {
                    english.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(english);
    }

    /** The table, read by the first call that needs it (class initialisation is thread-safe). */
    private static final class Holder {
        static final Map<String, String> ENGLISH = fromResource();
    }
}
