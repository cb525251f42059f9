package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.QuorumInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The usage database goes down (every connection to it cut, new ones refused, by a {@link TcpProxy} in front of it)
 * while requests keep coming: no row is dropped and no request waits on the database. Rows of answered calls wait
 * in the journal and the queue; once {@code queue-capacity} rows wait, new calls are refused at once with 503
 * {@code ledger_unavailable}; when the database is back every waiting row is written and calls are admitted again. On an H2 server and on PostgreSQL, by the two subclasses.
 */
abstract class LedgerOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The backend this subclass runs on. */
    abstract TestDatabase.Backend backend();

    @Test
    void should_keep_every_row_through_an_outage_and_refuse_new_calls_while_the_queue_is_full() throws Exception {
        // given: Quorum on a database server (through the proxy), at most 10 rows waiting
        TestDatabase server = TestDatabase.create(backend(), "outage");
        TcpProxy database = TcpProxy.to(server.jdbcUrl());
        HttpClient http = HttpClient.newHttpClient();
        try (QuorumInstance quorum = QuorumInstance.start(Map.of(
                "quorum.ledger.jdbc-url", database.through(server.jdbcUrl()),
                "quorum.ledger.queue-capacity", "10",
                "quorum.ledger.connection-timeout-ms", "500"))) {
            UsageLedger ledger = quorum.context().getRegistry().lookupByNameAndType("usageLedger", UsageLedger.class);
            assertThat(complete(http, quorum, "before").statusCode()).isEqualTo(200);
            ledger.flush(5_000);
            assertThat(ledger.pending()).isZero();

            // when: the database stops and 20 requests come
            database.stop();
            List<HttpResponse<String>> during = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                during.add(complete(http, quorum, "during-" + i));
            }

            // then: answered until ten rows wait, then refused at once, and every request had its answer (a request
            // waiting on the database would have hit the client's timeout)
            long answered = during.stream().filter(r -> r.statusCode() == 200).count();
            assertThat(answered).isEqualTo(10);
            for (HttpResponse<String> refused : during.subList(10, 20)) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                JsonNode error = JSON.readTree(refused.body()).path("error");
                assertThat(error.path("type").asText()).isEqualTo("ledger_unavailable");
            }
            assertThat(ledger.pending()).isEqualTo(10);

            // when: the database is back
            database.restart();

            // then: every waiting row is written, and calls are admitted again
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.pending() == 0);
            List<LedgerEntry> rows = ledger.entries(0, Long.MAX_VALUE);
            assertThat(rows).filteredOn(e -> e.outcome().equals(LedgerEntry.OK)).hasSize(11);
            assertThat(rows).extracting(LedgerEntry::requestId).contains("before", "during-0", "during-9")
                    .doesNotContain("during-10");
            assertThat(complete(http, quorum, "after").statusCode()).isEqualTo(200);
        } finally {
            database.close();
            server.close();
        }
    }

    private static HttpResponse<String> complete(HttpClient http, QuorumInstance quorum, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + quorum.port() + "/api/v1/complete"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"prompt\":\"Hello there.\","
                        + "\"provider\":\"mistral-sim\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
