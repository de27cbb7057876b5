package dev.portregistry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare lookup form, its text and JSON and its exit codes, on the frozen fixture table (--table;
 * test-fixtures/data/README.md lists its facts). CliBundledDataTest runs the same form on the real data.
 */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path table;

    @BeforeEach
    void writeTable() throws IOException {
        table = FixtureTableFile.write(dir);
    }

    /** The command as typed, on the fixture table, without Nmap's data (which this machine may have). */
    private int run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--table";
        all[1] = table.toString();
        all[2] = "--no-nmap";
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    // ------------------------------------------------------------------ a port

    @Test
    void aPortPrintsItsRangeStatusSummaryAndEachKindOfDetail() {
        assertThat(run("1196")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Port 1196  REGISTERED (1024-49151)  ABANDONED");
        assertThat(lines.get(1)).startsWith("Port 1196 is a registered port (1024-49151). IANA assigns it to netmagic")
                .contains("Network Magic (Pure Networks) was discontinued in 2012")
                .contains("commonly used by OpenVPN");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "Official assignments (IANA):",
                "  netmagic         tcp,udp          ABANDONED    Network Magic",
                "      registered 2005-08",
                "Alternate uses:",
                "  OpenVPN          tcp,udp          UNOFFICIAL  official port 1194",
                "      A VPN whose extra server instances take the ports after its assigned 1194.",
                "      basis: test fixture: an unofficial use with its own official port",
                "Related ports: 1194, 1195, 1197");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void oneNameWithTwoDescriptionsIsListedOncePerDescriptionWithIanasRecord() {
        // ssh: TCP and UDP share a description, SCTP has its own, a modification date and another reference
        assertThat(run("22")).isZero();
        assertThat(out.toString().lines().toList()).containsSequence(
                "Official assignments (IANA):",
                "  ssh              tcp,udp          ACTIVE       The Secure Shell (SSH) Protocol",
                "      references: RFC 4251",
                "      IANA notes: Defined TXT keys: u=<username> p=<password>",
                "  ssh              sctp             ACTIVE       SSH",
                "      modified 2022-02-07",
                "      references: RFC 9260");
    }

    @Test
    void aReasonIsPrintedUnderItsAssignment() {
        // pop2: HISTORIC by a curated entry with its reason
        assertThat(run("109")).isZero();
        assertThat(out.toString().lines().toList()).containsSequence(
                "  pop2             tcp,udp          HISTORIC     Post Office Protocol - Version 2",
                "      RFC 937, which defined POP version 2, is classified Historic; POP3 replaced it.",
                "      references: RFC 937");
    }

    @Test
    void severalQueriesAreSeparatedByABlankLine() {
        assertThat(run("1194", "1195")).isZero();
        assertThat(out.toString()).contains("Related ports: 1195, 1196, 1197\n\nPort 1195  REGISTERED");
    }

    // ------------------------------------------------------------------ a name

    @Test
    void aNameListsTheServicePortsAndHowEachMatches() {
        assertThat(run("openvpn")).isZero();
        assertThat(out.toString()).isEqualTo("""
                Service "openvpn": 4 ports
                   1194  REGISTERED ACTIVE       official: tcp,udp
                   1195  REGISTERED UNASSIGNED   alternate use: UNOFFICIAL
                   1196  REGISTERED ABANDONED    alternate use: UNOFFICIAL
                   1197  REGISTERED UNASSIGNED   alternate use: UNOFFICIAL
                """);
    }

    @Test
    void aCommonNameSaysWhatThePortHolds() {
        assertThat(run("web", "dns")).isZero();
        assertThat(out.toString()).containsPattern("(?m)^ +80 +WELL_KNOWN +ACTIVE +by common name; here: http, www, www-http$")
                .containsPattern("(?m)^ +53 +WELL_KNOWN +ACTIVE +by common name; here: domain$");
    }

    @Test
    void unknownNameExitsWithNotFound() {
        assertThat(run("no-such-service-xyz", "22")).as("even beside a port that is found").isEqualTo(Main.NOT_FOUND);
        assertThat(out.toString()).contains("No port known for service \"no-such-service-xyz\".", "Port 22 ");
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void aPortAsJsonIsOneObjectWithTheSummaryOfTheText() throws IOException {
        assertThat(run("1196")).isZero();
        String summary = out.toString().lines().toList().get(1);
        out.getBuffer().setLength(0);
        assertThat(run("--json", "1196")).isZero();
        JsonNode node = json();
        assertThat(node.get("port").asInt()).isEqualTo(1196);
        assertThat(node.get("range").asText()).isEqualTo("REGISTERED");
        assertThat(node.get("status").asText()).isEqualTo("ABANDONED");
        assertThat(node.get("assignments").get(0).get("vendor").asText()).isEqualTo("Pure Networks");
        assertThat(node.get("alternateUses")).hasSize(1);
        assertThat(node.get("alternateUses").get(0).get("name").asText()).isEqualTo("OpenVPN");
        assertThat(node.get("alternateUses").get(0).get("officialPort").asInt()).isEqualTo(1194);
        assertThat(node.get("relatedPorts").toString()).isEqualTo("[1194,1195,1197]");
        assertThat(node.get("summary").asText()).isEqualTo(summary);
    }

    @Test
    void severalQueriesAsJsonAreAnArrayAndAServiceListsItsPorts() throws IOException {
        assertThat(run("1194", "OpenVPN", "--json")).isZero();
        JsonNode node = json();
        assertThat(node.isArray()).isTrue();
        assertThat(node).hasSize(2);
        assertThat(node.get(0).get("port").asInt()).isEqualTo(1194);
        assertThat(node.get(1).get("service").asText()).isEqualTo("OpenVPN");
        List<Integer> ports = new ArrayList<>();
        node.get(1).get("ports").forEach(p -> ports.add(p.get("port").asInt()));
        assertThat(ports).containsExactly(1194, 1195, 1196, 1197);
    }

    // ------------------------------------------------------------------ usage errors

    @Test
    void outOfRangePortIsAUsageError() {
        assertThat(run("70000")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("70000", "0..65535");
    }

    @Test
    void noArgumentIsAUsageError() {
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("PORT|SERVICE");
    }
}
