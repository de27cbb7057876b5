package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core does nothing at run time that a user would not expect from a lookup table: it opens no
 * network connection, starts no thread, runs no process, uses no reflection or Unsafe, prints
 * nothing, reads no environment variable, and to load and answer it reads nothing but its own
 * table resource. Only a few opt-in classes read more, and only what their caller names (a file
 * the user passes, or the system's socket table when the user asks for it); they are listed in
 * {@link #OPT_IN_READERS} with the reason, and even they write nothing and do no DNS lookup.
 *
 * <p>Checked on the compiled classes, not on the source: every class file's constant pool is
 * parsed (a class file must name every class, field and method its code touches there), and
 * every type it names must be in an allowed package and not on a list of forbidden types and
 * members. A new dependency of core on anything outside the allowed list fails this test until
 * someone decides it belongs there. The JDK's own bootstraps for records, lambdas and string
 * concatenation ({@code ObjectMethods}, {@code LambdaMetafactory}, {@code StringConcatFactory})
 * are the only {@code java.lang.invoke} and {@code java.lang.runtime} members allowed.
 */
class NoSurprisesTest {

    /**
     * Packages core's classes may name at all. Besides core and the JDK: JSpecify's nullness annotations
     * ({@code @NullMarked}, {@code @Nullable}), which the class files name in their annotation
     * attributes only; nothing loads them unless a caller reads annotations by reflection, and the
     * module requires them {@code static} (see {@link #theModuleRequiresOnlyJavaBaseAndExportsOnlyTheApi}).
     */
    private static final Set<String> ALLOWED_PACKAGES = Set.of("dev/portregistry", "dev/portregistry/internal",
            "org/jspecify/annotations", "java/lang", "java/lang/invoke", "java/lang/runtime", "java/util", "java/util/function",
            "java/util/regex", "java/util/stream", "java/io", "java/nio", "java/nio/charset", "java/nio/file",
            "java/net", "java/time", "java/time/format", "java/util/zip");

    /** Types in allowed packages that no class may name: threads, processes, loaders, consoles, writers. */
    private static final Set<String> FORBIDDEN_TYPES = Set.of("java/lang/Thread", "java/lang/ThreadGroup",
            "java/lang/Runtime", "java/lang/Process", "java/lang/ProcessBuilder", "java/lang/ClassLoader",
            "java/lang/SecurityManager", "java/lang/System$Logger", "java/util/Timer", "java/util/TimerTask",
            "java/util/ServiceLoader", "java/io/FileOutputStream", "java/io/FileWriter", "java/io/FileDescriptor",
            "java/io/RandomAccessFile", "java/io/Console", "java/io/ObjectInputStream", "java/io/ObjectOutputStream",
            "java/io/PrintStream", "java/nio/file/WatchService", "java/util/zip/ZipFile", "java/util/jar/JarFile");

    /** The only java.net types allowed: addresses as values, never sockets, URLs or connections. */
    private static final Set<String> ALLOWED_NET_TYPES = Set.of("java/net/InetAddress", "java/net/Inet4Address",
            "java/net/Inet6Address", "java/net/UnknownHostException");

    /**
     * Forbidden members that one class may use, with the reason: the bundled table's loader gets its
     * own module to read the table resource from it (Module.getResourceAsStream searches only the
     * loader that defined the class, 2-3 ms less of a fresh JVM's first lookup than Class's search).
     */
    private static final Map<String, String> MEMBER_ALLOWED_IN = Map.of(
            "java/lang/Class.getModule", "dev/portregistry/PortRegistry$Bundled.class");

    /** Members of allowed types that no class may call or read. */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of(
            "java/lang/Class.forName", "java/lang/Class.getMethod", "java/lang/Class.getMethods",
            "java/lang/Class.getDeclaredMethod", "java/lang/Class.getDeclaredMethods", "java/lang/Class.getField",
            "java/lang/Class.getFields", "java/lang/Class.getDeclaredField", "java/lang/Class.getDeclaredFields",
            "java/lang/Class.getConstructor", "java/lang/Class.getConstructors",
            "java/lang/Class.getDeclaredConstructor", "java/lang/Class.getDeclaredConstructors",
            "java/lang/Class.newInstance", "java/lang/Class.getClassLoader", "java/lang/Class.getResource",
            "java/lang/Class.getModule", "java/lang/Class.getRecordComponents",
            "java/lang/System.getProperties", "java/lang/System.getenv", "java/lang/System.setProperty",
            "java/lang/System.exit", "java/lang/System.load", "java/lang/System.loadLibrary",
            "java/lang/System.getLogger", "java/lang/System.console", "java/lang/System.out", "java/lang/System.err",
            "java/lang/System.in", "java/lang/System.setOut", "java/lang/System.setErr",
            "java/lang/Throwable.printStackTrace",
            // name lookups go to DNS
            "java/net/InetAddress.getByName", "java/net/InetAddress.getAllByName", "java/net/InetAddress.getLocalHost",
            "java/net/InetAddress.getHostName", "java/net/InetAddress.getCanonicalHostName",
            "java/net/InetAddress.isReachable",
            // core writes no file
            "java/nio/file/Files.write", "java/nio/file/Files.writeString", "java/nio/file/Files.newOutputStream",
            "java/nio/file/Files.newBufferedWriter", "java/nio/file/Files.newByteChannel", "java/nio/file/Files.delete",
            "java/nio/file/Files.deleteIfExists", "java/nio/file/Files.createFile", "java/nio/file/Files.createDirectory",
            "java/nio/file/Files.createDirectories", "java/nio/file/Files.createTempFile",
            "java/nio/file/Files.createTempDirectory", "java/nio/file/Files.move", "java/nio/file/Files.copy",
            "java/nio/file/Files.setAttribute", "java/nio/file/Files.setPosixFilePermissions",
            "java/nio/file/Files.setLastModifiedTime");

    /** What only the opt-in readers may touch: reading files and system properties. */
    private static final Set<String> OPT_IN_TYPES = Set.of("java/io/File", "java/io/FileInputStream",
            "java/io/FileReader");

    /** Members only the opt-in readers may use. */
    private static final Set<String> OPT_IN_MEMBERS_PREFIXES = Set.of("java/nio/file/Files.",
            "java/lang/System.getProperty");

    /**
     * The classes that read more than the table, and only when a caller asks them to, with why.
     * Everything else, including the bundled holder and the lookup path, reads only the table.
     * Listed by name so that a new reader is a deliberate decision; a name on the list whose class
     * does not exist (yet) exempts nothing.
     */
    static final java.util.Map<String, String> OPT_IN_READERS = java.util.Map.of(
            "dev/portregistry/Overlay", "reads the overlay file its caller names",
            "dev/portregistry/IanaCsv", "reads the IANA CSV file its caller names");

    /** The only members of java.lang.invoke and java.lang.runtime core may use: javac's bootstraps. */
    private static final Set<String> ALLOWED_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch", "java/lang/runtime/SwitchBootstraps.enumSwitch");

    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([A-Za-z0-9_$/]+);");

    /** What one class file names: types (classes and descriptor types) and members (owner.name). */
    record References(String file, Set<String> types, Set<String> members, Set<String> strings) {
    }

    /** Parses the constant pool of a class file (JVMS 4.4). */
    static References references(String file, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException(file + " is not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] utf8 = new Object[count];
        int[] classIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        List<Integer> stringIndices = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8 -> stringIndices.add(in.readUnsignedShort());
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 16, 19, 20 -> in.readUnsignedShort();
                case 17, 18 -> in.readInt();
                default -> throw new IOException(file + ": unknown constant pool tag " + tag + " at " + i);
            }
        }
        Set<String> types = new TreeSet<>();
        Set<String> members = new TreeSet<>();
        Set<String> strings = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0) {
                String name = (String) utf8[classIndex[i]];
                addType(name.startsWith("[") ? name : "L" + name + ";", types);
            }
            if (utf8[i] instanceof String s) {
                // descriptors and signatures of fields, methods, calls and lambdas
                addType(s, types);
            }
            if (memberRef[i] != null) {
                String owner = (String) utf8[classIndex[memberRef[i][0]]];
                String name = (String) utf8[nameAndType[memberRef[i][1]][0]];
                members.add(owner + "." + name);
            }
        }
        for (int s : stringIndices) {
            strings.add((String) utf8[s]);
        }
        return new References(file, types, members, strings);
    }

    private static void addType(String descriptorLike, Set<String> types) {
        Matcher m = DESCRIPTOR_TYPE.matcher(descriptorLike);
        while (m.find()) {
            types.add(m.group(1));
        }
    }

    /** The violations of one class file, in words. */
    static List<String> violations(References r) {
        List<String> out = new ArrayList<>();
        String self = r.file().endsWith(".class") ? r.file().substring(0, r.file().length() - ".class".length()) : r.file();
        int inner = self.indexOf('$');
        boolean optIn = OPT_IN_READERS.containsKey(inner < 0 ? self : self.substring(0, inner));
        for (String type : r.types()) {
            String pkg = type.contains("/") ? type.substring(0, type.lastIndexOf('/')) : "";
            if (!ALLOWED_PACKAGES.contains(pkg)) {
                out.add(r.file() + " names " + type + ", outside the allowed packages");
            } else if (FORBIDDEN_TYPES.contains(type)) {
                out.add(r.file() + " names the forbidden type " + type);
            } else if (pkg.equals("java/net") && !ALLOWED_NET_TYPES.contains(type)) {
                out.add(r.file() + " names " + type + ": of java.net only address types are allowed");
            } else if (OPT_IN_TYPES.contains(type) && !optIn) {
                out.add(r.file() + " names " + type + ", which only the opt-in readers may");
            }
        }
        for (String member : r.members()) {
            if (FORBIDDEN_MEMBERS.contains(member) && !r.file().equals(MEMBER_ALLOWED_IN.get(member))) {
                out.add(r.file() + " uses the forbidden member " + member);
            }
            if ((member.startsWith("java/lang/invoke/") || member.startsWith("java/lang/runtime/"))
                    && !ALLOWED_BOOTSTRAPS.contains(member)) {
                out.add(r.file() + " uses " + member + ", which is not one of javac's bootstraps");
            }
            if (!optIn && OPT_IN_MEMBERS_PREFIXES.stream().anyMatch(member::startsWith)) {
                out.add(r.file() + " uses " + member + ", which only the opt-in readers may");
            }
        }
        return out;
    }

    static List<References> scan(Path classes) throws IOException {
        List<References> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")
                    && !p.getFileName().toString().equals("module-info.class")).sorted().toList()) {
                out.add(references(classes.relativize(f).toString(), Files.readAllBytes(f)));
            }
        }
        return out;
    }

    @Test
    void coreNamesNothingThatOpensSocketsStartsThreadsReadsFilesOrReflects() throws IOException {
        List<References> classes = scan(IsolatedCore.classesDir());
        assertThat(classes).extracting(References::file).contains("dev/portregistry/PortRegistry.class",
                "dev/portregistry/PortRegistry$Bundled.class", "dev/portregistry/internal/TableCodec.class");
        List<String> violations = new ArrayList<>();
        classes.forEach(c -> violations.addAll(violations(c)));
        assertThat(violations).isEmpty();
    }

    @Test
    void theOnlyResourceCoreReadsIsItsTable() throws IOException {
        List<References> readers = new ArrayList<>();
        for (References r : scan(IsolatedCore.classesDir())) {
            if (r.members().stream().anyMatch(m -> m.startsWith("java/lang/Class.getResource")
                    || m.startsWith("java/lang/ClassLoader.") || m.startsWith("java/lang/Module."))) {
                readers.add(r);
            }
        }
        assertThat(readers).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("dev/portregistry/PortRegistry$Bundled.class");
            assertThat(r.members()).contains("java/lang/Class.getModule", "java/lang/Module.getResourceAsStream",
                    "java/lang/Class.getResourceAsStream");
        });
        assertThat(references("PortRegistry.class", Files.readAllBytes(IsolatedCore.classesDir()
                .resolve("dev/portregistry/PortRegistry.class"))).strings())
                .contains(PortRegistry.RESOURCE, PortRegistry.RESOURCE_PATH);
        assertThat(PortRegistry.RESOURCE).isEqualTo("/" + PortRegistry.RESOURCE_PATH);
    }

    @Test
    void theModuleRequiresOnlyJavaBaseAndExportsOnlyTheApi() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(IsolatedCore.classesDir().resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.name()).isEqualTo("dev.portregistry");
        // java.base, and JSpecify's annotations at compile time only (static): absent at run time
        assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "org.jspecify");
        assertThat(module.requires()).filteredOn(r -> r.name().equals("org.jspecify")).singleElement()
                .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
        assertThat(module.exports()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("dev.portregistry");
            assertThat(e.isQualified()).isFalse();
        });
        assertThat(module.opens()).isEmpty();
        assertThat(module.uses()).isEmpty();
        assertThat(module.provides()).isEmpty();
    }

    @Test
    void theScanCatchesWhatItLooksFor() throws IOException {
        // the test helper that builds class loaders names java.net and uses reflection: the scan must say so
        Path helper = Path.of(IsolatedCore.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                "dev/portregistry/IsolatedCore.class");
        List<String> found = violations(references("dev/portregistry/IsolatedCore.class", Files.readAllBytes(helper)));
        assertThat(found).anyMatch(v -> v.contains("java/net/URLClassLoader"))
                .anyMatch(v -> v.contains("java/lang/reflect/Method"))
                .anyMatch(v -> v.contains("java/nio/file/Files.write, which only the opt-in readers may"))
                .anyMatch(v -> v.contains("uses the forbidden member java/nio/file/Files.write"))
                .anyMatch(v -> v.contains("java/security/ProtectionDomain"));
        // the same class counted as an opt-in reader may read files, but still not write them
        References asReader = new References("dev/portregistry/Overlay.class",
                references("x", Files.readAllBytes(helper)).types(), references("x", Files.readAllBytes(helper)).members(),
                Set.of());
        assertThat(violations(asReader)).noneMatch(v -> v.contains("which only the opt-in readers may"))
                .anyMatch(v -> v.contains("uses the forbidden member java/nio/file/Files.write"));
    }
}
