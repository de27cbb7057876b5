package dev.portregistry.json;

import dev.portregistry.AlternateUse;
import dev.portregistry.Overlay;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data test: the project's real curated files (registry-data/data/curated), read as overlays and
 * layered on the bundled registry, which the compiler built from the same files, change nothing.
 * It follows the real data; the rule itself is JsonOverlayTest's, on the fixture.
 */
class CuratedFilesDataTest {
    private static final PortRegistry BUNDLED = PortRegistry.bundled();

    private static java.util.Set<AlternateUse> withoutPrograms(List<AlternateUse> uses) {
        java.util.Set<AlternateUse> out = new java.util.HashSet<>();
        for (AlternateUse u : uses) {
            out.add(u.toBuilder().programs(List.of()).build());
        }
        return out;
    }

    @Test
    void theProjectsOwnCuratedFilesReadAsOverlays() throws IOException {
        Path curated = Path.of(System.getProperty("portregistry.curated.dir", "../registry-data/data/curated"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(curated)) {
            // programs/ (issue 12) is not an overlay kind yet: the compiler and JsonOverlay read it once it is wired
            files = s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getParent().getFileName().toString().equals("programs")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        PortRegistry again = BUNDLED;
        for (Path file : files) {
            Overlay overlay = JsonOverlay.read(file);
            assertThat(overlay.size()).as("%s", file).isPositive();
            again = again.with(overlay);
        }
        // the bundled registry already holds this knowledge: layering it again changes no port's status
        // and adds no other use (programs come from programs/, which this reader does not take yet)
        for (PortInfo p : BUNDLED.knownPorts()) {
            assertThat(again.get(p.port()).status()).as("port %d", p.port()).isEqualTo(p.status());
            assertThat(withoutPrograms(again.get(p.port()).alternateUses())).as("port %d", p.port())
                    .containsExactlyInAnyOrderElementsOf(withoutPrograms(p.alternateUses()));
        }
    }
}
