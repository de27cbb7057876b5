package dev.portregistry.data;

import dev.portregistry.PortRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table committed in core must be exactly what the compiler makes of data/ and core's data version
 * now: no hand edits, no stale table. On failure, run scripts/regenerate-table.sh (README, "How it is
 * built").
 */
class BundledTableIsCurrentTest {

    @Test
    void committedTableEqualsAFreshCompile() throws IOException {
        byte[] fresh = RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).bytes();
        byte[] bundled;
        try (InputStream in = PortRegistry.class.getResourceAsStream("/dev/portregistry/ports.table")) {
            assertThat(in).as("bundled table resource").isNotNull();
            bundled = in.readAllBytes();
        }
        assertThat(bundled)
                .as("core's ports.table is stale or edited by hand: run scripts/regenerate-table.sh")
                .isEqualTo(fresh);
    }

    @Test
    void twoCompilesOfTheSameSourcesAreByteIdentical() {
        assertThat(RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).bytes())
                .isEqualTo(RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).bytes());
    }
}
