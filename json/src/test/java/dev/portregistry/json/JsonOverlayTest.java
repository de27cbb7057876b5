package dev.portregistry.json;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Origin;
import dev.portregistry.Overlay;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Overlays in the curated JSON format. */
class JsonOverlayTest {
    private static final PortRegistry BUNDLED = PortRegistry.bundled();

    private static final String OPS = """
            {
              "assignments": [
                {"name": "billing", "ports": [7443], "transports": ["tcp"], "description": "our billing service",
                 "aliases": ["invoices"]}
              ],
              "alternateUses": [
                {"name": "Dev proxy", "ports": ["FREE-FREE1"], "transports": ["tcp"], "kind": "unofficial",
                 "officialPort": 8080, "description": "Developers' local proxy.", "basis": "our team wiki"}
              ],
              "lifecycle": [
                {"port": 1194, "service": "openvpn", "status": "historic", "reason": "We moved to WireGuard.",
                 "basis": "our migration in 2026"}
              ],
              "related": [
                {"name": "billing family", "ports": [7443, 7444], "basis": "billing's admin port"}
              ],
              "names": [
                {"name": "payments", "ports": [7443], "basis": "what finance calls it"},
                {"name": "vpn", "service": "openvpn", "basis": "our short name"}
              ]
            }
            """;

    /** Two adjacent ports with no data at all, so that the overlay's use is their only one. */
    private static int freePair() {
        for (int p = 1024; p < 32767; p++) {
            if (PortAdvisor.of(BUNDLED).check(p).isClear() && PortAdvisor.of(BUNDLED).check(p + 1).isClear()) {
                return p;
            }
        }
        throw new IllegalStateException("no two adjacent free ports");
    }

    @Test
    void everyKindOfEntryIsLayeredOn() {
        int free = freePair();
        Overlay overlay = JsonOverlay.parse(OPS.replace("FREE-FREE1", free + "-" + (free + 1)), "ops.json");
        assertThat(overlay.source()).isEqualTo("ops.json");
        assertThat(overlay.size()).isEqualTo(7);
        PortRegistry ours = BUNDLED.with(overlay);

        PortInfo billing = ours.get(7443);
        assertThat(billing.assignments()).filteredOn(ServiceAssignment::isLocal).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("billing");
            assertThat(a.description()).isEqualTo("our billing service");
            assertThat(a.origin()).isEqualTo(Origin.LOCAL);
            assertThat(a.basis()).hasValue("local assignment from ops.json, line 3");
        });
        assertThat(billing.relatedPorts()).containsExactly(7444);
        assertThat(ours.findService("invoices")).containsExactly(billing);
        assertThat(ours.findService("payments")).containsExactly(billing);
        assertThat(ours.get(free + 1).alternateUses()).extracting(AlternateUse::name).containsExactly("Dev proxy");
        assertThat(ours.get(free + 1).alternateUses().get(0).officialPort()).hasValue(8080);
        assertThat(ours.get(1194).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(ours.findService("vpn")).isEqualTo(ours.findService("openvpn"));
        assertThat(BUNDLED.findService("billing")).isEmpty();
    }

    @Test
    void theProjectsOwnCuratedFilesReadAsOverlays() throws IOException {
        Path curated = Path.of(System.getProperty("portregistry.curated.dir", "../registry-data/data/curated"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(curated)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).anyMatch(p -> p.getParent().getFileName().toString().equals("programs"));
        for (Path file : files) {
            assertThat(JsonOverlay.read(file).size()).as("%s", file).isPositive();
        }
        // the bundled table was compiled from this very directory, read by this reader and applied by the
        // same engine: applying it again changes no port's record and no name's answer
        PortRegistry again = BUNDLED.with(JsonOverlay.readDirectory(curated));
        for (PortInfo p : BUNDLED.knownPorts()) {
            assertThat(again.get(p.port())).as("port %d", p.port()).isEqualTo(p);
        }
        assertThat(again.serviceNames()).isEqualTo(BUNDLED.serviceNames());
        for (String name : BUNDLED.serviceNames()) {
            assertThat(again.findService(name)).as(name).isEqualTo(BUNDLED.findService(name));
        }
    }

    @Test
    void programsAreAKindLikeTheOthers() {
        PortRegistry ours = BUNDLED.with(JsonOverlay.parse("""
                {"assignments": [{"name": "billing", "ports": [7443], "transports": ["tcp"]}],
                 "programs": [
                   {"service": "billing", "programs": ["billingd"], "basis": "our wiki"},
                   {"use": "OpenVPN", "runtimes": [{"runtime": "java", "marker": "ovpn.jar"}], "basis": "b"}
                 ]}
                """, "ops.json"));
        assertThat(ours.findService("billingd")).extracting(PortInfo::port).containsExactly(7443);
        assertThat(ours.get(1196).alternateUses()).filteredOn(u -> u.name().equals("OpenVPN")).singleElement()
                .satisfies(u -> assertThat(u.programs()).containsExactly(Program.runtime("java", "ovpn.jar")));
        assertThatThrownBy(() -> JsonOverlay.parse("[\n{\"use\": \"x\", \"service\": \"y\", \"programs\": [\"z\"],"
                + " \"basis\": \"b\"}]", "ops-programs.json")).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("ops-programs.json:2: expected exactly one of \"service\"");
        assertThatThrownBy(() -> BUNDLED.with(JsonOverlay.parse("[\n\n{\"service\": \"no-such-service\","
                + " \"programs\": [\"z\"], \"basis\": \"b\"}]", "programs/ops.json")))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("programs/ops.json:3: service \"no-such-service\" has no live assignment: expected a"
                        + " service the registry assigns");
    }

    @Test
    void aCuratedFileInAKindFolderIsReadAsThatKind() {
        assertThat(JsonOverlay.parse("""
                [{"name": "x", "ports": [7443, 7444], "basis": "b"}]
                """, "curated/related/team.json").size()).isEqualTo(1);
    }

    @Test
    void aCuratedArrayNeedsAFileNameThatTellsItsKind() {
        assertThatThrownBy(() -> JsonOverlay.parse("[]", "ops.json"))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("ops.json:1: a top-level array needs a file name that tells its kind");
        assertThatThrownBy(() -> JsonOverlay.parse("[]", "curated/colours/x.json"))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining("folder named after one of them");
        assertThat(JsonOverlay.parse("""
                [{"name": "x", "ports": [7443, 7444], "basis": "b"}]
                """, "/etc/portregistry/team-related.json").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"assignments\": [{\"name\": \"b\", \"ports\": [70000], \"transports\": [\"tcp\"]}]}           | o.json:3: port 70000 is out of range: expected 0..65535",
            "{\"assignments\": [{\"name\": \"b\", \"ports\": [\"9-8\"], \"transports\": [\"tcp\"]}]}         | o.json:3: port range \"9-8\" is reversed: expected first <= last",
            "{\"assignments\": [{\"name\": \"b\", \"ports\": [1], \"transports\": [\"ddp\"]}]}               | o.json:3: unknown transport \"ddp\": expected tcp, udp, sctp or dccp",
            "{\"assignments\": [{\"name\": \"b\", \"ports\": [1], \"transports\": [\"tcp\"], \"colour\": 1}]} | o.json:3: unknown field \"colour\": expected only [aliases, description, name, ports, reason, status, transports]",
            "{\"assignments\": [{\"ports\": [1], \"transports\": [\"tcp\"]}]}                                | o.json:3: missing field \"name\"",
            "{\"assignments\": [{\"name\": 5, \"ports\": [1], \"transports\": [\"tcp\"]}]}                   | o.json:3: field \"name\" is 5: expected a string",
            "{\"assignments\": [{\"name\": \"443\", \"ports\": [1], \"transports\": [\"tcp\"]}]}             | o.json:3: service name \"443\" is a number: expected a name such as \"billing\"",
            "{\"assignments\": [{\"name\": \"bill\\u200bing\", \"ports\": [1], \"transports\": [\"tcp\"]}]}   | o.json:3: service name \"bill\\u200Bing\" holds the control or formatting character U+200B at index 4: expected a name such as \"billing\"",
            "{\"alternateUses\": [{\"name\": \"Dev\\tVPN\", \"ports\": [1], \"transports\": [\"tcp\"], \"kind\": \"unofficial\", \"description\": \"d\", \"basis\": \"b\"}]} | o.json:3: field \"name\" \"Dev\\u0009VPN\" holds the control character U+0009 at index 3: expected one line of plain text",
            "{\"names\": [{\"name\": \"vpn\\u00a0\", \"service\": \"openvpn\", \"basis\": \"b\"}]}          | o.json:3: service name \"vpn\u00a0\" begins or ends with white space: expected a name such as \"billing\"",
            "{\"alternateUses\": [{\"name\": \"x\", \"ports\": [1], \"transports\": [\"tcp\"], \"kind\": \"evil\", \"description\": \"d\", \"basis\": \"b\"}]} | o.json:3: field \"kind\" is \"evil\": expected one of [unofficial, malware]",
            "{\"lifecycle\": [{\"port\": 1194, \"service\": \"openvpn\", \"status\": \"historic\", \"product\": \"p\", \"reason\": \"n\", \"basis\": \"b\"}]} | o.json:3: field \"product\" belongs to abandoned entries, not historic ones",
            "{\"names\": [{\"name\": \"x\", \"service\": \"http\", \"ports\": [80], \"basis\": \"b\"}]}        | o.json:3: name \"x\" must have exactly one of \"service\" or \"ports\"",
            "{\"colours\": []}                                                                                | o.json:2: unknown member \"colours\": expected assignments, alternateUses, lifecycle, related, names",
            "{\"names\": [{\"name\": \"x\", \"name\": \"y\"}]}                                                | o.json:3: malformed JSON: Duplicate field 'name'",
            "{\"names\": [1]}                                                                                 | o.json:2: expected an object in \"names\", found VALUE_NUMBER_INT",
            "\"hello\"                                                                                        | o.json:2: expected a JSON object of entry arrays or a curated array, found VALUE_STRING",
    })
    void aBadEntryFailsWithFileAndLine(String json, String message) {
        // the first line is empty and the entry starts on line 3, so that lines are really counted
        String text = "\n" + json.replaceFirst("\\[\\{", "[\n{");
        assertThatThrownBy(() -> JsonOverlay.parse(text, "o.json"))
                .isInstanceOf(RegistryFormatException.class).hasMessageStartingWith(message);
    }

    @Test
    void anEntryThatContradictsTheRegistryFailsWhenApplied(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, """
                {
                  "lifecycle": [
                    {"port": 1194, "service": "wireguard", "status": "historic", "reason": "n", "basis": "b"}
                  ]
                }
                """);
        Overlay overlay = JsonOverlay.read(file);
        assertThatThrownBy(() -> BUNDLED.with(overlay)).isInstanceOf(RegistryFormatException.class)
                .hasMessage(file + ":3: port 1194 has no assignment named \"wireguard\" to set HISTORIC: expected one of [openvpn]");
        assertThatThrownBy(() -> JsonOverlay.read(dir.resolve("missing.json"))).isInstanceOf(IOException.class);
    }

    @Test
    void malformedJsonNamesItsLine() {
        assertThatThrownBy(() -> JsonOverlay.parse("{\n  \"names\": [\n    {\"name\": \"x\",,}\n  ]\n}", "bad.json"))
                .isInstanceOf(RegistryFormatException.class).hasMessageStartingWith("bad.json:3: malformed JSON:");
    }

    @Test
    void malwareEntriesClassifyAsMalware() {
        PortRegistry ours = BUNDLED.with(JsonOverlay.parse("""
                {"alternateUses": [{"name": "EliteBot", "ports": [55555], "transports": ["tcp"], "kind": "malware",
                  "description": "A made-up trojan.", "basis": "test"}]}
                """, "x.json"));
        assertThat(ours.get(55555).alternateUses(UseKind.MALWARE)).extracting(AlternateUse::name).containsExactly("EliteBot");
        assertThat(ours.get(55555).summary()).contains("EliteBot");
        assertThat(ours.findService("elitebot")).extracting(PortInfo::port).containsExactly(55555);
        assertThat(ours.get(55555).assignmentsFor(Transport.TCP)).isEmpty();
    }
}
