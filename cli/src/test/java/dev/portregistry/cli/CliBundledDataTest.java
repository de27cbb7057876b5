package dev.portregistry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.PortRegistry;
import dev.portregistry.advice.PortAdvisor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data test: the command line on real ports of the bundled data (1196 netmagic and OpenVPN,
 * postgres), end to end through Main.run without --table, so it reads what users get. It may need
 * updating after a refresh; how the CLI prints ports, names and conflicts is tested on the frozen
 * fixture table (--table) in MainTest, CommandsTest and PresentationTest, and the rules behind the
 * sentences in core and tools.
 */
class CliBundledDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(out.toString());
    }

    @Test
    void versionNamesTheToolAndTheBundledData() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().lines().toList()).hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("portregistry ");
            assertThat(lines.get(1)).isEqualTo("bundled data: " + PortRegistry.dataVersion().officialSource() + ", "
                    + PortRegistry.dataVersion().label());
        });
    }

    @Test
    void aPortPrintsItsSummaryAndDetails() {
        assertThat(run("1196")).isZero();
        assertThat(out.toString()).contains("Port 1196", "REGISTERED", "ABANDONED", "netmagic", "OpenVPN",
                "official port 1194", "Related ports: 1194, 1195, 1197");
    }

    @Test
    void aNameListsTheServicePorts() {
        assertThat(run("OpenVPN")).isZero();
        assertThat(out.toString()).contains("1194", "official", "1195", "1196", "1197", "alternate use");
    }

    @Test
    void aCommonNameSaysWhatThePortHolds() {
        assertThat(run("postgres")).isZero();
        assertThat(out.toString()).contains("5432", "by common name; here: postgresql");
    }
    @Test
    void aPortAsJsonIsOneObjectWithItsSummary() throws IOException {
        assertThat(run("--json", "1196")).isZero();
        JsonNode node = json();
        assertThat(node.get("port").asInt()).isEqualTo(1196);
        assertThat(node.get("range").asText()).isEqualTo("REGISTERED");
        assertThat(node.get("status").asText()).isEqualTo("ABANDONED");
        assertThat(node.get("alternateUses").findValuesAsText("name")).contains("OpenVPN");
        assertThat(node.get("summary").asText()).isEqualTo(PortRegistry.lookup(1196).summary());
    }

    @Test
    void severalQueriesAsJsonAreAnArrayAndAServiceListsItsPorts() throws IOException {
        assertThat(run("1194", "OpenVPN", "--json")).isZero();
        JsonNode node = json();
        assertThat(node.isArray()).isTrue();
        assertThat(node.get(0).get("port").asInt()).isEqualTo(1194);
        assertThat(node.get(1).get("service").asText()).isEqualTo("OpenVPN");
        List<Integer> ports = new ArrayList<>();
        node.get(1).get("ports").forEach(p -> ports.add(p.get("port").asInt()));
        assertThat(ports).isEqualTo(PortRegistry.byService("OpenVPN").stream().map(p -> p.port()).toList())
                .startsWith(1194).contains(1196);
    }

    @Test
    void checkExplainsConflictsAndExitsWithTheirCode() {
        assertThat(run("check", "1196", "--no-nmap")).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).contains("Port 1196 has ", " conflicts:", "ASSIGNED", "netmagic", "ALTERNATE_USE",
                "OpenVPN", "RELATED");
        out.getBuffer().setLength(0);
        int free = PortAdvisor.of(PortRegistry.bundled()).suggest(1).get(0);
        assertThat(run("check", String.valueOf(free), "--no-nmap")).isZero();
        assertThat(out.toString()).contains("Port " + free + " is clear");
    }
}
