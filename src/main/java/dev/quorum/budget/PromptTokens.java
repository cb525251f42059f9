package dev.quorum.budget;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.quorum.api.CompletionRequest;
import dev.quorum.provider.ProviderKind;

/**
 * Counts a request's prompt tokens before the call, for the budget estimate. OpenAI and OpenAI-compatible providers
 * get a real count with OpenAI's o200k tokenizer (jtokkit, already on the classpath through LangChain4j); the other
 * families publish no offline tokenizer, so their prompts count one token per started four characters, close to
 * their tokenizers for English and on the safe side for code.
 */
final class PromptTokens {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    private PromptTokens() {
    }

    static void warmUp() {
        O200K.countTokensOrdinary("warm up");
    }

    static int count(CompletionRequest request, ProviderKind kind) {
        String system = request.system();
        // a conversation's earlier turns, tools and images, estimated by characters whatever the kind
        int extra = request.chat() == null ? 0 : (request.extraChars() + 3) / 4;
        if (kind == ProviderKind.OPENAI || kind == ProviderKind.OPENAI_COMPATIBLE) {
            return O200K.countTokensOrdinary(request.prompt()) + (system == null ? 0 : O200K.countTokensOrdinary(system))
                    + extra;
        }
        int chars = request.prompt().length() + (system == null ? 0 : system.length());
        return (chars + 3) / 4 + extra;
    }
}
