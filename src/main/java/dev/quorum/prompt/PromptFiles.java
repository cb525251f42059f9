package dev.quorum.prompt;

import dev.quorum.api.QuorumException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a template file of the prompts folder for the {@code prompt-files} route (routes/prompts.camel.yaml), which
 * hands over each new or changed {@code <id>.yaml}: the file's content becomes the next version of template
 * {@code <id>}, unless it holds what the latest version holds. A file that cannot be read as a template is logged
 * with the reason and the field, and the template keeps its latest version. The YAML is read by snakeyaml-engine,
 * which builds only maps, lists and scalars, with its limits on aliases and size.
 */
public final class PromptFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PromptFiles.class);
    /** The keys a template file may hold. */
    static final Set<String> KEYS = Set.of("id", "template", "system", "task", "priority", "maxTokens", "note");

    private final PromptTemplates templates;
    private final LoadSettings settings = LoadSettings.builder()
            .setMaxAliasesForCollections(10)
            .setAllowDuplicateKeys(false)
            .setCodePointLimit(1_000_000)
            .build();

    public PromptFiles(PromptTemplates templates) {
        this.templates = templates;
    }

    /** The {@code prompt-files} route's step: the file in the body as the next version of its template. */
    public void load(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String text = exchange.getMessage().getBody(String.class);
        try {
            String id = idOf(name);
            PromptDraft draft = templates.check(read(text, id));
            PromptStore.Saved saved = templates.store().save(id, draft, "file:" + name);
            if (saved.created()) {
                LOG.info("Prompt template {} version {} read from {}", id, saved.template().version(), name);
            }
        } catch (QuorumException e) {
            LOG.warn("Prompt template file {} not read{}: {}", name, e.field() == null ? "" : " (" + e.field() + ")",
                    e.getMessage());
        } catch (Exception e) {
            LOG.warn("Prompt template file {} not read: {}", name, e.getMessage());
        }
    }

    /** The template id a file names: its name without {@code .yaml} or {@code .yml}. */
    static String idOf(String fileName) {
        String id = fileName.replaceFirst("\\.ya?ml$", "");
        return PromptTemplates.checkId(id);
    }

    PromptDraft read(String text, String id) {
        Object root = new Load(settings).loadFromString(text == null ? "" : text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new dev.quorum.api.InvalidRequestException(null, "a template file must be a YAML mapping with at "
                    + "least 'template'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new dev.quorum.api.InvalidRequestException(String.valueOf(key), "unknown key '" + key
                        + "'; a template file may hold " + List.copyOf(new java.util.TreeSet<>(KEYS)));
            }
        }
        Object named = map.get("id");
        if (named != null && !id.equals(String.valueOf(named))) {
            throw new dev.quorum.api.InvalidRequestException("id", "the file names template '" + named + "' but is "
                    + "called " + id + ".yaml; the file name is the id");
        }
        Object maxTokens = map.get("maxTokens");
        if (maxTokens != null && !(maxTokens instanceof Integer)) {
            throw new dev.quorum.api.InvalidRequestException("maxTokens", "'maxTokens' must be a whole number, not '"
                    + maxTokens + "'");
        }
        return new PromptDraft(string(map, "template"), string(map, "system"), string(map, "task"),
                string(map, "priority"), (Integer) maxTokens, string(map, "note"));
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new dev.quorum.api.InvalidRequestException(key, "'" + key + "' must be text");
        }
        return text;
    }
}
