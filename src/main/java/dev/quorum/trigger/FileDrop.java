package dev.quorum.trigger;

import dev.quorum.api.CompletionResult;
import dev.quorum.api.ErrorInfo;
import dev.quorum.api.StrictJson;
import dev.quorum.camel.FileTriggerConstants;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The file-drop trigger's questions: which inbox entries may be read at all, under which safe name a dropped file's
 * result, error report and original are written, and whether a result is an answer (outbox, original to done) or a
 * rejection of the request itself (error folder).
 *
 * <p>Only regular files are read, and never through a link: a symbolic link (to a file outside the inbox, say), a
 * pipe, a socket or a device in the inbox is refused, as is a name the file component cannot handle (control
 * characters such as a newline, a backslash, bytes that are no text). The consumer's filter ({@link #filter}) never
 * offers them to the route; {@link #refused} finds them for {@code file-drop-refused}, which writes a report saying
 * why and moves the entry itself (a link, never its target) to the error folder. The file is read here, not by the
 * file component, with {@code NOFOLLOW_LINKS}, so a regular file swapped for a link after the filter looked is
 * refused too.
 *
 * <p>Names written come only from the dropped file's own name, reduced to letters, digits, '.', '_' and '-' with no
 * leading dot; a name that had to be changed gets {@code ~} and a short hash of the original name, a character no
 * unchanged name can hold, so two different names never share a result ({@code a b.json} and {@code a_b.json}).
 * Every target is checked to lie inside its folder, so no name can write elsewhere.
 */
public final class FileDrop {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_NAME = 200;
    private static final int HASH_CHARS = 12;
    private static final String REFUSED = "refused";

    private final Path inbox;
    private final Path done;
    private final Path error;
    private final long minAgeMs;
    private final long maxBytes;

    /**
     * {@code minAgeMs}: how long an entry must be unchanged before it is refused (as the read lock waits before
     * reading); {@code maxBytes}: the largest file read.
     */
    public FileDrop(Path inbox, Path done, Path error, long minAgeMs, long maxBytes) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.done = done.toAbsolutePath().normalize();
        this.error = error.toAbsolutePath().normalize();
        this.minAgeMs = minAgeMs;
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
    }

    /**
     * The file consumer's filter ({@code filter=#fileDropFilter}): only entries {@link #whyRefused} has nothing against.
     * It reads the name the directory listing gave, before the file component turns a backslash into a separator.
     */
    public GenericFileFilter<File> filter() {
        return file -> whyRefused(file.getFile().toPath(), file.getFile().getName()) == null;
    }

    /**
     * First step for a dropped file: its safe base name, where the original goes if the exchange fails, and its
     * content as the body, read here without following links. An entry that is no longer a regular file, or is larger
     * than {@code quorum.file.max-bytes}, becomes a rejection instead (variable {@code fileOutcome} = refused) and is
     * not read.
     */
    public void accept(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String base = safeBaseName(name);
        exchange.setVariable(FileTriggerConstants.VAR_FILE_BASE_NAME, base);
        exchange.setProperty(FileTriggerConstants.FILE_FAILED_TO, inside(error, base + ".json").toString());
        Path file = path(exchange);
        String refusal = file == null ? null : whyRefused(file, name);
        if (refusal == null && file != null) {
            try {
                exchange.getMessage().setBody(read(file));
                return;
            } catch (TooLarge e) {
                refusal = "it has " + e.size + " bytes; the file drop reads at most " + maxBytes
                        + " (quorum.file.max-bytes)";
            } catch (FileSystemException e) {
                // a link put in its place since the filter looked: O_NOFOLLOW refuses to open it
                refusal = whyRefused(file, name);
                if (refusal == null) {
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (refusal != null) {
            String kept = base + suffix(file);
            exchange.setVariable(FileTriggerConstants.VAR_FILE_OUTCOME, REFUSED);
            exchange.setProperty(FileTriggerConstants.FILE_MOVE_TO, inside(error, kept).toString());
            exchange.getMessage().setBody(refusalResult(name, refusal, kept));
        }
    }

    /**
     * Decides where the request's result goes. A result whose status is 400 rejects the request itself (not JSON,
     * unknown field, missing prompt, unknown provider, a file refused unread...): sending the same file again fails
     * again, so it goes to the error folder. Every other result, provider failures included, answers the request
     * and goes to the outbox, the error object in it saying what failed.
     */
    public void route(Exchange exchange) {
        CompletionResult result = exchange.getMessage().getBody(CompletionResult.class);
        String base = exchange.getVariable(FileTriggerConstants.VAR_FILE_BASE_NAME, String.class);
        boolean refused = REFUSED.equals(exchange.getVariable(FileTriggerConstants.VAR_FILE_OUTCOME, String.class));
        boolean rejected = refused || result != null && result.status() == 400;
        exchange.setVariable(FileTriggerConstants.VAR_FILE_OUTCOME, rejected ? "rejected" : "answered");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, base + (rejected ? ".error.json" : ".result.json"));
        if (!refused) {
            exchange.setProperty(FileTriggerConstants.FILE_MOVE_TO, inside(rejected ? error : done, base + ".json").toString());
        }
    }

    /**
     * For {@code file-drop-refused}: the inbox entries the consumer never reads (see {@link #whyRefused}), among those
     * it would otherwise consider (named {@code *.json}, not hidden) and unchanged for the read lock's minimum age.
     */
    public List<Path> refused() {
        List<Path> found = new ArrayList<>(0);
        if (!Files.isDirectory(inbox)) {
            return found;
        }
        long cutoff = System.currentTimeMillis() - minAgeMs;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // hidden names are files still being written; one with a backslash is not hidden to the file
                // component, which reads only the part after the last backslash
                if (!name.endsWith(".json") || name.startsWith(".") && name.indexOf('\\') < 0) {
                    continue;
                }
                BasicFileAttributes attributes = attributes(entry);
                if (attributes != null && !attributes.isDirectory() && attributes.lastModifiedTime().toMillis() <= cutoff
                        && whyRefused(entry, name) != null) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the inbox " + inbox, e);
        }
        return found;
    }

    /**
     * For {@code file-drop-refused}, with one refused entry as the body: the body becomes its error report (a
     * rejection result) named {@code <safe name>.error.json}, and the variable {@code fileRefusedTo} says where the
     * entry itself goes ({@code <safe name>.json}, or {@code .symlink} for a link, so nothing later reads it as a
     * request).
     */
    public void refusal(Exchange exchange) {
        Path entry = exchange.getMessage().getBody(Path.class);
        String name = entry.getFileName().toString();
        String base = safeBaseName(name);
        String reason = whyRefused(entry, name);
        String kept = base + suffix(entry);
        exchange.setVariable(FileTriggerConstants.VAR_FILE_REFUSED_ENTRY, entry);
        exchange.setVariable(FileTriggerConstants.VAR_FILE_REFUSED_TO, inside(error, kept));
        exchange.getMessage().setHeader(Exchange.FILE_NAME, base + ".error.json");
        exchange.getMessage().setBody(refusalResult(name, reason == null ? "it could not be read" : reason, kept));
    }

    /** After its report is written: moves the refused entry itself (a link is moved, its target never touched). */
    public void moveRefused(Exchange exchange) throws IOException {
        Path entry = exchange.getVariable(FileTriggerConstants.VAR_FILE_REFUSED_ENTRY, Path.class);
        Path target = exchange.getVariable(FileTriggerConstants.VAR_FILE_REFUSED_TO, Path.class);
        Files.createDirectories(error);
        try {
            // Files.move moves a link itself, never what it points to
            Files.move(entry, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            // taken away by its writer meanwhile: nothing is left to move
        }
    }

    /**
     * Why the file drop must not read this entry, or {@code null} when it may: it is not a regular file (a symbolic
     * link, followed or not, a pipe that would block the reader, a socket, a device), or its name holds characters
     * the file component turns into another path or cannot match (control characters such as a newline, a
     * backslash, which Camel reads as a folder separator, or bytes that are no text).
     */
    static String whyRefused(Path entry, String name) {
        String naming = unsafeName(name);
        if (naming != null) {
            return naming;
        }
        BasicFileAttributes attributes = attributes(entry);
        if (attributes == null || attributes.isDirectory()) {
            return null;
        }
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link; the file drop reads regular files only, so the link's target was neither "
                    + "read nor moved";
        }
        if (!attributes.isRegularFile()) {
            return "it is not a regular file (a pipe, socket or device); the file drop reads regular files only";
        }
        return null;
    }

    private static String unsafeName(String name) {
        if (name == null) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                return "its name holds a backslash, which the file component reads as a folder separator";
            }
            if (c == '\uFFFD') {
                return "its name holds bytes that are not valid text";
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return String.format(Locale.ROOT, "its name holds the control character U+%04X", (int) c);
            }
        }
        return null;
    }

    private static BasicFileAttributes attributes(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** A refused entry keeps {@code .json} unless it is a link: a {@code .symlink} in the error folder reads as none. */
    private static String suffix(Path entry) {
        BasicFileAttributes attributes = entry == null ? null : attributes(entry);
        return attributes != null && attributes.isSymbolicLink() ? ".symlink" : ".json";
    }

    private byte[] read(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw new TooLarge(size);
            }
            ByteBuffer content = ByteBuffer.allocate((int) size);
            while (content.hasRemaining() && channel.read(content) >= 0) {
                // reads until full or the end of the file
            }
            return content.position() == content.capacity() ? content.array()
                    : java.util.Arrays.copyOf(content.array(), content.position());
        }
    }

    private static Path path(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof GenericFile<?> file && file.getFile() instanceof File local) {
            return local.toPath();
        }
        String absolute = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        return absolute == null ? null : Path.of(absolute);
    }

    private static CompletionResult refusalResult(String name, String reason, String keptAs) {
        String message = "the dropped file '" + StrictJson.abbreviate(printable(name)) + "' was not read: " + reason
                + ". It was moved to the error folder as " + keptAs + "; drop a regular file named with letters, "
                + "digits, '.', '_' and '-' instead.";
        return CompletionResult.builder()
                .id(UUID.randomUUID().toString())
                .error(new ErrorInfo("invalid_request", message, null, null, null))
                .status(400)
                .build();
    }

    /** A name as a message can show it: control characters written as {@code \\uXXXX}. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /**
     * The dropped file's name reduced to a harmless, unique base name: the {@code .json} suffix dropped, any character
     * but letters, digits, '.', '_' and '-' replaced by '_' (so '/', '\' and ':' cannot name another folder), a
     * leading dot replaced too (so no hidden file, no {@code ..}), cut to 200 characters; and when any of that changed
     * the name, {@code ~} and the first 12 hex digits of the SHA-256 of the original name appended, so {@code a b.json}
     * ({@code a_b~…}) and {@code a_b.json} ({@code a_b}) never share a result, while the same name dropped again
     * does.
     */
    static String safeBaseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        String stripped = name;
        if (stripped.toLowerCase(Locale.ROOT).endsWith(".json")) {
            stripped = stripped.substring(0, stripped.length() - ".json".length());
        }
        String safe = UNSAFE.matcher(stripped).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME);
        }
        if (!(safe + ".json").equals(name)) {
            safe = safe + "~" + hash(name);
        }
        return safe;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Path inside(Path folder, String name) {
        Path target = folder.resolve(name).normalize();
        if (!target.getParent().equals(folder)) {
            throw new IllegalStateException("file name '" + name + "' would leave " + folder);
        }
        return target;
    }

    /** The file is larger than the file drop reads. */
    private static final class TooLarge extends IOException {
        private final long size;

        TooLarge(long size) {
            super("file of " + size + " bytes", null);
            this.size = size;
        }
    }
}
