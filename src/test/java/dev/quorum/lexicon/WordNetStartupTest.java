package dev.quorum.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumProcess;
import dev.quorum.SimulatorProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code quorum.consensus.semantic.wordnet} and {@code .wordnet-dir} do when Quorum starts. WordNet is set up
 * once per process, so each case is a Quorum of its own ({@link QuorumProcess}): with semantic voting the default,
 * the dictionary is copied and opened at start, not by the first vote; turned off, nothing is copied at all.
 */
class WordNetStartupTest {

    /** Removed after each test: the dictionary copy is 37 MB. */
    @TempDir
    Path root;

    @Test
    void should_copy_and_open_wordnet_at_start_when_semantic_voting_is_the_default() throws Exception {
        // given
        Path dictionary = root.resolve("wordnet");

        // when: Quorum has started (it answers HTTP) and has not voted yet
        try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"));
                QuorumProcess quorum = QuorumProcess.start(root.resolve("data"), simulator.port(), Map.of(
                        "quorum.consensus.algorithm", "semantic",
                        "quorum.consensus.semantic.wordnet-dir", dictionary.toString()))) {

            // then: the copy is complete, in the configured directory
            assertThat(dictionary.resolve(".complete")).exists();
            assertThat(dictionary.resolve("index.noun")).isNotEmptyFile();
        }
    }

    @Test
    void should_make_one_whole_copy_when_two_quorums_start_together_on_one_directory() throws Exception {
        // given two Quorums (processes of their own) started at once, with semantic voting the default and one WordNet
        // directory: both copy at start, each beside it, and move their copy in whole
        Path dictionary = root.resolve("wordnet");
        Map<String, String> settings = Map.of("quorum.consensus.algorithm", "semantic",
                "quorum.consensus.semantic.wordnet-dir", dictionary.toString());
        try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"))) {
            CompletableFuture<QuorumProcess> first = CompletableFuture.supplyAsync(
                    () -> QuorumProcess.start(root.resolve("one"), simulator.port(), settings));
            CompletableFuture<QuorumProcess> second = CompletableFuture.supplyAsync(
                    () -> QuorumProcess.start(root.resolve("two"), simulator.port(), settings));

            // when both answer
            try {
                first.get(3, TimeUnit.MINUTES);
                second.get(3, TimeUnit.MINUTES);

                // then: one complete copy, every file whole (as long as the jar's), no copy left beside it
                assertThat(dictionary.resolve(".complete")).exists();
                for (String file : List.of("index.noun", "data.noun", "index.verb", "data.verb", "adj.exc")) {
                    try (InputStream original = getClass().getResourceAsStream("/net/sf/extjwnl/data/wordnet/wn31/"
                            + file)) {
                        assertThat(Files.size(dictionary.resolve(file))).as(file)
                                .isEqualTo(original.readAllBytes().length);
                    }
                }
                try (Stream<Path> beside = Files.list(root)) {
                    assertThat(beside.map(path -> path.getFileName().toString()))
                            .noneMatch(name -> name.startsWith("wordnet."));
                }
                // and each opened it: neither fell back to voting without WordNet
                for (String data : List.of("one", "two")) {
                    assertThat(Files.readString(root.resolve(data).resolve("quorum.log"))).as(data)
                            .doesNotContain("WordNet is not available");
                }
            } finally {
                // each is stopped once it has started, also when the other failed to
                first.thenAccept(QuorumProcess::close);
                second.thenAccept(QuorumProcess::close);
            }
        }
    }

    @Test
    void should_copy_nothing_when_wordnet_is_turned_off() throws Exception {
        // given
        Path dictionary = root.resolve("wordnet");
        Path tmp = Files.createDirectories(root.resolve("tmp"));

        // when: the same start, with WordNet off (and a temporary directory of its own, where the default copy goes)
        try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"));
                QuorumProcess quorum = QuorumProcess.start(root.resolve("data"), simulator.port(), Map.of(
                        "java.io.tmpdir", tmp.toString(),
                        "quorum.consensus.algorithm", "semantic",
                        "quorum.consensus.semantic.wordnet", "false",
                        "quorum.consensus.semantic.wordnet-dir", dictionary.toString()))) {

            // then: it answers, and nothing was written where the files would go, configured or by default
            assertThat(quorum.post("/api/v1/complete", "{\"prompt\":\"hello\"}").statusCode()).isEqualTo(200);
            assertThat(dictionary).doesNotExist();
            assertThat(tmp.resolve("quorum-wordnet-3.1")).doesNotExist();
        }
        assertThat(Files.readString(root.resolve("data").resolve("quorum.log"))).doesNotContain("WordNet is not available");
    }
}
