package dev.portregistry.host;

import dev.portregistry.PortRegistry;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What is listening on this machine and who runs it: reads the kernel's socket tables on Linux
 * ({@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}; no root, no external command),
 * finds the process behind each socket through {@code /proc/<pid>/fd}, and judges each against a
 * registry and the curated program data (see {@link Verdict}).
 *
 * <pre>{@code
 * for (Listener l : ListeningSockets.listeners(PortRegistry.bundled())) {
 *     System.out.println(l.socket().endpoint() + " " + l.verdict() + ": " + l.reason());
 * }
 * }</pre>
 *
 * <p>Without root, the processes of other users cannot be seen (their {@code fd} directories are
 * unreadable): their sockets are listed with the verdict {@link Verdict#UNKNOWN} and a reason that
 * says so. As root, every process is seen. Processes that exit and fds that close during the scan
 * never fail it. Where several processes share a socket (a server that forks workers), the one
 * with the lowest pid is named.
 *
 * <p>A TCP socket counts when it is in the LISTEN state ({@code 0A}); a UDP socket when it is bound
 * and not connected ({@code 07}), since that is how a UDP server waits. The tables show the
 * sockets of every user in this network namespace (a container sees its own). On any other
 * system the methods that read the machine throw {@link UnsupportedOperationException} rather than
 * give a wrong answer; {@link #isSupported()} tells beforehand.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListeningSockets {
    /** Where Linux publishes processes and, under net/, its socket tables. */
    private static final Path PROC = Path.of("/proc");
    private static final Path PROC_NET = PROC.resolve("net");
    private static final Path PASSWD = Path.of("/etc/passwd");

    /** TCP_LISTEN in the kernel's state numbering. */
    private static final int TCP_LISTEN = 0x0A;
    /** TCP_CLOSE: the state of a bound, unconnected UDP socket. */
    private static final int UDP_UNCONNECTED = 0x07;
    private static final int FIELDS = 10;

    private ListeningSockets() {
    }

    /**
     * Tells whether this system can list its listening sockets: Linux with a readable
     * {@code /proc/net/tcp}.
     *
     * @return true if {@link #list()} can work here
     */
    public static boolean isSupported() {
        return isLinux(System.getProperty("os.name", "")) && Files.isReadable(PROC_NET.resolve("tcp"));
    }

    /**
     * Lists the listening sockets of this machine, ordered by transport, port and address.
     *
     * @return an immutable list, possibly empty, never null
     * @throws UnsupportedOperationException naming the system if it is not Linux or has no
     *                                       readable {@code /proc/net/tcp}
     * @throws UncheckedIOException          if a socket table cannot be read
     * @throws RegistryFormatException       naming the file and line if a table has an unexpected format
     */
    public static List<ListeningSocket> list() {
        return list(System.getProperty("os.name", ""), PROC_NET, ByteOrder.nativeOrder());
    }

    /**
     * Lists the listening sockets of this machine, finds the process behind each and judges it
     * against a registry.
     *
     * @param registry the registry, such as {@link PortRegistry#bundled()} or one with your overlay; not null
     * @return an immutable list in the order of {@link #list()}, never null; sort it with
     *         {@link Listener#worstFirst()} for a reader
     * @throws NullPointerException          if registry is null
     * @throws UnsupportedOperationException if this system is not supported, as {@link #list()}
     * @throws UncheckedIOException          if a socket table or {@code /proc} cannot be read
     */
    public static List<Listener> listeners(PortRegistry registry) {
        Objects.requireNonNull(registry, "registry must not be null");
        checkLinux(System.getProperty("os.name", ""));
        return listeners(registry, PROC, ByteOrder.nativeOrder(), ProgramCatalog.registry());
    }

    /**
     * Does what {@link #listeners(PortRegistry)} does on another {@code /proc} tree: a host's
     * {@code /proc} mounted elsewhere (as in a container with {@code -v /proc:/host/proc:ro}), or a
     * copy for a test. Reads {@code <proc>/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6} and
     * {@code <proc>/<pid>/fd}, {@code comm}, {@code cmdline}, {@code exe}; addresses in this
     * machine's byte order. Works wherever the tree can be read, whatever the operating system.
     *
     * @param registry the registry, not null
     * @param proc     the root of the tree, such as {@code /proc}; not null
     * @return an immutable list in the order of {@link #list()}, never null
     * @throws NullPointerException          if an argument is null
     * @throws UnsupportedOperationException if {@code <proc>/net/tcp} does not exist
     * @throws UncheckedIOException          if a socket table or the root cannot be read
     * @throws RegistryFormatException       naming the file and line if a socket table has an unexpected format
     */
    public static List<Listener> listeners(PortRegistry registry, Path proc) {
        Objects.requireNonNull(registry, "registry must not be null");
        Objects.requireNonNull(proc, "proc must not be null");
        return listeners(registry, proc, ByteOrder.nativeOrder(), ProgramCatalog.registry());
    }

    static List<Listener> listeners(PortRegistry registry, Path proc, ByteOrder order, ProgramCatalog catalog) {
        List<ListeningSocket> sockets = list("Linux", proc.resolve("net"), order);
        Set<Long> inodes = new HashSet<>();
        for (ListeningSocket s : sockets) {
            if (s.inode() > 0) {
                inodes.add(s.inode());
            }
        }
        ProcessScan scan;
        try {
            scan = ProcessScan.scan(proc, inodes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the processes in " + proc + ": " + e.getMessage(), e);
        }
        Map<Long, String> users = new HashMap<>();
        List<Listener> out = new ArrayList<>(sockets.size());
        for (ListeningSocket s : sockets) {
            ProcessInfo p = scan.owner(s.inode()).orElse(null);
            Verdicts.Hidden hidden = s.inode() == 0 ? Verdicts.Hidden.KERNEL
                    : scan.hidden() > 0 ? Verdicts.Hidden.NO_PRIVILEGE : Verdicts.Hidden.GONE;
            String user = p != null ? "" : users.computeIfAbsent(s.uid(), uid -> userName(uid, PASSWD));
            out.add(Verdicts.judge(s, p, hidden, user, registry.get(s.port()), catalog));
        }
        return List.copyOf(out);
    }

    /** "user postgres (uid 112)", or "uid 112" where the passwd file (/etc/passwd) does not name it. */
    static String userName(long uid, Path passwd) {
        try {
            for (String line : Files.readAllLines(passwd, StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Long.toString(uid))) {
                    return "user " + f[0] + " (uid " + uid + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // no passwd file to read: the number alone
        }
        return "uid " + uid;
    }

    /**
     * Parses the text of one Linux socket table ({@code /proc/net/tcp}, {@code tcp6}, {@code udp} or
     * {@code udp6}) as this machine writes it, and returns its listening sockets in table order.
     * Addresses are read in this machine's byte order, as the kernel prints them.
     *
     * @param text      the table, header line first; not null
     * @param transport TCP for tcp and tcp6, UDP for udp and udp6; not null
     * @param source    the file name used in error messages, not null
     * @return an immutable list, never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if transport is not TCP or UDP
     * @throws RegistryFormatException  naming the source and line if a line is not in the table format
     */
    public static List<ListeningSocket> parse(String text, Transport transport, String source) {
        return parse(text, transport, source, ByteOrder.nativeOrder());
    }

    static List<ListeningSocket> list(String osName, Path procNet, ByteOrder order) {
        checkLinux(osName);
        List<ListeningSocket> out = new ArrayList<>();
        out.addAll(table(procNet.resolve("tcp"), Transport.TCP, true, order));
        out.addAll(table(procNet.resolve("tcp6"), Transport.TCP, false, order));
        out.addAll(table(procNet.resolve("udp"), Transport.UDP, true, order));
        out.addAll(table(procNet.resolve("udp6"), Transport.UDP, false, order));
        out.sort(Comparator.comparing(ListeningSocket::transport).thenComparingInt(ListeningSocket::port)
                .thenComparing(s -> s.address().getAddress(), Arrays::compareUnsigned)
                .thenComparingLong(ListeningSocket::inode));
        return List.copyOf(out);
    }

    /** Reads one table; the IPv4 tables must exist, the IPv6 ones are absent when IPv6 is off. */
    private static List<ListeningSocket> table(Path file, Transport transport, boolean required, ByteOrder order) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new UnsupportedOperationException("listing listening sockets needs " + file
                        + ", which does not exist: expected Linux with /proc mounted");
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, transport, file.toString(), order);
    }

    static List<ListeningSocket> parse(String text, Transport transport, String source, ByteOrder order) {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(transport, "transport must not be null");
        Objects.requireNonNull(source, "source must not be null");
        int wanted;
        if (transport == Transport.TCP) {
            wanted = TCP_LISTEN;
        } else if (transport == Transport.UDP) {
            wanted = UDP_UNCONNECTED;
        } else {
            throw new IllegalArgumentException("transport " + transport + " has no socket table here: expected TCP or UDP");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().startsWith("sl")) {
            throw formatError(source, 1, "expected the header line starting with \"sl\", found \""
                    + (lines.length == 0 ? "" : lines[0].strip()) + "\"");
        }
        List<ListeningSocket> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+", -1);
            if (f.length < FIELDS || !f[0].endsWith(":")) {
                throw formatError(source, i + 1, "expected \"sl: local_address rem_address st ... uid timeout inode\", found \""
                        + line + "\"");
            }
            int state = hex(f[3], 2, source, i + 1, "state");
            if (state != wanted) {
                continue;
            }
            int colon = f[1].indexOf(':');
            if (colon < 0) {
                throw formatError(source, i + 1, "local address \"" + f[1] + "\" is not ADDRESS:PORT in hex");
            }
            InetAddress address = address(f[1].substring(0, colon), order, source, i + 1);
            int port = hex(f[1].substring(colon + 1), 4, source, i + 1, "port");
            long uid = decimal(f[7], source, i + 1, "uid");
            long inode = decimal(f[9], source, i + 1, "inode");
            if (uid > ListeningSocket.MAX_UID) {
                throw formatError(source, i + 1, "uid " + uid + " is out of range: expected 0.." + ListeningSocket.MAX_UID);
            }
            out.add(new ListeningSocket(transport, address, port, uid, inode));
        }
        return List.copyOf(out);
    }

    /** The kernel prints an address as 32-bit words in hex, each in the machine's byte order. */
    private static InetAddress address(String hex, ByteOrder order, String source, int line) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw formatError(source, line, "address \"" + hex + "\" has " + hex.length()
                    + " hex digits: expected 8 (IPv4) or 32 (IPv6)");
        }
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2).order(order);
        for (int i = 0; i < hex.length(); i += 8) {
            bytes.putInt((int) hexLong(hex.substring(i, i + 8), source, line, "address"));
        }
        try {
            return InetAddress.getByAddress(bytes.array());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot happen: 4 or 16 address bytes", e);
        }
    }

    private static int hex(String s, int digits, String source, int line, String what) {
        if (s.length() != digits) {
            throw formatError(source, line, what + " \"" + s + "\" is not " + digits + " hex digits");
        }
        return (int) hexLong(s, source, line, what);
    }

    private static long hexLong(String s, String source, int line, String what) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw formatError(source, line, what + " \"" + s + "\" is not hexadecimal");
            }
        }
        return Long.parseLong(s, 16);
    }

    private static long decimal(String s, String source, int line, String what) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw formatError(source, line, what + " \"" + s + "\" is not a decimal number");
        }
        return Long.parseLong(s);
    }

    private static RegistryFormatException formatError(String source, int line, String detail) {
        return new RegistryFormatException(source, line, detail);
    }

    private static void checkLinux(String osName) {
        if (!isLinux(osName)) {
            throw new UnsupportedOperationException("listing listening sockets is supported on Linux only "
                    + "(it reads /proc/net/tcp, tcp6, udp and udp6 and /proc/<pid>/fd); this system is \"" + osName + "\"");
        }
    }

    private static boolean isLinux(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }
}
