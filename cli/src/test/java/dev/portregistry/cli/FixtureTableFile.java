package dev.portregistry.cli;

import dev.portregistry.fixtures.FixtureTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The frozen fixture table as a file for {@code --table}: what the CLI's logic tests run on, so that
 * a refresh of the bundled data changes none of them. Its facts are listed in
 * {@code test-fixtures/data/README.md}.
 */
final class FixtureTableFile {
    private FixtureTableFile() {
    }

    /**
     * Writes the fixture table into a directory.
     *
     * @return the file, named as the table's own source ({@link FixtureTable#SOURCE})
     */
    static Path write(Path dir) throws IOException {
        return Files.write(dir.resolve(FixtureTable.SOURCE), FixtureTable.bytes());
    }
}
