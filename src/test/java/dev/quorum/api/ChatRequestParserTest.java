package dev.quorum.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chat fields of a request: what they become, and each way they can be wrong as a 400 naming the element. */
class ChatRequestParserTest {

    private final RequestParser parser = new RequestParser(40, 30, Set.of("a", "b")::contains,
            EnumSet.allOf(Mode.class));

    private CompletionRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_keep_a_plain_prompt_free_of_any_chat() {
        // when
        CompletionRequest request = parse("{\"prompt\":\"hi\",\"system\":\"be brief\"}");

        // then
        assertThat(request.chat()).isNull();
        assertThat(request.extraChars()).isZero();
    }

    @Test
    void should_read_a_conversation_and_give_the_prompt_and_system_of_its_text() {
        // when
        CompletionRequest request = parse("""
                {"system":"S","messages":[{"role":"developer","content":"D"},{"role":"user","content":"U1"},
                 {"role":"assistant","toolCalls":[{"id":"c1","name":"f","arguments":"{\\"b\\":1, \\"a\\":2}"}]},
                 {"role":"tool","toolCallId":"c1","content":"R"},
                 {"role":"user","content":[{"type":"text","text":"U2"},{"type":"image","url":"https://x.test/a.png"}]}],
                 "tools":[{"name":"f","parameters":{"properties":{}}}],"toolChoice":{"name":"f"},"topP":0.5,
                 "stop":"END","seed":7,"n":1,"responseFormat":{"type":"json_object"}}""");

        // then
        Chat chat = request.chat();
        assertThat(chat.messages()).extracting(Chat.Message::role)
                .containsExactly("system", "system", "user", "assistant", "tool", "user");
        assertThat(request.prompt()).isEqualTo("U2");
        assertThat(request.system()).isEqualTo("S\n\nD");
        assertThat(chat.messages().get(3).toolCalls().get(0).arguments()).isEqualTo("{\"b\":1,\"a\":2}");
        assertThat(chat.hasImages()).isTrue();
        assertThat(chat.toolChoice()).isEqualTo("required");
        assertThat(chat.toolChoiceName()).isEqualTo("f");
        assertThat(chat.stop()).containsExactly("END");
        assertThat(chat.jsonMode()).isTrue();
        assertThat(request.extraChars()).isGreaterThanOrEqualTo(Chat.IMAGE_ESTIMATE_CHARS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}                     | messages",
            "{\"messages\":[]}                                                                         | messages",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}                                   | messages",
            "{\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}                                    | messages[0].role",
            "{\"messages\":[{\"role\":\"user\"}]}                                                       | messages[0].content",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}]}                     | messages[0].content[0].type",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"url\":\"javascript:x\"}]}]} | messages[0].content[0].url",
            "{\"messages\":[{\"role\":\"system\",\"content\":[{\"type\":\"image\",\"url\":\"https://x\"}]},{\"role\":\"user\",\"content\":\"x\"}]} | messages[0].content[0]",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\",\"toolCalls\":[{\"name\":\"f\"}]}]} | messages[1].toolCalls[0].id",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c\",\"name\":\"f\",\"arguments\":\"[1]\"}]}]} | messages[1].toolCalls[0].arguments",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\",\"content\":\"y\"}]} | messages[1].toolCallId",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"0123456789012345678901234567890123456789!\"}]} | messages",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"a b\"}]}                                           | tools[0].name",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\",\"parameters\":[]}]}                           | tools[0].parameters",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\"},{\"name\":\"f\"}]}                            | tools[1].name",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\",\"parameters\":{\"properties\":{\"a\":true}}}]}     | tools[0].parameters",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\",\"parameters\":{\"properties\":{\"a\":{\"items\":1}}}}]} | tools[0].parameters",
            "{\"prompt\":\"x\",\"responseFormat\":{\"type\":\"json_schema\",\"schema\":{\"anyOf\":[1]}}}   | responseFormat.schema",
            "{\"prompt\":\"x\",\"toolChoice\":\"required\"}                                             | toolChoice",
            "{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\"}],\"toolChoice\":{\"name\":\"g\"}}              | toolChoice",
            "{\"prompt\":\"x\",\"responseFormat\":{\"type\":\"xml\"}}                                   | responseFormat.type",
            "{\"prompt\":\"x\",\"responseFormat\":{\"type\":\"json_schema\"}}                           | responseFormat.schema",
            "{\"prompt\":\"x\",\"topP\":0}                                                              | topP",
            "{\"prompt\":\"x\",\"n\":9}                                                                 | n",
            "{\"prompt\":\"x\",\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}                                  | stop",
            "{\"prompt\":\"x\",\"messages\":{}}                                                         | messages"})
    void should_refuse_bad_chat_input_naming_the_element(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    @Test
    void should_take_an_image_longer_than_any_text_up_to_its_own_limit() {
        // given: text limits of 40 and 30 characters, images up to 200
        RequestParser images = new RequestParser(40, 30, 200, Set.of("a")::contains, EnumSet.allOf(Mode.class));
        String image = "data:image/png;base64," + "A".repeat(150);
        String tooLong = "data:image/png;base64," + "A".repeat(190);

        // when
        CompletionRequest request = images.parse(("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                + "\"url\":\"" + image + "\"}]}]}").getBytes(StandardCharsets.UTF_8));

        // then: the image passes, a longer one, a long text and a long tool description do not
        assertThat(request.chat().hasImages()).isTrue();
        assertThatThrownBy(() -> images.parse(("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                + "\"url\":\"" + tooLong + "\"}]}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("messages[0].content[0].url"));
        assertThatThrownBy(() -> images.parse(("{\"prompt\":\"" + "p".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("prompt"));
        assertThatThrownBy(() -> images.parse(("{\"prompt\":\"x\",\"tools\":[{\"name\":\"f\",\"description\":\""
                + "d".repeat(100) + "\"}]}").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("tools"));
    }

    @Test
    void should_refuse_more_messages_than_the_limit() {
        // given
        String message = "{\"role\":\"user\",\"content\":\"\"},";
        String body = "{\"messages\":[" + message.repeat(ChatParser.MAX_MESSAGES) + "{\"role\":\"user\",\"content\":\"x\"}]}";

        // when / then
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getMessage()).contains("at most 1000"));
    }
}
