package dev.quorum.prompt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quorum.budget.UsageDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prompt templates in the usage database (table {@code prompt_template}, one row per version), so every instance
 * on the same database serves the same templates. Versions never change once written, so each one read is kept in
 * memory; which version is the latest is read again after {@code refresh} (a version another instance added shows up
 * here within that time, one this instance added at once). Unknown ids are remembered as unknown for the same time,
 * so a caller naming random templates costs no query per request. Both caches are bounded.
 */
public final class PromptStore {

    /** The most entries each in-memory cache holds. */
    static final int CACHED = 10_000;
    /** How often a save retries when another instance took the next version number first. */
    private static final int SAVE_ATTEMPTS = 5;
    private static final String COLUMNS = "template_id, version, template, system_text, task, priority, max_tokens, "
            + "note, source, created_ms";

    private final UsageDatabase database;
    private final Clock clock;
    private final Cache<Key, PromptTemplate> versions = Caffeine.newBuilder().maximumSize(CACHED).build();
    private final Cache<String, Optional<PromptTemplate>> latest;

    public PromptStore(UsageDatabase database, Duration refresh, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.latest = Caffeine.newBuilder().maximumSize(CACHED).expireAfterWrite(refresh).build();
    }

    /** The outcome of a save: the version now latest, and whether the save made it (false: it equalled the latest). */
    public record Saved(PromptTemplate template, boolean created) {
    }

    /**
     * Saves {@code draft} as the next version of template {@code id}; a draft equal to the latest version makes no new
     * version (a file read again, a POST repeated) and returns that version.
     */
    public Saved save(String id, PromptDraft draft, String source) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            PromptTemplate current = loadLatest(id);
            if (current != null && current.draft().equals(draft)) {
                latest.put(id, Optional.of(current));
                return new Saved(current, false);
            }
            PromptTemplate next = PromptTemplate.of(id, current == null ? 1 : current.version() + 1, draft, source,
                    Instant.ofEpochMilli(clock.millis()));
            try {
                insert(next);
            } catch (SQLException e) {
                if (attempt < SAVE_ATTEMPTS && duplicate(e)) {
                    continue; // another instance saved this version number first: read again and take the next
                }
                throw e;
            }
            versions.put(new Key(id, next.version()), next);
            latest.put(id, Optional.of(next));
            return new Saved(next, true);
        }
    }

    /** The latest version of {@code id}, or null when there is no such template. */
    public PromptTemplate latest(String id) throws SQLException {
        Optional<PromptTemplate> cached = latest.getIfPresent(id);
        if (cached != null) {
            return cached.orElse(null);
        }
        PromptTemplate found = loadLatest(id);
        latest.put(id, Optional.ofNullable(found));
        if (found != null) {
            versions.put(new Key(id, found.version()), found);
        }
        return found;
    }

    /** Version {@code version} of {@code id}, or null when there is none. */
    public PromptTemplate version(String id, int version) throws SQLException {
        Key key = new Key(id, version);
        PromptTemplate cached = versions.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        List<PromptTemplate> found = query("SELECT " + COLUMNS + " FROM prompt_template WHERE template_id = ? "
                + "AND version = ?", id, version);
        if (found.isEmpty()) {
            return null;
        }
        versions.put(key, found.get(0));
        return found.get(0);
    }

    /** Every version of {@code id}, oldest first; empty when there is no such template. */
    public List<PromptTemplate> versions(String id) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM prompt_template WHERE template_id = ? ORDER BY version", id, null);
    }

    /** The latest version of every template, by id. */
    public List<PromptTemplate> list() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM prompt_template t WHERE version = (SELECT MAX(version) FROM "
                + "prompt_template WHERE template_id = t.template_id) ORDER BY template_id", null, null);
    }

    private PromptTemplate loadLatest(String id) throws SQLException {
        List<PromptTemplate> found = query("SELECT " + COLUMNS + " FROM prompt_template WHERE template_id = ? AND "
                + "version = (SELECT MAX(version) FROM prompt_template WHERE template_id = ?)", id, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private void insert(PromptTemplate template) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO prompt_template (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, template.id());
            insert.setInt(2, template.version());
            insert.setString(3, template.template());
            insert.setString(4, template.system());
            insert.setString(5, template.task());
            insert.setString(6, template.priority());
            if (template.maxTokens() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, template.maxTokens());
            }
            insert.setString(8, template.note());
            insert.setString(9, template.source());
            insert.setLong(10, Instant.parse(template.createdAt()).toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** A primary-key collision: SQLState 23505 on H2 and PostgreSQL alike. */
    private static boolean duplicate(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState());
    }

    private List<PromptTemplate> query(String sql, String id, Object second) throws SQLException {
        List<PromptTemplate> rows = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            if (id != null) {
                query.setString(1, id);
            }
            if (second instanceof Integer version) {
                query.setInt(2, version);
            } else if (second instanceof String text) {
                query.setString(2, text);
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int maxTokens = result.getInt(7);
                    Integer max = result.wasNull() ? null : maxTokens;
                    PromptDraft draft = new PromptDraft(result.getString(3), result.getString(4), result.getString(5),
                            result.getString(6), max, result.getString(8));
                    rows.add(PromptTemplate.of(result.getString(1), result.getInt(2), draft, result.getString(9),
                            Instant.ofEpochMilli(result.getLong(10))));
                }
            }
        }
        return rows;
    }

    private record Key(String id, int version) {
    }
}
