package dev.quorum.prompt;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.StrictJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable version of a prompt template: its text with {@code {{name}}} variables, the system text and default
 * model settings (task, priority, maxTokens) a request that names it gets unless it sets its own, a note, where it
 * came from ({@code api} or the file it was read from) and when it was made. {@code variables} is derived from the
 * text and the system text. The JSON of {@code GET /api/v1/prompts/{id}/{version}} is this record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptTemplate(
        String id,
        int version,
        String template,
        String system,
        List<String> variables,
        String task,
        String priority,
        Integer maxTokens,
        String note,
        String source,
        String createdAt,
        @JsonIgnore TemplateText text,
        @JsonIgnore TemplateText systemText) {

    /** A version as stored: parses its texts and derives its variables. */
    public static PromptTemplate of(String id, int version, PromptDraft draft, String source, Instant createdAt) {
        TemplateText text = TemplateText.parse(draft.template());
        TemplateText systemText = draft.system() == null ? null : TemplateText.parse(draft.system());
        Set<String> variables = new LinkedHashSet<>(text.variables());
        if (systemText != null) {
            variables.addAll(systemText.variables());
        }
        return new PromptTemplate(id, version, draft.template(), draft.system(), List.copyOf(variables), draft.task(),
                draft.priority(), draft.maxTokens(), draft.note(), source, createdAt.toString(), text, systemText);
    }

    /** What this version holds, without its id, version, source and time: equal drafts make no new version. */
    public PromptDraft draft() {
        return new PromptDraft(template, system, task, priority, maxTokens, note);
    }

    /** The prompt and system text with {@code values} in place; every variable must be given, and no other. */
    public Rendered render(Map<String, String> values) {
        String what = "template '" + id + "' version " + version;
        List<String> missing = new ArrayList<>();
        for (String name : variables) {
            if (!values.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("variables", "'variables' has no value for " + names(missing)
                    + ", which " + what + " uses (it uses " + String.join(", ", variables) + ")");
        }
        if (values.size() > variables.size()) {
            List<String> unknown = values.keySet().stream().filter(name -> !variables.contains(name)).sorted().toList();
            throw new InvalidRequestException("variables", "'variables' names " + names(unknown) + ", which " + what
                    + " does not use" + (variables.isEmpty() ? " (it uses none)"
                    : " (it uses " + String.join(", ", variables) + ")"));
        }
        return new Rendered(text.render(values), systemText == null ? null : systemText.render(values));
    }

    private static String names(List<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + StrictJson.abbreviate(name) + "'").toList());
    }

    /** A rendered template: the prompt and the system text (null when the template has none). */
    public record Rendered(String prompt, String system) {
    }
}
