package dev.portregistry.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the real sources: the {@code portregistry.data.dir} property set by the pom. */
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
}
