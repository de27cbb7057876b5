package dev.portregistry.host;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Guava's testers over {@code dev.portregistry.host}: every public constructor and method rejects null
 * with {@link NullPointerException} ({@link NullPointerTester}); {@link EqualsTester} over the value
 * types {@link ListeningSocket}, {@link ProcessInfo} and {@link Listener}.
 */
class HostSanityTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static ProcessInfo process(int pid) {
        return ProcessInfo.of(pid, 1000, "alice", "goodd", Path.of("/usr/sbin/goodd"), false, List.of("goodd", "-D"));
    }

    @Test
    void everyPublicMethodAndConstructorRejectsNull() throws Exception {
        ListeningSocket socket = new ListeningSocket(Transport.TCP, LOOPBACK, 80, 0, 99);
        NullPointerTester tester = new NullPointerTester()
                .setDefault(PortRegistry.class, FixtureRegistry.FIXTURE)
                .setDefault(Transport.class, Transport.TCP)
                .setDefault(InetAddress.class, LOOPBACK)
                .setDefault(String.class, "x")
                .setDefault(Path.class, Path.of("no-such-proc"));
        for (Class<?> type : List.of(ListeningSocket.class, ListeningSockets.class, Listener.class, ProcessInfo.class,
                Verdict.class)) {
            tester.testAllPublicConstructors(type);
            tester.testAllPublicStaticMethods(type);
        }
        Listener listener = new Listener(socket, process(1), Verdict.EXPECTED, "why", FixtureRegistry.FIXTURE.get(80));
        for (Object instance : List.of(socket, process(1), listener, Verdict.UNEXPECTED)) {
            tester.testAllPublicInstanceMethods(instance);
        }
    }

    @Test
    void listeningSocketEquality() throws Exception {
        InetAddress any = InetAddress.getByAddress(new byte[4]);
        new EqualsTester()
                .addEqualityGroup(new ListeningSocket(Transport.TCP, LOOPBACK, 80, 0, 99),
                        new ListeningSocket(Transport.TCP, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 80, 0, 99))
                .addEqualityGroup(new ListeningSocket(Transport.UDP, LOOPBACK, 80, 0, 99))
                .addEqualityGroup(new ListeningSocket(Transport.TCP, any, 80, 0, 99))
                .addEqualityGroup(new ListeningSocket(Transport.TCP, LOOPBACK, 81, 0, 99))
                .addEqualityGroup(new ListeningSocket(Transport.TCP, LOOPBACK, 80, 1, 99))
                .addEqualityGroup(new ListeningSocket(Transport.TCP, LOOPBACK, 80, 0, 100))
                .testEquals();
    }

    @Test
    void processInfoEquality() {
        Path exe = Path.of("/usr/sbin/goodd");
        List<String> argv = List.of("goodd", "-D");
        new EqualsTester()
                .addEqualityGroup(process(1), ProcessInfo.of(1, 1000, "alice", "goodd", exe, false, argv))
                .addEqualityGroup(process(2))
                .addEqualityGroup(ProcessInfo.of(1, 1001, "alice", "goodd", exe, false, argv))
                .addEqualityGroup(ProcessInfo.of(1, 1000, "bob", "goodd", exe, false, argv))
                .addEqualityGroup(ProcessInfo.of(1, 1000, "alice", "badd", exe, false, argv))
                .addEqualityGroup(ProcessInfo.of(1, 1000, "alice", "goodd", null, false, argv))
                .addEqualityGroup(ProcessInfo.of(1, 1000, "alice", "goodd", exe, true, argv))
                .addEqualityGroup(ProcessInfo.of(1, 1000, "alice", "goodd", exe, false, List.of("goodd")))
                .testEquals();
    }

    @Test
    void listenerEquality() {
        ListeningSocket socket = new ListeningSocket(Transport.TCP, LOOPBACK, 80, 0, 99);
        PortInfo http = FixtureRegistry.FIXTURE.get(80);
        new EqualsTester()
                .addEqualityGroup(new Listener(socket, process(1), Verdict.EXPECTED, "why", http),
                        new Listener(socket, process(1), Verdict.EXPECTED, "why", FixtureRegistry.FIXTURE.get(80)))
                .addEqualityGroup(new Listener(new ListeningSocket(Transport.UDP, LOOPBACK, 80, 0, 99), process(1),
                        Verdict.EXPECTED, "why", http))
                .addEqualityGroup(new Listener(socket, process(2), Verdict.EXPECTED, "why", http))
                .addEqualityGroup(new Listener(socket, null, Verdict.EXPECTED, "why", http))
                .addEqualityGroup(new Listener(socket, process(1), Verdict.UNEXPECTED, "why", http))
                .addEqualityGroup(new Listener(socket, process(1), Verdict.EXPECTED, "other", http))
                .addEqualityGroup(new Listener(socket, process(1), Verdict.EXPECTED, "why",
                        http.toBuilder().alternateUses(List.of()).relatedPorts(List.of(8080)).build()))
                .testEquals();
    }
}
