package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end on this machine: real processes named openvpn, nc and so on listen on real loopback
 * ports, and the scan of the real /proc names each and judges it. Ports are chosen by their
 * relations in the frozen fixture table (test-fixtures/data/README.md); each child gets its own
 * loopback address (127.0.0.x), so the ports are free unless this machine itself serves them on
 * 127.0.0.x, in which case the case is skipped.
 */
class HostProcessesTest {
    private static final PortRegistry REGISTRY = FixtureRegistry.FIXTURE;

    @TempDir
    static Path dir;
    private static TinyListeners tiny;

    @BeforeAll
    static void compile() throws Exception {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc");
        tiny = TinyListeners.compile(dir).orElse(null);
        assumeTrue(tiny != null, "needs gcc to build the tiny listener");
    }

    @AfterAll
    static void killChildren() throws InterruptedException {
        if (tiny != null) {
            tiny.close();
        }
    }

    private static PortInfo find(Predicate<PortInfo> p) {
        return IntStream.rangeClosed(1025, 32767).mapToObj(REGISTRY::get).filter(p).findFirst().orElseThrow();
    }

    private static List<ServiceAssignment> tcp(PortInfo p) {
        return p.assignmentsFor(Transport.TCP).stream().filter(a -> a.status() != LifecycleStatus.DEREGISTERED
                && !a.name().isEmpty()).toList();
    }

    private static List<AlternateUse> tcpUses(PortInfo p, UseKind kind) {
        return p.alternateUses(kind).stream().filter(u -> u.transports().contains(Transport.TCP)).toList();
    }

    private static Listener mine(List<Listener> ls, TinyListeners.Child child, Transport t) {
        return ls.stream().filter(l -> l.socket().port() == child.port() && l.socket().transport() == t
                && l.process().map(p -> p.pid() == child.pid()).orElse(false)).findFirst()
                .orElseThrow(() -> new AssertionError("no listener of pid " + child.pid() + " on " + child.port() + " in " + ls));
    }

    private static TinyListeners.Child startOrSkip(String name, String address, int port, String transport) throws Exception {
        Optional<TinyListeners.Child> c = tiny.start(name, address, port, transport);
        assumeTrue(c.isPresent(), address + ":" + port + "/" + transport + " is taken on this machine");
        return c.get();
    }

    @Test
    void openvpnOnAnAbandonedPortIsPlausibleAndNcThereIsUnexpected() throws Exception {
        // the port's assignment is abandoned and OpenVPN is a known use of it over TCP and UDP (1196 in the fixture table)
        PortInfo tomb = find(p -> !tcp(p).isEmpty() && tcp(p).stream().allMatch(a -> a.status() == LifecycleStatus.ABANDONED)
                && tcpUses(p, UseKind.UNOFFICIAL).stream().anyMatch(u -> u.name().equals("OpenVPN"))
                && tcpUses(p, UseKind.MALWARE).isEmpty());
        int port = tomb.port();
        TinyListeners.Child openvpn = startOrSkip("openvpn", "127.0.0.21", port, "tcp");
        TinyListeners.Child nc = startOrSkip("nc", "127.0.0.22", port, "tcp");
        TinyListeners.Child udp = startOrSkip("openvpn", "127.0.0.21", port, "udp");

        List<Listener> ls = ListeningSockets.listeners(REGISTRY, Path.of("/proc"), ByteOrder.nativeOrder(),
                new FixtureCatalog().use("OpenVPN", "openvpn"));

        Listener vpn = mine(ls, openvpn, Transport.TCP);
        assertThat(vpn.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(vpn.reason()).startsWith("openvpn (pid " + openvpn.pid() + ") listens on " + port + "/tcp; " + port
                + " is assigned to ").endsWith("whose product was discontinued, and openvpn runs OpenVPN, a known alternate use of it.");
        ProcessInfo p = vpn.process().orElseThrow();
        assertThat(p.commandName()).isEqualTo("openvpn");
        assertThat(p.executable()).contains(dir.resolve("openvpn").toRealPath());
        assertThat(p.commandLine()).containsExactly(dir.resolve("openvpn").toString(), "127.0.0.21", Integer.toString(port), "tcp");
        assertThat(p.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(vpn.loopbackOnly()).isTrue();

        Listener intruder = mine(ls, nc, Transport.TCP);
        assertThat(intruder.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(intruder.reason()).isEqualTo("nc (pid " + nc.pid() + ") listens on " + port + "/tcp; " + port
                + " is assigned to " + tcp(tomb).get(0).name() + ", whose product was discontinued and commonly used by "
                + "OpenVPN, and nc is no known use of it.");

        assertThat(mine(ls, udp, Transport.UDP).verdict()).as("a bound UDP socket").isEqualTo(Verdict.PLAUSIBLE);
    }

    @Test
    void ncOnAMalwarePortIsSuspiciousAndTheAssignedProgramExpected() throws Exception {
        PortInfo malware = find(p -> tcp(p).isEmpty() && tcpUses(p, UseKind.UNOFFICIAL).isEmpty()
                && !tcpUses(p, UseKind.MALWARE).isEmpty());
        PortInfo active = find(p -> tcp(p).size() == 1 && tcp(p).get(0).status() == LifecycleStatus.ACTIVE
                && p.alternateUses().isEmpty());
        String service = tcp(active).get(0).name();
        TinyListeners.Child nc = startOrSkip("nc", "127.0.0.23", malware.port(), "tcp");
        TinyListeners.Child daemon = startOrSkip("goodd", "127.0.0.24", active.port(), "tcp");

        List<Listener> ls = ListeningSockets.listeners(REGISTRY, Path.of("/proc"), ByteOrder.nativeOrder(),
                new FixtureCatalog().service(service, "goodd"));
        Listener bad = mine(ls, nc, Transport.TCP);
        assertThat(bad.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(bad.reason()).contains(tcpUses(malware, UseKind.MALWARE).get(0).name());
        Listener good = mine(ls, daemon, Transport.TCP);
        assertThat(good.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(good.reason()).isEqualTo("goodd (pid " + daemon.pid() + ") listens on " + active.port()
                + "/tcp, which is assigned to " + service + ", and goodd serves " + service + ".");
        List<Listener> sorted = new ArrayList<>(ls);
        sorted.sort(Listener.worstFirst());
        assertThat(sorted.indexOf(bad)).isLessThan(sorted.indexOf(good));
    }

    @Test
    void theBundledScanFindsARealChildWithoutFailing() throws Exception {
        TinyListeners.Child any = startOrSkip("nc", "127.0.0.25", 0, "tcp");
        List<Listener> ls = ListeningSockets.listeners(REGISTRY);
        assertThat(mine(ls, any, Transport.TCP).verdict()).isIn(Verdict.UNEXPECTED, Verdict.SUSPICIOUS);
    }

    /**
     * As root every process is seen; run as another user (nobody, through setpriv), the same scan
     * cannot read a root process's fd directory and says so. Needs root to switch users.
     */
    @Test
    void anotherUsersProcessIsUnknownWithoutPrivileges() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run the scan as nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        TinyListeners.Child rootOwned = startOrSkip("nc", "127.0.0.26", 0, "tcp");
        // what the child needs, copied where nobody can read it: these tests' classes, tools' and core's
        Path shared = Files.createTempDirectory("portregistry-nobody");
        List<String> entries = new ArrayList<>();
        try {
            Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            int i = 0;
            for (Class<?> c : List.of(PrintListeners.class, ListeningSockets.class, PortRegistry.class)) {
                Path from = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path to = shared.resolve(i++ + (Files.isDirectory(from) ? "" : ".jar"));
                copyReadable(from, to);
                entries.add(to.toString());
            }
            String classPath = String.join(File.pathSeparator, entries);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            assumeTrue(readableByOthers(java), "the JDK is not usable by nobody");
            Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    java.toString(), "-cp", classPath, PrintListeners.class.getName(), Integer.toString(rootOwned.port()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("UNKNOWN|The process behind " + rootOwned.port() + "/tcp cannot be seen: the socket "
                    + "belongs to user root (uid 0), and other users' open files cannot be read without root");
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(shared)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Copies a file or a directory tree, world-readable. */
    private static void copyReadable(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static boolean readableByOthers(Path p) {
        for (Path q = p.toAbsolutePath(); q != null; q = q.getParent()) {
            try {
                String perms = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(q));
                if ((perms.charAt(6) != 'r' && !Files.isDirectory(q)) || (Files.isDirectory(q) && perms.charAt(8) != 'x')) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
