package dev.portregistry.bench;

import dev.portregistry.PortRegistry;
import org.openjdk.jol.info.GraphLayout;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;

/**
 * Retained heap of the bundled registry, measured with JOL's {@code GraphLayout}: every object
 * reachable from {@code PortRegistry.bundled()}, counted once (shared enum constants and transport
 * sets included). Printed at four points: just loaded; after the 4,096 ports of the benchmark
 * sample (a typical working set); after every one of the 65,536 ports has been looked up; after
 * every service name has been resolved too (the most it can ever hold).
 * Then the size of the table resource in the core jar, stored and compressed.
 */
public final class HeapFootprint {
    private static final String RESOURCE = "/dev/portregistry/ports.table";

    private HeapFootprint() {
    }

    /**
     * Prints the measurements.
     *
     * @param args {@code --classes} also prints JOL's per-class table of the final state
     * @throws IOException if the table resource cannot be inspected
     */
    public static void main(String[] args) throws IOException {
        PortRegistry registry = PortRegistry.bundled();
        report("loaded", registry);
        for (int port : PortSample.ports()) {
            registry.get(port);
        }
        report("after the 4,096-port sample", registry);
        for (int port = 0; port <= 65535; port++) {
            registry.get(port);
        }
        report("every port looked up", registry);
        for (String name : registry.serviceNames()) {
            registry.findService(name);
        }
        GraphLayout full = report("every port and every name resolved", registry);
        if (args.length > 0 && args[0].equals("--classes")) {
            System.out.println(full.toFootprint());
        }
        tableResource();
    }

    private static GraphLayout report(String state, PortRegistry registry) {
        GraphLayout layout = GraphLayout.parseInstance(registry);
        System.out.printf("retained heap, %-36s %,11d bytes  %,9d objects%n", state + ":", layout.totalSize(),
                layout.totalCount());
        return layout;
    }

    private static void tableResource() throws IOException {
        URL url = PortRegistry.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
        }
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jarURLConnection) {
            JarEntry entry = jarURLConnection.getJarEntry();
            System.out.printf("table resource %s: %,d bytes, %,d bytes compressed in %s%n", RESOURCE,
                    entry.getSize(), entry.getCompressedSize(),
                    jarURLConnection.getJarFileURL().getPath());
        } else {
            System.out.printf("table resource %s: %,d bytes (%s, not a jar)%n", RESOURCE,
                    connection.getContentLengthLong(), url);
        }
    }
}
