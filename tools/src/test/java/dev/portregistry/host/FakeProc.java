package dev.portregistry.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A /proc tree on disk for tests: socket tables under net/, processes with fd links, comm, cmdline and exe. */
final class FakeProc {
    static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    final Path root;

    FakeProc(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("net"));
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Files.writeString(root.resolve("net").resolve(table), HEADER);
        }
    }

    /** Appends one line to a socket table: hex address and port as the kernel writes them (little-endian words). */
    FakeProc socket(String table, String localHex, int port, String state, int uid, long inode) throws IOException {
        String remote = localHex.length() == 8 ? "00000000:0000" : "00000000000000000000000000000000:0000";
        String line = String.format("   0: %s:%04X %s %s 00000000:00000000 00:00000000 00000000 %5d        0 %d 1 0000000000000000 100 0 0 10 0%n",
                localHex, port, remote, state, uid, inode);
        Files.writeString(root.resolve("net").resolve(table), line, java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /** Adds a process: its comm, its cmdline (arguments NUL-separated), its exe link target (null: none) and fds. */
    FakeProc process(int pid, String comm, List<String> argv, String exe, String... fdTargets) throws IOException {
        Path dir = root.resolve(Integer.toString(pid));
        Files.createDirectories(dir.resolve("fd"));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        StringBuilder cmd = new StringBuilder();
        for (String a : argv) {
            cmd.append(a).append('\0');
        }
        Files.write(dir.resolve("cmdline"), cmd.toString().getBytes(StandardCharsets.UTF_8));
        if (exe != null) {
            Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
        }
        for (int i = 0; i < fdTargets.length; i++) {
            Files.createSymbolicLink(dir.resolve("fd").resolve(Integer.toString(i)), Path.of(fdTargets[i]));
        }
        return this;
    }

    static String socketLink(long inode) {
        return "socket:[" + inode + "]";
    }
}
