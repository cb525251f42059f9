package dev.quorum.routing;

import dev.quorum.QuorumHeaders;
import dev.quorum.api.CompletionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * Answers "what kind of task is this request?": the task the request names, else the semantic router's match (when
 * enabled and confident), else the configured rules: estimated tokens beyond the long-context threshold, keywords
 * per task, a short prompt as {@code simple}, and a default task. It also exposes the request's priority and pinned
 * provider as variables, so the route's content-based router can branch on them.
 */
public final class TaskClassifier {

    /** A keyword and its pattern: whole words only, so 'class' does not match "classify". */
    private record Keyword(String word, Pattern pattern) {
    }

    private final Map<String, List<Keyword>> keywords;
    private final int longContextTokens;
    private final int simpleMaxChars;
    private final String defaultTask;
    private final SemanticRouter semantic;

    TaskClassifier(Map<String, List<String>> keywords, int longContextTokens, int simpleMaxChars, String defaultTask,
                   SemanticRouter semantic) {
        Map<String, List<Keyword>> compiled = new LinkedHashMap<>();
        keywords.forEach((task, words) -> compiled.put(task, words.stream().map(w -> new Keyword(w, Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))).toList()));
        this.keywords = compiled;
        this.longContextTokens = longContextTokens;
        this.simpleMaxChars = simpleMaxChars;
        this.defaultTask = defaultTask;
        this.semantic = semantic;
    }

    /** Sets the variables {@code task}, {@code taskSource}, {@code priority} and {@code pinnedProvider}. */
    public void classify(Exchange exchange) {
        CompletionRequest request = exchange.getVariable(QuorumHeaders.VAR_REQUEST, CompletionRequest.class);
        Classification found = classify(request);
        exchange.setVariable(QuorumHeaders.VAR_TASK, found.task());
        exchange.setVariable(QuorumHeaders.VAR_TASK_SOURCE, found.source());
        exchange.setVariable(QuorumHeaders.VAR_PRIORITY, request.priority());
        exchange.setVariable(QuorumHeaders.VAR_PINNED_PROVIDER, request.provider());
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
        for (Map.Entry<String, List<Keyword>> entry : keywords.entrySet()) {
            for (Keyword keyword : entry.getValue()) {
                if (keyword.pattern().matcher(prompt).find()) {
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
