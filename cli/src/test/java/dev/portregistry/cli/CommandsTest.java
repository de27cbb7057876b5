package dev.portregistry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.host.TinyListeners;
import dev.portregistry.nmap.PortPopularity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The subcommands, --json, --overlay and Nmap data, through Main.run as a user would type them, on the
 * frozen fixture table (--table; test-fixtures/data/README.md lists its facts), so that what they say
 * about ports is the fixture's and a refresh of the bundled data changes none of it. CliBundledDataTest
 * holds the checks of real ports, which follow the data.
 */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The fixture's tombstone: netmagic, ABANDONED (Network Magic, discontinued 2012), over TCP and UDP,
     * with OpenVPN (program openvpn) as an unofficial use and no malware.
     */
    private static final int TOMBSTONE = 1196;
    /** Nothing at all in the fixture: the port the overlay tests assign. */
    private static final int FREE = 7443;
    private static final String NMAP = """
            # test data in the nmap-services format, made up for these tests
            alpha\t80/tcp\t0.400000\t# most often open
            beta\t443/tcp\t0.200000
            gamma\t53/udp\t0.300000
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path table;

    @BeforeEach
    void writeTable() throws IOException {
        table = FixtureTableFile.write(dir);
    }

    /** The command as typed, on the fixture table. */
    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--table";
        all[1] = table.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(out.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    // ------------------------------------------------------------------ lookups and JSON

    @Test
    void anUnknownNameAsJsonHasNoPortsAndExitsNotFound() throws IOException {
        assertThat(run("--json", "no-such-service-xyz")).isEqualTo(Main.NOT_FOUND);
        assertThat(json().get("service").asText()).isEqualTo("no-such-service-xyz");
        assertThat(json().get("ports").size()).isZero();
    }

    @Test
    void theLookupCommandAnswersLikeTheBareForm() {
        assertThat(run("lookup", String.valueOf(TOMBSTONE), "--no-nmap")).isZero();
        String viaCommand = out.toString();
        assertThat(viaCommand).startsWith("Port 1196  REGISTERED (1024-49151)  ABANDONED").contains("netmagic", "OpenVPN");
        out.getBuffer().setLength(0);
        assertThat(run(String.valueOf(TOMBSTONE), "--no-nmap")).isZero();
        assertThat(viaCommand).isEqualTo(out.toString());
        out.getBuffer().setLength(0);
        // the fixture has no service named check: the name is looked up, not run as the command
        assertThat(run("lookup", "check")).as("a name that is also a command").isEqualTo(Main.NOT_FOUND);
        assertThat(out.toString()).isEqualTo("No port known for service \"check\".\n");
        assertThat(err.toString()).isEmpty();
    }

    // ------------------------------------------------------------------ overlays

    @Test
    void aServicesOverlayMakesLocalServicesKnown() throws IOException {
        assertThat(run("billing")).as("unknown without the overlay").isEqualTo(Main.NOT_FOUND);
        out.getBuffer().setLength(0);
        Path services = file("services.local", "billing " + FREE + "/tcp invoices # our billing service\n");
        assertThat(run("--overlay", services.toString(), "billing")).isZero();
        assertThat(out.toString()).contains("7443", "local: tcp");
        out.getBuffer().setLength(0);
        assertThat(run("--overlay", services.toString(), "invoices")).isZero();
        assertThat(out.toString()).contains("7443", "local name: billing");
        out.getBuffer().setLength(0);
        assertThat(run("7443", "--overlay", services.toString())).isZero();
        assertThat(out.toString()).contains("Locally it is assigned to billing (our billing service) over TCP",
                "billing", "LOCAL");
    }

    @Test
    void aJsonOverlayIsReadByItsExtension() throws IOException {
        assertThat(run("check", String.valueOf(FREE), "--no-nmap")).as("clear without the overlay").isZero();
        out.getBuffer().setLength(0);
        Path json = file("ops.json", """
                {"assignments": [{"name": "billing", "ports": [7443], "transports": ["tcp"]}]}
                """);
        assertThat(run("check", String.valueOf(FREE), "--no-nmap", "--overlay", json.toString())).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).contains("Port 7443 has 1 conflict:")
                .containsPattern("LOCAL_ASSIGNMENT +.*assigned locally to billing over TCP");
    }

    @Test
    void aBadOverlayNamesFileAndLineAndIsAUsageError() throws IOException {
        Path services = file("bad.services", "# ours\nbilling 7443/tpc\n");
        assertThat(run("--overlay", services.toString(), "7443")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains(services + ":2: unknown transport \"tpc\": expected tcp, udp, sctp or dccp");
        err.getBuffer().setLength(0);
        assertThat(run("--overlay", dir.resolve("missing").toString(), "7443")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("overlay file " + dir.resolve("missing") + " does not exist");
    }

    // ------------------------------------------------------------------ listening

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    @Test
    void listeningShowsARealSocketWithItsProcessVerdictAndReason() throws IOException {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc/net");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            long pid = ProcessHandle.current().pid();
            assertThat(run("listening")).isZero();
            assertThat(out.toString()).contains("listening sockets, worst first").containsPattern(
                    "[A-Z]+ +tcp +127\\.0\\.0\\.1:" + port + " +local +" + pid + "/")
                    .contains("(pid " + pid + ") listens on " + port + "/tcp");
            out.getBuffer().setLength(0);

            assertThat(run("listening", "--json")).isZero();
            List<JsonNode> mine = new ArrayList<>();
            json().forEach(l -> {
                if (l.get("socket").get("port").asInt() == port && l.get("socket").get("transport").asText().equals("TCP")) {
                    mine.add(l);
                }
            });
            assertThat(mine).singleElement().satisfies(l -> {
                assertThat(l.get("socket").get("address").asText()).isEqualTo("127.0.0.1");
                assertThat(l.get("process").get("pid").asLong()).isEqualTo(pid);
                assertThat(l.get("verdict").asText()).isIn("PLAUSIBLE", "UNEXPECTED", "SUSPICIOUS");
                assertThat(l.get("loopbackOnly").asBoolean()).isTrue();
                assertThat(l.get("reason").asText()).contains("(pid " + pid + ") listens on " + port + "/tcp");
                assertThat(l.get("info").get("summary").asText()).startsWith("Port " + port);
            });
        }
    }

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    @Test
    void listeningSaysWhatALocalServiceIs() throws IOException {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc/net");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();
            Path services = file("services.local", "my-test-app " + port + "/tcp # the app under test\n");
            assertThat(run("--overlay", services.toString(), "listening", "--brief")).isZero();
            assertThat(out.toString()).containsPattern("PLAUSIBLE +tcp +127\\.0\\.0\\.1:" + port + " +local")
                    .doesNotContain("which your overlay assigns");
            out.getBuffer().setLength(0);
            assertThat(run("--overlay", services.toString(), "listening")).isZero();
            assertThat(out.toString()).contains("listens on " + port + "/tcp, which your overlay assigns to my-test-app; "
                    + "which program serves my-test-app is not known.");
        }
    }

    @Test
    void listeningOffLinuxSaysSoWithItsOwnExitCode() {
        String os = System.getProperty("os.name");
        System.setProperty("os.name", "Windows 11");
        try {
            assertThat(run("listening")).isEqualTo(Main.UNSUPPORTED);
            assertThat(err.toString()).contains("supported on Linux only").contains("\"Windows 11\"");
        } finally {
            System.setProperty("os.name", os);
        }
    }

    /**
     * The README's case: on the tombstone, openvpn (a known use of it) is plausible and nc is not;
     * --unexpected shows nc only and exits with its own code.
     */
    @Test
    void listeningUnexpectedShowsARealNcOnAnAbandonedPortAndExitsWithItsCode(@TempDir Path bin) throws Exception {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc");
        Optional<TinyListeners> tiny = TinyListeners.compile(bin);
        assumeTrue(tiny.isPresent(), "needs gcc to build the tiny listener");
        int port = TOMBSTONE;
        try (TinyListeners children = tiny.get()) {
            Optional<TinyListeners.Child> nc = children.start("nc", "127.0.0.31", port, "tcp");
            assumeTrue(nc.isPresent(), "127.0.0.31:" + port + " is taken");
            Optional<TinyListeners.Child> openvpn = children.start("openvpn", "127.0.0.32", port, "tcp");
            assumeTrue(openvpn.isPresent(), "127.0.0.32:" + port + " is taken");
            long pid = nc.get().pid();
            long vpn = openvpn.get().pid();

            assertThat(run("listening", "--unexpected")).isEqualTo(ListeningCommand.ATTENTION);
            assertThat(out.toString()).containsPattern("UNEXPECTED +tcp +127\\.0\\.0\\.31:" + port + " +local +" + pid + "/nc")
                    .contains("nc (pid " + pid + ") listens on " + port + "/tcp; " + port + " is assigned to netmagic, "
                            + "whose product was discontinued and commonly used by OpenVPN, and nc is no known use of it.")
                    .doesNotContain(vpn + "/openvpn")
                    .doesNotContainPattern("(?m)^  (EXPECTED|PLAUSIBLE|UNKNOWN) ");
            out.getBuffer().setLength(0);

            assertThat(run("listening")).isZero();
            assertThat(out.toString()).containsPattern("PLAUSIBLE +tcp +127\\.0\\.0\\.32:" + port + " +local +" + vpn + "/openvpn")
                    .contains("openvpn (pid " + vpn + ") listens on " + port + "/tcp; ")
                    .contains("openvpn runs OpenVPN, a known alternate use of it.");
            out.getBuffer().setLength(0);

            assertThat(run("listening", "--unexpected", "--json")).isEqualTo(ListeningCommand.ATTENTION);
            List<JsonNode> all = new ArrayList<>();
            json().forEach(all::add);
            assertThat(all).allSatisfy(l -> assertThat(l.get("verdict").asText()).isIn("UNEXPECTED", "SUSPICIOUS"));
            assertThat(all).noneSatisfy(l -> assertThat(l.get("process").get("pid").asLong()).isEqualTo(vpn));
            assertThat(all).anySatisfy(l -> {
                assertThat(l.get("process").get("pid").asLong()).isEqualTo(pid);
                assertThat(l.get("process").get("commandName").asText()).isEqualTo("nc");
                assertThat(l.get("process").get("executable").asText()).isEqualTo(bin.resolve("nc").toRealPath().toString());
                assertThat(l.get("info").get("status").asText()).isEqualTo("ABANDONED");
            });
        }
        out.getBuffer().setLength(0);
        assertThat(run("listening", "--json")).isZero();
        List<String> order = new ArrayList<>();
        json().forEach(l -> order.add(l.get("verdict").asText()));
        List<String> worstFirst = new ArrayList<>(order);
        worstFirst.sort(java.util.Comparator.comparingInt(v -> -dev.portregistry.host.Verdict.valueOf(v).severity()));
        assertThat(order).as("worst first").isEqualTo(worstFirst);
    }

    // ------------------------------------------------------------------ choosing a port

    @Test
    void suggestGivesTheLowestFreePortsOrTheNearestOnes() throws IOException {
        // the fixture has nothing from 1024 to 1028: the lowest free ports from 1024 are those
        assertThat(run("suggest", "--no-nmap", "--json")).isZero();
        List<Integer> ports = new ArrayList<>();
        json().forEach(p -> ports.add(p.asInt()));
        assertThat(ports).containsExactly(1024, 1025, 1026, 1027, 1028);
        out.getBuffer().setLength(0);

        // 8443 is pcsync-https: its free neighbours, nearest first, the lower of two at the same distance first
        assertThat(run("suggest", "--near", "8443", "-n", "3", "--no-nmap")).isZero();
        assertThat(out.toString()).isEqualTo("""
                Free ports for a new service near 8443:
                  8442
                  8444
                  8441
                Check one before you settle on it: portregistry check PORT
                """);
        out.getBuffer().setLength(0);

        // a free port is its own nearest; an overlay's port counts as taken
        assertThat(run("suggest", "--near", String.valueOf(FREE), "-n", "1", "--no-nmap")).isZero();
        assertThat(out.toString()).contains("  " + FREE + "\n");
        out.getBuffer().setLength(0);
        Path services = file("services.local", "billing " + FREE + "/tcp\n");
        assertThat(run("suggest", "--near", String.valueOf(FREE), "-n", "1", "--no-nmap", "--overlay", services.toString()))
                .isZero();
        assertThat(out.toString()).contains("  " + (FREE - 1) + "\n").doesNotContain("  " + FREE + "\n");
    }

    @Test
    void suggestAvoidsPortsNmapFindsOpen() throws IOException {
        Path nmap = file("nmap-services", "x 1024/tcp 0.01\n");
        assertThat(run("suggest", "-n", "1", "--nmap-services", nmap.toString())).isZero();
        assertThat(out.toString()).contains("avoiding ports Nmap finds open (" + nmap + ")")
                .contains("  1025\n").doesNotContain("  1024\n");
    }

    @Test
    void badNumbersAreUsageErrorsThatNameTheValue() {
        assertThat(run("check", "70000")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("70000", "0..65535");
        err.getBuffer().setLength(0);
        assertThat(run("check", "https")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("\"https\"", "0..65535");
        err.getBuffer().setLength(0);
        assertThat(run("suggest", "-n", "0")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("count 0", "1..1000");
    }

    // ------------------------------------------------------------------ popularity

    @Test
    void topListsTheMostOftenOpenPortsWithTheirIanaNames() throws IOException {
        Path nmap = file("nmap-services", NMAP);
        assertThat(run("top", "2", "--nmap-services", nmap.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("Top 2 ports by open frequency (" + nmap + ")");
        // Nmap's name beside the fixture's status and IANA names: http, www and www-http on 80/tcp
        assertThat(text).containsPattern("(?m)^ +1\\. +80/tcp +0\\.400000 +alpha +ACTIVE +http, www, www-http$")
                .containsPattern("(?m)^ +2\\. +53/udp +0\\.300000 +gamma +ACTIVE +domain$")
                .doesNotContain("443/tcp");
        out.getBuffer().setLength(0);

        assertThat(run("top", "--transport", "UDP", "--json", "--nmap-services", nmap.toString())).isZero();
        assertThat(json()).hasSize(1);
        assertThat(json().get(0).get("port").asInt()).isEqualTo(53);
        assertThat(json().get(0).get("frequency").asDouble()).isEqualTo(0.3);
    }

    @Test
    void topExplainsMissingOrBadNmapData() throws IOException {
        assertThat(run("top", "--nmap-services", dir.resolve("none").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("nmap-services file " + dir.resolve("none") + " does not exist");
        err.getBuffer().setLength(0);
        Path bad = file("nmap-services", "http 80/tcp lots\n");
        assertThat(run("top", "--nmap-services", bad.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains(bad + ":1: frequency \"lots\" of 80/tcp is not a number from 0 to 1");
        err.getBuffer().setLength(0);
        assertThat(run("top", "--transport", "ddp", "--nmap-services", file("ok", NMAP).toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("ddp", "expected tcp, udp, sctp or dccp");
    }

    @Test
    void topWithoutNmapInstalledSaysHowToGetIt() throws IOException {
        assumeTrue(PortPopularity.fromNmap().isEmpty(), "Nmap is installed here");
        assertThat(run("top")).isEqualTo(Main.NOT_FOUND);
        assertThat(err.toString()).contains("/usr/share/nmap/nmap-services", "nmap-common", "--nmap-services");
    }

    @Test
    void aPortLookupAddsNmapsFrequencyWhenGiven() throws IOException {
        Path nmap = file("nmap-services", NMAP);
        assertThat(run("80", "--nmap-services", nmap.toString())).isZero();
        assertThat(out.toString()).contains("Popularity (Nmap, " + nmap + "): tcp alpha open frequency 0.4");
        out.getBuffer().setLength(0);
        assertThat(run("81", "--nmap-services", nmap.toString())).isZero();
        assertThat(out.toString()).contains("): not listed");
    }
}
