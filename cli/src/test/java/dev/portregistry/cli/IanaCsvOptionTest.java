package dev.portregistry.cli;

import dev.portregistry.IanaCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --iana-csv: IANA's current CSV as the official data, its fields in the text and JSON output. */
class IanaCsvOptionTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path csv() throws IOException {
        Path csv = dir.resolve("service-names-port-numbers.csv");
        Files.writeString(csv, String.join(",", IanaCsv.HEADER) + "\n"
                + "pop3,110,tcp,Post Office Protocol - Version 3,[A_Person],[A_Person],2005-08,2006-04-25,[RFC1939],,"
                + "\"Unauthorized use by someone\",\"Use of 110 is fine\"\n"
                + "fresh-svc,47999,tcp,A new service,,,2026-11-30,,,,,\n");
        return csv;
    }

    @Test
    void theLookupShowsIanasFieldsAndTheNewAssignment() throws IOException {
        assertThat(run("--iana-csv", csv().toString(), "110", "47999")).isZero();
        assertThat(out.toString()).contains("registered 2005-08, modified 2006-04-25", "references: RFC 1939",
                "unauthorized use reported to IANA: Unauthorized use by someone", "IANA notes: Use of 110 is fine",
                "fresh-svc", "pop3 was registered 2005-08 and is defined in RFC 1939.")
                .contains("curated entries do not fit the official data").doesNotContain("A_Person");
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
