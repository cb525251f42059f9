package dev.quorum.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which prompt template gave a request its prompt: the template's id and version, and the experiment arm when an
 * experiment between versions picked it ({@code experiment} true).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateUse(String id, int version, Boolean experiment) {
}
