package dev.quorum.budget;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage ledger's write-ahead journal on local disk, one per instance: before a provider call is made its intent
 * is appended (a {@code B} line: call id, request, tenant, provider, model, task), and before a call's result is
 * handed on its ledger row is appended (an {@code R} line), one {@code write} each into an append-only file. The
 * database is written afterwards, in batches, by the ledger's writer; once a row's batch is committed the journal
 * may forget it. A process killed at any moment leaves every row and every unfinished intent in the journal (the
 * operating system keeps what was written, fsync or not; {@code quorum.ledger.journal-sync=true} adds an fsync per
 * line for power loss too), and the next start replays them: rows the database may not have, and for each intent
 * without a row, an {@code interrupted} row.
 *
 * <p>Files are segments {@code segment-<n>.log}. When a segment passes {@code maxSegmentBytes} the journal moves on
 * to the next, copying the intents still open into it, and deletes a sealed segment once every row in it is
 * committed; when everything appended is committed and nothing is in flight the current segment is emptied. So the
 * journal holds about what the database does not yet have. Lines are tab-separated with {@code \t}, {@code \n},
 * {@code \r} and {@code \\} escaped and {@code \N} for null; a torn last line (a kill in mid-write) is skipped.
 */
final class LedgerJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerJournal.class);
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";

    /** A sealed segment and the sequence number of the last row in it (0: none). */
    private record Sealed(Path path, long lastRowSeq) {
    }

    private final Path dir;
    private final long maxSegmentBytes;
    private final boolean sync;
    private final Map<String, byte[]> open = new LinkedHashMap<>();
    private final ArrayDeque<Sealed> sealed = new ArrayDeque<>();
    private final List<Path> recoveredFrom = new ArrayList<>();
    private FileChannel channel;
    private Path path;
    private int index;
    private long bytes;
    private long seq;
    private long lastRowSeq;
    private long committed;

    private LedgerJournal(Path dir, long maxSegmentBytes, boolean sync) {
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
        this.sync = sync;
    }

    /** Opens the journal folder, remembering the segments a previous run left for {@link #recover}. */
    static LedgerJournal open(Path dir, long maxSegmentBytes, boolean sync) throws IOException {
        Files.createDirectories(dir);
        LedgerJournal journal = new LedgerJournal(dir, maxSegmentBytes, sync);
        TreeMap<Integer, Path> segments = segments(dir);
        journal.recoveredFrom.addAll(segments.values());
        journal.index = segments.isEmpty() ? 0 : segments.lastKey();
        journal.next();
        return journal;
    }

    /**
     * What the previous run left: its rows, and an {@code interrupted} row for each call it began and never finished,
     * in journal order. Call {@link #recovered()} once these are safe in the new segment.
     */
    synchronized List<LedgerEntry> recover() throws IOException {
        Map<String, LedgerEntry> rows = new LinkedHashMap<>();
        Map<String, LedgerEntry> intents = new LinkedHashMap<>();
        int torn = 0;
        for (Path segment : recoveredFrom) {
            String[] lines = Files.readString(segment, StandardCharsets.UTF_8).split("\n", -1);
            // the part after the last newline is a line the process died writing
            torn += lines[lines.length - 1].isEmpty() ? 0 : 1;
            for (int l = 0; l < lines.length - 1; l++) {
                String line = lines[l];
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    String[] fields = fields(line);
                    if (fields[0].equals("R") && fields.length == 15) {
                        rows.put(fields[1], new LedgerEntry(fields[1], Long.parseLong(fields[2]), fields[3], fields[4],
                                fields[5], fields[6], fields[7], Integer.parseInt(fields[8]), Integer.parseInt(fields[9]),
                                Integer.parseInt(fields[10]), Integer.parseInt(fields[11]), Long.parseLong(fields[12]),
                                Long.parseLong(fields[13]), fields[14]));
                    } else if (fields[0].equals("B") && fields.length == 8) {
                        intents.put(fields[1], new LedgerEntry(fields[1], Long.parseLong(fields[2]), fields[3], fields[4],
                                fields[5], fields[6], fields[7], 0, 0, 0, 0, 0, 0, LedgerEntry.INTERRUPTED));
                    } else {
                        torn++;
                    }
                } catch (RuntimeException e) {
                    torn++;
                }
            }
        }
        if (torn > 0) {
            LOG.warn("Skipped {} unreadable line(s) in the ledger journal {} (a line torn by a crash)", torn, dir);
        }
        List<LedgerEntry> recovered = new ArrayList<>(rows.values());
        for (LedgerEntry intent : intents.values()) {
            if (!rows.containsKey(intent.callId())) {
                recovered.add(intent);
            }
        }
        return recovered;
    }

    /** Deletes the previous run's segments, once their rows have been appended again to the current one. */
    synchronized void recovered() throws IOException {
        if (sync) {
            channel.force(false);
        }
        for (Path segment : recoveredFrom) {
            Files.deleteIfExists(segment);
        }
        recoveredFrom.clear();
    }

    /** Appends the intent of a call about to be made. */
    synchronized void begin(String callId, long atMillis, String requestId, String tenant, String provider, String model,
                            String task) throws IOException {
        StringBuilder line = new StringBuilder(160).append('B');
        field(line, callId);
        line.append('\t').append(atMillis);
        field(line, requestId);
        field(line, tenant);
        field(line, provider);
        field(line, model);
        field(line, task);
        byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        write(bytes);
        open.put(callId, bytes);
    }

    /** Appends a ledger row (closing its call's intent) and returns its sequence number. */
    synchronized long row(LedgerEntry entry) throws IOException {
        StringBuilder line = new StringBuilder(200).append('R');
        field(line, entry.callId());
        line.append('\t').append(entry.atMillis());
        field(line, entry.requestId());
        field(line, entry.tenant());
        field(line, entry.provider());
        field(line, entry.model());
        field(line, entry.task());
        line.append('\t').append(entry.inputTokens()).append('\t').append(entry.outputTokens()).append('\t')
                .append(entry.cachedTokens()).append('\t').append(entry.reasoningTokens()).append('\t')
                .append(entry.costNanos()).append('\t').append(entry.latencyMs());
        field(line, entry.outcome());
        write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        open.remove(entry.callId());
        lastRowSeq = ++seq;
        return seq;
    }

    /** Every row up to {@code rowSeq} is committed to the database: drops what no longer needs keeping. */
    synchronized void committed(long rowSeq) {
        committed = Math.max(committed, rowSeq);
        try {
            while (!sealed.isEmpty() && sealed.peekFirst().lastRowSeq() <= committed) {
                Files.deleteIfExists(sealed.pollFirst().path());
            }
            if (bytes > 0 && open.isEmpty() && lastRowSeq <= committed && recoveredFrom.isEmpty()) {
                channel.truncate(0);
                bytes = 0;
            }
        } catch (IOException e) {
            LOG.warn("Could not trim the ledger journal {}: {}", dir, e.getMessage());
        }
    }

    /** Rows appended and not yet committed, for tests and the outage log. */
    synchronized long uncommitted() {
        return seq - committed;
    }

    private void write(byte[] line) throws IOException {
        if (bytes > 0 && bytes + line.length > maxSegmentBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (sync) {
            channel.force(false);
        }
        bytes += line.length;
    }

    /** Seals the current segment and starts the next with the intents still open. */
    private void rotate() throws IOException {
        channel.close();
        if (lastRowSeq > committed) {
            sealed.addLast(new Sealed(path, lastRowSeq));
        } else {
            Files.deleteIfExists(path);
        }
        next();
        for (byte[] intent : open.values()) {
            ByteBuffer buffer = ByteBuffer.wrap(intent);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            bytes += intent.length;
        }
    }

    private void next() throws IOException {
        index++;
        path = dir.resolve(String.format("%s%08d%s", PREFIX, index, SUFFIX));
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        bytes = channel.size();
    }

    private static TreeMap<Integer, Path> segments(Path dir) throws IOException {
        TreeMap<Integer, Path> segments = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    segments.put(Integer.parseInt(name.substring(PREFIX.length(), name.length() - SUFFIX.length())), file);
                } catch (NumberFormatException e) {
                    LOG.warn("Ignoring {} in the ledger journal: not a segment name", file);
                }
            }
        }
        return segments;
    }

    private static void field(StringBuilder line, String value) {
        line.append('\t');
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }

    /** A line's fields, unescaped; {@code \N} is null. */
    static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        String[] fields = new String[raw.length];
        for (int f = 0; f < raw.length; f++) {
            String value = raw[f];
            if (value.equals("\\N")) {
                fields[f] = null;
                continue;
            }
            if (value.indexOf('\\') < 0) {
                fields[f] = value;
                continue;
            }
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char next = value.charAt(++i);
                    out.append(switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else {
                    out.append(c);
                }
            }
            fields[f] = out.toString();
        }
        return fields;
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close the ledger journal {}: {}", dir, e.getMessage());
        }
    }
}
