package dev.portregistry.cli;

import dev.portregistry.IanaCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --iana-csv: IANA's current CSV as the official data, with the curated knowledge of the table
 * re-applied; its fields in the text and JSON output. On the frozen fixture table (--table;
 * test-fixtures/data/README.md), where 47999 is free for these tests.
 */
class IanaCsvOptionTest {
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

    private Path csv(String... more) throws IOException {
        Path csv = dir.resolve("service-names-port-numbers.csv");
        Files.writeString(csv, String.join(",", IanaCsv.HEADER) + "\n"
                + "pop3,110,tcp,Post Office Protocol - Version 3,[A_Person],[A_Person],2005-08,2006-04-25,[RFC1939],,"
                + "\"Unauthorized use by someone\",\"Use of 110 is fine\"\n"
                + "fresh-svc,47999,tcp,A new service,,,2026-11-30,,,,,\n"
                + String.join("", more));
        return csv;
    }

    @Test
    void theLookupShowsIanasFieldsAndTheNewAssignment() throws IOException {
        Path csv = csv();
        assertThat(run("--iana-csv", csv.toString(), "110", "47999")).isZero();
        assertThat(out.toString()).contains("registered 2005-08, modified 2006-04-25", "references: RFC 1939",
                "unauthorized use reported to IANA: Unauthorized use by someone", "IANA notes: Use of 110 is fine",
                "pop3 was registered 2005-08 and is defined in RFC 1939.")
                .containsPattern("(?m)^  fresh-svc +tcp +ACTIVE +A new service$")
                .doesNotContain("A_Person");
        // the fixture's curated programs of ssh, the lowest port with curated knowledge, no longer fit
        assertThat(out.toString()).containsPattern("(?m)^Note: [0-9]+ curated entries do not fit the official data \\(.*"
                + "read from " + java.util.regex.Pattern.quote(csv.toString()) + " \\(newest record 2026-11-30\\)\\) and are not "
                + "applied, e\\.g\\.: Port 22: the programs known to serve ssh are not applied: ");
    }

    @Test
    void theTablesCuratedKnowledgeStaysWhereTheFileKeepsItsAssignment() throws IOException {
        Path keeps = csv("netmagic,1196,tcp,Network Magic,,,2005-08,,,,,\n");
        assertThat(run("--iana-csv", keeps.toString(), "1196")).isZero();
        assertThat(out.toString()).startsWith("Port 1196  REGISTERED (1024-49151)  ABANDONED\n")
                .contains("Network Magic (Pure Networks) was discontinued in 2012")
                .containsPattern("(?m)^  netmagic +tcp +ABANDONED +Network Magic$")
                .contains("  OpenVPN ", "Related ports: 1194, 1195, 1197");
        out.getBuffer().setLength(0);

        // a file without netmagic: its curated lifecycle has nothing to go to; the use and the family stay
        assertThat(run("--iana-csv", csv().toString(), "1196")).isZero();
        assertThat(out.toString()).startsWith("Port 1196  REGISTERED (1024-49151)  UNASSIGNED\n")
                .doesNotContain("netmagic", "Pure Networks")
                .contains("  OpenVPN ", "Related ports: 1194, 1195, 1197");
    }

    @Test
    void jsonCarriesTheFields() throws IOException {
        assertThat(run("lookup", "--json", "--iana-csv", csv().toString(), "110")).isZero();
        assertThat(out.toString()).contains("\"registrationDate\"", "2005-08", "RFC 1939", "Use of 110 is fine",
                "Unauthorized use by someone");
    }

    @Test
    void aMissingOrBadFileIsAnError() throws IOException {
        assertThat(run("--iana-csv", dir.resolve("none.csv").toString(), "110")).isNotZero();
        assertThat(err.toString()).contains("none.csv does not exist");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, String.join(",", IanaCsv.HEADER) + "\nx,1,tcp\n");
        err.getBuffer().setLength(0);
        assertThat(run("--iana-csv", bad.toString(), "110")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains(bad + ":2: expected 12 fields");
    }
}
