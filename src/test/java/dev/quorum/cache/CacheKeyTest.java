package dev.quorum.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.Mode;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact cache's key covers every field of the request but the ones named in {@link CacheKey#IGNORED}: each field
 * of the record is changed in turn, by reflection, so a field added to the request later is covered by this test
 * without a change to it.
 */
class CacheKeyTest {

    private final CacheKey keys = new CacheKey();

    private static CompletionRequest base() {
        return new CompletionRequest("id-1", "Prompt", "System", Mode.SINGLE, "openai-sim", List.of("a", "b"), 100, 0.5,
                "tenant-a", "simple", Map.of("k", "v"), "cost", 0.1, 1000L, List.of("code"), "majority", 0.6, 2,
                5000L);
    }

    @Test
    void should_change_the_key_with_every_field_but_id_tenant_and_metadata() throws Exception {
        // given
        CompletionRequest base = base();
        String baseKey = keys.exact("t", base);
        RecordComponent[] components = CompletionRequest.class.getRecordComponents();
        Constructor<CompletionRequest> constructor = CompletionRequest.class.getDeclaredConstructor(
                java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        List<String> changing = new ArrayList<>();
        List<String> same = new ArrayList<>();

        for (int i = 0; i < components.length; i++) {
            // when: one field has another value
            Object[] args = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = components[j].getAccessor().invoke(base);
            }
            args[i] = other(components[i].getType(), args[i]);
            String key = keys.exact("t", constructor.newInstance(args));
            (key.equals(baseKey) ? same : changing).add(components[i].getName());
        }

        // then
        assertThat(same).containsExactlyInAnyOrderElementsOf(CacheKey.IGNORED);
        assertThat(changing).hasSize(components.length - CacheKey.IGNORED.size());
    }

    @Test
    void should_scope_the_key_by_tenant_and_leave_the_prompt_out_of_the_parameters_key() {
        // given
        CompletionRequest request = base();

        // then
        assertThat(keys.exact("a", request)).isNotEqualTo(keys.exact("b", request));
        assertThat(keys.parameters("a", request)).isEqualTo(keys.parameters("a", request.withPrompt("System", "Other")));
        assertThat(keys.exact("a", request)).isNotEqualTo(keys.exact("a", request.withPrompt("System", "Other")));
    }

    private static Object other(Class<?> type, Object value) {
        if (type == String.class) {
            return value + "-other";
        }
        if (type == Mode.class) {
            return value == Mode.SINGLE ? Mode.CONSENSUS : Mode.SINGLE;
        }
        if (type == Integer.class) {
            return (Integer) value + 1;
        }
        if (type == Double.class) {
            return (Double) value + 0.25;
        }
        if (type == Long.class) {
            return (Long) value + 1;
        }
        if (type == Boolean.class) {
            return !Boolean.TRUE.equals(value);
        }
        if (type == List.class) {
            List<Object> list = new ArrayList<>((List<?>) value);
            list.add("other");
            return list;
        }
        if (type == dev.quorum.api.Chat.class) {
            return new dev.quorum.api.Chat(List.of(), 0.9, List.of("END"), 7L, null, List.of(), null, null);
        }
        if (type == Map.class) {
            return Map.of("other", "value");
        }
        throw new AssertionError("CacheKeyTest cannot vary a field of type " + type + ": teach other() the type");
    }
}
