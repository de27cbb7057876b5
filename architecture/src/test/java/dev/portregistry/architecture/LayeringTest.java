package dev.portregistry.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import dev.portregistry.PortRegistry;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.spark.PortRegistryFunctions;
import dev.portregistry.bench.LookupBenchmark;
import dev.portregistry.fixtures.FixtureTable;
import dev.portregistry.cli.Main;
import dev.portregistry.data.RegistryCompiler;
import dev.portregistry.json.PortRegistryJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layering, written down and checked over the main classes of every module (tests excluded):
 * core depends on the JDK only; json, tools, spark and the CLI use core's exported package and
 * nothing of its {@code internal} package; nothing depends on the build-only modules. Modules are
 * told apart by package, and every class under {@code dev.portregistry} must belong to one of them,
 * so a new package cannot slip past the rules. tools and spark, which do not exist yet here, are
 * optional layers; adding a module is one class of it in {@code MODULES}, its layer (if new) and a
 * test dependency in this module's pom.
 */
class LayeringTest {
    private static final String CORE_API = "core API";
    private static final String CORE_INTERNAL = "core internal";
    private static final String JSON = "json";
    private static final String TOOLS = "tools";
    private static final String SPARK = "spark";
    private static final String CLI = "cli";
    private static final String REGISTRY_DATA = "registry-data";
    private static final String BENCHMARKS = "benchmarks";
    private static final String TEST_FIXTURES = "test fixtures";

    /** One class of each module checked: its jar or class directory is what gets imported. */
    private static final List<Class<?>> MODULES = List.of(PortRegistry.class, ListeningSockets.class,
            PortRegistryJson.class, PortRegistryFunctions.class, Main.class, RegistryCompiler.class,
            LookupBenchmark.class, FixtureTable.class);

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() throws URISyntaxException {
        List<Location> artifacts = new ArrayList<>();
        for (Class<?> c : MODULES) {
            Path artifact = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            // a jar is read through its jar: URI (ArchUnit finds no classes in a plain file: URI of a jar)
            artifacts.add(Files.isRegularFile(artifact)
                    ? Location.of(URI.create("jar:" + artifact.toUri() + "!/"))
                    : Location.of(artifact));
        }
        // only our artifacts, and in them only our packages (the CLI's jar is shaded): scanning the
        // whole class path would cost seconds for nothing
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> location.contains("/dev/portregistry/"))
                .importLocations(artifacts);
    }

    @Test
    void everyModuleWasImported() {
        for (Class<?> c : MODULES) {
            assertThat(classes.contain(c)).as("%s imported", c.getName()).isTrue();
        }
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        ArchRule rule = classes().that().resideInAnyPackage("dev.portregistry", "dev.portregistry.internal..")
                .should().onlyDependOnClassesThat()
                // and JSpecify's nullness annotations, which nothing loads at run time (requires static)
                .resideInAnyPackage("dev.portregistry", "dev.portregistry.internal..", "java..", "org.jspecify.annotations")
                .because("core has no runtime dependency: a user adds one jar and nothing else");
        rule.check(classes);
    }

    @Test
    void modulesUseCoreThroughItsExportedApiOnly() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.portregistry..")
                .layer(CORE_API).definedBy("dev.portregistry")
                .layer(CORE_INTERNAL).definedBy("dev.portregistry.internal..")
                .layer(JSON).definedBy("dev.portregistry.json..")
                .layer(TOOLS).definedBy("dev.portregistry.host..", "dev.portregistry.advice..",
                        "dev.portregistry.nmap..")
                .layer(SPARK).definedBy("dev.portregistry.spark..")
                .layer(CLI).definedBy("dev.portregistry.cli..")
                .layer(REGISTRY_DATA).definedBy("dev.portregistry.data..")
                .layer(BENCHMARKS).definedBy("dev.portregistry.bench..")
                .layer(TEST_FIXTURES).definedBy("dev.portregistry.fixtures..")
                .whereLayer(CORE_API).mayOnlyAccessLayers(CORE_INTERNAL)
                .whereLayer(CORE_INTERNAL).mayOnlyAccessLayers(CORE_API)
                // registry-data is the build's writer of the bundled table: it encodes it with core's
                // TableCodec/TableData and checks names with ServiceNames, so the table has one codec.
                // It is build-only and never reaches a user's class path.
                .whereLayer(CORE_INTERNAL).mayOnlyBeAccessedByLayers(CORE_API, REGISTRY_DATA)
                // the JSON module writes the published types of core and of tools
                .whereLayer(JSON).mayOnlyAccessLayers(CORE_API, TOOLS)
                .whereLayer(TOOLS).mayOnlyAccessLayers(CORE_API)
                .whereLayer(SPARK).mayOnlyAccessLayers(CORE_API)
                .whereLayer(CLI).mayOnlyAccessLayers(CORE_API, JSON, TOOLS)
                .whereLayer(CLI).mayNotBeAccessedByAnyLayer()
                // registry-data reads the curated files with json's CuratedJson, the one reader of that format
                .whereLayer(REGISTRY_DATA).mayOnlyAccessLayers(CORE_API, CORE_INTERNAL, TOOLS, JSON)
                .whereLayer(REGISTRY_DATA).mayNotBeAccessedByAnyLayer()
                .whereLayer(BENCHMARKS).mayOnlyAccessLayers(CORE_API, TOOLS)
                .whereLayer(BENCHMARKS).mayNotBeAccessedByAnyLayer()
                // the frozen fixture table of the logic tests: used by tests only, and knows no module
                .whereLayer(TEST_FIXTURES).mayNotAccessAnyLayer()
                .whereLayer(TEST_FIXTURES).mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
        rule.check(classes);
    }

    @Test
    void nothingOutsideCoreTouchesItsInternalPackage() {
        ArchRule rule = noClasses().that()
                .resideOutsideOfPackages("dev.portregistry", "dev.portregistry.internal..",
                        "dev.portregistry.data..") // registry-data: the build's table writer, see above
                .should().dependOnClassesThat().resideInAPackage("dev.portregistry.internal..")
                .because("internal is not exported: only the table's reader and the build's writer use it");
        rule.check(classes);
    }
}
