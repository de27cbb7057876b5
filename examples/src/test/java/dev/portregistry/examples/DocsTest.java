package dev.portregistry.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the docs honest: every code block marked {@code <!-- snippet: NAME -->} in README.md and
 * docs/*.md is, line for line, the region {@code tag::NAME[]} .. {@code end::NAME[]} of a test source
 * that compiles and runs (so no example can rot), and every relative link points to a file that
 * exists. All problems are collected and reported together.
 */
class DocsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([a-z0-9-]+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile(
            "// tag::([a-z0-9-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static List<Path> docs() {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tagged regions of the test sources of examples/, dedented. */
    private static Map<String, String> regions() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(ROOT.resolve("examples/src/test/java"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TAG.matcher(read(p));
                while (m.find()) {
                    out.put(m.group(1), dedent(m.group(2)));
                }
            }
        }
        return out;
    }

    static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    @Test
    void everyMarkedCodeBlockIsATestedRegion() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            Matcher m = SNIPPET.matcher(read(doc));
            while (m.find()) {
                checked++;
                String region = regions.get(m.group(1));
                if (region == null) {
                    problems.add(ROOT.relativize(doc) + ": snippet " + m.group(1) + " has no tagged region in examples/");
                } else if (!region.equals(m.group(2).stripTrailing())) {
                    problems.add(ROOT.relativize(doc) + ": snippet " + m.group(1) + " differs from its region:\n"
                            + region + "\n--- docs ---\n" + m.group(2));
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("marked code blocks").isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyRelativeLinkResolves() {
        List<String> problems = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = LINK.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(doc.getParent().resolve(target).normalize())) {
                    problems.add(ROOT.relativize(doc) + ": link to " + target + " does not resolve");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
