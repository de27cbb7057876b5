package dev.portregistry.host;

import dev.portregistry.RegistryFormatException;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The socket-table parser on fixture text, and the real tables of this machine. */
class ListeningSocketsTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    /** A /proc/net/tcp as a little-endian machine (x86, ARM) writes it. */
    private static final String TCP_LE = HEADER
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0\n"
            + "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 17 1 0000000000000000 100 0 0 10 0\n"
            + "   2: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0000000000000000 20 4 30 10 -1\n";

    /** A /proc/net/tcp6 of the same machine: each 32-bit word of the address is little-endian. */
    private static final String TCP6_LE = HEADER
            + "   0: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 5151 1 0000000000000000 100 0 0 10 0\n"
            + "   1: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18 1 0000000000000000 100 0 0 10 0\n"
            + "   2: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000    33        0 19 1 0000000000000000 100 0 0 10 0\n";

    /** A /proc/net/udp: a bound server (07) and a connected client (01). */
    private static final String UDP_LE = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              100: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 777 2 0000000000000000 0
              101: 0100007F:E0F1 0100007F:0035 01 00000000:00000000 00:00000000 00000000  1000        0 778 2 0000000000000000 0
            """;

    private static InetAddress ip(String text) throws IOException {
        return InetAddress.getByName(text);
    }

    @Test
    void tcpKeepsListenersOnlyAndReadsLittleEndianAddresses() throws IOException {
        List<ListeningSocket> sockets = ListeningSockets.parse(TCP_LE, Transport.TCP, "tcp", ByteOrder.LITTLE_ENDIAN);
        assertThat(sockets).containsExactly(
                new ListeningSocket(Transport.TCP, ip("127.0.0.1"), 8080, 1000, 4242),
                new ListeningSocket(Transport.TCP, ip("0.0.0.0"), 22, 0, 17));
        assertThat(sockets.get(0).endpoint()).isEqualTo("127.0.0.1:8080");
        assertThat(sockets.get(0).isLoopback()).isTrue();
        assertThat(sockets.get(0).isWildcard()).isFalse();
        assertThat(sockets.get(1).isWildcard()).isTrue();
        assertThat(sockets.get(1).isLoopback()).isFalse();
    }

    @Test
    void thePublicParserReadsThisMachinesTable() throws IOException {
        // a wildcard address is the same in every byte order
        String tcp = HEADER + "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 17 1 0000000000000000 100 0 0 10 0\n";
        assertThat(ListeningSockets.parse(tcp, Transport.TCP, "tcp"))
                .containsExactly(new ListeningSocket(Transport.TCP, ip("0.0.0.0"), 22, 0, 17));
    }

    @Test
    void aUidIsReadOverItsWholeUnsignedRange() throws IOException {
        String max = HEADER + "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 4294967295 0 17 1 0 100 0 0 10 0\n";
        assertThat(ListeningSockets.parse(max, Transport.TCP, "tcp", ByteOrder.LITTLE_ENDIAN)).extracting(ListeningSocket::uid)
                .containsExactly(4_294_967_295L);
        assertThat(ListeningSockets.parse(max.replace("4294967295", "2147483648"), Transport.TCP, "tcp", ByteOrder.LITTLE_ENDIAN))
                .as("above int's range, as a user namespace's ids may be").extracting(ListeningSocket::uid)
                .containsExactly(2_147_483_648L);
        assertThatThrownBy(() -> ListeningSockets.parse(max.replace("4294967295", "4294967296"), Transport.TCP, "tcp",
                ByteOrder.LITTLE_ENDIAN)).isInstanceOfSatisfying(RegistryFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("tcp:2: uid 4294967296 is out of range: expected 0..4294967295");
    }

    @Test
    void tcp6WordsAreEachInTheMachinesByteOrder() throws IOException {
        List<ListeningSocket> sockets = ListeningSockets.parse(TCP6_LE, Transport.TCP, "tcp6", ByteOrder.LITTLE_ENDIAN);
        assertThat(sockets).extracting(ListeningSocket::endpoint)
                .containsExactly("[::1]:8081", "[::]:22", "[2001:db8::1]:443");
        assertThat(sockets.get(2).address()).isEqualTo(ip("2001:db8::1"));
        assertThat(sockets.get(2).uid()).isEqualTo(33);
    }

    @Test
    void aBigEndianMachinePrintsTheAddressInNetworkOrder() throws IOException {
        String tcp = HEADER + "   0: 7F000001:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0 0 1 1 0 100 0 0 10 0\n";
        String tcp6 = HEADER + "   0: 20010DB8000000000000000000000001:01BB 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000  0 0 2 1 0 100 0 0 10 0\n";
        assertThat(ListeningSockets.parse(tcp, Transport.TCP, "tcp", ByteOrder.BIG_ENDIAN))
                .extracting(ListeningSocket::address).containsExactly(ip("127.0.0.1"));
        assertThat(ListeningSockets.parse(tcp6, Transport.TCP, "tcp6", ByteOrder.BIG_ENDIAN))
                .extracting(ListeningSocket::address).containsExactly(ip("2001:db8::1"));
    }

    @Test
    void udpKeepsBoundUnconnectedSocketsOnly() throws IOException {
        assertThat(ListeningSockets.parse(UDP_LE, Transport.UDP, "udp", ByteOrder.LITTLE_ENDIAN))
                .containsExactly(new ListeningSocket(Transport.UDP, ip("0.0.0.0"), 53, 101, 777));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0: 0100007F:1F90 00000000:0000 0A 0:0 0:0 0 1000             | tcp:2: expected \"sl: local_address rem_address st ... uid timeout inode\"",
            "0: 0100007F1F90 00000000:0000 0A 0:0 0:0 0 1000 0 1          | tcp:2: local address \"0100007F1F90\" is not ADDRESS:PORT in hex",
            "0: 01007F:1F90 00000000:0000 0A 0:0 0:0 0 1000 0 1           | tcp:2: address \"01007F\" has 6 hex digits: expected 8 (IPv4) or 32 (IPv6)",
            "0: :1F90 00000000:0000 0A 0:0 0:0 0 1000 0 1                 | tcp:2: address \"\" has 0 hex digits: expected 8 (IPv4) or 32 (IPv6)",
            "0: 0100007G:1F90 00000000:0000 0A 0:0 0:0 0 1000 0 1         | tcp:2: address \"0100007G\" is not hexadecimal",
            "0: 0100007F:1F9 00000000:0000 0A 0:0 0:0 0 1000 0 1          | tcp:2: port \"1F9\" is not 4 hex digits",
            "0: 0100007F:1F90 00000000:0000 A 0:0 0:0 0 1000 0 1          | tcp:2: state \"A\" is not 2 hex digits",
            "0: 0100007F:1F90 00000000:0000 0A 0:0 0:0 0 -1 0 1           | tcp:2: uid \"-1\" is not a decimal number",
            "0: 0100007F:1F90 00000000:0000 0A 0:0 0:0 0 1000 0 x         | tcp:2: inode \"x\" is not a decimal number",
    })
    void aLineOutOfFormatIsNamedWithItsLine(String line, String message) {
        assertThatThrownBy(() -> ListeningSockets.parse(HEADER + line + "\n", Transport.TCP, "tcp", ByteOrder.LITTLE_ENDIAN))
                .isInstanceOfSatisfying(RegistryFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageStartingWith(message);
    }

    @Test
    void aTableWithoutItsHeaderOrOfAnotherTransportIsRejected() {
        assertThatThrownBy(() -> ListeningSockets.parse("0: 0100007F:1F90", Transport.TCP, "tcp"))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("tcp:1: expected the header line starting with \"sl\", found \"0: 0100007F:1F90\"");
        assertThatThrownBy(() -> ListeningSockets.parse(HEADER, Transport.SCTP, "sctp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCTP").hasMessageContaining("TCP or UDP");
    }

    @Test
    void otherSystemsAreToldTheyAreNotSupported(@TempDir Path dir) {
        assertThatThrownBy(() -> ListeningSockets.list("Mac OS X", dir, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Linux only").hasMessageContaining("\"Mac OS X\"");
        assertThatThrownBy(() -> ListeningSockets.list("Windows 11", dir, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("Windows 11");
        assertThatThrownBy(() -> ListeningSockets.list("Linux", dir, ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(dir.resolve("tcp").toString()).hasMessageContaining("does not exist");
    }

    @Test
    void offLinuxTheMachineIsNotReadAndIsSupportedSaysSoBeforehand() {
        String os = System.getProperty("os.name");
        System.setProperty("os.name", "Mac OS X");
        try {
            assertThat(ListeningSockets.isSupported()).isFalse();
            assertThatThrownBy(ListeningSockets::list).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("Linux only").hasMessageContaining("\"Mac OS X\"");
            assertThatThrownBy(() -> ListeningSockets.listeners(FixtureRegistry.FIXTURE))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("\"Mac OS X\"");
        } finally {
            System.setProperty("os.name", os);
        }
    }

    @Test
    void theOwnerOfAHiddenSocketIsNamedFromThePasswdFile(@TempDir Path dir) throws IOException {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, """
                root:x:0:0:root:/root:/bin/bash
                broken:x
                alice:x:1000:112:Alice:/home/alice:/bin/bash
                postgres:x:112:120:PostgreSQL administrator:/var/lib/postgresql:/bin/bash
                """);
        assertThat(ListeningSockets.userName(112, passwd)).as("the uid is the third field, after a line cut short")
                .isEqualTo("user postgres (uid 112)");
        assertThat(ListeningSockets.userName(0, passwd)).isEqualTo("user root (uid 0)");
        assertThat(ListeningSockets.userName(4242, passwd)).as("not in the file").isEqualTo("uid 4242");
        assertThat(ListeningSockets.userName(112, dir.resolve("missing"))).as("no file").isEqualTo("uid 112");
    }

    @Test
    void aMachineWithoutIpv6TablesListsItsIpv4Sockets(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tcp"), TCP_LE);
        Files.writeString(dir.resolve("udp"), UDP_LE);
        assertThat(ListeningSockets.list("Linux", dir, ByteOrder.LITTLE_ENDIAN)).extracting(ListeningSocket::endpoint)
                .containsExactly("0.0.0.0:22", "127.0.0.1:8080", "0.0.0.0:53");
        Files.writeString(dir.resolve("tcp6"), TCP6_LE);
        assertThat(ListeningSockets.list("Linux", dir, ByteOrder.LITTLE_ENDIAN)).extracting(ListeningSocket::endpoint)
                .containsExactly("0.0.0.0:22", "[::]:22", "[2001:db8::1]:443", "127.0.0.1:8080", "[::1]:8081", "0.0.0.0:53");
    }

    @ParameterizedTest
    @CsvSource({"::,0:0:0:0:0:0:0:0", "::1,0:0:0:0:0:0:0:1", "2001:db8::1,2001:db8:0:0:0:0:0:1",
            "2001:db8:0:1:1:1:1:1,2001:db8:0:1:1:1:1:1", "2001:0:0:1::1,2001:0:0:1:0:0:0:1",
            "1::1:0:0:1:1,1:0:0:1:0:0:1:1", "fe80::,fe80:0:0:0:0:0:0:0", "1::,1:0:0:0:0:0:0:0", "0:1:2:3:4:5:6:7,0:1:2:3:4:5:6:7"})
    void ipv6IsWrittenInItsShortestForm(String expected, String full) throws IOException {
        assertThat(ListeningSocket.ipv6Text(InetAddress.getByName(full).getAddress())).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ this machine

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return Files.exists(Path.of("/proc/net/tcp6"));
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    @Test
    void realListenersOnThisMachineAreFoundWithTransportAddressAndPort() throws IOException {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc/net");
        InetAddress v4 = InetAddress.getByName("127.0.0.1");
        boolean v6 = ipv6Loopback();
        InetAddress v6Address = InetAddress.getByName("::1");
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        try (ServerSocket tcp4 = new ServerSocket(0, 5, v4);
             ServerSocket tcp6 = v6 ? new ServerSocket(0, 5, v6Address) : null;
             DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(v4, 0));
             DatagramChannel udp6 = v6 ? DatagramChannel.open(StandardProtocolFamily.INET6)
                     .bind(new InetSocketAddress(v6Address, 0)) : null;
             Socket client = new Socket(v4, tcp4.getLocalPort());
             DatagramChannel connectedUdp = DatagramChannel.open(StandardProtocolFamily.INET)
                     .bind(new InetSocketAddress(v4, 0)).connect(udp4.getLocalAddress())) {
            List<ListeningSocket> sockets = ListeningSockets.list();

            assertThat(sockets).anySatisfy(s -> assertSocket(s, Transport.TCP, v4, tcp4.getLocalPort(), uid));
            assertThat(sockets).anySatisfy(s -> assertSocket(s, Transport.UDP, v4,
                    ((InetSocketAddress) udp4.getLocalAddress()).getPort(), uid));
            if (v6) {
                assertThat(sockets).anySatisfy(s -> assertSocket(s, Transport.TCP, v6Address, tcp6.getLocalPort(), uid));
                assertThat(sockets).anySatisfy(s -> assertSocket(s, Transport.UDP, v6Address,
                        ((InetSocketAddress) udp6.getLocalAddress()).getPort(), uid));
            }
            int clientPort = client.getLocalPort();
            int connectedPort = ((InetSocketAddress) connectedUdp.getLocalAddress()).getPort();
            assertThat(sockets).as("an established connection and a connected UDP socket do not listen")
                    .noneMatch(s -> s.transport() == Transport.TCP && s.port() == clientPort && s.address().equals(v4))
                    .noneMatch(s -> s.transport() == Transport.UDP && s.port() == connectedPort);
            assertThat(sockets).isSortedAccordingTo((a, b) -> a.transport() != b.transport()
                    ? a.transport().compareTo(b.transport()) : Integer.compare(a.port(), b.port()));
        }
    }

    private static void assertSocket(ListeningSocket s, Transport transport, InetAddress address, int port, long uid) {
        assertThat(s.transport()).isEqualTo(transport);
        assertThat(s.address()).isEqualTo(address);
        assertThat(s.port()).isEqualTo(port);
        assertThat(s.uid()).isEqualTo(uid);
        assertThat(s.inode()).isPositive();
    }

    @Test
    void recordsRejectBadValues() throws IOException {
        InetAddress any = ip("0.0.0.0");
        assertThatThrownBy(() -> new ListeningSocket(Transport.TCP, any, 65536, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536").hasMessageContaining("0..65535");
        assertThatThrownBy(() -> new ListeningSocket(Transport.TCP, any, 1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uid -1");
        assertThatThrownBy(() -> new ListeningSocket(Transport.TCP, null, 1, 0, 0)).isInstanceOf(NullPointerException.class);
    }
}
