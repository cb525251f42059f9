package dev.quorum.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.sf.extjwnl.data.POS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WordNet as semantic voting reads it: its files copied out of the jar into a directory of this test's own (once, also
 * when several processes or threads start together, and again after a copy that was cut off), and the facts the rules
 * ask of it, looked up in those files through extJWNL.
 */
class WordNetTest {

    @TempDir
    static Path shared;

    private static WordNet wordNet;

    @BeforeAll
    static void open() {
        wordNet = WordNet.open(shared.resolve("wordnet"));
    }

    @AfterAll
    static void noStagingLeftBehind() throws Exception {
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wordnet");
        }
    }

    @Test
    void should_copy_the_dictionary_once_and_read_it_from_files() throws Exception {
        // given: the copy the class opened
        Path dir = shared.resolve("wordnet");

        // then
        assertThat(wordNet.available()).isTrue();
        assertThat(dir.resolve(".complete")).exists();
        assertThat(Files.size(dir.resolve("data.noun"))).isGreaterThan(15_000_000L);

        // when: asked again, the copy is not made again
        long written = Files.getLastModifiedTime(dir.resolve("data.noun")).toMillis();
        WordNet.extract(dir);

        // then
        assertThat(Files.getLastModifiedTime(dir.resolve("data.noun")).toMillis()).isEqualTo(written);
    }

    @Test
    void should_give_one_complete_copy_when_threads_copy_at_once(@TempDir Path root) throws Exception {
        // given
        Path dir = root.resolve("wordnet");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> copies = new ArrayList<>();

        // when
        try {
            for (int t = 0; t < threads; t++) {
                Callable<Boolean> copy = () -> {
                    start.await();
                    return WordNet.open(dir).available();
                };
                copies.add(pool.submit(copy));
            }
            start.countDown();
            // then: each one reads a whole dictionary, and nothing but the copy is left
            for (Future<Boolean> copy : copies) {
                assertThat(copy.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("wordnet");
        }
        assertThat(WordNet.open(dir).synonyms("modify", "change", 5)).isTrue();
    }

    @Test
    void should_remove_a_copy_a_killed_process_left_and_keep_one_in_progress(@TempDir Path root) throws Exception {
        // given: two copies beside the directory, one left ten minutes ago by a process killed while copying (kill -9),
        // one being made right now
        Path abandoned = Files.createDirectories(root.resolve("wordnet.1234567"));
        Files.writeString(abandoned.resolve("data.noun"), "  1 half a file");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 11 * 60_000L));
        Path inProgress = Files.createDirectories(root.resolve("wordnet.7654321"));

        // when
        WordNet opened = WordNet.open(root.resolve("wordnet"));

        // then
        assertThat(opened.available()).isTrue();
        assertThat(opened.antonyms("upload", "download")).isTrue();
        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
    }

    @Test
    void should_leave_a_directory_it_did_not_make_as_it_is(@TempDir Path root) throws Exception {
        // given: the configured directory already holds someone's files
        Path dir = Files.createDirectories(root.resolve("data"));
        Path theirs = Files.writeString(dir.resolve("notes.txt"), "keep me");

        // when
        WordNet none = WordNet.open(dir);

        // then: no WordNet, their file untouched, no copy left beside it
        assertThat(none.available()).isFalse();
        assertThat(theirs).hasContent("keep me");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data");
        }
    }

    @Test
    void should_know_nothing_when_its_directory_cannot_be_written(@TempDir Path root) throws Exception {
        // given: the directory's parent is a file
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");

        // when
        WordNet none = WordNet.open(file.resolve("wordnet"));

        // then: every question gets "don't know", no exception
        assertThat(none.available()).isFalse();
        assertThat(none.synonyms("modify", "change", 5)).isFalse();
        assertThat(none.antonyms("upload", "download")).isFalse();
        assertThat(none.entities("George Orwell")).isEmpty();
        assertThat(none.absence("afebrile")).isNull();
    }

    @Test
    void should_tell_one_entity_by_its_names() {
        assertThat(wordNet.entities("Eric Arthur Blair")).isNotEmpty();
        assertThat(wordNet.entities("George Orwell")).containsAnyOf(wordNet.entities("Eric Arthur Blair"));
        assertThat(wordNet.entities("World Health Organization")).isNotEmpty();
        assertThat(wordNet.entities("WHO")).containsAnyOf(wordNet.entities("World Health Organization"));
        assertThat(wordNet.entities("Aldous Huxley")).isNotEmpty();
        assertThat(wordNet.entities("George Orwell")).doesNotContain(wordNet.entities("Aldous Huxley"));
        // a phrase is looked up whole, not word by word
        assertThat(wordNet.entities("Tylenol is paracetamol")).isEmpty();
        // a common noun is no entity
        assertThat(wordNet.entities("table")).isEmpty();
        assertThat(wordNet.definition(wordNet.entities("Abraham Lincoln")[0])).contains("16th President of the United States");
    }

    @Test
    void should_tell_synonyms_opposites_and_related_words() {
        assertThat(wordNet.synonyms("modified", "changes", 5)).isTrue();
        assertThat(wordNet.synonyms("upload", "download", 5)).isFalse();
        assertThat(wordNet.antonyms("uploads", "downloaded")).isTrue();
        assertThat(wordNet.antonyms("raised", "lowered")).isTrue();
        // "dangerous" has no antonym of its own: the adjective it is similar to ("unsafe") has
        assertThat(wordNet.antonyms("safe", "dangerous")).isTrue();
        assertThat(wordNet.antonyms("safe", "cheap")).isFalse();
        // "erase" is a kind of "remove"; "upload" and "download" are two kinds of "transfer", not related
        assertThat(wordNet.related("erase", "remove", POS.VERB, 5)).isTrue();
        assertThat(wordNet.related("upload", "download", POS.VERB, 5)).isFalse();
        assertThat(wordNet.has("ran", POS.VERB)).isTrue();
        assertThat(wordNet.has("qzxv", POS.NOUN)).isFalse();
    }

    @Test
    void should_keep_what_it_remembers_bounded_when_asked_about_words_it_does_not_know(@TempDir Path root) {
        // given: a WordNet of its own, and more made-up words than it remembers (what a hostile answer would send)
        WordNet fresh = WordNet.open(root.resolve("wordnet"));
        java.util.Random random = new java.util.Random(20);

        // when
        for (int k = 0; k < WordNet.CACHED + 5_000; k++) {
            StringBuilder word = new StringBuilder();
            for (int c = 0; c < 8; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            fresh.has(word.toString(), POS.NOUN);
        }

        // then: at most one full kind, and it still answers
        assertThat(fresh.remembered()).isLessThanOrEqualTo(WordNet.CACHED);
        assertThat(fresh.antonyms("upload", "download")).isTrue();
    }

    @Test
    void should_give_every_thread_the_answer_one_thread_gets() throws Exception {
        // given: the questions the rules ask, and their answers asked one at a time of a WordNet of its own
        String[][] pairs = {{"modified", "changes"}, {"uploads", "downloaded"}, {"raised", "lowered"},
            {"safe", "dangerous"}, {"erase", "remove"}, {"upload", "download"}, {"hiked", "boosted"},
            {"George Orwell", "Eric Arthur Blair"}, {"WHO", "World Health Organization"}, {"Mars", "Venus"}};
        List<String> expected = answers(WordNet.open(shared.resolve("wordnet")), pairs);
        WordNet concurrent = WordNet.open(shared.resolve("wordnet"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> results = new ArrayList<>();

        // when: eight threads ask the other copy all of them at once, fifty times over
        try {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> last = null;
                    for (int k = 0; k < 50; k++) {
                        last = answers(concurrent, pairs);
                    }
                    return last;
                }));
            }
            // then
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).contains("modified/changes synonyms related", "uploads/downloaded antonyms",
                "upload/download antonyms", "George Orwell/Eric Arthur Blair synonyms one entity", "Mars/Venus");
    }

    private static List<String> answers(WordNet wordNet, String[][] pairs) {
        List<String> answers = new ArrayList<>();
        for (String[] pair : pairs) {
            long[] x = wordNet.entities(pair[0]);
            long[] y = wordNet.entities(pair[1]);
            boolean entity = java.util.Arrays.stream(x).anyMatch(e -> java.util.Arrays.stream(y).anyMatch(f -> f == e));
            answers.add(pair[0] + "/" + pair[1] + (wordNet.synonyms(pair[0], pair[1], 5) ? " synonyms" : "")
                    + (wordNet.antonyms(pair[0], pair[1]) ? " antonyms" : "")
                    + (wordNet.related(pair[0], pair[1], POS.VERB, 5) ? " related" : "")
                    + (entity ? " one entity" : ""));
        }
        return answers;
    }

    @Test
    void should_read_an_adjective_defined_as_an_absence() {
        assertThat(wordNet.absence("afebrile")).isEqualTo("no fever");
        assertThat(wordNet.absence("red")).isNull();
        assertThat(wordNet.absence("qzxv")).isNull();
    }

    @Test
    void should_relate_two_verbs_through_another_word_of_a_sense() {
        // WordNet does not relate "abolish" and "scrap" directly; a word of the first sense of one is related to the
        // other
        assertThat(wordNet.related("abolish", "scrap", POS.VERB, 5) || wordNet.related("scrap", "abolish", POS.VERB, 5))
                .isFalse();
        assertThat(wordNet.bridged("abolish", "scrap", POS.VERB, 1, 5) || wordNet.bridged("scrap", "abolish", POS.VERB, 1, 5))
                .isTrue();
        assertThat(wordNet.bridged("recover", "relapse", POS.VERB, 1, 5)
                || wordNet.bridged("relapse", "recover", POS.VERB, 1, 5)).isFalse();
        assertThat(wordNet.bridged("qzxv", "scrap", POS.VERB, 1, 5)).isFalse();
    }
}
