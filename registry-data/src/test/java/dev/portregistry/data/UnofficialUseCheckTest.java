package dev.portregistry.data;

import dev.portregistry.json.curated.CuratedJson;

import dev.portregistry.DataVersion;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The compiler refuses an unofficial use that is really the IANA assignment of its port. */
class UnofficialUseCheckTest {
    private static final List<OfficialRecord> OFFICIAL = List.of(
            new OfficialRecord("p.tsv", 3, 7687, 7687, Set.of(Transport.TCP), "bolt", "Bolt database connection"),
            new OfficialRecord("p.tsv", 4, 3306, 3306, Set.of(Transport.TCP, Transport.UDP), "mysql", "MySQL"),
            new OfficialRecord("p.tsv", 5, 1080, 1080, Set.of(Transport.TCP), "socks", "Socks"),
            new OfficialRecord("p.tsv", 6, 750, 750, Set.of(Transport.UDP), "kerberos-iv", "kerberos version iv"),
            new OfficialRecord("p.tsv", 7, 750, 750, Set.of(Transport.TCP), "rfile", ""));

    @TempDir
    Path dir;

    /** The data version, read as the compiler reads it (no constructor of a value type in this test). */
    private DataVersion version() throws IOException {
        Path file = dir.resolve("version.properties");
        Files.writeString(file, "official.source=test snapshot\nofficial.date=2026-01-02\ncurated.revision=2026-01-02.1\n",
                StandardCharsets.UTF_8);
        return RegistryCompiler.readVersion(file);
    }

    private CuratedData uses(String entries) throws IOException {
        for (String f : CuratedData.FILES) {
            Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("alternate-uses.json"), "[\n" + entries + "\n]\n", StandardCharsets.UTF_8);
        return CuratedData.read(dir);
    }

    private static String use(String name, int port, String transport, String kind, String description, String extra) {
        return "{ \"name\": \"" + name + "\", \"ports\": [" + port + "], \"transports\": [\"" + transport + "\"], \"kind\": \""
                + kind + "\", \"description\": \"" + description + "\", \"basis\": \"vendor docs\"" + extra + " }";
    }

    private SourceException refused(String entries) throws IOException {
        CuratedData curated = uses(entries);
        DataVersion version = version();
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> RegistryCompiler.compile(version, OFFICIAL, curated));
        assertThat(e).as("expected the compiler to refuse %s", entries).isNotNull();
        return e;
    }

    @Test
    void aProgramSpeakingTheAssignedProtocolIsNotAnUnofficialUse() throws IOException {
        SourceException e = refused(use("Ok", 1080, "udp", "unofficial", "Something else.", "") + ",\n"
                + use("Neo4j", 7687, "tcp", "unofficial", "Neo4j accepts Bolt protocol connections here.", ""));
        assertThat(e.file()).isEqualTo(dir.resolve("alternate-uses.json").toString());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"Neo4j\" is marked unofficial on 7687/tcp", "bolt",
                "\"Bolt database connection\"", "officialOverlapReason").doesNotContain("more such uses");
    }

    @Test
    void aUseNamedInTheAssignmentsDescriptionIsRefusedAndEveryViolationIsCounted() throws IOException {
        SourceException e = refused(use("MySQL", 3306, "tcp", "unofficial", "A database.", "") + ",\n"
                + use("Memgraph", 7687, "tcp", "unofficial", "Memgraph accepts bolt connections.", ""));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("\"MySQL\" is marked unofficial on 3306/tcp", "(and 1 more such uses)");
    }

    @Test
    void aReasonLetsAnOverlapThrough() throws IOException {
        CuratedData curated = uses(use("MIT Kerberos KDC", 750, "udp", "unofficial",
                "The KDC answers Kerberos 5 here.", ", \"officialOverlapReason\": \"750/udp is Kerberos 4, which is historic\""));
        assertThat(curated.alternateUses().get(0).officialOverlapReason()).isEqualTo("750/udp is Kerberos 4, which is historic");
        assertThat(RegistryCompiler.compile(version(), OFFICIAL, curated).table().ports()).isNotEmpty();
        // the same entry without a reason is refused
        assertThat(refused(use("MIT Kerberos KDC", 750, "udp", "unofficial", "The KDC answers Kerberos 5 here.", ""))
                .getMessage()).contains("750/udp", "kerberos-iv");
    }

    @Test
    void namingTheIanaHolderForContrastOtherTransportsAndMalwareAreNotOverlaps() throws IOException {
        CuratedData curated = uses(String.join(",\n",
                use("MailCatcher", 1080, "tcp", "unofficial", "Serves its web interface here, on the port IANA gives SOCKS.", ""),
                use("Bolt relay", 7687, "udp", "unofficial", "Relays bolt frames over UDP.", ""),
                use("MySQL worm", 3306, "tcp", "malware", "Scans for weak MySQL passwords.", ""),
                use("Kerberos proxy", 750, "tcp", "unofficial", "Proxies kerberos requests.", "")));
        assertThat(UnofficialUseCheck.violations(OFFICIAL, curated.alternateUses())).isEmpty();
        assertThat(RegistryCompiler.compile(version(), OFFICIAL, curated).table().ports()).isNotEmpty();
    }

    @Test
    void aClauseAfterTheIanaContrastCountsAgain() throws IOException {
        // only the clause that names IANA's holder is set aside, not the rest of the description
        assertThat(refused(use("Graph", 7687, "tcp", "unofficial",
                "Listens on the port IANA gives a protocol; it speaks Bolt.", "")).getMessage()).contains("7687/tcp");
    }

    @Test
    void theProjectsCuratedDataHasNoUnexplainedOverlap() {
        Path data = DataDir.get();
        List<OfficialRecord> official = new java.util.ArrayList<>();
        try (var files = Files.list(data.resolve("iana"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                official.addAll(NormalizedTsv.read(f));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<CuratedJson.AlternateUseEntry> uses = CuratedData.read(data.resolve("curated")).alternateUses();
        assertThat(UnofficialUseCheck.violations(official, uses)).isEmpty();
        // the review's case: Neo4j and Memgraph speak Bolt, which IANA assigns 7687/tcp to
        assertThat(uses).noneMatch(u -> u.ports().contains(7687) && u.kind() == dev.portregistry.UseKind.UNOFFICIAL
                && (u.name().equals("Neo4j") || u.name().equals("Memgraph")));
    }
}
