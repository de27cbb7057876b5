package dev.portregistry.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table depends on the content of the sources and nothing else: not on where the data folder
 * is, in which order the file system lists or created its files, the default locale (Turkish
 * lower-cases "I" to a dotless i) or the time zone. Two builds on two machines give the same bytes,
 * which BundledTableIsCurrentTest then holds the committed table to.
 */
class TableDeterminismTest {

    @TempDir
    Path copy;

    @Test
    void aCopyElsewhereWithFilesCreatedInReverseOrderCompilesToTheSameBytes() throws IOException {
        Path data = DataDir.get();
        byte[] original = RegistryCompiler.compile(data, DataDir.versionFile()).bytes();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = new ArrayList<>(walk.toList());
        }
        Collections.reverse(files);
        Path target = copy.resolve("some other place/with spaces");
        for (Path source : files) {
            Path to = target.resolve(data.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(to);
            } else {
                Files.createDirectories(to.getParent());
                Files.copy(source, to);
            }
        }
        assertThat(RegistryCompiler.compile(target, DataDir.versionFile()).bytes()).isEqualTo(original);
    }

    @Test
    void theDefaultLocaleAndTimeZoneDoNotChangeTheBytes() {
        byte[] original = RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).bytes();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).bytes()).isEqualTo(original);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
