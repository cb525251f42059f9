package dev.quorum.prompt;

/**
 * What a caller or a template file gives for a new version of a template: the text, and optionally the system text,
 * the default task, priority and maxTokens, and a note. Checked by {@link PromptTemplates#check}.
 */
public record PromptDraft(String template, String system, String task, String priority, Integer maxTokens,
                          String note) {
}
