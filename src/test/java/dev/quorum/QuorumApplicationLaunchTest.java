package dev.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@link QuorumApplication} reads its settings and routes from ({@code QuorumApplication.Launch}): the working
 * directory's, else the jar's, and {@code --config} / {@code --routes}. src/bench/smoke.sh starts the packaged jar
 * from an empty folder.
 */
class QuorumApplicationLaunchTest {

    @TempDir
    Path folder;

    @Test
    void should_fall_back_to_the_jars_settings_and_routes_in_an_empty_folder() {
        // when
        QuorumApplication.Launch launch = QuorumApplication.Launch.of(new String[0], folder);

        // then
        assertThat(launch.propertiesLocations()).isEqualTo("classpath:quorum/application.properties");
        assertThat(launch.overrides().get("camel.main.routes-include-pattern")).isEqualTo(
                "classpath:quorum/routes/engine/*.camel.yaml,classpath:quorum/routes/*.camel.yaml,"
                        + "classpath:quorum/routes/config/*.camel.yaml");
        assertThat(launch.overrides()).containsEntry("camel.main.routes-reload-enabled", "false");
        assertThat(launch.mainArgs()).isEmpty();
    }

    @Test
    void should_read_the_working_folders_settings_and_routes_over_the_jars() throws Exception {
        // given
        Files.writeString(folder.resolve("application.properties"), "camel.server.port = 9999\n");
        Files.createDirectories(folder.resolve("routes"));

        // when
        QuorumApplication.Launch launch = QuorumApplication.Launch.of(new String[0], folder);

        // then: the file first (the first location holding a key wins), the jar's below it; routes/ as configured
        assertThat(launch.propertiesLocations()).isEqualTo("file:" + folder.resolve("application.properties")
                .toAbsolutePath() + ",classpath:quorum/application.properties");
        assertThat(launch.overrides()).isEmpty();
    }

    @Test
    void should_take_config_and_routes_arguments_and_pass_the_rest_to_camel_main() throws Exception {
        // given
        Path config = Files.writeString(folder.resolve("staging.properties"), "quorum.consensus.quorum = 3\n");
        Path routes = Files.createDirectories(folder.resolve("my-routes"));

        // when
        QuorumApplication.Launch launch = QuorumApplication.Launch.of(
                new String[] {"--config", "staging.properties", "--routes", "my-routes", "-d", "30"}, folder);

        // then
        assertThat(launch.propertiesLocations()).startsWith("file:" + config.toAbsolutePath() + ",");
        assertThat(launch.overrides().get("camel.main.routes-include-pattern")).isEqualTo(
                "file:" + routes + "/engine/*.camel.yaml,file:" + routes + "/*.camel.yaml,file:" + routes
                        + "/config/*.camel.yaml");
        assertThat(launch.overrides()).containsEntry("camel.main.routes-reload-directory", routes.toString())
                .containsEntry("camel.component.kamelet.location", "file:" + routes + "/kamelets,classpath:kamelets");
        assertThat(launch.mainArgs()).containsExactly("-d", "30");
    }

    @Test
    void should_refuse_a_config_or_routes_argument_that_names_nothing() {
        assertThatThrownBy(() -> QuorumApplication.Launch.of(new String[] {"--config", "missing.properties"}, folder))
                .hasMessageContaining("--config missing.properties: no such file");
        assertThatThrownBy(() -> QuorumApplication.Launch.of(new String[] {"--routes"}, folder))
                .hasMessageContaining("--routes needs a value");
    }

    @Test
    void should_leave_routes_a_settings_file_names_itself_alone() throws Exception {
        // given: no routes/ folder, but the settings name routes of their own
        Files.writeString(folder.resolve("application.properties"),
                "camel.main.routes-include-pattern = file:/srv/flows/*.camel.yaml\n");

        // when / then
        assertThat(QuorumApplication.Launch.of(new String[0], folder).overrides()).isEmpty();
    }
}
