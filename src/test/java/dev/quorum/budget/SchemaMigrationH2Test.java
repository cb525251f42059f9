package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.QuorumProcess;
import dev.quorum.SimulatorProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SchemaMigrationTest} on H2: an embedded file made by the old code, and H2 in server mode for the races. */
class SchemaMigrationH2Test extends SchemaMigrationTest {

    @Override
    TestDatabase.Backend backend() {
        return TestDatabase.Backend.H2;
    }

    /**
     * H2 writes every failed statement to {@code quorum-usage.trace.db} beside the database. Quorum runs as its own
     * process here, as users run it: the test JVM runs with assertions on ({@code -ea}), and H2 2.3.232's close-time
     * compaction trips an assertion of its own that H2 later removed as faulty (h2database#4286), which it then writes
     * to the same file.
     */
    @Test
    void should_leave_no_h2_trace_file_after_a_first_start_and_stop() throws Exception {
        // given: a new data folder, where the first start creates the embedded H2 file
        Path root = Files.createTempDirectory("quorum-trace");
        Path data = root.resolve("data");
        try (SimulatorProcess simulator = SimulatorProcess.start(root.resolve("simulator.log"))) {
            // when: Quorum starts, answers a request under a budget (a ledger row, a reservation) and stops
            try (QuorumProcess quorum = QuorumProcess.start(data, simulator.port(), Map.of(
                    "quorum.budget.trace.limit-usd", "1", "quorum.budget.trace.period", "day"))) {
                assertThat(quorum.post("/api/v1/complete", "{\"prompt\":\"hello\"}").statusCode()).isEqualTo(200);
            }
        }

        // then: the database is there and H2 wrote no trace file
        assertThat(data.resolve("quorum-usage.mv.db")).exists();
        Path trace = data.resolve("quorum-usage.trace.db");
        assertThat(trace).as(() -> Files.exists(trace) ? read(trace) : "").doesNotExist();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
