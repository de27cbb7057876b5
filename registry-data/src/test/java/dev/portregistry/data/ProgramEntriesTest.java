package dev.portregistry.data;

import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.Transport;
import dev.portregistry.internal.TableData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Curated program entries: which programs serve a service or a use, and the names they add. */
class ProgramEntriesTest {
    private static final DataVersion VERSION = DataVersion.of("test", LocalDate.of(2026, 1, 2), "2026-01-02.1");

    @TempDir
    Path dir;

    private static OfficialRecord rec(int line, int port, String name) {
        return new OfficialRecord("p.tsv", line, port, port, Set.of(Transport.TCP), name, name.toUpperCase(Locale.ROOT));
    }

    private static final List<OfficialRecord> OFFICIAL = List.of(rec(1, 80, "http"), rec(2, 443, "https"),
            rec(3, 1194, "openvpn"), rec(4, 22, "ssh"));

    private TableData compile(String programs) throws IOException {
        return compile("""
                [ { "name": "OpenVPN", "ports": ["1195-1196"], "transports": ["tcp"], "kind": "unofficial",
                    "officialPort": 1194, "description": "Extra instances.", "basis": "OpenVPN manual" } ]
                """, programs);
    }

    private TableData compile(String uses, String programs) throws IOException {
        Files.writeString(dir.resolve("alternate-uses.json"), uses, StandardCharsets.UTF_8);
        for (String f : List.of("lifecycle.json", "related.json", "names.json")) {
            Files.writeString(dir.resolve(f), "[]\n", StandardCharsets.UTF_8);
        }
        if (programs != null) {
            Files.writeString(dir.resolve("programs.json"), programs, StandardCharsets.UTF_8);
        }
        return RegistryCompiler.compile(VERSION, OFFICIAL, CuratedData.read(dir)).table();
    }

    private static PortInfo port(TableData t, int port) {
        return t.ports().stream().filter(p -> p.port() == port).findFirst().orElseThrow();
    }

    @Test
    void programsAttachToEveryAssignmentOfTheServiceAndToTheUse() throws IOException {
        TableData t = compile("""
                [
                  { "service": "HTTP", "programs": ["nginx", "httpd"], "basis": "their manuals" },
                  { "service": "https", "programs": ["nginx"], "basis": "nginx manual" },
                  { "service": "ssh", "programs": ["sshd"], "runtimes": [ { "runtime": "java", "marker": "org.example.SshServer" } ],
                    "basis": "sshd(8)" },
                  { "use": "OpenVPN", "programs": ["openvpn"], "basis": "OpenVPN manual" }
                ]
                """);
        assertThat(port(t, 80).assignments().get(0).programs())
                .containsExactly(Program.executable("nginx"), Program.executable("httpd"));
        assertThat(port(t, 22).assignments().get(0).programs())
                .containsExactly(Program.executable("sshd"), Program.runtime("java", "org.example.SshServer"));
        assertThat(port(t, 1195).alternateUses().get(0).programs()).containsExactly(Program.executable("openvpn"));
        assertThat(port(t, 1194).assignments().get(0).programs()).isEmpty();
        // an executable's name finds what it serves, official ports first; a runtime adds no name
        assertThat(t.names().get("nginx")).containsExactly(80, 443);
        assertThat(t.names().get("httpd")).containsExactly(80);
        assertThat(t.names()).doesNotContainKey("java");
        // openvpn already resolves as the IANA service (and the use): it keeps that meaning
        assertThat(t.names().get("openvpn")).containsExactly(1194, 1195, 1196);
    }

    @Test
    void aUseIsNamedIgnoringCaseAsEveryNameIs() throws IOException {
        // the engine's rule for every overlay (the compiler used to want the exact spelling)
        TableData t = compile("""
                [ { "use": "openvpn", "programs": ["openvpn"], "basis": "b" } ]
                """);
        assertThat(port(t, 1195).alternateUses().get(0).programs()).containsExactly(Program.executable("openvpn"));
    }

    @Test
    void aUseSpanningARangeOfChancePortsAddsNoneToItsProgramsNames() throws IOException {
        TableData t = compile("""
                [ { "name": "Ephemeral", "ports": ["40000-41024"], "transports": ["udp"], "kind": "unofficial",
                    "description": "Ports the system hands out.", "basis": "kernel documentation" },
                  { "name": "Privileged", "ports": ["700-710"], "transports": ["udp"], "kind": "unofficial",
                    "description": "Ports bindresvport hands out.", "basis": "bindresvport(3)" } ]
                """, """
                [ { "use": "Ephemeral", "programs": ["statd", "mountd"], "basis": "statd(8)" },
                  { "use": "Privileged", "programs": ["statd"], "basis": "statd(8)" },
                  { "service": "ssh", "programs": ["mountd"], "basis": "b" } ]
                """);
        // the audit still knows the programs on every port of the range ...
        assertThat(port(t, 41024).alternateUses().get(0).programs()).containsExactly(Program.executable("statd"),
                Program.executable("mountd"));
        // ... but 1,025 ports are chances, not defaults: the names find only the other ports
        assertThat(t.names().get("statd")).hasSize(11).startsWith(700);
        assertThat(t.names().get("mountd")).containsExactly(22);
    }

    @Test
    void withoutAProgramsFileNothingChanges() throws IOException {
        TableData t = compile(null);
        assertThat(port(t, 80).assignments().get(0).programs()).isEmpty();
        assertThat(t.names()).doesNotContainKey("nginx");
    }

    @Test
    void badEntriesNameTheirFileAndLine() {
        assertThatThrownBy(() -> compile("""
                [ { "service": "gopher", "programs": ["gopherd"], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("programs.json:1")
                .hasMessageContaining("service \"gopher\" has no live assignment");
        assertThatThrownBy(() -> compile("""
                [ { "use": "WireGuard", "programs": ["wg"], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("\"WireGuard\" is no alternate use");
        assertThatThrownBy(() -> compile("""
                [ { "service": "http", "use": "OpenVPN", "programs": ["x"], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> compile("""
                [ { "service": "http", "programs": ["/usr/sbin/nginx"], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("/usr/sbin/nginx");
        assertThatThrownBy(() -> compile("""
                [ { "service": "http", "programs": [], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("no program");
        assertThatThrownBy(() -> compile("""
                [ { "service": "http", "programs": ["nginx"], "basis": "b" },
                  { "service": "http", "programs": ["httpd"], "basis": "b" } ]
                """)).isInstanceOf(SourceException.class).hasMessageContaining("duplicate");
    }
}
