package dev.portregistry.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the bundled table straight from the jar of its class, and falling back to the class loader. */
class PortTableResourceTest {
    private static final String RESOURCE = "/dev/portregistry/ports.table";

    /** A class with no dependencies, loaded from a test jar by a loader that cannot see the test classes. */
    public static final class Anchor {
    }

    @Test
    void readsTheEntryFromTheJarOfTheClass(@TempDir Path dir) throws Exception {
        byte[] table = TableCodec.toBytes(TableCodecTest.sample());
        Path jar = jar(dir.resolve("with.jar"), table);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> anchor = loader.loadClass(Anchor.class.getName());
            assertThat(PortTable.fromOwnJar(anchor, RESOURCE)).isEqualTo(table);
            assertThat(PortTable.openResource(anchor, RESOURCE, "resource x").toTableData())
                    .isEqualTo(TableCodecTest.sample());
        }
    }

    @Test
    void aJarWithoutTheEntryFallsBackAndThenReportsItMissing(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("without.jar"), null);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Class<?> anchor = loader.loadClass(Anchor.class.getName());
            assertThat(PortTable.fromOwnJar(anchor, RESOURCE)).isNull();
            assertThatThrownBy(() -> PortTable.openResource(anchor, RESOURCE, "resource x"))
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("resource x")
                    .hasMessageContaining("missing");
        }
    }

    @Test
    void classesInADirectoryAskTheClassLoader() throws IOException {
        // the test classes come from a directory, and so do core's classes in a reactor build
        assertThat(PortTable.fromOwnJar(PortTableResourceTest.class, RESOURCE)).isNull();
        assertThat(PortTable.openResource(dev.portregistry.PortRegistry.class, RESOURCE, "resource x").version())
                .isEqualTo(dev.portregistry.PortRegistry.dataVersion());
    }

    private static Path jar(Path jar, byte[] table) throws IOException {
        String anchor = Anchor.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             InputStream in = PortTableResourceTest.class.getResourceAsStream("/" + anchor)) {
            out.putNextEntry(new JarEntry(anchor));
            in.transferTo(out);
            if (table != null) {
                out.putNextEntry(new JarEntry(RESOURCE.substring(1)));
                out.write(table);
            }
        }
        return jar;
    }
}
