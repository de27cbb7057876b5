package dev.portregistry.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds the process behind each socket: walks {@code <proc>/<pid>/fd}, whose entries are symbolic
 * links that read {@code socket:[INODE]} for a socket, and reads the details of the processes that
 * hold a wanted inode.
 *
 * <p>Processes come and go while the scan runs: a process that exits, an fd that closes, a
 * directory that cannot be read (another user's, without privileges) is skipped and counted, never
 * an error. Where several processes share a socket (a server that forks workers), the lowest pid
 * wins, which is usually the parent; but a socket activator (systemd, inetd) that passed the socket
 * to a service counts only when no other process holds it.
 */
final class ProcessScan {
    private static final String SOCKET_PREFIX = "socket:[";
    private static final String DELETED_SUFFIX = " (deleted)";
    /** Programs that hold listening sockets on behalf of the services they start. */
    private static final java.util.Set<String> ACTIVATORS = java.util.Set.of("systemd", "inetd", "xinetd");

    private final Map<Long, ProcessInfo> owners;
    private final int processes;
    private final int hidden;

    private ProcessScan(Map<Long, ProcessInfo> owners, int processes, int hidden) {
        this.owners = owners;
        this.processes = processes;
        this.hidden = hidden;
    }

    /**
     * Scans a /proc tree for the owners of some socket inodes.
     *
     * @param proc   the /proc root, such as {@code /proc}
     * @param wanted the inodes to find; 0 (a socket the kernel holds) is never found
     * @return the result, never null
     * @throws IOException if the root itself cannot be listed
     */
    static ProcessScan scan(Path proc, Set<Long> wanted) throws IOException {
        int[] pids = pids(proc);
        // one readlink per open fd is the whole cost of a scan: the fd tables are read in parallel
        // (processes are independent), then merged in ascending pid order, so the result is the
        // same as a sequential scan's
        long[][] found = IntStream.range(0, pids.length).parallel()
                .mapToObj(i -> wantedSockets(proc, pids[i], wanted)).toArray(long[][]::new);
        Map<Long, List<Integer>> holders = new HashMap<>();
        int hidden = 0;
        for (int i = 0; i < pids.length; i++) {
            if (found[i] == HIDDEN) {
                hidden++;
                continue;
            }
            for (long inode : found[i]) {
                holders.computeIfAbsent(inode, k -> new ArrayList<>(1)).add(pids[i]);
            }
        }
        Map<Long, ProcessInfo> owners = new HashMap<>();
        Map<Integer, Optional<ProcessInfo>> details = new HashMap<>();
        for (Map.Entry<Long, List<Integer>> e : holders.entrySet()) {
            ProcessInfo chosen = null;
            for (int pid : e.getValue()) { // ascending
                Optional<ProcessInfo> p = details.computeIfAbsent(pid, k -> details(proc, k));
                if (p.isEmpty()) {
                    continue;
                }
                if (chosen == null || ACTIVATORS.contains(chosen.commandName())) {
                    chosen = chosen == null || !ACTIVATORS.contains(p.get().commandName()) ? p.get() : chosen;
                }
                if (!ACTIVATORS.contains(chosen.commandName())) {
                    break;
                }
            }
            if (chosen != null) {
                owners.put(e.getKey(), chosen);
            }
        }
        return new ProcessScan(Map.copyOf(owners), pids.length, hidden);
    }

    /** What {@link #wantedSockets} returns for an fd table this user may not read. */
    private static final long[] HIDDEN = new long[0];
    private static final long[] NONE = new long[0];

    /**
     * The wanted socket inodes one process holds: none if it exited or its fd table changed under
     * us, {@link #HIDDEN} if the table cannot be read (another user's, without privileges).
     */
    private static long[] wantedSockets(Path proc, int pid, Set<Long> wanted) {
        Path fdDir = proc.resolve(Integer.toString(pid)).resolve("fd");
        long[] out = NONE;
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode > 0 && wanted.contains(inode)) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, Math.max(2, n * 2));
                    }
                    out[n++] = inode;
                }
            }
        } catch (java.nio.file.AccessDeniedException e) {
            return HIDDEN;
        } catch (IOException | RuntimeException e) {
            return NONE; // the process exited, or its fd table changed under us: it holds nothing we can see
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Tells whether a command name is a socket activator's, which holds sockets for the services it starts. */
    static boolean isActivator(String commandName) {
        return ACTIVATORS.contains(commandName);
    }

    /** The numeric entries of the root, ascending. */
    private static int[] pids(Path proc) throws IOException {
        int[] out = new int[256];
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path p : entries) {
                int pid = pid(p.getFileName().toString());
                if (pid > 0) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = pid;
                }
            }
        }
        int[] pids = Arrays.copyOf(out, n);
        Arrays.sort(pids);
        return pids;
    }

    /** A positive decimal pid, or -1 if the name is not one. */
    private static int pid(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > 0 ? v : -1;
    }

    /** The inode of a socket fd, or -1 for anything else (or an fd that closed meanwhile). */
    private static long socketInode(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        if (!target.startsWith(SOCKET_PREFIX) || !target.endsWith("]")) {
            return -1;
        }
        long v = 0;
        int end = target.length() - 1;
        if (end == SOCKET_PREFIX.length() || end - SOCKET_PREFIX.length() > 18) {
            return -1;
        }
        for (int i = SOCKET_PREFIX.length(); i < end; i++) {
            char c = target.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** What /proc shows of one process, or empty if it exited meanwhile. */
    static Optional<ProcessInfo> details(Path proc, int pid) {
        Path dir = proc.resolve(Integer.toString(pid));
        try {
            long uid = Integer.toUnsignedLong((Integer) Files.getAttribute(dir, "unix:uid")); // uid_t is unsigned
            String user;
            try {
                user = Files.getOwner(dir).getName();
            } catch (IOException | UnsupportedOperationException e) {
                user = Long.toString(uid);
            }
            String comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).strip();
            List<String> cmdline = commandLine(readOrEmpty(dir.resolve("cmdline")));
            Path exe = null;
            boolean deleted = false;
            try {
                String target = Files.readSymbolicLink(dir.resolve("exe")).toString();
                if (target.endsWith(DELETED_SUFFIX)) {
                    deleted = true;
                    target = target.substring(0, target.length() - DELETED_SUFFIX.length());
                }
                exe = target.isEmpty() ? null : Path.of(target);
            } catch (IOException | RuntimeException e) {
                // a kernel thread has no executable; another user's cannot be read without privileges
            }
            return Optional.of(ProcessInfo.of(pid, uid, user, comm, exe, deleted, cmdline));
        } catch (FileSystemException e) {
            return Optional.empty(); // exited between the fd scan and now
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] readOrEmpty(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** NUL-separated arguments; a program that rewrote its title may leave one string with spaces. */
    static List<String> commandLine(byte[] bytes) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        // the kernel ends the list with a NUL, a retitled one may pad it with more: drop the empty strings
        // they leave at the end
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The owner of a socket inode, if the scan saw it. */
    Optional<ProcessInfo> owner(long inode) {
        return Optional.ofNullable(owners.get(inode));
    }

    /** How many processes the root listed. */
    int processes() {
        return processes;
    }

    /** How many processes' fd tables could not be read (another user's, without privileges). */
    int hidden() {
        return hidden;
    }

    /** The inodes found, for tests. */
    Set<Long> found() {
        return new HashSet<>(owners.keySet());
    }
}
