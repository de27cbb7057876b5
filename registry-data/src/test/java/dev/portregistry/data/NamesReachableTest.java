package dev.portregistry.data;

import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import dev.portregistry.internal.TableCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every name the compiler puts into a table can be asked for through {@code byService}: names of
 * software with spaces, leading digits or other scripts go through; a name that no query could
 * reach fails the compile with its file and line instead of becoming dead weight in the table.
 */
class NamesReachableTest {
    private static final DataVersion VERSION =
            DataVersion.of("test", LocalDate.of(2026, 1, 2), "r1");

    @TempDir
    Path dir;

    private CuratedData curated(String uses, String names) throws IOException {
        for (String f : CuratedData.FILES) {
            Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("alternate-uses.json"), uses, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("names.json"), names, StandardCharsets.UTF_8);
        return CuratedData.read(dir);
    }

    private static String use(String name, int port) {
        return "{ \"name\": \"" + name + "\", \"ports\": [" + port + "], \"transports\": [\"tcp\"], "
                + "\"kind\": \"unofficial\", \"description\": \"d\", \"basis\": \"b\" }";
    }

    @Test
    void namesOfSoftwareWithSpacesDigitsAndOtherScriptsAreFoundAfterACompile() throws IOException {
        CuratedData curated = curated("[" + String.join(",", use("Home Assistant", 8123), use("3CX", 5060),
                        use("Überwachung", 9999), use("a".repeat(128), 7000)) + "]",
                "[ { \"name\": \"HA web\", \"ports\": [8123], \"basis\": \"b\" } ]");
        List<OfficialRecord> official = List.of(new OfficialRecord("p.tsv", 1, 5060, 5060, Set.of(Transport.TCP),
                "sip", "SIP"), new OfficialRecord("p.tsv", 2, 106, 106, Set.of(Transport.TCP), "3com-tsmux", "3COM-TSMUX"));
        byte[] table = RegistryCompiler.compile(VERSION, official, curated).bytes();
        PortRegistry registry = PortRegistry.fromTable(new ByteArrayInputStream(table), "names test");

        assertThat(registry.findService("Home Assistant")).extracting(PortInfo::port).containsExactly(8123);
        assertThat(registry.findService("home assistant")).extracting(PortInfo::port).containsExactly(8123);
        assertThat(registry.findService("3cx")).extracting(PortInfo::port).containsExactly(5060);
        assertThat(registry.findService("überwachung")).extracting(PortInfo::port).containsExactly(9999);
        assertThat(registry.findService("ÜBERWACHUNG")).extracting(PortInfo::port).containsExactly(9999);
        assertThat(registry.findService("A".repeat(128))).extracting(PortInfo::port).containsExactly(7000);
        assertThat(registry.findService("HA Web")).extracting(PortInfo::port).containsExactly(8123);
        assertThat(registry.findService("3COM-TSMUX")).extracting(PortInfo::port).containsExactly(106);
        for (String name : registry.serviceNames()) {
            assertThat(registry.findService(name)).as(name).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tab\\there", "Bidi\\u202Eevil", "Zero\\u200Bwidth", "Line\\nbreak"})
    void aCuratedNameThatNoQueryCouldReachFailsWithFileAndLine(String jsonName) throws IOException {
        for (String f : CuratedData.FILES) {
            Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("alternate-uses.json"), "[\n" + use(jsonName, 80) + "\n]", StandardCharsets.UTF_8);
        SourceException e = catchThrowableOfType(SourceException.class, () -> CuratedData.read(dir));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(dir.resolve("alternate-uses.json").toString());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).containsAnyOf("field \"name\"", "alternate use name \"").contains("U+").doesNotContain("\n");
    }

    @Test
    void aCommonNameLongerThanTheQueryBoundFails() throws IOException {
        for (String f : CuratedData.FILES) {
            Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("names.json"), "[\n\n { \"name\": \"" + "n".repeat(129)
                + "\", \"ports\": [80], \"basis\": \"b\" } ]", StandardCharsets.UTF_8);
        SourceException e = catchThrowableOfType(SourceException.class, () -> CuratedData.read(dir));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("129 characters long, longer than 128");
    }

    @Test
    void anOfficialNameWithSurroundingSpaceFailsInsteadOfBecomingUnreachable() {
        SourceException e = catchThrowableOfType(SourceException.class,
                () -> NormalizedTsv.parse("# header\n80\ttcp\thttp \tWWW\n", "p.tsv"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("p.tsv:2: service name \"http \" begins or ends with white space");
    }
}
