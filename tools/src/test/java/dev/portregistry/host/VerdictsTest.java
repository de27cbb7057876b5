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
        assertThat(l.process()).isPresent();
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
