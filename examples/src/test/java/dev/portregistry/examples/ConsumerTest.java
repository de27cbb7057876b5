package dev.portregistry.examples;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.json.PortRegistryModule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compiles the programs in examples/ with javac and runs them in a fresh JVM against core's jar,
 * on the class path and on the module path, as a user's build would. In {@code mvn verify} Maven
 * hands this module core's packaged jar; in a partial build it may be core's classes directory,
 * which is an exploded module, and the jar-only checks are skipped.
 */
class ConsumerTest {
    private static Path examples;
    private static Path core;
    /** core and tools, as one path: the consumer uses both. */
    private static String coreAndTools;
    private static List<Path> jsonPath;

    @TempDir
    static Path work;

    private static Path whereIs(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @BeforeAll
    static void locate() throws URISyntaxException {
        examples = Path.of(System.getProperty("portregistry.examples.dir", "."));
        core = whereIs(PortRegistry.class);
        Path tools = whereIs(ListeningSockets.class);
        coreAndTools = core + File.pathSeparator + tools;
        jsonPath = List.of(core, tools, whereIs(PortRegistryModule.class), whereIs(ObjectMapper.class), whereIs(JsonFactory.class),
                whereIs(JsonProperty.class));
    }

    private static String path(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static List<String> sources(Path dir, boolean withModuleInfo) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> withModuleInfo || !p.getFileName().toString().equals("module-info.java"))
                    .map(Path::toString).sorted().toList();
        }
    }

    /** Runs javac in this JVM; returns its exit code and puts its messages in {@code messages}. */
    private static int javac(List<String> args, StringBuilder messages) {
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException("no javac: a JDK is needed"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = javac.run(stream, stream, args.toArray(new String[0]));
        messages.append(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static void compile(List<String> args) {
        StringBuilder messages = new StringBuilder();
        assertThat(javac(args, messages)).as("javac %s%n%s", args, messages).isZero();
    }

    /** Runs a program in a new JVM and returns its standard output; fails on a non-zero exit. */
    private static List<String> java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s%n%s", command, text).isZero();
        return text.lines().toList();
    }

    @Test
    void theConsumerRunsOnTheClassPathAndOnTheModulePathWithTheSameAnswers() throws Exception {
        Path src = examples.resolve("consumer");
        Path classic = work.resolve("classic");
        Path modular = work.resolve("modular");

        List<String> onClassPath = new ArrayList<>(List.of("-d", classic.toString(), "--class-path", coreAndTools));
        onClassPath.addAll(sources(src, false));
        compile(onClassPath);
        List<String> viaClassPath = java("--class-path", coreAndTools + File.pathSeparator + classic, "example.consumer.Consumer");

        List<String> onModulePath = new ArrayList<>(List.of("-d", modular.toString(), "--module-path", coreAndTools));
        onModulePath.addAll(sources(src, true));
        compile(onModulePath);
        List<String> viaModulePath = java("--module-path", coreAndTools + File.pathSeparator + modular,
                "--module", "example.consumer/example.consumer.Consumer");

        assertThat(viaClassPath.get(0)).isEqualTo("module=null");
        assertThat(viaModulePath.get(0)).isEqualTo("module=dev.portregistry");
        assertThat(viaModulePath.subList(1, viaModulePath.size())).isEqualTo(viaClassPath.subList(1, viaClassPath.size()));
        PortInfo info = PortRegistry.lookup(1196);
        assertThat(viaModulePath).contains(
                "lookup=1196 REGISTERED " + info.status() + " " + info.alternateUses().get(0).name(),
                "byService=" + PortRegistry.byService("openvpn").stream().map(PortInfo::port).toList(),
                "overlay=7443 bundled=0",
                "data=" + PortRegistry.dataVersion().label());
        assertThat(viaModulePath).anyMatch(l -> l.startsWith("suggest=[") && l.endsWith(" check7443local=true"));
        assertThat(viaModulePath).anyMatch(l -> l.startsWith("listening="));
    }

    @Test
    void theInternalPackageIsNotExportedOnTheModulePath() throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", work.resolve("sneaky").toString(), "--module-path", core.toString()));
        args.addAll(sources(examples.resolve("sneaky"), true));
        StringBuilder messages = new StringBuilder();
        assertThat(javac(args, messages)).isNotZero();
        assertThat(messages.toString()).contains("dev.portregistry.internal").contains("not visible");
    }

    @Test
    void jsonWorksOnTheModulePathThroughJacksonsOwnModuleDiscovery() throws Exception {
        Path out = work.resolve("json");
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--module-path", path(jsonPath)));
        args.addAll(sources(examples.resolve("json-consumer"), true));
        compile(args);
        List<Path> runtime = new ArrayList<>(jsonPath);
        runtime.add(out);
        List<String> lines = java("--module-path", path(runtime), "--module", "example.json/example.json.JsonConsumer");

        JsonNode lookup = new ObjectMapper().readTree(lines.get(0));
        assertThat(lookup.get("port").asInt()).isEqualTo(1196);
        assertThat(lookup.get("status").asText()).isEqualTo("ABANDONED");
        assertThat(lookup.get("alternateUses").size()).isEqualTo(PortRegistry.lookup(1196).alternateUses().size());
        assertThat(lookup.get("summary").asText()).isEqualTo(PortRegistry.lookup(1196).summary());
        JsonNode local = new ObjectMapper().readTree(lines.get(1));
        assertThat(local.get(local.size() - 1).get("origin").asText()).isEqualTo("LOCAL");
    }

    @Test
    void theJarNamesItsDataVersionAndShipsWithSourcesAndJavadoc() throws IOException {
        assumeTrue(Files.isRegularFile(core), "core was resolved to " + core + ", not its jar (a build without package)");
        DataVersion data = PortRegistry.dataVersion();
        try (JarFile jar = new JarFile(core.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Portregistry-Data-Official")).isEqualTo(data.officialSource());
            assertThat(main.getValue("Portregistry-Data-Official-Date")).isEqualTo(data.officialDate().toString());
            assertThat(main.getValue("Portregistry-Data-Curated")).isEqualTo(data.curatedRevision());
            assertThat(main.getValue("Implementation-Version")).isEqualTo(System.getProperty("portregistry.version"));
            assertThat(jar.getEntry("module-info.class")).isNotNull();
            assertThat(jar.getEntry("dev/portregistry/ports.table")).isNotNull();
        }
        String base = core.getFileName().toString().replaceFirst("\\.jar$", "");
        for (String classifier : List.of("sources", "javadoc")) {
            Path attached = core.resolveSibling(base + "-" + classifier + ".jar");
            assertThat(attached).as(classifier + " jar").isRegularFile();
            try (JarFile jar = new JarFile(attached.toFile())) {
                assertThat(jar.getEntry(classifier.equals("sources") ? "dev/portregistry/PortRegistry.java"
                        : "dev.portregistry/dev/portregistry/PortRegistry.html")).as(classifier + " content").isNotNull();
            }
        }
    }
}
