package dev.portregistry.architecture;

import dev.portregistry.PortRegistry;
import dev.portregistry.json.PortRegistryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public API of every published artifact is committed as text in {@code architecture/api/}, and
 * this test fails when the compiled classes say otherwise: every API change is then a diff in review,
 * made on purpose. After a deliberate change, rewrite the files and commit them with the change:
 *
 * <pre>{@value #UPDATE}</pre>
 */
class PublicApiTest {
    static final String UPDATE = "mvn -B -pl architecture -am test -Dportregistry.api.update=true"
            + " -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false";

    /** One line per published artifact: its name and any class of it. */
    static Stream<Arguments> artifacts() {
        return Stream.of(
                Arguments.of("portregistry-core", PortRegistry.class),
                Arguments.of("portregistry-tools", dev.portregistry.host.ListeningSockets.class),
                Arguments.of("portregistry-json", PortRegistryJson.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void publicApiIsTheCommittedOne(String artifact, Class<?> anchor) throws IOException {
        String actual = ApiSignatures.of(anchor);
        assertThat(actual).as("the API of %s", artifact).contains("public ");
        Path file = Path.of(System.getProperty("portregistry.api.dir", "api")).resolve(artifact + ".api");
        if (Boolean.getBoolean("portregistry.api.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail(artifact + " has no committed API file " + file + ": create it with\n  " + UPDATE);
        }
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        if (!actual.equals(committed)) {
            fail("the public API of " + artifact + " differs from " + file + " (+ new, - gone):\n"
                    + difference(committed, actual)
                    + "If the change is deliberate, rewrite the file and commit it with the change:\n  " + UPDATE);
        }
    }

    /** What is only in one of the texts: types, and members named with the type they belong to. */
    static String difference(String committed, String actual) {
        List<String> before = entries(committed);
        List<String> after = entries(actual);
        StringBuilder out = new StringBuilder();
        before.stream().filter(e -> !after.contains(e)).forEach(e -> out.append("- ").append(e).append('\n'));
        after.stream().filter(e -> !before.contains(e)).forEach(e -> out.append("+ ").append(e).append('\n'));
        return out.length() == 0 ? "  (the same lines in another order)\n" : out.toString();
    }

    private static List<String> entries(String api) {
        List<String> entries = new ArrayList<>();
        String type = "";
        for (String line : api.lines().toList()) {
            if (line.startsWith(" ")) {
                entries.add(line.strip() + "   (in " + type + ")");
            } else if (!line.isEmpty()) {
                type = line;
                entries.add(line);
            }
        }
        return entries;
    }

    @Test
    void aDifferenceNamesEachMemberWithItsType() {
        String before = """
                public final class a.A
                  public int x()
                  public int y()

                public final class a.B
                  public int y()

                """;
        String after = """
                public final class a.A
                  public int x()

                public final class a.B
                  public int y()

                public interface a.C

                """;
        assertThat(difference(before, after)).isEqualTo("""
                - public int y()   (in public final class a.A)
                + public interface a.C
                """);
        assertThat(difference(after, after)).contains("another order");
    }
}
