package dev.quorum.prompt;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.quorum.api.CompletionRequest;
import dev.quorum.api.CompletionResult;
import dev.quorum.api.InvalidRequestException;
import dev.quorum.api.QuorumException;
import dev.quorum.api.RequestOptions;
import dev.quorum.api.RequestParser;
import dev.quorum.api.StrictJson;
import dev.quorum.api.TemplateUse;
import dev.quorum.camel.PromptConstants;
import dev.quorum.camel.RequestConstants;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Prompt templates for the routes: the {@code prompt-template} step of {@code direct:intake} gives a request that
 * names a template its prompt (the version it names, the experiment's pick, else the latest), and the HTTP API
 * ({@code routes/prompts.camel.yaml}) creates and lists templates. A new version is checked here the same way
 * whether it comes over HTTP or from a template file ({@link PromptFiles}): an id of safe characters, a non-blank
 * text within the prompt limit, defaults that are valid request values.
 */
public final class PromptTemplates {

    /** The longest template id: the prompt_template table's column. */
    public static final int MAX_ID_CHARS = 100;
    /** The longest note. */
    public static final int MAX_NOTE_CHARS = 1_000;

    /** The body of {@code POST /api/v1/prompts}. */
    record Wire(String id, String template, String system, String task, String priority, Integer maxTokens,
                String note) {
    }

    private static final StrictJson.Expectations EXPECTATIONS = (field, element) -> "maxTokens".equals(field)
            ? "must be a positive whole number" : "must be a string";

    private final PromptStore store;
    private final RequestParser parser;
    private final ObjectReader reader;

    public PromptTemplates(PromptStore store, RequestParser parser) {
        this.store = store;
        this.parser = parser;
        this.reader = parser.json().readerFor(Wire.class);
    }

    public PromptStore store() {
        return store;
    }

    // --- the request path ---

    /**
     * The {@code prompt-template} step: a request that names a template gets the template's rendered prompt, its
     * system text and default settings where it sets none; the {@code promptTemplate} variable says which version.
     * An unknown template or version is a 404, a missing or unknown variable a 400 naming it.
     */
    public void render(Exchange exchange) throws SQLException {
        RequestOptions options = exchange.getVariable(PromptConstants.VAR_REQUEST_OPTIONS, RequestOptions.class);
        if (options == null || !options.templated()) {
            return;
        }
        Integer arm = exchange.getVariable(VAR_EXPERIMENT_ARM, Integer.class);
        Integer version = options.templateVersion() != null ? options.templateVersion() : arm;
        PromptTemplate template = version == null ? store.latest(options.template())
                : store.version(options.template(), version);
        if (template == null) {
            throw notFound(options.template(), version);
        }
        PromptTemplate.Rendered rendered = template.render(options.variables());
        parser.checkPrompt(rendered.prompt());
        if (rendered.system() != null) {
            parser.checkSystem(rendered.system());
        }
        CompletionRequest request = exchange.getVariable(RequestConstants.VAR_REQUEST, CompletionRequest.class);
        CompletionRequest templated = request.withTemplate(rendered.prompt(), rendered.system(), template.task(),
                template.priority(), template.maxTokens());
        exchange.setVariable(RequestConstants.VAR_REQUEST, templated);
        exchange.setVariable("mode", templated.mode().wireName());
        exchange.setVariable(PromptConstants.VAR_PROMPT_TEMPLATE, new TemplateUse(template.id(), template.version(),
                options.templateVersion() == null && arm != null ? Boolean.TRUE : null));
    }

    /** Variable: the template version an experiment's split picked for this request. */
    public static final String VAR_EXPERIMENT_ARM = "experimentArm";

    /** After the request is answered: the result names the template and version that gave its prompt. */
    public void annotate(Exchange exchange) {
        TemplateUse use = exchange.getVariable(PromptConstants.VAR_PROMPT_TEMPLATE, TemplateUse.class);
        if (use != null && exchange.getMessage().getBody() instanceof CompletionResult result) {
            exchange.getMessage().setBody(result.toBuilder().template(use).build());
        }
    }

    // --- the HTTP API ---

    /** {@code POST /api/v1/prompts}: a new version (201), or the latest when it holds the same (200). */
    public PromptTemplate create(Exchange exchange) throws SQLException {
        Wire wire = parser.json().read(reader, exchange.getMessage().getBody(byte[].class), "the request body",
                EXPECTATIONS);
        if (wire == null) {
            throw new InvalidRequestException(null, "the body must be a JSON object such as "
                    + "{\"id\":\"greet\",\"template\":\"Say hello to {{name}}.\"}");
        }
        String id = checkId(wire.id());
        PromptStore.Saved saved = store.save(id, check(new PromptDraft(wire.template(), wire.system(), wire.task(),
                wire.priority(), wire.maxTokens(), wire.note())), "api");
        exchange.setVariable(RequestConstants.VAR_REPLY_STATUS, saved.created() ? 201 : 200);
        return saved.template();
    }

    /** {@code GET /api/v1/prompts}: the latest version of every template. */
    public Map<String, Object> list(Exchange exchange) throws SQLException {
        return Map.of("prompts", store.list());
    }

    /** {@code GET /api/v1/prompts/{id}}: every version of one template, oldest first. */
    public Map<String, Object> versions(Exchange exchange) throws SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        List<PromptTemplate> versions = safeId(id) ? store.versions(id) : List.of();
        if (versions.isEmpty()) {
            throw notFound(id, null);
        }
        return Map.of("id", id, "versions", versions);
    }

    /** {@code GET /api/v1/prompts/{id}/{version}}: one version. */
    public PromptTemplate version(Exchange exchange) throws SQLException {
        String id = exchange.getMessage().getHeader("id", String.class);
        String asked = exchange.getMessage().getHeader("version", String.class);
        int version;
        try {
            version = Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("version", "the version must be a whole number, not '"
                    + StrictJson.abbreviate(asked) + "'");
        }
        PromptTemplate template = safeId(id) && version >= 1 ? store.version(id, version) : null;
        if (template == null) {
            throw notFound(id, version);
        }
        return template;
    }

    /** {@code POST /api/v1/prompts/{id}/{version}}: versions are made by {@code POST /api/v1/prompts}. */
    public Object notPostable(Exchange exchange) {
        throw new QuorumException("method_not_allowed", 405, null, "a version cannot be posted to; POST "
                + "/api/v1/prompts makes the next version, POST /api/v1/prompts/{id}/experiment starts an experiment");
    }

    // --- checks shared by the API and the files ---

    /** A template id: 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
    static String checkId(String id) {
        if (id == null) {
            throw new InvalidRequestException("id", "'id' is required: the template's name, e.g. \"greet\"");
        }
        if (!safeId(id)) {
            throw new InvalidRequestException("id", "'id' must be 1 to " + MAX_ID_CHARS + " characters of letters, "
                    + "digits, '.', '_', ':' or '-' and start with a letter or digit, not '"
                    + StrictJson.abbreviate(id) + "'");
        }
        return id;
    }

    static boolean safeId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_CHARS || !Character.isLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The draft with its task and priority in their canonical spelling; a 400 naming the field when one is wrong. */
    PromptDraft check(PromptDraft draft) {
        if (draft.template() == null) {
            throw new InvalidRequestException("template", "'template' is required: the prompt text, with "
                    + "{{name}} for each variable");
        }
        parser.checkPrompt(draft.template());
        if (draft.system() != null) {
            parser.checkSystem(draft.system());
        }
        if (draft.maxTokens() != null && draft.maxTokens() < 1) {
            throw new InvalidRequestException("maxTokens", "'maxTokens' must be a positive whole number, not "
                    + draft.maxTokens());
        }
        if (draft.note() != null && draft.note().length() > MAX_NOTE_CHARS) {
            throw new InvalidRequestException("note", "'note' has " + draft.note().length() + " characters; the limit "
                    + "is " + MAX_NOTE_CHARS);
        }
        return new PromptDraft(draft.template(), draft.system(), oneOf("task", draft.task(), CompletionRequest.TASKS),
                oneOf("priority", draft.priority(), CompletionRequest.PRIORITIES), draft.maxTokens(), draft.note());
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new InvalidRequestException(field, "'" + field + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + StrictJson.abbreviate(value) + "'");
        }
        return wanted;
    }

    private static QuorumException notFound(String id, Integer version) {
        String what = version == null ? "template '" + StrictJson.abbreviate(String.valueOf(id)) + "'"
                : "version " + version + " of template '" + StrictJson.abbreviate(String.valueOf(id)) + "'";
        return new QuorumException("template_not_found", 404, "template", "There is no " + what
                + "; GET /api/v1/prompts lists the templates");
    }
}
