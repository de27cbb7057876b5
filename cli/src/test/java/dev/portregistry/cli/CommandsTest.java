package dev.portregistry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.host.TinyListeners;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
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
 * The subcommands, --json, --overlay and Nmap data, through Main.run as a user would type them. The CLI
 * always reads the bundled registry, so these tests assert no fact of its data: they compare with what
 * the registry answers, or use ports the overlay defines. CliBundledDataTest holds the checks of real
 * ports (1196, OpenVPN), which follow the data.
 */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
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
        assertThat(json().get("ports").size()).isZero();
    }

    @Test
    void theLookupCommandAnswersLikeTheBareForm() {
        assertThat(run("lookup", "1196")).isZero();
        String viaCommand = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("1196")).isZero();
        assertThat(viaCommand).isEqualTo(out.toString());
        assertThat(run("lookup", "check")).as("a name that is also a command").isIn(0, Main.NOT_FOUND);
        assertThat(err.toString()).isEmpty();
    }

    // ------------------------------------------------------------------ overlays

    @Test
    void aServicesOverlayMakesLocalServicesKnown() throws IOException {
        Path services = file("services.local", "billing 7443/tcp invoices # our billing service\n");
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
        Path json = file("ops.json", """
                {"assignments": [{"name": "billing", "ports": [7443], "transports": ["tcp"]}]}
                """);
        assertThat(run("check", "7443", "--overlay", json.toString())).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).contains("LOCAL_ASSIGNMENT", "assigned locally to billing over TCP");
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

    @Test
    void listeningUnexpectedShowsARealNcOnAnAbandonedPortAndExitsWithItsCode(@TempDir Path bin) throws Exception {
        assumeTrue(ListeningSockets.isSupported(), "needs Linux with /proc");
        Optional<TinyListeners> tiny = TinyListeners.compile(bin);
        assumeTrue(tiny.isPresent(), "needs gcc to build the tiny listener");
        PortRegistry registry = PortRegistry.bundled();
        // an abandoned assignment and a known alternate use, nothing of malware, on TCP (1196 today)
        int port = java.util.stream.IntStream.rangeClosed(1025, 32767).filter(p -> {
            PortInfo i = registry.get(p);
            return i.status() == dev.portregistry.LifecycleStatus.ABANDONED
                    && i.assignmentsFor(Transport.TCP).stream().allMatch(a -> a.status() == dev.portregistry.LifecycleStatus.ABANDONED)
                    && !i.assignmentsFor(Transport.TCP).isEmpty()
                    && i.alternateUses().stream().anyMatch(u -> u.transports().contains(Transport.TCP))
                    && i.alternateUses(dev.portregistry.UseKind.MALWARE).isEmpty();
        }).findFirst().orElseThrow();
        try (TinyListeners children = tiny.get()) {
            Optional<TinyListeners.Child> nc = children.start("nc", "127.0.0.31", port, "tcp");
            assumeTrue(nc.isPresent(), "127.0.0.31:" + port + " is taken");
            long pid = nc.get().pid();

            assertThat(run("listening", "--unexpected")).isEqualTo(ListeningCommand.ATTENTION);
            assertThat(out.toString()).containsPattern("UNEXPECTED +tcp +127\\.0\\.0\\.31:" + port + " +local +" + pid + "/nc")
                    .contains("nc (pid " + pid + ") listens on " + port + "/tcp; " + port + " is assigned to ")
                    .contains("whose product was discontinued").contains(", and nc is no known use of it.")
                    .doesNotContainPattern("(?m)^  (EXPECTED|PLAUSIBLE|UNKNOWN) ");
            out.getBuffer().setLength(0);

            assertThat(run("listening", "--unexpected", "--json")).isEqualTo(ListeningCommand.ATTENTION);
            List<JsonNode> all = new ArrayList<>();
            json().forEach(all::add);
            assertThat(all).allSatisfy(l -> assertThat(l.get("verdict").asText()).isIn("UNEXPECTED", "SUSPICIOUS"));
            assertThat(all).anySatisfy(l -> {
                assertThat(l.get("process").get("pid").asLong()).isEqualTo(pid);
                assertThat(l.get("process").get("commandName").asText()).isEqualTo("nc");
                assertThat(l.get("process").get("executable").asText()).isEqualTo(bin.resolve("nc").toRealPath().toString());
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
    void suggestGivesTheAdvisorsPorts() throws IOException {
        PortAdvisor advisor = PortAdvisor.of(PortRegistry.bundled());
        assertThat(run("suggest", "--no-nmap", "--json")).isZero();
        List<Integer> ports = new ArrayList<>();
        json().forEach(p -> ports.add(p.asInt()));
        assertThat(ports).isEqualTo(advisor.suggest(5));
        out.getBuffer().setLength(0);

        assertThat(run("suggest", "--near", "8443", "-n", "3", "--no-nmap")).isZero();
        for (int p : advisor.suggestNear(8443, 3)) {
            assertThat(out.toString()).contains("  " + p + "\n");
        }
        assertThat(out.toString()).contains("near 8443");
    }

    @Test
    void suggestAvoidsPortsNmapFindsOpen() throws IOException {
        int first = PortAdvisor.of(PortRegistry.bundled()).suggest(1).get(0);
        Path nmap = file("nmap-services", "x " + first + "/tcp 0.01\n");
        assertThat(run("suggest", "-n", "1", "--nmap-services", nmap.toString())).isZero();
        assertThat(out.toString()).contains("avoiding ports Nmap finds open (" + nmap + ")")
                .doesNotContain("  " + first + "\n");
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
        assertThat(text.indexOf("80/tcp")).isLessThan(text.indexOf("53/udp"));
        // the IANA name of 80/tcp, whatever the bundled data says it is, beside Nmap's own name
        String iana = PortRegistry.lookup(80).assignmentsFor(Transport.TCP).get(0).name();
        assertThat(text).contains(iana).doesNotContain("443/tcp");
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
