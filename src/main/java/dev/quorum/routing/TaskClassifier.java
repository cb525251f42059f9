package dev.quorum.routing;

import dev.quorum.api.CompletionRequest;
import dev.quorum.camel.RequestConstants;
import dev.quorum.camel.RoutingConstants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Answers "what kind of task is this request?": the task the request names, else the semantic router's match (when
 * enabled and confident), else the configured rules: estimated tokens beyond the long-context threshold, keywords
 * per task, a short prompt as {@code simple}, and a default task. It also exposes the request's priority and pinned
 * provider as variables, so the route's content-based router can branch on them.
 */
public final class TaskClassifier {

    /** A lower-case keyword, matched as whole words only, so 'class' does not match "classify". */
    private record Keyword(String word) {

        /** indexOf on the lower-cased prompt, then a boundary check: far cheaper than a regex per keyword. */
        boolean foundIn(String lowerPrompt) {
            for (int at = lowerPrompt.indexOf(word); at >= 0; at = lowerPrompt.indexOf(word, at + 1)) {
                int end = at + word.length();
                if ((at == 0 || !Character.isLetterOrDigit(lowerPrompt.charAt(at - 1)))
                        && (end == lowerPrompt.length() || !Character.isLetterOrDigit(lowerPrompt.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, List<Keyword>> keywords;
    private final int longContextTokens;
    private final int simpleMaxChars;
    private final String defaultTask;
    private final SemanticRouter semantic;

    TaskClassifier(Map<String, List<String>> keywords, int longContextTokens, int simpleMaxChars, String defaultTask,
                   SemanticRouter semantic) {
        Map<String, List<Keyword>> compiled = new LinkedHashMap<>();
        keywords.forEach((task, words) -> compiled.put(task, words.stream()
                .map(w -> new Keyword(w.toLowerCase(Locale.ROOT))).toList()));
        this.keywords = compiled;
        this.longContextTokens = longContextTokens;
        this.simpleMaxChars = simpleMaxChars;
        this.defaultTask = defaultTask;
        this.semantic = semantic;
    }

    /** Sets the variables {@code task}, {@code taskSource}, {@code priority} and {@code pinnedProvider}. */
    public void classify(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        Classification found = classify(request);
        exchange.setVariable(RoutingConstants.VAR_TASK, found.task());
        exchange.setVariable(RoutingConstants.VAR_TASK_SOURCE, found.source());
        exchange.setVariable(RoutingConstants.VAR_PRIORITY, request.priority());
        exchange.setVariable(RoutingConstants.VAR_PINNED_PROVIDER, request.provider());
    }

    /** A task and how it was found. */
    record Classification(String task, String source) {
    }

    Classification classify(CompletionRequest request) {
        if (request.task() != null) {
            return new Classification(request.task(), "request");
        }
        String prompt = request.prompt();
        int tokens = Estimates.promptTokens(request);
        if (tokens > longContextTokens) {
            return new Classification("long-context", "rules: about " + tokens + " tokens > " + longContextTokens);
        }
        if (semantic != null) {
            SemanticRouter.Match match = semantic.match(prompt);
            if (match != null) {
                return new Classification(match.task(), String.format(Locale.ROOT,
                        "semantic: %.2f similar to an example of %s", match.similarity(), match.task()));
            }
        }
        String lower = prompt.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<Keyword>> entry : keywords.entrySet()) {
            for (Keyword keyword : entry.getValue()) {
                if (keyword.foundIn(lower)) {
                    return new Classification(entry.getKey(), "rules: keyword '" + keyword.word() + "'");
                }
            }
        }
        if (prompt.length() <= simpleMaxChars) {
            return new Classification("simple", "rules: prompt of " + prompt.length() + " chars <= " + simpleMaxChars);
        }
        return new Classification(defaultTask, "default");
    }
}
