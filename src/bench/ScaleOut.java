import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka, simulator and database side of src/bench/scale-out.sh (a single-file program, run with
 * {@code java -cp 'target/lib/*' src/bench/ScaleOut.java <command> ...}): creates the topics, waits for the consumer
 * group, produces a batch of requests, waits for its results, and counts what the run left.
 *
 * <pre>
 *   topics  BOOTSTRAP PARTITIONS
 *   group   BOOTSTRAP GROUP MEMBERS TIMEOUT_S
 *   produce BOOTSTRAP PREFIX N
 *   await   BOOTSTRAP PREFIX N TIMEOUT_S        prints: results first-result-ms last-result-ms
 *   report  BOOTSTRAP SIM_URL JDBC_URL LIMIT_USD PREFIX:N ...   exits 1 unless lost 0 and double-billed 0
 * </pre>
 */
public final class ScaleOut {

    static final String REQUESTS = "quorum.requests";
    static final String RESULTS = "quorum.results";
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "topics" -> topics(args[1], Integer.parseInt(args[2]));
            case "group" -> group(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "produce" -> produce(args[1], args[2], Integer.parseInt(args[3]));
            case "await" -> awaitResults(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "report" -> System.exit(report(args));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void topics(String bootstrap, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(REQUESTS, partitions, (short) 1), new NewTopic(RESULTS, 1, (short) 1),
                    new NewTopic("quorum.requests.dlq", 1, (short) 1),
                    new NewTopic("quorum.answered-requests", 1, (short) 1))).all().get();
        }
    }

    static void group(String bootstrap, String groupId, int members, int timeoutSeconds) throws Exception {
        long end = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < end) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
                if (group.state() == ConsumerGroupState.STABLE && group.members().size() == members
                        && group.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("group " + groupId + " not stable with " + members + " members");
    }

    static void produce(String bootstrap, String prefix, int n) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        config.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < n; i++) {
                String id = prefix + "-" + i;
                producer.send(new ProducerRecord<>(REQUESTS, id, "{\"id\":\"" + id + "\",\"prompt\":\"Question " + id
                        + "?\",\"provider\":\"mistral\"}"));
            }
            producer.flush();
        }
    }

    /** Every result record so far, read from the start of the topic. */
    static List<ConsumerRecord<String, String>> results(String bootstrap, java.util.function.Predicate<List<ConsumerRecord<String, String>>> until,
                                                        long timeoutMs) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(RESULTS, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (until.test(records)) {
                    break;
                }
            }
        }
        return records;
    }

    static Map<String, List<ConsumerRecord<String, String>>> byId(List<ConsumerRecord<String, String>> records, String prefix) {
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.key() != null && record.key().startsWith(prefix + "-")) {
                byId.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
            }
        }
        return byId;
    }

    static void awaitResults(String bootstrap, String prefix, int n, int timeoutSeconds) {
        List<ConsumerRecord<String, String>> records = results(bootstrap, read -> byId(read, prefix).size() >= n,
                timeoutSeconds * 1000L);
        Map<String, List<ConsumerRecord<String, String>>> byId = byId(records, prefix);
        long first = Long.MAX_VALUE;
        long last = 0;
        for (List<ConsumerRecord<String, String>> list : byId.values()) {
            for (ConsumerRecord<String, String> record : list) {
                first = Math.min(first, record.timestamp());
                last = Math.max(last, record.timestamp());
            }
        }
        System.out.println(byId.size() + " " + first + " " + last);
        if (byId.size() < n) {
            System.exit(1);
        }
    }

    static int report(String[] args) throws Exception {
        String bootstrap = args[1];
        String sim = args[2];
        String jdbc = args[3];
        double limitUsd = Double.parseDouble(args[4]);
        // results per request id, per batch
        List<ConsumerRecord<String, String>> records = results(bootstrap, read -> false, 5_000);
        long lost = 0;
        long twice = 0;
        long requests = 0;
        long errors = 0;
        for (int i = 5; i < args.length; i++) {
            String prefix = args[i].substring(0, args[i].indexOf(':'));
            int n = Integer.parseInt(args[i].substring(args[i].indexOf(':') + 1));
            Map<String, List<ConsumerRecord<String, String>>> byId = byId(records, prefix);
            requests += n;
            for (int k = 0; k < n; k++) {
                List<ConsumerRecord<String, String>> results = byId.get(prefix + "-" + k);
                if (results == null) {
                    lost++;
                } else {
                    if (results.size() > 1) {
                        twice++;
                    }
                    if (JSON.readTree(results.get(0).value()).has("error")) {
                        errors++;
                    }
                }
            }
        }
        // provider calls per request id (the simulator's record of each call), against ledger rows per request id
        HttpClient http = HttpClient.newHttpClient();
        JsonNode calls = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/mistral/calls")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long received = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sim + "/_sim/mistral/received")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("received").asLong();
        Map<String, long[]> perId = new TreeMap<>(); // calls, answered calls, ledger rows, billed (ok) rows
        for (JsonNode call : calls) {
            String prompt = call.path("prompt").asText();
            String id = prompt.startsWith("Question ") && prompt.endsWith("?")
                    ? prompt.substring("Question ".length(), prompt.length() - 1) : prompt;
            long[] counts = perId.computeIfAbsent(id, k -> new long[4]);
            counts[0]++;
            if (call.path("status").asInt() == 200) {
                counts[1]++;
            }
        }
        long rows = 0;
        long interrupted = 0;
        long costNanos;
        long spent;
        long reserved;
        try (Connection connection = DriverManager.getConnection(jdbc); Statement sql = connection.createStatement()) {
            try (ResultSet result = sql.executeQuery("SELECT request_id, outcome, COUNT(*) FROM usage_ledger GROUP BY request_id, outcome")) {
                while (result.next()) {
                    long[] counts = perId.computeIfAbsent(result.getString(1), k -> new long[4]);
                    long count = result.getLong(3);
                    counts[2] += count;
                    rows += count;
                    if ("ok".equals(result.getString(2))) {
                        counts[3] += count;
                    } else if ("interrupted".equals(result.getString(2))) {
                        interrupted += count;
                    }
                }
            }
            try (ResultSet result = sql.executeQuery("SELECT COALESCE(SUM(cost_nanos), 0) FROM usage_ledger")) {
                result.next();
                costNanos = result.getLong(1);
            }
            try (ResultSet result = sql.executeQuery("SELECT COALESCE(SUM(spent_nanos), 0), COALESCE(SUM(reserved_nanos), 0) "
                    + "FROM budget_window WHERE budget = 'scale-cap'")) {
                result.next();
                spent = result.getLong(1);
                reserved = result.getLong(2);
            }
        }
        long missing = 0;
        long billedTwice = 0;
        long secondCalls = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : perId.entrySet()) {
            long[] c = entry.getValue();
            if (c[0] > 1) {
                secondCalls++;
            }
            if (c[2] < c[0] || c[3] > c[1]) {
                missing += Math.max(0, c[0] - c[2]);
                billedTwice += Math.max(0, c[3] - c[1]);
                if (examples.size() < 5) {
                    examples.add(entry.getKey() + " (calls " + c[0] + ", answered " + c[1] + ", rows " + c[2] + ", billed " + c[3] + ")");
                }
            }
        }
        long doubleBilled = missing + billedTwice;
        System.out.printf("requests %d, results: lost %d, answered twice %d, answered with an error %d%n", requests, lost, twice, errors);
        System.out.printf("provider calls received %d (recorded %d, request ids called twice %d); ledger rows %d (%d interrupted)%n",
                received, calls.size(), secondCalls, rows, interrupted);
        System.out.printf("double-billed %d (calls without a ledger row %d, billed rows without a call %d)%s%n", doubleBilled,
                missing, billedTwice, examples.isEmpty() ? "" : ": " + String.join(", ", examples));
        System.out.printf("budget scale-cap: spent $%.6f + reserved $%.6f of $%.2f; ledger cost $%.6f%n", spent / 1e9,
                reserved / 1e9, limitUsd, costNanos / 1e9);
        return lost == 0 && doubleBilled == 0 && spent <= Math.round(limitUsd * 1e9) ? 0 : 1;
    }
}
