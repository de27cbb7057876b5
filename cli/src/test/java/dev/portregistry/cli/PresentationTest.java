package dev.portregistry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the CLI presents itself: grouped lists, colour only where it belongs, completion and man page.
 * On the frozen fixture table (--table; test-fixtures/data/README.md), where 8080 is http-alt with one
 * unofficial use, Apache Tomcat; an overlay adds the programs a busy port has.
 */
class PresentationTest {
    private static final String ESC = "\u001B[";
    /** http-alt, with Apache Tomcat as its one unofficial use. */
    private static final int BUSY_PORT = 8080;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private Path table;

    @BeforeEach
    void writeTable() throws IOException {
        table = FixtureTableFile.write(dir);
    }

    /** The command as typed, on the fixture table. */
    private int run(Ansi ansi, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--table";
        all[1] = table.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Main.run(ansi, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    /** A JSON overlay that adds unofficial uses of BUSY_PORT over TCP, after the fixture's Apache Tomcat. */
    private Path moreUses(String... names) throws IOException {
        String uses = java.util.Arrays.stream(names).map(n -> "{\"name\": \"" + n + "\", \"ports\": [" + BUSY_PORT
                        + "], \"transports\": [\"tcp\"], \"kind\": \"unofficial\", \"description\": \"A program made up "
                        + "for the test.\", \"basis\": \"this test\"}")
                .collect(Collectors.joining(", "));
        return Files.writeString(dir.resolve("uses.json"), "{\"alternateUses\": [" + uses + "]}");
    }

    private List<String> lines(String prefix) {
        return out.toString().lines().filter(l -> l.startsWith(prefix)).toList();
    }

    // ------------------------------------------------------------------ grouped lists

    /** More than three uses (check --help: "more than 3 alternate uses ... are named on one line"). */
    @Test
    void manyAlternateUsesAreNamedOnOneLine() throws IOException {
        Path overlay = moreUses("Alpha Server", "Beta Server", "Gamma Server");
        assertThat(run(Ansi.OFF, "check", String.valueOf(BUSY_PORT), "--no-nmap", "--overlay", overlay.toString()))
                .isEqualTo(Main.CONFLICTS);
        assertThat(lines("  ALTERNATE_USE")).containsExactly("  ALTERNATE_USE    4 programs commonly run on port 8080 "
                + "without the IANA assignment: Apache Tomcat, Alpha Server, Beta Server, Gamma Server.");
        assertThat(out.toString()).contains("Each in full: portregistry check " + BUSY_PORT + " --verbose")
                .doesNotContain("commonly runs on port");
        assertThat(out.toString()).as("the header still counts every conflict: http-alt and the four uses")
                .startsWith("Port " + BUSY_PORT + " has 5 conflicts:\n");
    }

    @Test
    void verboseGivesEveryConflictItsOwnLine() throws IOException {
        Path overlay = moreUses("Alpha Server", "Beta Server", "Gamma Server");
        assertThat(run(Ansi.OFF, "check", "--verbose", String.valueOf(BUSY_PORT), "--no-nmap", "--overlay", overlay.toString()))
                .isEqualTo(Main.CONFLICTS);
        List<String> each = lines("  ALTERNATE_USE");
        List<String> names = List.of("Apache Tomcat", "Alpha Server", "Beta Server", "Gamma Server");
        assertThat(each).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(each.get(i)).endsWith(names.get(i) + " commonly runs on port " + BUSY_PORT
                    + " over TCP without the IANA assignment.");
        }
        assertThat(out.toString()).doesNotContain("--verbose");
    }

    @Test
    void aFewUsesKeepTheirSentences() throws IOException {
        assertThat(run(Ansi.OFF, "check", String.valueOf(BUSY_PORT), "--no-nmap")).isEqualTo(Main.CONFLICTS);
        assertThat(out.toString()).isEqualTo("""
                Port 8080 has 2 conflicts:
                  ASSIGNED         IANA assigns port 8080 to http-alt over TCP and UDP.
                  ALTERNATE_USE    Apache Tomcat commonly runs on port 8080 over TCP without the IANA assignment.
                Free ports nearby: portregistry suggest --near 8080
                """);
        out.getBuffer().setLength(0);

        // three, the most that keep their sentences
        Path overlay = moreUses("Alpha Server", "Beta Server");
        assertThat(run(Ansi.OFF, "check", String.valueOf(BUSY_PORT), "--no-nmap", "--overlay", overlay.toString()))
                .isEqualTo(Main.CONFLICTS);
        assertThat(lines("  ALTERNATE_USE")).hasSize(3).allSatisfy(l -> assertThat(l).contains(" commonly runs on port "));
        assertThat(out.toString()).doesNotContain("--verbose");
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

    private String runInOwnJvm(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--table", table.toString(), "check", String.valueOf(BUSY_PORT), "--no-nmap"));
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
        assertThat(script).contains("--verbose", "--overlay", "--json", "--nmap-services", "--table", "--iana-csv");
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
        assertThat(check.toString()).contains("--verbose", "--table");
    }
}
