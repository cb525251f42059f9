package dev.quorum.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.api.RequestOptions;
import dev.quorum.api.RequestParser;
import dev.quorum.api.StrictJson;
import dev.quorum.api.TemplateUse;
import dev.quorum.api.Usd;
import dev.quorum.budget.BatchWriter;
import dev.quorum.budget.UsageDatabase;
import dev.quorum.camel.AuthConstants;
import dev.quorum.camel.PromptConstants;
import dev.quorum.camel.RequestConstants;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A/B experiments between versions of a prompt template (docs/prompts.md). {@code POST
 * /api/v1/prompts/{id}/experiment} starts one ({@code {"arms":{"1":50,"2":50}}}, versions to weights); the intake
 * route's {@code find-experiment} step finds the running experiment of a request that names the template without a
 * version, and the {@code prompt-experiment} route ({@code routes/engine/ab.camel.yaml}) picks the arm: weighted and
 * sticky, by a hash of the request's {@code experimentKey} (else its id), so one key stays in one arm. Every request
 * the split answered is recorded off the request thread ({@code prompt_outcome}: version, error, cost, latency, the
 * panel's agreement), {@code POST /api/v1/feedback} adds a caller's score from 0 to 1, and the report gives each arm
 * its figures with 95% confidence intervals and names a winner only when Welch's two-sided t-test on the user scores
 * of the best arm against every other arm gives p &lt; 0.05.
 */
public final class PromptExperiments implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PromptExperiments.class);
    /** Variable: the running {@link Experiment} of the template a request names without a version. */
    public static final String VAR_EXPERIMENT = "experiment";
    /** The significance level of the winner rule. */
    public static final double ALPHA = 0.05;
    /** The test the winner rule uses, as the report names it. */
    public static final String TEST = "Welch's two-sided t-test on user scores, best arm against each other arm, "
            + "p < 0.05";
    private static final int QUEUE = 10_000;

    /** A running experiment: the template, its arms (version to weight, in version order) and when it started. */
    public record Experiment(String template, Map<Integer, Integer> arms, long startedMillis) {

        int totalWeight() {
            return arms.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The arm of {@code key}: a stable hash of it and the template, placed on the weights. */
        int arm(String key) {
            long hash = 1125899906842597L;
            for (byte b : (template + '\n' + key).getBytes(StandardCharsets.UTF_8)) {
                hash = 31 * hash + b;
            }
            hash ^= hash >>> 33;
            hash *= 0xff51afd7ed558ccdL;
            hash ^= hash >>> 33;
            long point = Math.floorMod(hash, totalWeight());
            for (Map.Entry<Integer, Integer> arm : arms.entrySet()) {
                point -= arm.getValue();
                if (point < 0) {
                    return arm.getKey();
                }
            }
            return arms.keySet().iterator().next();
        }
    }

    /** One answered request of a template, as recorded. */
    record Outcome(String requestId, long atMillis, String template, int version, String tenant, boolean failed,
                   long costNanos, long latencyMs, Integer agreementPermille) {
    }

    private final UsageDatabase database;
    private final PromptStore store;
    private final RequestParser parser;
    private final Clock clock;
    private final Cache<String, Optional<Experiment>> running;
    private final BatchWriter<Outcome> writer;

    public PromptExperiments(UsageDatabase database, PromptStore store, RequestParser parser, Duration refresh,
                             Clock clock) {
        this.database = database;
        this.store = store;
        this.parser = parser;
        this.clock = clock;
        this.running = Caffeine.newBuilder().maximumSize(PromptStore.CACHED).expireAfterWrite(refresh).build();
        this.writer = new BatchWriter<>("quorum-prompt-outcomes", QUEUE, 500, this::write);
    }

    // --- the request path ---

    /** {@code find-experiment}: the running experiment of a template the request names without a version. */
    public void find(Exchange exchange) throws SQLException {
        RequestOptions options = exchange.getVariable(PromptConstants.VAR_REQUEST_OPTIONS, RequestOptions.class);
        if (options == null || !options.templated() || options.templateVersion() != null) {
            return;
        }
        Experiment experiment = running(options.template());
        if (experiment != null) {
            exchange.setVariable(VAR_EXPERIMENT, experiment);
        }
    }

    /** The {@code prompt-experiment} route's step: the arm (a version) of this request, sticky per key. */
    public void assign(Exchange exchange) {
        Experiment experiment = exchange.getVariable(VAR_EXPERIMENT, Experiment.class);
        RequestOptions options = exchange.getVariable(PromptConstants.VAR_REQUEST_OPTIONS, RequestOptions.class);
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        String key = options.experimentKey() != null ? options.experimentKey() : request.id();
        exchange.setVariable(PromptTemplates.VAR_EXPERIMENT_ARM, experiment.arm(key));
    }

    /** After the answer: records the outcome of a request an experiment split, for its figures (never waits). */
    public void record(Exchange exchange) {
        TemplateUse use = exchange.getVariable(PromptConstants.VAR_PROMPT_TEMPLATE, TemplateUse.class);
        if (use == null || !Boolean.TRUE.equals(use.experiment())
                || !(exchange.getMessage().getBody() instanceof CompletionResult result)) {
            return;
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        long cost = result.costUsd() == null ? 0 : Usd.of(result.costUsd()).nanos();
        Integer agreement = result.agreement() == null ? null : (int) Math.round(result.agreement().ratio() * 1000);
        Outcome outcome = new Outcome(result.id(), clock.millis(), use.id(), use.version(),
                request == null || request.tenant() == null ? "default" : request.tenant(), result.failed(), cost,
                result.latencyMs() == null ? 0 : result.latencyMs(), agreement);
        if (!writer.offer(outcome)) {
            LOG.warn("Prompt outcomes are {} rows behind the database: request {} is not counted in its template's "
                    + "figures", QUEUE, outcome.requestId());
        }
    }

    // --- the HTTP API ---

    /** {@code POST /api/v1/prompts/{id}/experiment}: starts (or replaces) the template's experiment. */
    public Map<String, Object> start(Exchange exchange) throws SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (!PromptTemplates.safeId(id) || store.latest(id) == null) {
            throw notFound(id);
        }
        JsonNode body = parser.tree(exchange.getMessage().getBody(byte[].class), "the request body");
        JsonNode arms = body == null ? null : body.get("arms");
        for (Iterator<String> names = body == null ? List.<String>of().iterator() : body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"arms".equals(name)) {
                throw new InvalidRequestException(name, "unknown field '" + StrictJson.abbreviate(name) + "'; an "
                        + "experiment is {\"arms\":{\"1\":50,\"2\":50}}");
            }
        }
        if (arms == null || !arms.isObject() || arms.size() < 2) {
            throw new InvalidRequestException("arms", "'arms' must be an object of at least two versions and their "
                    + "weights, such as {\"1\":50,\"2\":50}");
        }
        Map<Integer, Integer> weights = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = arms.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> arm = fields.next();
            int version;
            try {
                version = Integer.parseInt(arm.getKey());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("arms", "'arms' names versions by number, not '"
                        + StrictJson.abbreviate(arm.getKey()) + "'");
            }
            if (!arm.getValue().isIntegralNumber() || arm.getValue().asLong() < 1 || arm.getValue().asLong() > 1_000_000) {
                throw new InvalidRequestException("arms", "the weight of version " + version + " must be a whole "
                        + "number from 1 to 1000000");
            }
            if (version < 1 || store.version(id, version) == null) {
                throw new QuorumException("template_not_found", 404, "arms", "template '" + id + "' has no version "
                        + version);
            }
            weights.put(version, arm.getValue().intValue());
        }
        Experiment experiment = new Experiment(id, Map.copyOf(weights), clock.millis());
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM prompt_experiment WHERE template_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO prompt_experiment (template_id, "
                         + "arms, started_ms) VALUES (?, ?, ?)")) {
                delete.setString(1, id);
                delete.executeUpdate();
                insert.setString(1, id);
                insert.setString(2, encode(weights));
                insert.setLong(3, experiment.startedMillis());
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        running.put(id, Optional.of(new Experiment(id, new TreeMap<>(weights), experiment.startedMillis())));
        exchange.setVariable(RequestConstants.VAR_REPLY_STATUS, 201);
        return report(id);
    }

    /** {@code GET /api/v1/prompts/{id}/experiment}: each arm's figures and the winner, if there is one. */
    public Map<String, Object> report(Exchange exchange) throws SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        if (!PromptTemplates.safeId(id)) {
            throw notFound(id);
        }
        return report(id);
    }

    /** {@code GET /api/v1/experiments}: the report of every template's experiment, by template id. */
    public Map<String, Object> all(Exchange exchange) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT template_id FROM prompt_experiment "
                     + "ORDER BY template_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        List<Map<String, Object>> reports = new ArrayList<>();
        for (String id : ids) {
            reports.add(report(id));
        }
        return Map.of("experiments", reports);
    }

    /** {@code POST /api/v1/feedback}: a caller's score (0 to 1) for a request a template answered. */
    public Map<String, Object> feedback(Exchange exchange) throws SQLException {
        JsonNode body = parser.tree(exchange.getMessage().getBody(byte[].class), "the request body");
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(null, "the body must be {\"requestId\":\"...\",\"score\":0.8}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"requestId".equals(name) && !"score".equals(name)) {
                throw new InvalidRequestException(name, "unknown field '" + StrictJson.abbreviate(name)
                        + "'; feedback is {\"requestId\":\"...\",\"score\":0.8}");
            }
        }
        JsonNode requestId = body.get("requestId");
        JsonNode score = body.get("score");
        if (requestId == null || !requestId.isTextual() || requestId.textValue().isEmpty()) {
            throw new InvalidRequestException("requestId", "'requestId' is required: the id of the answered request");
        }
        if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
            throw new InvalidRequestException("score", "'score' must be a number from 0 to 1");
        }
        writer.awaitWritten(5_000);
        String keyTenant = exchange.getVariable(AuthConstants.VAR_KEY_TENANT, String.class);
        int updated;
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement("UPDATE prompt_outcome SET score_permille = ? "
                     + "WHERE request_id = ?" + (keyTenant == null ? "" : " AND tenant = ?"))) {
            update.setInt(1, (int) Math.round(score.asDouble() * 1000));
            update.setString(2, requestId.textValue());
            if (keyTenant != null) {
                update.setString(3, keyTenant);
            }
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            throw new QuorumException("request_not_found", 404, "requestId", "no request '"
                    + StrictJson.abbreviate(requestId.textValue()) + "' answered in a prompt experiment"
                    + (keyTenant == null ? "" : " for this API key's tenant"));
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("requestId", requestId.textValue());
        reply.put("score", score.asDouble());
        return reply;
    }

    // --- the figures ---

    Map<String, Object> report(String id) throws SQLException {
        Experiment experiment = load(id);
        if (experiment == null) {
            throw new QuorumException("experiment_not_found", 404, "id", "template '" + StrictJson.abbreviate(id)
                    + "' has no experiment; POST /api/v1/prompts/" + id + "/experiment starts one");
        }
        writer.awaitWritten(5_000);
        Map<Integer, Map<String, Object>> arms = new TreeMap<>();
        Map<Integer, StatisticalSummaryValues> scores = new TreeMap<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT version, COUNT(*), "
                     + "SUM(CASE WHEN failed THEN 1 ELSE 0 END), SUM(cost_nanos), AVG(latency_ms), "
                     + "AVG(agreement_permille), COUNT(score_permille), AVG(score_permille), "
                     + "VAR_SAMP(score_permille), MIN(score_permille), MAX(score_permille) FROM prompt_outcome "
                     + "WHERE template_id = ? AND at_ms >= ? GROUP BY version")) {
            query.setString(1, id);
            query.setLong(2, experiment.startedMillis());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int version = rows.getInt(1);
                    long requests = rows.getLong(2);
                    long errors = rows.getLong(3);
                    Map<String, Object> arm = new LinkedHashMap<>();
                    arm.put("requests", requests);
                    arm.put("errors", errors);
                    arm.put("errorRate", interval(errors, requests));
                    arm.put("costUsd", Usd.ofNanos(rows.getLong(4)));
                    arm.put("meanCostUsd", Usd.ofNanos(requests == 0 ? 0 : rows.getLong(4) / requests));
                    arm.put("meanLatencyMs", Math.round(rows.getDouble(5)));
                    double agreement = rows.getDouble(6);
                    arm.put("meanAgreement", rows.wasNull() ? null : Math.round(agreement) / 1000d);
                    long scored = rows.getLong(7);
                    Map<String, Object> score = new LinkedHashMap<>();
                    score.put("n", scored);
                    if (scored > 0) {
                        double mean = rows.getDouble(8) / 1000;
                        double variance = scored < 2 ? 0 : rows.getDouble(9) / 1_000_000;
                        score.put("mean", round(mean));
                        if (scored >= 2) {
                            double half = new TDistribution(scored - 1).inverseCumulativeProbability(0.975)
                                    * Math.sqrt(variance / scored);
                            score.put("ci95", List.of(round(Math.max(0, mean - half)), round(Math.min(1, mean + half))));
                        }
                        scores.put(version, new StatisticalSummaryValues(mean, variance, scored,
                                rows.getDouble(11) / 1000, rows.getDouble(10) / 1000, mean * scored));
                    }
                    arm.put("score", score);
                    arms.put(version, arm);
                }
            }
        }
        List<Map<String, Object>> armList = new ArrayList<>();
        for (Map.Entry<Integer, Integer> arm : experiment.arms().entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", arm.getKey());
            row.put("weight", arm.getValue());
            Map<String, Object> figures = arms.getOrDefault(arm.getKey(), Map.of("requests", 0L, "errors", 0L,
                    "score", Map.of("n", 0L)));
            row.putAll(figures);
            armList.add(row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", id);
        report.put("startedAt", Instant.ofEpochMilli(experiment.startedMillis()).toString());
        report.put("arms", armList);
        report.put("test", TEST);
        report.putAll(winner(experiment, scores));
        return report;
    }

    /**
     * The winner: the arm with the best mean score, when Welch's t-test against every other arm of the experiment
     * gives p &lt; {@value #ALPHA} (the largest p is reported); otherwise none, with the reason.
     */
    static Map<String, Object> winner(Experiment experiment, Map<Integer, StatisticalSummaryValues> scores) {
        Map<String, Object> result = new LinkedHashMap<>();
        Integer best = null;
        for (Map.Entry<Integer, StatisticalSummaryValues> arm : scores.entrySet()) {
            if (experiment.arms().containsKey(arm.getKey())
                    && (best == null || arm.getValue().getMean() > scores.get(best).getMean())) {
                best = arm.getKey();
            }
        }
        double worstP = 0;
        String reason = null;
        for (Integer version : experiment.arms().keySet()) {
            if (best == null) {
                reason = "no arm has user scores yet (POST /api/v1/feedback)";
                break;
            }
            if (version.equals(best)) {
                continue;
            }
            StatisticalSummaryValues a = scores.get(best);
            StatisticalSummaryValues b = scores.get(version);
            if (a.getN() < 2 || b == null || b.getN() < 2) {
                reason = "every arm needs at least 2 user scores";
                worstP = 1;
                break;
            }
            double p;
            if (a.getVariance() == 0 && b.getVariance() == 0) {
                p = a.getMean() == b.getMean() ? 1 : 0;
            } else {
                p = new TTest().tTest(a, b);
            }
            worstP = Math.max(worstP, p);
        }
        if (reason == null && worstP >= ALPHA) {
            reason = "the difference is not significant (p = " + round(worstP) + ")";
        }
        result.put("winner", reason == null ? best : null);
        result.put("pValue", best == null ? null : round(worstP));
        result.put("reason", reason == null ? "version " + best + " has the best mean score, p < " + ALPHA
                + " against every other arm" : reason);
        return result;
    }

    /** A share with its 95% Wilson score interval. */
    static Map<String, Object> interval(long hits, long n) {
        Map<String, Object> share = new LinkedHashMap<>();
        if (n == 0) {
            share.put("rate", null);
            return share;
        }
        double p = (double) hits / n;
        double z = 1.959963984540054;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        share.put("rate", round(p));
        share.put("ci95", List.of(round(Math.max(0, centre - half)), round(Math.min(1, centre + half))));
        return share;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000d;
    }

    private Experiment running(String id) throws SQLException {
        Optional<Experiment> cached = running.getIfPresent(id);
        if (cached != null) {
            return cached.orElse(null);
        }
        Experiment experiment = load(id);
        running.put(id, Optional.ofNullable(experiment));
        return experiment;
    }

    private Experiment load(String id) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement("SELECT arms, started_ms FROM prompt_experiment "
                     + "WHERE template_id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Experiment(id, decode(rows.getString(1)), rows.getLong(2)) : null;
            }
        }
    }

    private static String encode(Map<Integer, Integer> weights) {
        StringBuilder text = new StringBuilder();
        weights.forEach((version, weight) -> text.append(text.isEmpty() ? "" : ",").append(version).append(':')
                .append(weight));
        return text.toString();
    }

    private static Map<Integer, Integer> decode(String text) {
        Map<Integer, Integer> weights = new TreeMap<>();
        for (String arm : text.split(",")) {
            String[] parts = arm.split(":");
            weights.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        return weights;
    }

    private static QuorumException notFound(String id) {
        return new QuorumException("template_not_found", 404, "id", "There is no template '"
                + StrictJson.abbreviate(String.valueOf(id)) + "'; GET /api/v1/prompts lists the templates");
    }

    // --- the writer of outcomes ---

    private void write(List<Outcome> batch) {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO prompt_outcome (request_id, at_ms, "
                     + "template_id, version, tenant, failed, cost_nanos, latency_ms, agreement_permille) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Outcome outcome : batch) {
                insert.setString(1, outcome.requestId().length() > 200 ? outcome.requestId().substring(0, 200)
                        : outcome.requestId());
                insert.setLong(2, outcome.atMillis());
                insert.setString(3, outcome.template());
                insert.setInt(4, outcome.version());
                insert.setString(5, outcome.tenant().length() > 200 ? outcome.tenant().substring(0, 200)
                        : outcome.tenant());
                insert.setBoolean(6, outcome.failed());
                insert.setLong(7, outcome.costNanos());
                insert.setLong(8, outcome.latencyMs());
                if (outcome.agreementPermille() == null) {
                    insert.setNull(9, Types.INTEGER);
                } else {
                    insert.setInt(9, outcome.agreementPermille());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // a request id used twice (a retried Kafka record) is one outcome: the batch is written row by row
            if (batch.size() > 1) {
                for (Outcome outcome : batch) {
                    write(List.of(outcome));
                }
            } else {
                LOG.debug("Prompt outcome of request {} not written: {}", batch.get(0).requestId(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
