package dev.quorum.budget;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This Quorum instance's stable name, the owner of its budget leases and of its ledger journal: set with
 * {@code quorum.instance-id}, or else derived once and kept in the data folder ({@code instance-1.id}), so an
 * instance restarted on the same data folder (after a crash too) is the same instance and reconciles what it left.
 * While it runs the instance holds an OS lock on {@code instance-<n>.lock}; a second process on the same folder
 * (H2 AUTO_SERVER) finds slot 1 locked and takes slot 2, with an id of its own. A killed process's lock goes with it.
 */
public final class InstanceId implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceId.class);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final int SLOTS = 64;

    private final String id;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private InstanceId(String id, FileChannel lockChannel, FileLock lock) {
        this.id = id;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The configured id (checked), else the id of the first free slot of {@code dataDir}, created when new. */
    public static InstanceId resolve(String configured, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (configured != null && !configured.isBlank()) {
            String id = configured.trim();
            if (!SAFE.matcher(id).matches()) {
                throw new IllegalArgumentException("quorum.instance-id must be 1 to 60 letters, digits, '.', '_' or '-', "
                        + "not '" + id + "'");
            }
            Held held = tryLock(dataDir.resolve("instance-" + id + ".lock"));
            if (held == null) {
                throw new IllegalStateException("quorum.instance-id '" + id + "' is in use by another Quorum on "
                        + dataDir.toAbsolutePath() + ": give each instance its own id");
            }
            return new InstanceId(id, held.channel, held.lock);
        }
        for (int slot = 1; slot <= SLOTS; slot++) {
            Held held = tryLock(dataDir.resolve("instance-" + slot + ".lock"));
            if (held == null) {
                continue;
            }
            Path file = dataDir.resolve("instance-" + slot + ".id");
            String id = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            if (!SAFE.matcher(id).matches()) {
                id = host() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
                Path temp = dataDir.resolve("instance-" + slot + ".id.tmp");
                Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.info("New instance id {} (kept in {})", id, file.toAbsolutePath());
            }
            return new InstanceId(id, held.channel, held.lock);
        }
        throw new IllegalStateException("every instance slot of " + dataDir.toAbsolutePath() + " is taken: set "
                + "quorum.instance-id or give this Quorum its own quorum.data.dir");
    }

    public String id() {
        return id;
    }

    private record Held(FileChannel channel, FileLock lock) {
    }

    private static Held tryLock(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new Held(channel, lock);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // another Quorum in this JVM holds it
        }
        channel.close();
        return null;
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "quorum";
            }
        }
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    /** Gives the slot back (at a normal stop; a killed process's lock is released by the OS). */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("Could not release the instance lock: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
