package dev.portregistry.examples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/CentralCheck.java, the checker scripts/stage-and-check.sh runs on a staged release (a
 * single-file program: compiled here once with javac, then run in this JVM), on small repositories
 * written here: a correct one passes, and each kind of mistake Central would reject is reported by name.
 */
class CentralCheckTest {
    private static URLClassLoader loader;
    private static Method run;

    @BeforeAll
    static void compile(@TempDir Path classes) throws Exception {
        Path script = Path.of(System.getProperty("portregistry.examples.dir", "."), "..", "scripts", "CentralCheck.java");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(new PrintStream(messages, true, StandardCharsets.UTF_8),
                new PrintStream(messages, true, StandardCharsets.UTF_8),
                "-d", classes.toString(), script.toString());
        assertThat(rc).as(messages.toString(StandardCharsets.UTF_8)).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CentralCheckTest.class.getClassLoader());
        run = loader.loadClass("CentralCheck").getMethod("run", String[].class, PrintStream.class, PrintStream.class);
    }

    @AfterAll
    static void close() throws IOException {
        loader.close();
    }

    private static final String GROUP = "org.example";
    private static final String META = """
              <description>d</description>
              <url>https://example.org/p</url>
              <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
              <developers><developer><name>Someone</name></developer></developers>
              <scm><url>https://example.org/p</url><connection>scm:git:https://example.org/p.git</connection></scm>
            """;

    @TempDir
    Path repo;

    private record Result(int exit, String output) {
    }

    private static Result check(Path repo, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--no-signatures"));
        args.addAll(List.of(options));
        args.add(repo.toString());
        return checkExactly(args);
    }

    private static Result checkExactly(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = (int) run.invoke(null, args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ a small repository

    private static String pom(String artifactId, String version, String packaging, String parent, String name,
                              String extra) {
        return "<project><modelVersion>4.0.0</modelVersion>"
                + (parent == null ? "<groupId>" + GROUP + "</groupId>" : "<parent><groupId>" + GROUP + "</groupId>"
                + "<artifactId>" + parent + "</artifactId><version>" + version + "</version></parent>")
                + "<artifactId>" + artifactId + "</artifactId><version>" + version + "</version>"
                + "<packaging>" + packaging + "</packaging>"
                + (name == null ? "" : "<name>" + name + "</name>")
                + (parent == null ? META : "") + extra + "</project>";
    }

    /** Writes an artifact's files with their .md5 and .sha1; a library gets a jar with a class, sources and javadoc. */
    private void stage(String artifactId, String version, String pom, boolean library) throws IOException {
        Path dir = repo.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        String base = artifactId + "-" + version;
        files.put(base + ".pom", pom.getBytes(StandardCharsets.UTF_8));
        if (library) {
            files.put(base + ".jar", zip("org/example/A.class"));
            files.put(base + "-sources.jar", zip("org/example/A.java"));
            files.put(base + "-javadoc.jar", zip("index.html"));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
            Files.writeString(dir.resolve(f.getKey() + ".md5"), digest("MD5", f.getValue()));
            Files.writeString(dir.resolve(f.getKey() + ".sha1"), digest("SHA-1", f.getValue()));
        }
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String artifactId, String version, String suffix) {
        return repo.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version)
                .resolve(artifactId + "-" + version + suffix);
    }

    /** A parent, a library inheriting the metadata, and a BOM without parent naming the library. */
    private void stageGoodRelease(String version) throws IOException {
        stage("p-parent", version, pom("p-parent", version, "pom", null, "p", ""), false);
        stage("p-core", version, pom("p-core", version, "jar", "p-parent", "p-core",
                "<dependencies><dependency><groupId>com.example.lib</groupId><artifactId>lib</artifactId>"
                        + "<version>2.0</version></dependency></dependencies>"), true);
        stage("p-bom", version, pom("p-bom", version, "pom", null, "p-bom",
                "<dependencyManagement><dependencies><dependency><groupId>" + GROUP + "</groupId>"
                        + "<artifactId>p-core</artifactId><version>${project.version}</version></dependency>"
                        + "</dependencies></dependencyManagement>"), false);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aCompleteReleasePasses() throws Exception {
        stageGoodRelease("1.0.0");
        Result r = check(repo, "--require", "p-core,p-bom", "--forbid", "p-benchmarks");
        assertThat(r.output()).contains("3 artifacts", "0 errors");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void everyKindOfMistakeIsReportedInOneRun() throws Exception {
        stageGoodRelease("1.0.0");
        // no javadoc jar
        Files.delete(file("p-core", "1.0.0", "-javadoc.jar"));
        // a checksum that does not match
        Files.writeString(file("p-core", "1.0.0", "-sources.jar.sha1"), "0000000000000000000000000000000000000000");
        // no name, and a SNAPSHOT third-party dependency
        stage("p-json", "1.0.0", pom("p-json", "1.0.0", "jar", "p-parent", null,
                "<dependencies><dependency><groupId>com.example.lib</groupId><artifactId>lib</artifactId>"
                        + "<version>2.1-SNAPSHOT</version></dependency>"
                        + "<dependency><groupId>" + GROUP + "</groupId><artifactId>p-missing</artifactId>"
                        + "<version>1.0.0</version></dependency></dependencies>"), true);
        // a BOM that inherits third-party versions from a parent
        stage("p-deps", "1.0.0", pom("p-deps", "1.0.0", "pom", null, "p-deps",
                "<dependencyManagement><dependencies><dependency><groupId>com.example.lib</groupId>"
                        + "<artifactId>lib</artifactId><version>2.0</version></dependency></dependencies>"
                        + "</dependencyManagement>"), false);
        stage("p-other-bom", "1.0.0", pom("p-other-bom", "1.0.0", "pom", "p-deps", "p-other-bom", ""), false);
        // a build-only module that was deployed, and one without a licence or scm of its own or inherited
        stage("p-benchmarks", "1.0.0", pom("p-benchmarks", "1.0.0", "jar", "p-parent", "b", ""), true);
        stage("p-bare", "1.0.0", "<project><modelVersion>4.0.0</modelVersion><groupId>" + GROUP + "</groupId>"
                + "<artifactId>p-bare</artifactId><version>1.0.0</version><packaging>pom</packaging><name>x</name></project>",
                false);
        Result r = check(repo, "--forbid", "p-benchmarks");
        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains(
                "p-core-1.0.0-javadoc.jar: missing",
                "p-core-1.0.0-sources.jar.sha1: says 0000000000000000000000000000000000000000 but the file's sha1 is",
                "p-json-1.0.0.pom: no <name>",
                "p-json-1.0.0.pom: depends on com.example.lib:lib:2.1-SNAPSHOT, a SNAPSHOT",
                "p-json-1.0.0.pom: depends on org.example:p-missing:1.0.0, which is not staged",
                "p-other-bom-1.0.0.pom: manages com.example.lib:lib:2.0, not one of ours",
                "p-benchmarks: a build-only module was deployed",
                "p-bare-1.0.0.pom: no <description>",
                "p-bare-1.0.0.pom: no <licenses><license>",
                "p-bare-1.0.0.pom: no <developers><developer>",
                "p-bare-1.0.0.pom: no <scm>");
        assertThat(r.output()).doesNotContain("p-core-1.0.0.pom: no");
    }

    @Test
    void aSnapshotFailsTheReleaseRulesOnlyInReleaseMode() throws Exception {
        stageGoodRelease("1.1.0-SNAPSHOT");
        Result release = check(repo);
        assertThat(release.exit()).isEqualTo(1);
        assertThat(release.output()).contains("p-core-1.1.0-SNAPSHOT.pom: version 1.1.0-SNAPSHOT is a SNAPSHOT",
                "p-core-1.1.0-SNAPSHOT.pom: parent version 1.1.0-SNAPSHOT is a SNAPSHOT",
                "p-bom-1.1.0-SNAPSHOT.pom: depends on org.example:p-core:1.1.0-SNAPSHOT, a SNAPSHOT");
        Result snapshot = check(repo, "--snapshot-ok");
        assertThat(snapshot.exit()).as(snapshot.output()).isZero();
        assertThat(snapshot.output()).contains("(SNAPSHOT allowed)", "0 errors");
    }

    @Test
    void badUsageSaysWhatIsWrong() throws Exception {
        Result r = checkExactly(List.of("--require"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("error: --require needs a value", "usage:");
        r = checkExactly(List.of(repo.resolve("none").toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("staging directory " + repo.resolve("none") + " does not exist");
    }

    @Test
    void unsignedFilesFailWhenSignaturesAreRequired() throws Exception {
        stageGoodRelease("1.0.0");
        Result r = checkExactly(List.of(repo.toString()));
        assertThat(r.exit()).isEqualTo(1);
        String out = r.output();
        assertThat(out).contains("p-core-1.0.0.jar.asc: missing (Central requires a GPG signature for every file)");
        assertThat(out.lines().filter(l -> l.startsWith("ERROR")).count()).as("one per file: 3 poms + 3 jars")
                .isEqualTo(6);
    }
}
