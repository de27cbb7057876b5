package dev.portregistry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.AlternateUse;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.PortRegistry;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How the CLI presents itself: grouped lists, colour only where it belongs, completion and man page. */
class PresentationTest {
    private static final String ESC = "\u001B[";
    /** A port many programs use: the case grouping is for. Its uses are read from the registry, not written here. */
    private static final int BUSY_PORT = 8080;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Ansi ansi, String... args) {
        return Main.run(ansi, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static List<String> unofficialNames(int port) {
        return PortRegistry.bundled().get(port).alternateUses(UseKind.UNOFFICIAL).stream()
                .map(AlternateUse::name).distinct().toList();
    }

    private List<String> lines(String prefix) {
        return out.toString().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    // ------------------------------------------------------------------ grouped lists

    @Test
    void manyAlternateUsesAreNamedOnOneLine() {
        List<String> names = unofficialNames(BUSY_PORT);
        assumeTrue(names.size() > CheckCommand.GROUP_ABOVE, "the data names few programs on " + BUSY_PORT);
        assertThat(run(Ansi.OFF, "check", String.valueOf(BUSY_PORT), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        List<String> grouped = lines("  ALTERNATE_USE");
        assertThat(grouped).singleElement().satisfies(line -> {
            assertThat(line).contains(names.size() + " programs commonly run on port " + BUSY_PORT);
            assertThat(line).contains(String.join(", ", names));
        });
        assertThat(out.toString()).contains("portregistry check " + BUSY_PORT + " --verbose")
                .doesNotContain("commonly runs on port");
        int conflicts = PortAdvisor.of(PortRegistry.bundled()).check(BUSY_PORT).conflicts().size();
        assertThat(out.toString()).as("the header still counts every conflict")
                .contains("Port " + BUSY_PORT + " has " + conflicts + " conflicts:");
    }

    @Test
    void verboseGivesEveryConflictItsOwnLine() {
        List<String> names = unofficialNames(BUSY_PORT);
        assertThat(run(Ansi.OFF, "check", "--verbose", String.valueOf(BUSY_PORT), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        List<String> each = lines("  ALTERNATE_USE");
        assertThat(each).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(each.get(i)).contains(names.get(i) + " commonly runs on port " + BUSY_PORT);
        }
        assertThat(out.toString()).doesNotContain("--verbose");
    }

    @Test
    void aFewUsesKeepTheirSentences() {
        int port = 1196;
        List<String> names = unofficialNames(port);
        assumeTrue(!names.isEmpty() && names.size() <= CheckCommand.GROUP_ABOVE, "the data changed at " + port);
        assertThat(run(Ansi.OFF, "check", String.valueOf(port), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        assertThat(lines("  ALTERNATE_USE")).hasSize(names.size());
        assertThat(out.toString()).contains(names.get(0) + " commonly runs on port " + port).doesNotContain("--verbose");
    }

    // ------------------------------------------------------------------ colour

    @Test
    void colourWhenOnAndNeverWhenOff() {
        assertThat(run(Ansi.ON, "check", String.valueOf(BUSY_PORT), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).contains(ESC + "1m"); // bold header
        String coloured = out.toString().replaceAll("\u001B\\[[0-9;]*m", "");
        out.getBuffer().setLength(0);
        assertThat(run(Ansi.OFF, "check", String.valueOf(BUSY_PORT), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).doesNotContain(ESC).isEqualTo(coloured);
    }

    @Test
    void jsonIsNeverColouredEvenWhenColourIsForced() throws IOException {
        for (String[] args : List.of(new String[] {"--json", "check", "8080", "--no-nmap"},
                new String[] {"--json", "1196"}, new String[] {"suggest", "--json", "--no-nmap"})) {
            out.getBuffer().setLength(0);
            run(Ansi.ON, args);
            assertThat(out.toString()).as(String.join(" ", args)).doesNotContain(ESC);
            new ObjectMapper().readTree(out.toString());
        }
    }

    /**
     * The real thing: the command in its own JVM with standard output going into a pipe, as in
     * {@code portregistry check 8080 | less}. Picocli's detection must keep it plain; forcing colour in
     * the same set-up shows the test would see escape codes if there were any.
     */
    @Test
    void noColourInAPipe() throws IOException, InterruptedException {
        String piped = runInOwnJvm(List.of());
        assertThat(piped).startsWith("Port " + BUSY_PORT + " has ").doesNotContain(ESC);
        String forced = runInOwnJvm(List.of("-Dpicocli.ansi=true"));
        assertThat(forced).contains(ESC);
        assertThat(forced.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(piped);
    }

    private static String runInOwnJvm(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "check", String.valueOf(BUSY_PORT), "--no-nmap"));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("NO_COLOR");
        env.remove("CLICOLOR");
        env.remove("CLICOLOR_FORCE");
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(text).isEqualTo(Main.CONFLICTS);
        return text;
    }

    // ------------------------------------------------------------------ completion and man page

    @Test
    void completionKnowsEveryCommandAndOption() {
        assertThat(run(Ansi.OFF, "completion")).isZero();
        String script = out.toString();
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_portregistry");
        CommandLine cl = new CommandLine(new Main());
        for (String sub : cl.getSubcommands().keySet()) {
            assertThat(script).as("subcommand " + sub).contains(sub);
        }
        assertThat(script).contains("--verbose", "--overlay", "--json", "--nmap-services");
    }

    @Test
    void everyCommandHasAManPageSource() {
        CommandLine cl = new CommandLine(new Main());
        List<CommandLine.Model.CommandSpec> specs = new ArrayList<>();
        specs.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(c -> specs.add(c.getCommandSpec()));
        for (CommandLine.Model.CommandSpec spec : specs) {
            StringWriter page = new StringWriter();
            ManPageGenerator.writeSingleManPage(new PrintWriter(page), spec);
            String name = spec.qualifiedName("-");
            assertThat(page.toString()).as(name).contains(":doctype: manpage", "= " + name + "(1)",
                    spec.usageMessage().description()[0]);
        }
        StringWriter check = new StringWriter();
        ManPageGenerator.writeSingleManPage(new PrintWriter(check), cl.getSubcommands().get("check").getCommandSpec());
        assertThat(check.toString()).contains("--verbose");
    }
}
