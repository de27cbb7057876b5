package dev.portregistry;

import dev.portregistry.fixtures.FixtureTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The registry of the frozen fixture table (test-fixtures/data/README.md lists its facts): what the
 * logic tests run on, so that a refresh of the bundled data changes none of them.
 */
final class FixtureRegistry {
    /** Read once; a registry is immutable. */
    static final PortRegistry FIXTURE = load();

    private FixtureRegistry() {
    }

    private static PortRegistry load() {
        try (InputStream in = FixtureTable.open()) {
            return PortRegistry.fromTable(in, FixtureTable.SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
