package dev.quorum.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.secrets.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error messages kept for the usage report: masked, on one line, short, and only the latest few hundred. */
class RecentErrorsTest {

    private static final String KEY = "sk-test-0123456789abcdefghijklmnop";

    @Test
    void should_keep_a_masked_one_line_short_message_per_request_and_provider() {
        // given
        RecentErrors errors = new RecentErrors(Secrets.of(List.of(KEY)));

        // when: a provider's error quotes the key, spans lines and runs long
        errors.remember("r-1", "openai", "401 Unauthorized:\n  invalid key " + KEY + " " + "x".repeat(500));

        // then
        String message = errors.message("r-1", "openai");
        assertThat(message).doesNotContain(KEY).contains(Secrets.MASK).doesNotContain("\n")
                .startsWith("401 Unauthorized: invalid key").hasSize(RecentErrors.MAX_CHARS).endsWith("…");
        assertThat(errors.message("r-1", "anthropic")).isNull();
        assertThat(errors.message("r-2", "openai")).isNull();
    }

    @Test
    void should_forget_the_oldest_beyond_its_capacity() {
        // given
        RecentErrors errors = new RecentErrors(Secrets.of(List.of()));

        // when
        for (int i = 0; i <= RecentErrors.CAPACITY; i++) {
            errors.remember("r-" + i, "p", "failure " + i);
        }

        // then
        assertThat(errors.message("r-0", "p")).isNull();
        assertThat(errors.message("r-" + RecentErrors.CAPACITY, "p")).isEqualTo("failure " + RecentErrors.CAPACITY);
    }
}
