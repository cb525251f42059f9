package dev.quorum.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings settings(Map<String, String> values) {
        return TestSettings.of(values, "quorum.demo");
    }

    @Test
    void should_read_typed_values_and_fall_back_to_defaults_for_absent_or_blank_ones() {
        // given
        Settings settings = settings(Map.of("quorum.demo.size", " 7 ", "quorum.demo.ratio", "0.25",
                "quorum.demo.names", "a, b,,c", "quorum.demo.on", "TRUE", "quorum.demo.blank", " ",
                "quorum.demo.mode", "Fast", "quorum.demo.where", "{{quorum.demo.base}}/x", "quorum.demo.base", "http://h"));

        // when / then
        assertThat(settings.integer("size", 1, 1, 10)).isEqualTo(7);
        assertThat(settings.decimal("ratio", 0.5, 0, 1)).isEqualTo(0.25);
        assertThat(settings.list("names")).containsExactly("a", "b", "c");
        assertThat(settings.bool("on", false)).isTrue();
        assertThat(settings.whole("blank", 42, 0, Long.MAX_VALUE)).isEqualTo(42);
        assertThat(settings.integer("absent", 3, 1, 10)).isEqualTo(3);
        assertThat(settings.choice("mode", "slow", List.of("slow", "fast"))).isEqualTo("fast");
        assertThat(settings.text("where", null)).isEqualTo("http://h/x");
        assertThat(settings.text("base", null)).isEqualTo("http://h");
        settings.requireKnown();
    }

    @Test
    void should_take_a_system_property_over_the_file_and_one_the_file_does_not_name() {
        // given
        System.setProperty("quorum.demo.size", "9");
        System.setProperty("quorum.demo.extra", "yes");
        try {
            Settings settings = settings(Map.of("quorum.demo.size", "7"));

            // when / then
            assertThat(settings.integer("size", 1, 1, 10)).isEqualTo(9);
            assertThatThrownBy(settings::requireKnown).hasMessageContaining("quorum.demo.extra is not a setting");
            assertThat(settings.text("extra", null)).isEqualTo("yes");
            settings.requireKnown();
        } finally {
            System.clearProperty("quorum.demo.size");
            System.clearProperty("quorum.demo.extra");
        }
    }

    @Test
    void should_fail_on_a_key_no_read_asked_for_naming_it_and_the_nearest_setting_but_not_its_value() {
        // given
        Settings settings = settings(Map.of("quorum.demo.treshold", "secret-looking-value", "quorum.demo.threshold", "1"));
        settings.decimal("threshold", 0.75, 0, 1);

        // when / then
        assertThatThrownBy(settings::requireKnown)
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("quorum.demo.treshold is not a setting Quorum knows (did you mean quorum.demo.threshold?)")
                .hasMessageNotContaining("secret-looking-value");
    }

    @Test
    void should_fail_on_a_value_of_the_wrong_type_naming_key_value_and_expectation() {
        Settings settings = settings(Map.of("quorum.demo.size", "ten", "quorum.demo.ratio", "lots",
                "quorum.demo.on", "yes", "quorum.demo.mode", "warp"));

        assertThatThrownBy(() -> settings.integer("size", 1, 1, 10))
                .hasMessage("quorum.demo.size = 'ten' is not valid: expected a whole number from 1 to 10");
        assertThatThrownBy(() -> settings.decimal("ratio", 0.5, 0, 1))
                .hasMessage("quorum.demo.ratio = 'lots' is not valid: expected a number from 0 to 1");
        assertThatThrownBy(() -> settings.bool("on", false))
                .hasMessage("quorum.demo.on = 'yes' is not valid: expected true or false");
        assertThatThrownBy(() -> settings.choice("mode", "slow", List.of("slow", "fast")))
                .hasMessage("quorum.demo.mode = 'warp' is not valid: expected one of slow, fast");
    }

    @Test
    void should_fail_on_a_value_out_of_range_naming_key_value_and_range() {
        Settings settings = settings(Map.of("quorum.demo.size", "0", "quorum.demo.ratio", "1.5",
                "quorum.demo.wait-ms", "-1"));

        assertThatThrownBy(() -> settings.integer("size", 1, 1, Integer.MAX_VALUE))
                .hasMessage("quorum.demo.size = '0' is not valid: expected a whole number of at least 1");
        assertThatThrownBy(() -> settings.decimal("ratio", 0.5, 0, 1))
                .hasMessage("quorum.demo.ratio = '1.5' is not valid: expected a number from 0 to 1");
        assertThatThrownBy(() -> settings.whole("wait-ms", 5, 0, Long.MAX_VALUE))
                .hasMessage("quorum.demo.wait-ms = '-1' is not valid: expected a whole number of at least 0");
    }

    @Test
    void should_find_per_id_groups_and_check_their_keys_too() {
        // given
        Settings settings = settings(Map.of("quorum.demo.retry.max-attempts", "3",
                "quorum.demo.retry.openai.max-attempts", "5", "quorum.demo.retry.groq.max-atempts", "1",
                "quorum.demo.accuracy.openai", "0.9"));

        // when
        assertThat(settings.ids("retry")).containsExactly("groq", "openai");
        for (String id : settings.ids("retry")) {
            settings.under("retry." + id).integer("max-attempts", 3, 1, 10);
        }
        assertThat(settings.under("retry.openai").integer("max-attempts", 3, 1, 10)).isEqualTo(5);
        assertThat(settings.integer("retry.max-attempts", 1, 1, 10)).isEqualTo(3);
        assertThat(settings.entries("accuracy")).containsExactly(Map.entry("openai", "0.9"));

        // then
        assertThatThrownBy(settings::requireKnown)
                .hasMessageStartingWith("quorum.demo.retry.groq.max-atempts is not a setting Quorum knows "
                        + "(did you mean quorum.demo.retry.groq.max-attempts?)");
    }
}
