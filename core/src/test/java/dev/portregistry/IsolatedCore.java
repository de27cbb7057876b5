package dev.portregistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper: a fresh copy of core's compiled classes in a class loader of its own, with the
 * bundled table resource replaced (or removed). Each instance loads {@code PortRegistry} and its
 * holder anew, so a test sees first use for real: a damaged resource, or many threads racing to
 * load the registry. The parent is the platform class loader, so nothing leaks in from the test's
 * own copy of core. Methods are called by name because the classes are not the test's classes.
 */
final class IsolatedCore implements AutoCloseable {
    private final URLClassLoader loader;
    private final Method lookup;
    private final Method byService;
    private final Method dataVersion;
    private final Method bundled;

    private IsolatedCore(URLClassLoader loader) throws ClassNotFoundException, NoSuchMethodException {
        this.loader = loader;
        Class<?> registry = Class.forName(PortRegistry.class.getName(), true, loader);
        this.lookup = registry.getMethod("lookup", int.class);
        this.byService = registry.getMethod("byService", String.class);
        this.dataVersion = registry.getMethod("dataVersion");
        this.bundled = registry.getMethod("bundled");
    }

    /**
     * Copies core's classes into a folder with the given table as the bundled resource.
     *
     * @param folder an empty folder
     * @param table  the table bytes, or null to leave the resource out
     */
    static IsolatedCore withTable(Path folder, byte[] table) throws IOException, ReflectiveOperationException {
        return withTable(folder, table, null);
    }

    /**
     * Like {@link #withTable(Path, byte[])}, but the table resource is found and then fails when
     * read, with the given exception (an IOException or a RuntimeException).
     */
    static IsolatedCore withFailingTable(Path folder, Exception failure) throws IOException, ReflectiveOperationException {
        return withTable(folder, new byte[0], failure);
    }

    /**
     * Like {@link #withTable(Path, byte[])}, but the table is not among the loader's own resources
     * ({@code findResource}); only its {@code getResource} serves it, as a custom loader may.
     */
    static IsolatedCore withTableOnlyThroughGetResource(Path folder, byte[] table)
            throws IOException, ReflectiveOperationException {
        IsolatedCore core = withTable(folder.resolve("classes"), null, null);
        Path elsewhere = folder.resolve("elsewhere.table");
        Files.write(elsewhere, table);
        ((ChildFirst) core.loader).elsewhere = elsewhere.toUri().toURL();
        return core;
    }

    private static IsolatedCore withTable(Path folder, byte[] table, Exception failure)
            throws IOException, ReflectiveOperationException {
        Path classes = classesDir();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path source : files.toList()) {
                Path target = folder.resolve(classes.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("module-info.class")
                        && !source.getFileName().toString().equals("ports.table")) {
                    Files.copy(source, target);
                }
            }
        }
        if (table != null) {
            Files.write(folder.resolve(PortRegistry.RESOURCE.substring(1)), table);
        }
        return new IsolatedCore(new ChildFirst(folder.toUri().toURL(), failure));
    }

    /**
     * Loads core's classes and resources from its own folder before asking its parent: when the
     * tests run on the module path, the JDK's built-in loaders know the package
     * {@code dev.portregistry} as part of the test's own module and would answer with it.
     */
    private static final class ChildFirst extends URLClassLoader {
        private static final String PREFIX = "dev.portregistry.";
        private final Exception failure;
        /** Where getResource, not findResource, finds the table; null for the usual place. */
        volatile URL elsewhere;

        ChildFirst(URL folder, Exception failure) {
            super("isolated-core", new URL[] {folder}, ClassLoader.getPlatformClassLoader());
            this.failure = failure;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PREFIX)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        /**
         * This loader's own resources, the table made to fail if asked: the bundled registry reads it
         * through its module, which for an unnamed module asks only the defining loader's findResource.
         */
        @Override
        public URL findResource(String name) {
            URL own = super.findResource(name);
            if (own != null && failure != null && name.equals(PortRegistry.RESOURCE_PATH)) {
                return failingUrl(own);
            }
            return own;
        }

        @Override
        public URL getResource(String name) {
            if (elsewhere != null && name.equals(PortRegistry.RESOURCE_PATH)) {
                return elsewhere;
            }
            URL own = findResource(name);
            return own != null || name.startsWith("dev/portregistry/") ? own : super.getResource(name);
        }

        /** A URL whose stream throws the failure on its first read. */
        private URL failingUrl(URL url) {
            try {
                return new URL(null, url.toString(), new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) {
                        return new URLConnection(u) {
                            @Override
                            public void connect() {
                            }

                            @Override
                            @SuppressWarnings("InputStreamSlowMultibyteRead") // fails on the first read: nothing to make fast
                            public InputStream getInputStream() {
                                return new InputStream() {
                                    @Override
                                    public int read() throws IOException {
                                        if (failure instanceof IOException io) {
                                            throw io;
                                        }
                                        throw (RuntimeException) failure;
                                    }
                                };
                            }
                        };
                    }
                });
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The folder core's main classes were compiled to (target/classes). */
    static Path classesDir() {
        try {
            Path dir = Path.of(PortRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(dir.resolve("dev/portregistry/PortRegistry.class"))) {
                throw new IllegalStateException("core's classes are not a folder: " + dir);
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled table as the test's own copy of core holds it. */
    static byte[] bundledTable() {
        try (InputStream in = PortRegistry.class.getResourceAsStream(PortRegistry.RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class loader, to check which loader an answer's classes came from. */
    ClassLoader loader() {
        return loader;
    }

    /**
     * Calls a public static method of the isolated {@code PortRegistry}, rethrowing what it throws.
     *
     * @param name the method: lookup, byService, dataVersion or bundled
     * @param args its argument, if any: an Integer for lookup, a String for byService
     * @return its result
     */
    Object call(String name, Object... args) throws Exception {
        Method m = switch (name) {
            case "lookup" -> lookup;
            case "byService" -> byService;
            case "dataVersion" -> dataVersion;
            case "bundled" -> bundled;
            default -> throw new IllegalArgumentException("no entry point " + name);
        };
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    /** Every public static entry point of the bundled registry, as (method, argument) pairs. */
    static List<Object[]> entryPoints() {
        return List.of(new Object[] {"lookup", 1196}, new Object[] {"lookup", 0}, new Object[] {"byService", "http"},
                new Object[] {"dataVersion"}, new Object[] {"bundled"});
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
