package dev.quorum.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endonyms kept in {@code endonyms.tsv} are what the JDK's locale data say (and it rewrites them on request). */
class EndonymsTest {

    @Test
    void should_keep_the_endonyms_the_jdk_locale_data_give() throws IOException {
        Map<String, java.util.Set<String>> jdk = Endonyms.fromLocales();
        String target = System.getProperty("endonyms.write");
        if (target != null) {
            List<String> lines = new ArrayList<>();
            lines.add("# Languages and countries by their own names and in English (lower case), from the JDK's locale "
                    + "data (CLDR); written by EndonymsTest, see Endonyms.");
            jdk.forEach((own, english) -> lines.add(own + "\t" + String.join("\t", english)));
            Files.write(Path.of(target), lines, StandardCharsets.UTF_8);
        }

        Map<String, java.util.Set<String>> kept = Endonyms.fromResource();

        // the names kept are the JDK's (all but a few, should another JDK's locale data name some otherwise), and the
        // file holds (nearly) all of the JDK's
        assertThat(kept).hasSizeGreaterThan(400);
        long confirmed = kept.entrySet().stream()
                .filter(entry -> entry.getValue().equals(jdk.get(entry.getKey()))).count();
        assertThat(confirmed).isGreaterThanOrEqualTo(kept.size() * 95L / 100);
        assertThat(kept.size()).isGreaterThanOrEqualTo(jdk.size() * 95 / 100);
    }

    @Test
    void should_join_a_language_or_country_and_its_own_name_and_nothing_else() {
        assertThat(Endonyms.same("German", "Deutsch")).isTrue();
        assertThat(Endonyms.same("Español", "spanish")).isTrue();
        assertThat(Endonyms.same("España", "Spain")).isTrue();
        assertThat(Endonyms.same("Україна", "Ukraine")).isTrue();
        // two endonyms of one language
        assertThat(Endonyms.same("Deutsch", "deutsch ")).isFalse();
        assertThat(Endonyms.same("Deutsch", "Dutch")).isFalse();
        assertThat(Endonyms.same("Nederlands", "German")).isFalse();
        assertThat(Endonyms.same("España", "Portugal")).isFalse();
        assertThat(Endonyms.same("", "Spain")).isFalse();
        // one endonym, two English names; an endonym that is an English name is none
        assertThat(Endonyms.same("Eesti", "Estonia")).isTrue();
        assertThat(Endonyms.same("Eesti", "Estonian")).isTrue();
        assertThat(Endonyms.same("Indonesia", "Indonesian")).isFalse();
        assertThat(Endonyms.same("Mundo", "World")).isFalse();
    }
}
