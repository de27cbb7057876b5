package dev.portregistry.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the real sources and the data version: the {@code portregistry.data.dir} and
 * {@code portregistry.version.file} properties set by the pom.
 */
final class DataDir {
    private DataDir() {
    }

    static Path get() {
        String dir = System.getProperty("portregistry.data.dir", "data");
        Path path = Path.of(dir);
        if (!Files.isDirectory(path.resolve("iana"))) {
            throw new IllegalStateException("data directory " + path.toAbsolutePath() + " has no iana/ folder");
        }
        return path;
    }

    static Path versionFile() {
        Path file = Path.of(System.getProperty("portregistry.version.file", "../core/src/data/version.properties"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("data version file " + file.toAbsolutePath() + " does not exist");
        }
        return file;
    }
}
