package dev.portregistry.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens the table bundled in the jar of a class. Internal: not part of the API, not exported.
 *
 * <p>When the class comes from a jar file, the entry is read straight from that jar with
 * {@link ZipFile} (which shares the class loader's already open view of the file). Asking the
 * class loader instead ({@code getResourceAsStream}) first searches the JDK's own modules and then
 * goes through a {@code jar:} URL connection, which costs a fresh JVM several milliseconds of class
 * loading and setup, about half the time to the first lookup (see {@code benchmarks/README.md}).
 * Anything else (classes in a directory, a nested or custom class loader, a security manager that
 * hides the code source, an entry that is not there) falls back to {@code getResourceAsStream}, so
 * the answer is the same either way.
 */
public final class BundledTable {
    private BundledTable() {
    }

    /**
     * Opens a table resource that sits beside a class.
     *
     * @param anchor   a class in the same jar as the resource, not null
     * @param resource the absolute resource name, such as {@code /dev/portregistry/ports.table}; not null
     * @param source   the name of the table in messages, such as {@code resource /dev/portregistry/ports.table}
     * @return the checked table, never null
     * @throws TableFormatException naming the source if the resource is missing, damaged or inconsistent
     * @throws IOException          if reading it fails
     */
    public static PortTable open(Class<?> anchor, String resource, String source) throws IOException {
        byte[] bytes = fromOwnJar(anchor, resource);
        if (bytes != null) {
            return TableCodec.open(bytes, source);
        }
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            return TableCodec.open(in, source);
        }
    }

    /**
     * Reads a resource straight from the jar file the anchor class was loaded from.
     *
     * @return the entry's bytes, or null to ask the class loader instead
     */
    static byte[] fromOwnJar(Class<?> anchor, String resource) {
        try {
            CodeSource code = anchor.getProtectionDomain().getCodeSource();
            URL location = code == null ? null : code.getLocation();
            if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
                return null;
            }
            try (ZipFile jar = new ZipFile(new File(location.toURI()))) {
                ZipEntry entry = jar.getEntry(resource.substring(1));
                if (entry == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null; // e.g. a SecurityException: the class loader may still find it
        }
    }
}
