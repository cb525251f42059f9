package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ledger's journal without a database: what a run left (rows, intents never finished, a line torn by a kill) is
 * what the next run recovers, strings with tabs and newlines survive, and committed rows do not stay on disk.
 */
class LedgerJournalTest {

    private static LedgerEntry row(String callId, String tenant, long cost) {
        return new LedgerEntry(callId, 1_000, "req-" + callId, tenant, "mistral-sim", "mistral-small", "simple", 10, 20,
                0, 0, cost, 42, LedgerEntry.OK);
    }

    @Test
    void should_recover_rows_and_book_unfinished_intents_as_interrupted_after_a_crash() throws Exception {
        // given: a run journals two intents, finishes one, and dies in the middle of a third line
        Path dir = Path.of(BudgetGateTest.tempDir());
        LedgerJournal first = LedgerJournal.open(dir, 1 << 20, false);
        first.begin("a", 1_000, "req-a", "acme", "mistral-sim", "mistral-small", "simple");
        first.begin("b", 1_001, "req-b", "tab\there\nnewline\\slash", "mistral-sim", null, null);
        first.row(row("a", "acme", 123));
        Path segment;
        try (Stream<Path> files = Files.list(dir)) {
            segment = files.findFirst().orElseThrow();
        }
        Files.writeString(segment, "R\tc\t1002\treq-c\tacm", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // when: the next run opens the same folder
        LedgerJournal second = LedgerJournal.open(dir, 1 << 20, false);
        List<LedgerEntry> recovered = second.recover();

        // then
        assertThat(recovered).hasSize(2);
        assertThat(recovered.get(0)).isEqualTo(row("a", "acme", 123));
        LedgerEntry interrupted = recovered.get(1);
        assertThat(interrupted.callId()).isEqualTo("b");
        assertThat(interrupted.tenant()).isEqualTo("tab\there\nnewline\\slash");
        assertThat(interrupted.model()).isNull();
        assertThat(interrupted.outcome()).isEqualTo(LedgerEntry.INTERRUPTED);
        assertThat(interrupted.costNanos()).isZero();
    }

    @Test
    void should_forget_what_is_committed_and_keep_open_intents_across_segments() throws Exception {
        // given: segments of about three lines
        Path dir = Path.of(BudgetGateTest.tempDir());
        LedgerJournal journal = LedgerJournal.open(dir, 300, false);
        journal.begin("open", 1, "req-open", "acme", "p", "m", "t");
        long last = 0;
        for (int i = 0; i < 10; i++) {
            last = journal.row(row("r" + i, "acme", i));
        }

        // when: every row is committed, the intent still in flight
        journal.committed(last);

        // then: the sealed segments are gone; the current one holds the open intent (and its own last row, which a
        // replay writes only if the database does not have it)
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        LedgerJournal next = LedgerJournal.open(dir, 300, false);
        assertThat(next.recover()).extracting(LedgerEntry::callId).contains("open").doesNotContain("r0", "r7");
    }
}
