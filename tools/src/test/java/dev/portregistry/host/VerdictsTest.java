package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Overlay;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict rules, on ports of the frozen fixture table (test-fixtures/data/README.md) and a
 * fixture program catalog: ssh alone on 22/tcp; 1196/tcp, netmagic, abandoned, with OpenVPN as its one
 * unofficial use; 12345/tcp, NetBus malware and nothing legitimate; 7443, nothing at all.
 */
class VerdictsTest {
    private static final PortRegistry REGISTRY = FixtureRegistry.FIXTURE;
    private static final Transport TCP = Transport.TCP;

    private static List<ServiceAssignment> on(PortInfo p) {
        return p.assignmentsFor(TCP).stream().filter(a -> a.status() != LifecycleStatus.DEREGISTERED
                && a.status().isAssignment() && !a.name().isEmpty()).toList();
    }

    private static List<AlternateUse> uses(PortInfo p, UseKind kind) {
        return p.alternateUses(kind).stream().filter(u -> u.transports().contains(TCP)).toList();
    }

    /** One active assignment on TCP, no alternate use. */
    private static final PortInfo ACTIVE = REGISTRY.get(22);
    /** Abandoned on TCP, no active assignment, one unofficial use on TCP, no malware. */
    private static final PortInfo TOMB = REGISTRY.get(1196);
    /** Malware on TCP and nothing legitimate on TCP. */
    private static final PortInfo MALWARE = REGISTRY.get(12345);
    /** Nothing at all on TCP. */
    private static final PortInfo NOTHING = REGISTRY.get(7443);

    private static final String ACTIVE_NAME = "ssh";
    private static final String USE_NAME = "OpenVPN";

    private static final FixtureCatalog CATALOG = new FixtureCatalog()
            .service(ACTIVE_NAME, "goodd", "a-very-long-daemon-name")
            .serviceMarker(ACTIVE_NAME, "java", "org.example.GoodServer")
            .use(USE_NAME, "altd");

    private static ListeningSocket socket(int port, String address) throws Exception {
        return new ListeningSocket(TCP, InetAddress.getByName(address), port, 0, 99);
    }

    private static ProcessInfo process(String comm, String exe, String... argv) {
        return ProcessInfo.of(4242, 1000, "alice", comm, exe == null ? null : Path.of(exe), false, List.of(argv));
    }

    private static Listener judge(PortInfo port, ProcessInfo p) throws Exception {
        return Verdicts.judge(socket(port.port(), "0.0.0.0"), p, Verdicts.Hidden.GONE, "", port, CATALOG);
    }

    @Test
    void theFixturePortsAreTheCasesTheRulesNeed() {
        assertThat(on(ACTIVE)).extracting(ServiceAssignment::name).containsExactly("ssh");
        assertThat(on(ACTIVE).get(0).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(ACTIVE.alternateUses()).isEmpty();
        assertThat(on(TOMB)).extracting(ServiceAssignment::status).containsExactly(LifecycleStatus.ABANDONED);
        assertThat(uses(TOMB, UseKind.UNOFFICIAL)).extracting(AlternateUse::name).containsExactly("OpenVPN");
        assertThat(uses(TOMB, UseKind.MALWARE)).isEmpty();
        assertThat(on(MALWARE)).isEmpty();
        assertThat(uses(MALWARE, UseKind.UNOFFICIAL)).isEmpty();
        assertThat(uses(MALWARE, UseKind.MALWARE)).extracting(AlternateUse::name).containsExactly("NetBus");
        assertThat(NOTHING.assignments()).isEmpty();
        assertThat(NOTHING.alternateUses()).isEmpty();
    }

    @Test
    void theAssignedProgramIsExpected() throws Exception {
        Listener l = judge(ACTIVE, process("goodd", "/usr/sbin/goodd", "/usr/sbin/goodd", "-D"));
        assertThat(l.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(l.reason()).isEqualTo("goodd (pid 4242) listens on 22/tcp, which is assigned to ssh, and goodd serves ssh.");
        assertThat(l).hasToString("Listener[tcp 0.0.0.0:22 EXPECTED: " + l.reason() + "]");
        assertThat(l.process()).isPresent();
        assertThat(l.process().orElseThrow()).hasToString("goodd (pid 4242, user alice)");
        assertThat(l.loopbackOnly()).isFalse();
    }

    @Test
    void aProgramIsKnownByItsExecutableOrItsRetitledArgvZeroAndACommandNameCutTo15() throws Exception {
        assertThat(judge(ACTIVE, process("worker-1", "/usr/sbin/goodd", "goodd: worker")).verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("other", null, "goodd: master process /etc/goodd.conf")).verdict())
                .isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("a-very-long-dae", null)).verdict()).as("comm is cut to 15 characters")
                .isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("a-very-long", null)).verdict()).as("shorter than 15: no prefix match")
                .isEqualTo(Verdict.UNEXPECTED);
    }

    @Test
    void anyOtherProgramOnAnAssignedPortIsUnexpectedAndTheReasonNamesWhatServesIt() throws Exception {
        Listener l = judge(ACTIVE, process("nc", "/usr/bin/nc.openbsd", "nc", "-l"));
        assertThat(l.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(l.reason()).isEqualTo("nc (pid 4242) listens on " + ACTIVE.port() + "/tcp; " + ACTIVE.port()
                + " is assigned to " + ACTIVE_NAME + ", served by a-very-long-daemon-name or goodd, and nc is no known use of it.");
    }

    @Test
    void aKnownAlternateUseOnAnAbandonedPortIsPlausibleAndAnythingElseUnexpected() throws Exception {
        Listener alt = judge(TOMB, process("altd", "/usr/sbin/altd", "altd"));
        assertThat(alt.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(alt.reason()).isEqualTo("altd (pid 4242) listens on 1196/tcp; 1196 is assigned to netmagic, whose "
                + "product was discontinued, and altd runs OpenVPN, a known alternate use of it.");

        Listener nc = judge(TOMB, process("nc", "/usr/bin/nc", "nc"));
        assertThat(nc.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(nc.reason()).isEqualTo("nc (pid 4242) listens on 1196/tcp; 1196 is assigned to netmagic, whose "
                + "product was discontinued and commonly used by OpenVPN, and nc is no known use of it.");
    }

    @Test
    void aGenericRuntimeIsPlausibleUnlessItsCommandLineNamesTheService() throws Exception {
        Listener plain = judge(ACTIVE, process("java", "/usr/lib/jvm/bin/java", "java", "-jar", "app.jar"));
        assertThat(plain.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(plain.reason()).startsWith("java (pid 4242) listens on " + ACTIVE.port() + "/tcp; java is a generic runtime (java)");

        Listener marked = judge(ACTIVE, process("java", "/usr/lib/jvm/bin/java", "java", "-cp", "x.jar", "org.example.GoodServer"));
        assertThat(marked.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(marked.reason()).contains("java running org.example.GoodServer serves " + ACTIVE_NAME);

        assertThat(judge(ACTIVE, process("python3.12", "/usr/bin/python3.12", "python3", "/opt/goodd.py")).verdict())
                .as("a script named like the program").isEqualTo(Verdict.EXPECTED);
        assertThat(Verdicts.runtimeOf("python3.12")).isEqualTo("python");
        assertThat(Verdicts.runtimeOf("pythonista")).isNull();
    }

    @Test
    void malwareWithNothingLegitimateIsSuspicious() throws Exception {
        Listener l = judge(MALWARE, process("nc", "/usr/bin/nc", "nc"));
        assertThat(l.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(l.malwareAssociated()).isTrue();
        assertThat(l.reason()).startsWith("nc (pid 4242) listens on 12345/tcp, a port known to be used by malware (")
                .contains("NetBus")
                .endsWith(", and nc matches nothing legitimate known there.");
        assertThat(judge(MALWARE, process("java", "/usr/bin/java", "java", "Server")).verdict())
                .as("a runtime is no legitimate match either").isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void aPortWithNothingKnownIsUnexpected() throws Exception {
        Listener l = judge(NOTHING, process("nc", "/usr/bin/nc", "nc"));
        assertThat(l.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(l.reason()).isEqualTo("nc (pid 4242) listens on " + NOTHING.port()
                + "/tcp, where nothing is assigned or known to run, so nothing says it belongs there.");
    }

    @Test
    void anUnseenProcessIsUnknownAndTheReasonSaysWhy() throws Exception {
        ListeningSocket s = socket(ACTIVE.port(), "127.0.0.1");
        Listener hidden = Verdicts.judge(s, null, Verdicts.Hidden.NO_PRIVILEGE, "user postgres (uid 112)", ACTIVE, CATALOG);
        assertThat(hidden.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(hidden.process()).isEmpty();
        assertThat(hidden.loopbackOnly()).isTrue();
        assertThat(hidden.reason()).isEqualTo("The process behind " + ACTIVE.port() + "/tcp cannot be seen: the socket "
                + "belongs to user postgres (uid 112), and other users' open files cannot be read without root; "
                + ACTIVE.port() + " is assigned to " + ACTIVE_NAME + ", served by a-very-long-daemon-name or goodd.");
        assertThat(Verdicts.judge(s, null, Verdicts.Hidden.KERNEL, "", ACTIVE, CATALOG).reason())
                .startsWith("The socket on " + ACTIVE.port() + "/tcp is held by the kernel, not by a process");
        assertThat(Verdicts.judge(s, null, Verdicts.Hidden.GONE, "", ACTIVE, CATALOG).reason())
                .contains("was not found");
    }

    @Test
    void yourOverlaysServiceIsPlausibleWhenItsProgramIsNotKnown() throws Exception {
        PortRegistry ours = REGISTRY.with(Overlay.builder("ops").assign(NOTHING.port(), "billing", "our billing", TCP).build());
        PortInfo info = ours.get(NOTHING.port());
        Listener l = Verdicts.judge(socket(NOTHING.port(), "0.0.0.0"), process("billingd", null, "billingd"),
                Verdicts.Hidden.GONE, "", info, CATALOG);
        assertThat(l.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(l.reason()).isEqualTo("billingd (pid 4242) listens on " + NOTHING.port()
                + "/tcp, which your overlay assigns to billing; which program serves billing is not known.");
        Listener known = Verdicts.judge(socket(NOTHING.port(), "0.0.0.0"), process("billingd", null, "billingd"),
                Verdicts.Hidden.GONE, "", info, new FixtureCatalog().service("billing", "billingd"));
        assertThat(known.verdict()).isEqualTo(Verdict.EXPECTED);
    }

    @Test
    void theRegistrysOwnProgramDataDecidesInProduction() throws Exception {
        ServiceAssignment billing = ServiceAssignment.builder().name("billing").description("our billing")
                .transports(java.util.EnumSet.of(TCP)).status(LifecycleStatus.ACTIVE)
                .programs(List.of(dev.portregistry.Program.executable("billingd"),
                        dev.portregistry.Program.runtime("java", "com.example.Billing"))).build();
        PortRegistry ours = REGISTRY.with(Overlay.builder("ops").assign(NOTHING.port(), billing).build());
        PortInfo info = ours.get(NOTHING.port());
        ProgramCatalog real = ProgramCatalog.registry();
        ListeningSocket s = socket(NOTHING.port(), "0.0.0.0");
        assertThat(Verdicts.judge(s, process("billingd", null, "billingd"), Verdicts.Hidden.GONE, "", info, real).verdict())
                .isEqualTo(Verdict.EXPECTED);
        Listener java = Verdicts.judge(s, process("java", "/usr/bin/java", "java", "com.example.Billing"),
                Verdicts.Hidden.GONE, "", info, real);
        assertThat(java.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(java.reason()).endsWith("which your overlay assigns to billing, and java running com.example.Billing serves billing.");
        assertThat(Verdicts.judge(s, process("nc", null, "nc"), Verdicts.Hidden.GONE, "", info, real).verdict())
                .as("programs are known, and nc is none of them").isEqualTo(Verdict.UNEXPECTED);
    }

    @Test
    void aProgramIsKnownByItsExecutableAloneWhenItRenamedItself() throws Exception {
        // comm and argv[0] renamed by the program; /proc/<pid>/exe still names the file it was started from
        Listener l = judge(ACTIVE, process("worker-1", "/usr/sbin/goodd", "worker: accepting connections"));
        assertThat(l.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(l.reason()).isEqualTo("worker-1 (pid 4242) listens on 22/tcp, which is assigned to ssh, and worker-1 serves ssh.");
    }

    @Test
    void argvZeroAtTheRootOfAContainersFileSystemIsKnownByItsFileName() throws Exception {
        // an image that copies its server to /goodd; the executable of another namespace's process may be unreadable
        assertThat(judge(ACTIVE, process("goodd-main", null, "/goodd", "--port", "22")).verdict()).isEqualTo(Verdict.EXPECTED);
    }

    @Test
    void aRuntimeIsKnownByItsExecutableWhenItRetitledItself() throws Exception {
        // setproctitle rewrites comm and the command line, not /proc/<pid>/exe
        Listener l = judge(ACTIVE, process("billing-worker", "/usr/bin/python3.11", "billing-worker"));
        assertThat(l.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(l.reason()).isEqualTo("billing-worker (pid 4242) listens on 22/tcp; billing-worker is a generic runtime "
                + "(python) whose command line names nothing known for 22/tcp, where 22 is assigned to ssh, served by "
                + "a-very-long-daemon-name or goodd.");
    }

    @Test
    void aRuntimeRunsTheJarOrScriptItsCommandLineNamesWithOrWithoutAnExtension() throws Exception {
        assertThat(judge(ACTIVE, process("java", "/usr/lib/jvm/bin/java", "java", "-Xmx1g", "-jar", "/opt/goodd.jar")).verdict())
                .as("a jar").isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("node", "/usr/bin/node", "node", "/srv/goodd.mjs")).verdict())
                .as("a module").isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("python3", "/usr/bin/python3.11", "/usr/bin/python3", "/usr/local/bin/goodd")).verdict())
                .as("an installed entry point without extension").isEqualTo(Verdict.EXPECTED);
        assertThat(judge(ACTIVE, process("python3", "/usr/bin/python3.11", "/usr/bin/python3", "/opt/goodd-tools.py")).verdict())
                .as("another script").isEqualTo(Verdict.PLAUSIBLE);
    }

    @Test
    void aGenericRuntimeOnAPortWithNothingKnownNamesNothingElse() throws Exception {
        Listener l = judge(NOTHING, process("java", "/usr/bin/java", "java", "-jar", "app.jar"));
        assertThat(l.verdict()).isEqualTo(Verdict.PLAUSIBLE);
        assertThat(l.reason()).isEqualTo("java (pid 4242) listens on 7443/tcp; java is a generic runtime (java) whose "
                + "command line names nothing known for 7443/tcp.");
    }

    @Test
    void malwareOnAnAssignedPortIsSuspiciousForAnythingButTheServiceOrARuntime() throws Exception {
        // 6001/tcp: x11 (active) and Some Worm (malware) in the fixture
        PortInfo x11 = REGISTRY.get(6001);
        assertThat(on(x11)).extracting(ServiceAssignment::name).containsExactly("x11");
        assertThat(uses(x11, UseKind.MALWARE)).extracting(AlternateUse::name).containsExactly("Some Worm");
        FixtureCatalog catalog = new FixtureCatalog().service("x11", "Xorg");
        ListeningSocket s = socket(6001, "0.0.0.0");

        Listener nc = Verdicts.judge(s, process("nc", "/usr/bin/nc", "nc"), Verdicts.Hidden.GONE, "", x11, catalog);
        assertThat(nc.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(nc.reason()).isEqualTo("nc (pid 4242) listens on 6001/tcp, a port known to be used by malware "
                + "(Some Worm); 6001 is assigned to x11, served by Xorg, and nc matches nothing legitimate known there.");
        assertThat(Verdicts.judge(s, process("Xorg", "/usr/lib/xorg/Xorg", "/usr/lib/xorg/Xorg", ":1"), Verdicts.Hidden.GONE,
                "", x11, catalog).verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(Verdicts.judge(s, process("java", "/usr/bin/java", "java", "Viewer"), Verdicts.Hidden.GONE, "", x11,
                catalog).verdict()).as("a runtime on a port with a legitimate service").isEqualTo(Verdict.PLAUSIBLE);
    }

    @Test
    void malwareOfAnotherTransportDoesNotTouchTheSocket() throws Exception {
        AlternateUse bot = AlternateUse.builder().name("Bot").description("a made-up trojan")
                .transports(java.util.EnumSet.of(Transport.UDP)).kind(UseKind.MALWARE).basis("test").build();
        PortInfo info = REGISTRY.with(Overlay.builder("ops").alternateUse(NOTHING.port(), bot).build()).get(NOTHING.port());
        Listener tcp = Verdicts.judge(socket(NOTHING.port(), "0.0.0.0"), process("nc", null, "nc"), Verdicts.Hidden.GONE, "",
                info, CATALOG);
        assertThat(tcp.malwareAssociated()).isFalse();
        assertThat(tcp.verdict()).isEqualTo(Verdict.UNEXPECTED);
        Listener udp = Verdicts.judge(new ListeningSocket(Transport.UDP, InetAddress.getByAddress(new byte[4]), NOTHING.port(), 0, 99),
                process("nc", null, "nc"), Verdicts.Hidden.GONE, "", info, CATALOG);
        assertThat(udp.malwareAssociated()).isTrue();
        assertThat(udp.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(judge(ACTIVE, process("goodd", null, "goodd")).malwareAssociated()).isFalse();
    }

    @Test
    void theProgramOfAnAbandonedOrHistoricServiceIsExpectedAndAnythingElseUnexpected() throws Exception {
        // 1196/tcp: netmagic, abandoned; 109/tcp: pop2, historic
        PortInfo pop2 = REGISTRY.get(109);
        assertThat(on(pop2)).extracting(ServiceAssignment::status).containsExactly(LifecycleStatus.HISTORIC);
        FixtureCatalog catalog = new FixtureCatalog().service("netmagic", "netmagicd").service("pop2", "pop2d");
        ListeningSocket s1196 = socket(1196, "0.0.0.0");
        ListeningSocket s109 = socket(109, "0.0.0.0");

        Listener netmagic = Verdicts.judge(s1196, process("netmagicd", null, "netmagicd"), Verdicts.Hidden.GONE, "", TOMB, catalog);
        assertThat(netmagic.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(netmagic.reason()).isEqualTo("netmagicd (pid 4242) listens on 1196/tcp, which is assigned to netmagic "
                + "(its product was discontinued), and netmagicd serves netmagic.");
        Listener pop2d = Verdicts.judge(s109, process("pop2d", null, "pop2d"), Verdicts.Hidden.GONE, "", pop2, catalog);
        assertThat(pop2d.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(pop2d.reason()).isEqualTo("pop2d (pid 4242) listens on 109/tcp, which is assigned to pop2 "
                + "(a historic protocol), and pop2d serves pop2.");
        Listener nc = Verdicts.judge(s109, process("nc", null, "nc"), Verdicts.Hidden.GONE, "", pop2, catalog);
        assertThat(nc.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(nc.reason()).isEqualTo("nc (pid 4242) listens on 109/tcp; 109 is assigned to pop2, a protocol no longer "
                + "in use, and nc is no known use of it.");
    }

    @Test
    void aReasonNamesAtMostFivePrograms() throws Exception {
        ProcessInfo nc = process("nc", null, "nc");
        FixtureCatalog five = new FixtureCatalog().service(ACTIVE_NAME, "d1", "d2", "d3", "d4", "d5");
        assertThat(Verdicts.judge(socket(22, "0.0.0.0"), nc, Verdicts.Hidden.GONE, "", ACTIVE, five).reason())
                .isEqualTo("nc (pid 4242) listens on 22/tcp; 22 is assigned to ssh, served by d1, d2, d3, d4 or d5, "
                        + "and nc is no known use of it.");
        FixtureCatalog seven = new FixtureCatalog().service(ACTIVE_NAME, "d1", "d2", "d3", "d4", "d5", "d6", "d7");
        assertThat(Verdicts.judge(socket(22, "0.0.0.0"), nc, Verdicts.Hidden.GONE, "", ACTIVE, seven).reason())
                .isEqualTo("nc (pid 4242) listens on 22/tcp; 22 is assigned to ssh, served by d1, d2, d3, d4, d5 or 2 more, "
                        + "and nc is no known use of it.");
    }

    @Test
    void worstFirstOrdersEqualVerdictsByTransportPortAndAddress() throws Exception {
        InetAddress any = InetAddress.getByAddress(new byte[4]);
        InetAddress lan = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
        PortInfo other = REGISTRY.get(9464);
        Listener udp7443 = Verdicts.judge(new ListeningSocket(Transport.UDP, any, 7443, 0, 1), process("nc", null, "nc"),
                Verdicts.Hidden.GONE, "", NOTHING, CATALOG);
        Listener tcp9464 = Verdicts.judge(new ListeningSocket(TCP, any, 9464, 0, 2), process("nc", null, "nc"),
                Verdicts.Hidden.GONE, "", other, CATALOG);
        Listener tcp7443Lan = Verdicts.judge(new ListeningSocket(TCP, lan, 7443, 0, 3), process("nc", null, "nc"),
                Verdicts.Hidden.GONE, "", NOTHING, CATALOG);
        Listener tcp7443Any = Verdicts.judge(new ListeningSocket(TCP, any, 7443, 0, 4), process("nc", null, "nc"),
                Verdicts.Hidden.GONE, "", NOTHING, CATALOG);
        assertThat(List.of(udp7443, tcp9464, tcp7443Lan, tcp7443Any)).extracting(Listener::verdict).containsOnly(Verdict.UNEXPECTED);
        List<Listener> sorted = new java.util.ArrayList<>(List.of(udp7443, tcp9464, tcp7443Lan, tcp7443Any));
        sorted.sort(Listener.worstFirst());
        assertThat(sorted).containsExactly(tcp7443Any, tcp7443Lan, tcp9464, udp7443);
    }

    @Test
    void worstFirstPutsSuspiciousFirstAndLoopbackAfterReachable() throws Exception {
        Listener expected = judge(ACTIVE, process("goodd", null, "goodd"));
        Listener suspicious = judge(MALWARE, process("nc", null, "nc"));
        Listener unexpected = judge(NOTHING, process("nc", null, "nc"));
        Listener unexpectedLoopback = Verdicts.judge(socket(NOTHING.port(), "127.0.0.1"), process("nc", null, "nc"),
                Verdicts.Hidden.GONE, "", NOTHING, CATALOG);
        Listener unknown = Verdicts.judge(socket(ACTIVE.port(), "0.0.0.0"), null, Verdicts.Hidden.GONE, "", ACTIVE, CATALOG);
        List<Listener> sorted = new java.util.ArrayList<>(List.of(expected, unexpectedLoopback, unknown, unexpected, suspicious));
        sorted.sort(Listener.worstFirst());
        assertThat(sorted).containsExactly(suspicious, unexpected, unexpectedLoopback, unknown, expected);
        assertThat(Verdict.SUSPICIOUS.needsAttention()).isTrue();
        assertThat(Verdict.UNKNOWN.needsAttention()).isFalse();
    }
}
