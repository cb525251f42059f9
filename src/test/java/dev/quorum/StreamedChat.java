package dev.quorum;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One streamed chat through a LangChain4j streaming model (an OpenAI SDK pointed at Quorum, or a provider model): every
 * partial response as it came, and the complete response (or the error the stream ended with) once it ends.
 */
public record StreamedChat(List<String> partials, CompletableFuture<ChatResponse> done) {

    /** LangChain4j's OpenAI streaming client on Quorum's {@code /v1}, asking for {@code model}. */
    public static OpenAiStreamingChatModel client(int port, String model) {
        return OpenAiStreamingChatModel.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey("not-checked")
                .modelName(model).timeout(Duration.ofSeconds(10)).build();
    }

    /** Sends {@code prompt} and returns at once; {@link #done()} completes when the stream ends. */
    public static StreamedChat ask(StreamingChatModel model, String prompt) {
        StreamedChat chat = new StreamedChat(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
        model.chat(List.of(UserMessage.from(prompt)), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                chat.partials().add(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                chat.done().complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                chat.done().completeExceptionally(error);
            }
        });
        return chat;
    }
}
