package dev.portregistry.host;

import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Finding the process behind each socket, on fixture /proc trees: the edge cases of the real one. */
class ProcTreeTest {
    private static final PortRegistry REGISTRY = FixtureRegistry.FIXTURE;
    private static final ProgramCatalog CATALOG = new FixtureCatalog();

    private static List<Listener> scan(FakeProc proc) {
        return ListeningSockets.listeners(REGISTRY, proc.root, ByteOrder.LITTLE_ENDIAN, CATALOG);
    }

    private static Listener on(List<Listener> ls, Transport t, int port) {
        return ls.stream().filter(l -> l.socket().transport() == t && l.socket().port() == port).findFirst().orElseThrow();
    }

    @Test
    void eachSocketIsMatchedToTheProcessHoldingItsInode(@TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "0100007F", 8080, "0A", 1000, 501)
                .socket("tcp", "00000000", 2222, "0A", 0, 502)
                .socket("udp", "00000000", 5353, "07", 0, 503)
                .socket("udp", "0100007F", 40000, "01", 0, 504) // connected: not a listener
                .process(1, "init", List.of("/sbin/init"), "/usr/lib/systemd/systemd", "/dev/null", "socket:[999]")
                .process(300, "web", List.of("/usr/bin/web", "--port", "8080"), "/usr/bin/web",
                        "/dev/null", "pipe:[7]", FakeProc.socketLink(501), "anon_inode:[eventpoll]")
                .process(12, "mdns", List.of("mdns"), "/usr/sbin/mdns", FakeProc.socketLink(503))
                .process(40, "sshish", List.of("sshish"), "/usr/sbin/sshish", FakeProc.socketLink(502))
                .process(41, "sshish", List.of("sshish: worker"), "/usr/sbin/sshish", FakeProc.socketLink(502));
        List<Listener> ls = scan(proc);
        assertThat(ls).hasSize(3);
        ProcessInfo web = on(ls, Transport.TCP, 8080).process().orElseThrow();
        assertThat(web.pid()).isEqualTo(300);
        assertThat(web.commandName()).isEqualTo("web");
        assertThat(web.commandLine()).containsExactly("/usr/bin/web", "--port", "8080");
        assertThat(web.executable()).contains(Path.of("/usr/bin/web"));
        assertThat(web.executableDeleted()).isFalse();
        assertThat(web.user()).isEqualTo(Files.getOwner(dir.resolve("300")).getName());
        assertThat(web.uid()).as("the owner of /proc/<pid>").isEqualTo(Integer.toUnsignedLong((Integer) Files.getAttribute(dir.resolve("300"), "unix:uid")));
        assertThat(on(ls, Transport.TCP, 8080).loopbackOnly()).isTrue();
        assertThat(on(ls, Transport.UDP, 5353).process().orElseThrow().pid()).as("a UDP socket").isEqualTo(12);
        assertThat(on(ls, Transport.TCP, 2222).process().orElseThrow().pid()).as("shared by a forking server: the lowest pid")
                .isEqualTo(40);
    }

    @Test
    void thePublicScanOfATreeJudgesWithTheRegistrysOwnProgramData(@TempDir Path dir) throws IOException {
        // wildcard addresses read the same in every byte order; the fixture's programs: sshd for ssh, openvpn for OpenVPN
        new FakeProc(dir)
                .socket("tcp", "00000000", 22, "0A", 0, 21)
                .socket("tcp", "00000000", 1196, "0A", 0, 22)
                .socket("udp6", "00000000000000000000000000000000", 1196, "07", 0, 23)
                .process(100, "sshd", List.of("/usr/sbin/sshd", "-D"), "/usr/sbin/sshd", FakeProc.socketLink(21))
                .process(200, "openvpn", List.of("/usr/sbin/openvpn", "--config", "extra.conf"), "/usr/sbin/openvpn",
                        FakeProc.socketLink(22), FakeProc.socketLink(23));
        List<Listener> ls = ListeningSockets.listeners(REGISTRY, dir);
        assertThat(ls).extracting(l -> l.socket().endpoint()).containsExactly("0.0.0.0:22", "0.0.0.0:1196", "[::]:1196");
        assertThat(on(ls, Transport.TCP, 22).verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(on(ls, Transport.TCP, 22).reason())
                .isEqualTo("sshd (pid 100) listens on 22/tcp, which is assigned to ssh, and sshd serves ssh.");
        assertThat(ls.subList(1, 3)).allSatisfy(l -> {
            assertThat(l.verdict()).isEqualTo(Verdict.PLAUSIBLE);
            assertThat(l.reason()).endsWith("and openvpn runs OpenVPN, a known alternate use of it.");
        });
    }

    @Test
    void aServerOnSeveralSocketsOwnsEachOfThem(@TempDir Path dir) throws IOException {
        // a DNS server: TCP and UDP, IPv4 and IPv6, all in one process among its other files; inodes of a
        // long-running host, with every digit from 0 to 9 among them
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "00000000", 53, "0A", 101, 3907651)
                .socket("tcp6", "00000000000000000000000000000000", 53, "0A", 101, 3907652)
                .socket("udp", "00000000", 53, "07", 101, 3907653)
                .socket("udp6", "00000000000000000000000000000000", 53, "07", 101, 3907684)
                .process(530, "named", List.of("/usr/sbin/named", "-u", "bind"), "/usr/sbin/named", "/dev/null",
                        FakeProc.socketLink(3907651), FakeProc.socketLink(3907652), "pipe:[5]", FakeProc.socketLink(3907653),
                        FakeProc.socketLink(3907684), FakeProc.socketLink(3907655));
        List<Listener> ls = scan(proc);
        assertThat(ls).hasSize(4);
        assertThat(ls).allSatisfy(l -> assertThat(l.process().map(ProcessInfo::pid)).hasValue(530));
    }

    @Test
    void theKernelsInodeZeroIsNeverFound(@TempDir Path dir) throws IOException {
        new FakeProc(dir).process(3, "odd", List.of("odd"), "/odd", FakeProc.socketLink(0), FakeProc.socketLink(7));
        ProcessScan scan = ProcessScan.scan(dir, Set.of(0L, 7L));
        assertThat(scan.found()).containsExactly(7L);
        assertThat(scan.owner(0)).isEmpty();
    }

    @Test
    void aBusyMachinesProcessesAreAllScanned(@TempDir Path dir) throws IOException {
        // a real host runs hundreds of processes; the socket belongs to the last one listed
        int last = 700;
        for (int pid = 1; pid < last; pid++) {
            Files.createDirectories(dir.resolve(Integer.toString(pid)).resolve("fd"));
        }
        new FakeProc(dir).process(last, "late", List.of("late"), "/late", FakeProc.socketLink(77));
        ProcessScan scan = ProcessScan.scan(dir, Set.of(77L));
        assertThat(scan.processes()).isEqualTo(last);
        assertThat(scan.owner(77).map(ProcessInfo::pid)).hasValue(last);
    }

    @Test
    void aSocketActivatorCountsOnlyWhenNoServiceHoldsTheSocket(@TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "00000000", 9090, "0A", 0, 11)
                .socket("tcp", "00000000", 22, "0A", 0, 12)
                .process(1, "systemd", List.of("/sbin/init"), "/usr/lib/systemd/systemd", FakeProc.socketLink(11),
                        FakeProc.socketLink(12))
                .process(800, "cockpit-ws", List.of("/usr/libexec/cockpit-ws"), "/usr/libexec/cockpit-ws",
                        FakeProc.socketLink(11));
        List<Listener> ls = scan(proc);
        assertThat(on(ls, Transport.TCP, 9090).process().orElseThrow().commandName()).isEqualTo("cockpit-ws");
        Listener waiting = on(ls, Transport.TCP, 22);
        assertThat(waiting.process().orElseThrow().pid()).isEqualTo(1);
        assertThat(waiting.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(waiting.reason()).startsWith("systemd (pid 1) holds 22/tcp for socket activation, so the service it "
                + "starts on the first connection is not named; 22 is assigned to ssh");
    }

    @Test
    void anIpv4MappedIpv6SocketIsItsIpv4Address(@TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir)
                .socket("tcp6", "0000000000000000FFFF00000100007F", 9000, "0A", 0, 601)
                .socket("tcp6", "00000000000000000000000001000000", 9001, "0A", 0, 602)
                .process(5, "svc", List.of("svc"), "/usr/bin/svc", FakeProc.socketLink(601), FakeProc.socketLink(602));
        List<Listener> ls = scan(proc);
        Listener mapped = on(ls, Transport.TCP, 9000);
        assertThat(mapped.socket().addressText()).isEqualTo("127.0.0.1");
        assertThat(mapped.loopbackOnly()).isTrue();
        assertThat(mapped.process()).isPresent();
        assertThat(on(ls, Transport.TCP, 9001).socket().endpoint()).isEqualTo("[::1]:9001");
    }

    @Test
    void aDeletedExecutableIsNamedWithoutTheKernelsSuffixAndFlagged(@TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "00000000", 7777, "0A", 0, 701)
                .process(77, "ghost", List.of("./ghost"), "/tmp/ghost (deleted)", FakeProc.socketLink(701));
        ProcessInfo p = on(scan(proc), Transport.TCP, 7777).process().orElseThrow();
        assertThat(p.executable()).contains(Path.of("/tmp/ghost"));
        assertThat(p.executableDeleted()).isTrue();
    }

    @Test
    void aKernelThreadHasNoExecutableAndAnEmptyCommandLine(@TempDir Path dir) throws IOException {
        new FakeProc(dir).process(2, "kthreadd", List.of(), null);
        ProcessInfo k = ProcessScan.details(dir, 2).orElseThrow();
        assertThat(k.commandName()).isEqualTo("kthreadd");
        assertThat(k.commandLine()).isEmpty();
        assertThat(k.executable()).isEmpty();
        assertThat(ProcessScan.details(dir, 3)).as("a process that exited").isEmpty();
    }

    @Test
    void aKernelSocketAndAVanishedProcessAreUnknownWithTheirReason(@TempDir Path dir) throws IOException {
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "00000000", 2049, "0A", 0, 0)
                .socket("tcp", "00000000", 6001, "0A", 0, 801)
                .process(9, "other", List.of("other"), "/bin/other", "/dev/null");
        // a process directory without fd/, comm or cmdline: it exited between the listing and the reads
        Files.createDirectories(dir.resolve("10"));
        List<Listener> ls = scan(proc);
        assertThat(on(ls, Transport.TCP, 2049).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(on(ls, Transport.TCP, 2049).reason()).contains("held by the kernel");
        assertThat(on(ls, Transport.TCP, 6001).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(on(ls, Transport.TCP, 6001).reason()).contains("was not found");
    }

    @Test
    void anUnreadableFdDirectoryHidesItsProcessWithoutFailingTheScan(@TempDir Path dir) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every directory: see HostProcessesTest");
        FakeProc proc = new FakeProc(dir)
                .socket("tcp", "00000000", 5432, "0A", 0, 901)
                .process(20, "db", List.of("db"), "/usr/bin/db", FakeProc.socketLink(901));
        Files.setPosixFilePermissions(dir.resolve("20/fd"), PosixFilePermissions.fromString("---------"));
        try {
            Listener l = on(scan(proc), Transport.TCP, 5432);
            assertThat(l.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(l.reason()).contains("cannot be seen", "user root (uid 0)", "without root");
        } finally {
            Files.setPosixFilePermissions(dir.resolve("20/fd"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void commandLinesSplitOnNulAndKeepARetitledOneWhole() {
        assertThat(ProcessScan.commandLine("a\0b c\0\0d\0".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a", "b c", "", "d");
        assertThat(ProcessScan.commandLine("nginx: master process /usr/sbin/nginx".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("nginx: master process /usr/sbin/nginx");
        assertThat(ProcessScan.commandLine(new byte[0])).isEmpty();
        assertThat(ProcessScan.commandLine("nginx: worker process\0\0\0\0".getBytes(StandardCharsets.UTF_8)))
                .as("a retitled command line padded with NULs").containsExactly("nginx: worker process");
    }

    @Test
    void onlyTheWantedInodesAreLookedUp(@TempDir Path dir) throws IOException {
        new FakeProc(dir)
                .process(1, "a", List.of("a"), "/a", FakeProc.socketLink(1), "socket:[x]", "socket:[]", "socket:[2")
                .process(2, "b", List.of("b"), "/b", FakeProc.socketLink(2));
        Files.createDirectories(dir.resolve("self"));
        ProcessScan scan = ProcessScan.scan(dir, Set.of(2L, 3L));
        assertThat(scan.found()).containsExactly(2L);
        assertThat(scan.owner(2).map(ProcessInfo::pid)).isEqualTo(Optional.of(2));
        assertThat(scan.processes()).isEqualTo(2);
        assertThat(scan.hidden()).isZero();
    }

    @Test
    void aTreeWithoutSocketTablesIsNotSupported(@TempDir Path dir) {
        assertThatThrownBy(() -> ListeningSockets.listeners(REGISTRY, dir))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(dir.resolve("net/tcp").toString());
    }
}
