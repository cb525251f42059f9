package dev.quorum.secrets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values Quorum is configured with, and the one way to keep them out of any text Quorum returns, logs or
 * stores: {@link #redact} replaces each of them, and anything written as a credential ({@code Bearer <token>},
 * {@code x-api-key: <value>}, {@code api_key=<value>}, {@code key=<value>}), with {@value #MASK}.
 *
 * <p>A secret is the value of any {@code quorum.*} setting whose name ends in {@code api-key}, {@code password},
 * {@code secret} or {@code token}, or is an API key of a caller ({@code quorum.auth.keys.<name>.key}): every
 * provider's key, every caller's key, the ledger's and the console's passwords. A value of at least
 * {@value #MIN_ANYWHERE} characters is replaced wherever it occurs; a shorter one (a weak key, but a key) only where
 * it stands alone, not inside a longer word or number, so a four-letter key does not mask every word that contains it.
 * Blank values are not secrets.
 *
 * <p>Where it applies: provider errors as they become a result's error ({@code ProviderCalls}), the provider health
 * details, the {@link Redacted} fields of every JSON reply (the Jackson {@link #module()} on Quorum's mapper), and
 * every log line (the logback converter reads {@link #redactForLogs}, which knows the secrets of every Quorum started
 * in this JVM).
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "[redacted]";
    /** Secrets at least this long are replaced anywhere; shorter ones only as a whole token. */
    static final int MIN_ANYWHERE = 8;

    /**
     * Credentials written out: a bearer token, an API key header or field ({@code x-api-key}, {@code x-goog-api-key},
     * {@code api_key}, {@code apiKey}; as {@code name: value}, {@code name=value} or JSON {@code "name": "value"}) or
     * a {@code key=} query parameter. The value runs to the next space, quote or delimiter.
     */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(\\bbearer\\s+|\\bapi[-_]?key[\"']?\\s*[:=]\\s*[\"']?|(?<![\\w-])key=)"
                    + "([^\\s\"'&,;<>()\\[\\]{}\\\\]+)");

    private static volatile Secrets forLogs = new Secrets(List.of());

    /** The values replaced anywhere, longest first (so a key containing another is replaced whole). */
    private final List<String> anywhere;
    /** The short values, replaced only as whole tokens. */
    private final List<String> whole;

    private Secrets(Collection<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                distinct.add(value.trim());
            }
        }
        List<String> longOnes = new ArrayList<>();
        List<String> shortOnes = new ArrayList<>();
        for (String value : distinct) {
            (value.length() >= MIN_ANYWHERE ? longOnes : shortOnes).add(value);
        }
        longOnes.sort(Comparator.comparingInt(String::length).reversed());
        shortOnes.sort(Comparator.comparingInt(String::length).reversed());
        this.anywhere = List.copyOf(longOnes);
        this.whole = List.copyOf(shortOnes);
    }

    /** Secrets with exactly these values. */
    public static Secrets of(Collection<String> values) {
        return new Secrets(values);
    }

    /** The secrets among resolved settings (name → value): see the class comment for which names hold one. */
    public static Secrets fromSettings(Map<String, String> settings) {
        List<String> values = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (isSecretSetting(name)) {
                values.add(value);
            }
        });
        return new Secrets(values);
    }

    /** Whether a setting holds a secret: {@code quorum.*} ending in api-key, password, secret or token; a caller's key. */
    public static boolean isSecretSetting(String name) {
        if (!name.startsWith("quorum.")) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.endsWith("api-key") || last.endsWith("password") || last.endsWith("secret")
                || last.endsWith("token") || (name.startsWith("quorum.auth.keys.") && last.equals("key"));
    }

    /** How many secret values this holds. */
    public int size() {
        return anywhere.size() + whole.size();
    }

    /** {@code text} with every secret value and every written-out credential replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : anywhere) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        for (String secret : whole) {
            result = replaceWhole(result, secret);
        }
        if (!mayHoldCredential(result)) {
            return result;
        }
        Matcher credential = CREDENTIAL.matcher(result);
        if (!credential.find()) {
            return result;
        }
        StringBuilder masked = new StringBuilder(result.length());
        int from = 0;
        do {
            masked.append(result, from, credential.start(2)).append(MASK);
            from = credential.end(2);
        } while (credential.find());
        return masked.append(result, from, result.length()).toString();
    }

    /**
     * Whether {@code text} has "key" or "bearer" in any case, which every {@link #CREDENTIAL} does: a plain scan that
     * spares most texts (log lines) the case-insensitive regex.
     */
    private static boolean mayHoldCredential(String text) {
        for (int i = text.length() - 3; i >= 0; i--) {
            char c = text.charAt(i);
            if ((c == 'k' || c == 'K') && text.regionMatches(true, i, "key", 0, 3)
                    || (c == 'b' || c == 'B') && text.regionMatches(true, i, "bearer", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces {@code secret} where neither neighbour is a letter, digit, '_' or '-'. */
    private static String replaceWhole(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        StringBuilder out = null;
        int from = 0;
        while (at >= 0) {
            int end = at + secret.length();
            if (!wordChar(text, at - 1) && !wordChar(text, end)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, from, at).append(MASK);
                from = end;
            }
            at = text.indexOf(secret, at + 1);
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    private static boolean wordChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /**
     * Makes these secrets known to the log converter, next to those of any other Quorum in this JVM (a value once
     * installed stays masked in the logs until the JVM ends).
     */
    public void installForLogs() {
        synchronized (Secrets.class) {
            List<String> all = new ArrayList<>(forLogs.anywhere);
            all.addAll(forLogs.whole);
            all.addAll(anywhere);
            all.addAll(whole);
            forLogs = new Secrets(all);
        }
    }

    /** {@code text} redacted with every secret installed for the logs (credential patterns even before any is). */
    public static String redactForLogs(String text) {
        return forLogs.redact(text);
    }

    /** Marks a String property of a reply as text that may carry a secret: the {@link #module()} redacts it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    public @interface Redacted {
    }

    /** A Jackson module that redacts every {@link Redacted} property this mapper writes. */
    public SimpleModule module() {
        JsonSerializer<Object> redacting = new JsonSerializer<>() {
            @Override
            public void serialize(Object value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(redact(String.valueOf(value)));
            }
        };
        SimpleModule module = new SimpleModule("quorum-secrets");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                             List<BeanPropertyWriter> properties) {
                for (BeanPropertyWriter property : properties) {
                    if (property.getAnnotation(Redacted.class) != null
                            && property.getType().hasRawClass(String.class)) {
                        property.assignSerializer(redacting);
                    }
                }
                return properties;
            }
        });
        return module;
    }
}
