package dev.quorum.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.api.CompletionRequest;
import dev.quorum.api.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification rules on their own: request task first, then length, keywords in task order, short, default. */
class TaskClassifierTest {

    private final TaskClassifier classifier = new TaskClassifier(keywords(), 100, 20, "reasoning", null);

    private static Map<String, List<String>> keywords() {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        keywords.put("code", List.of("class", "stack trace"));
        keywords.put("creative", List.of("poem"));
        return keywords;
    }

    private static CompletionRequest request(String prompt, String task) {
        return new CompletionRequest("r", prompt, null, Mode.SINGLE, null, null, null, null, null, task, null, null,
                null, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a poem about a class of pupils, please do      |          | code        | rules: keyword 'class'
            write me a POEM about autumn, in four lines    |          | creative    | rules: keyword 'poem'
            please classify these sentences for me, thanks |          | reasoning   | default
            here is the Stack Trace: NPE at line 3 of it   |          | code        | rules: keyword 'stack trace'
            hello                                          |          | simple      | rules: prompt of 5 chars <= 20
            a poem                                         | extraction | extraction | request
            """)
    void should_classify_by_the_rules_in_order(String prompt, String task, String expected, String source) {
        // when
        TaskClassifier.Classification found = classifier.classify(request(prompt, task));

        // then
        assertThat(found.task()).isEqualTo(expected);
        assertThat(found.source()).isEqualTo(source);
    }

    @Test
    void should_call_a_prompt_beyond_the_token_threshold_long_context_before_any_keyword() {
        // when: 404 characters are about 101 tokens, over the threshold of 100
        TaskClassifier.Classification found = classifier.classify(request("poem ".repeat(80) + "clas", null));

        // then
        assertThat(found.task()).isEqualTo("long-context");
        assertThat(found.source()).isEqualTo("rules: about 101 tokens > 100");
    }
}
