package dev.portregistry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.fixtures.FixtureTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --table FILE: a compiled port table instead of the bundled one, on every command, under the
 * overlays; a missing or damaged file is a usage error that names it. The good table is the fixture's,
 * whose made-up service fixture-dated on 47001 (test-fixtures/data/README.md) no real registry has.
 */
class TableOptionTest {
    /** The fixture's newest record: a name of its own, on a port of its own. */
    private static final String FIXTURE_NAME = "fixture-dated";
    private static final int FIXTURE_PORT = 47001;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path table;

    @BeforeEach
    void writeTable() throws IOException {
        table = FixtureTableFile.write(dir);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    // ------------------------------------------------------------------ a good table

    @Test
    void theCommandsAnswerFromTheTableGiven() throws IOException {
        assertThat(run("--table", table.toString(), FIXTURE_NAME)).isZero();
        assertThat(out.toString()).contains("Service \"" + FIXTURE_NAME + "\": 1 port")
                .containsPattern(FIXTURE_PORT + " +REGISTERED +ACTIVE +official: tcp");
        assertThat(run(FIXTURE_NAME)).as("the bundled table, without the option").isEqualTo(Main.NOT_FOUND);

        assertThat(run("--table", table.toString(), "--json", String.valueOf(FIXTURE_PORT))).isZero();
        JsonNode port = new ObjectMapper().readTree(out.toString());
        assertThat(port.get("assignments").findValuesAsText("name")).containsExactly(FIXTURE_NAME);
        assertThat(port.get("assignments").get(0).get("registrationDate").asText()).isEqualTo("2026-01-31");

        assertThat(run("check", String.valueOf(FIXTURE_PORT), "--table", table.toString(), "--no-nmap"))
                .as("after the command name").isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).contains("IANA assigns port " + FIXTURE_PORT + " to " + FIXTURE_NAME + " over TCP.");

        // nothing in the fixture from 1024 up: the lowest free ports are the first ones
        assertThat(run("suggest", "-n", "2", "--table", table.toString(), "--no-nmap")).isZero();
        assertThat(out.toString()).contains("  1024\n  1025\n");

        Path nmap = Files.writeString(dir.resolve("nmap-services"), "made-up " + FIXTURE_PORT + "/tcp 0.5\n");
        assertThat(run("--table", table.toString(), "top", "--nmap-services", nmap.toString())).isZero();
        assertThat(out.toString()).containsPattern(FIXTURE_PORT + "/tcp +0\\.500000 +made-up +ACTIVE +" + FIXTURE_NAME);
    }

    @Test
    void everyCommandThatReadsTheRegistryTakesIt() {
        CommandLine cl = new CommandLine(new Main());
        assertThat(cl.getCommandSpec().findOption("--table")).isNotNull();
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("completion")) {
                assertThat(sub.getCommandSpec().findOption("--table")).as(name).isNotNull();
            }
        });
    }

    @Test
    void theOneAfterTheCommandNameWinsAsWithTheOtherFileOptions() {
        Path missing = dir.resolve("missing.table");
        assertThat(run("--table", missing.toString(), "lookup", "--table", table.toString(), FIXTURE_NAME)).isZero();
        assertThat(out.toString()).contains(String.valueOf(FIXTURE_PORT));
        assertThat(run("--table", table.toString(), "lookup", "--table", missing.toString(), FIXTURE_NAME))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains(missing.toString());
    }

    @Test
    void overlaysApplyOnTopOfTheTable() throws IOException {
        Path services = Files.writeString(dir.resolve("services.local"), "billing " + FIXTURE_PORT + "/udp # ours\n");
        assertThat(run("--table", table.toString(), "--overlay", services.toString(), String.valueOf(FIXTURE_PORT)))
                .isZero();
        assertThat(out.toString()).containsPattern("Official assignments \\(IANA\\):\n +" + FIXTURE_NAME + " +tcp ")
                .containsPattern("Local assignments \\(LOCAL, from your overlays\\):\n +billing +udp ");
    }

    // ------------------------------------------------------------------ a missing or damaged table

    @Test
    void aMissingFileIsAUsageErrorThatNamesItAndWhatWasExpected() {
        Path missing = dir.resolve("ports.table");
        assertThat(run("--table", missing.toString(), "1196")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("error: port table file " + missing + " does not exist: "
                + "expected a port table compiled by registry-data");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aDamagedTableIsAUsageErrorWithTheFormatErrorNotAStackTrace() throws IOException {
        byte[] good = FixtureTable.bytes();
        byte[] flipped = good.clone();
        flipped[flipped.length - 10] ^= 1;
        assertDamaged(Files.write(dir.resolve("flipped.table"), flipped), "is corrupted: CRC-32");
        assertDamaged(Files.write(dir.resolve("truncated.table"), Arrays.copyOf(good, good.length / 2)),
                "is truncated: header says");
        assertDamaged(Files.writeString(dir.resolve("services"), "ssh 22/tcp # the wrong kind of file\n",
                StandardCharsets.US_ASCII), "is not a portregistry table");
        assertDamaged(Files.write(dir.resolve("empty.table"), new byte[0]), "is truncated: 0 bytes");
    }

    private void assertDamaged(Path file, String problem) {
        for (String[] command : new String[][] {{"1196"}, {"check", "1196"}, {"suggest"}}) {
            String[] args = new String[command.length + 2];
            args[0] = "--table";
            args[1] = file.toString();
            System.arraycopy(command, 0, args, 2, command.length);
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(Main.USAGE);
            assertThat(err.toString()).as(command[0]).startsWith("error: port table " + file + " " + problem)
                    .doesNotContain("Exception", "\tat ");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void aFileThatCannotBeReadIsAFailureAsWithTheOtherFiles() {
        assertThat(run("--table", dir.toString(), "1196")).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).startsWith("error: cannot read port table file " + dir + ": ");
    }
}
