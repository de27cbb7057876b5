package dev.portregistry.data;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.fixtures.FixtureTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frozen fixture table that the logic tests of core, tools, json and the CLI read
 * (test-fixtures, {@link FixtureTable}) must be exactly what the compiler makes of its sources in
 * test-fixtures/data/ now: no hand edits, and no stale table after a change to the sources, the
 * compiler or the table format. On failure, run scripts/regenerate-table.sh and commit the table.
 */
class FixtureTableIsCurrentTest {

    static Path fixtureDir() {
        Path dir = Path.of(System.getProperty("portregistry.fixture.dir", "../test-fixtures/data"));
        assertThat(dir.resolve("iana")).as("fixture sources").isDirectory();
        return dir;
    }

    @Test
    void committedFixtureTableEqualsAFreshCompile() {
        byte[] fresh = RegistryCompiler.compile(fixtureDir()).bytes();
        assertThat(FixtureTable.bytes())
                .as("test-fixtures' fixture.table is stale or edited by hand: run scripts/regenerate-table.sh")
                .isEqualTo(fresh);
    }

    @Test
    void theFixtureIsSmallAndMadeUpAndNotTheBundledData() throws Exception {
        PortRegistry fixture = PortRegistry.fromTable(new ByteArrayInputStream(FixtureTable.bytes()), FixtureTable.SOURCE);
        assertThat(fixture.version()).isNotEqualTo(PortRegistry.bundled().version());
        assertThat(fixture.version().curatedRevision()).isEqualTo("fixture.1");
        assertThat(fixture.serviceNames()).hasSizeLessThan(100);
        assertThat(Files.readString(fixtureDir().resolve("version.properties"))).contains("made up for the tests");
    }

    @Test
    void theFixtureHoldsEveryCaseTheLogicTestsNeed() {
        PortRegistry fixture = PortRegistry.fromTable(new ByteArrayInputStream(FixtureTable.bytes()), FixtureTable.SOURCE);
        // one port per case, as test-fixtures/data/README.md lists them
        assertThat(fixture.get(22).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(fixture.get(1196).status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(fixture.get(109).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(fixture.get(18).status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(fixture.get(585).status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(fixture.get(0).status()).isEqualTo(LifecycleStatus.RESERVED);
        assertThat(fixture.get(7443).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
        PortInfo netbus = fixture.get(12345);
        assertThat(netbus.assignments()).isEmpty();
        assertThat(netbus.alternateUses()).singleElement().satisfies(u -> assertThat(u.firstYear()).hasValue(1998));
        assertThat(fixture.get(50000).alternateUses()).extracting(u -> u.name())
                .containsExactly("Linux ephemeral ports", "Windows dynamic ports");
    }
}
