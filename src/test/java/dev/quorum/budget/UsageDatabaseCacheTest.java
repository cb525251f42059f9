package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in H2 file opens with the page cache {@code quorum.ledger.h2-cache-kb} asks for (4 MiB unless set; H2's own
 * default is 16 MiB), as the database itself reports it; a URL of the user's is left as it is.
 */
class UsageDatabaseCacheTest {

    @TempDir
    Path dataDir;

    @Test
    void should_open_the_built_in_file_with_a_four_mib_page_cache_by_default() throws Exception {
        try (UsageDatabase database = UsageDatabase.open(null, null, null, dataDir, 2, false)) {
            assertThat(cacheKb(database)).isEqualTo(UsageDatabase.DEFAULT_H2_CACHE_KB).isEqualTo(4096);
        }
    }

    @Test
    void should_open_the_built_in_file_with_the_configured_page_cache() throws Exception {
        try (UsageDatabase database = UsageDatabase.open(null, null, null, dataDir, 2, false, 5_000,
                UsageDatabase.DEFAULT_LOCK_TIMEOUT_MILLIS, 12_288)) {
            assertThat(cacheKb(database)).isEqualTo(12_288);
        }
    }

    @Test
    void should_leave_the_page_cache_of_a_users_own_url_to_that_url() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("own") + ";CACHE_SIZE=2048";
        try (UsageDatabase database = UsageDatabase.open(url, null, null, dataDir, 2, false, 5_000,
                UsageDatabase.DEFAULT_LOCK_TIMEOUT_MILLIS, 12_288)) {
            assertThat(cacheKb(database)).isEqualTo(2048);
        }
    }

    private static int cacheKb(UsageDatabase database) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")) {
            assertThat(row.next()).as("H2 reports CACHE_SIZE").isTrue();
            return Integer.parseInt(row.getString(1));
        }
    }
}
