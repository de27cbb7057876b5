package dev.portregistry.cli;

import dev.portregistry.AlternateUse;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.PortInfo;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The {@code portregistry} command: {@code portregistry 1196} explains a port,
 * {@code portregistry openvpn} lists a service's ports; subcommands {@code listening},
 * {@code suggest}, {@code check} and {@code top} do the rest.
 */
@Command(name = "portregistry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Explains TCP/UDP/SCTP/DCCP ports: range, IANA assignments, lifecycle, what runs there in practice.",
                "A number is looked up as a port; anything else as a service name (case-insensitive).",
                "A service named like a command: portregistry lookup NAME."},
        subcommands = {LookupCommand.class, ListeningCommand.class, SuggestCommand.class, CheckCommand.class,
                TopCommand.class, CompletionCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code when the registry cannot be used (a damaged bundled table) or a named file cannot be read. */
    static final int FAILURE = 1;
    /** Exit code for a bad argument, such as a port outside 0..65535. */
    static final int USAGE = 2;
    /** Exit code when a query finds nothing. */
    static final int NOT_FOUND = 3;
    /** Exit code when this system cannot answer (listening sockets off Linux). */
    static final int UNSUPPORTED = 4;
    /** Exit code of {@code check} when the port has conflicts. */
    static final int CONFLICTS = 5;

    @Parameters(arity = "0..*", paramLabel = "PORT|SERVICE", description = "ports (0-65535) or service names")
    List<String> queries = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Colour or not: picocli's AUTO colours only a terminal (never a pipe or file; NO_COLOR turns it off). */
    private CommandLine.Help.Ansi ansi = CommandLine.Help.Ansi.AUTO;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        // the platform's charset, as System.out and System.err themselves encode with on Java 17
        Charset charset = Charset.defaultCharset();
        System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true), args));
    }

    /**
     * Runs the command with the given output streams; for tests and embedding.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code: 0 found, 1 registry unusable or a file unreadable, 2 bad argument,
     *         3 not found, 4 not supported on this system, 5 the checked port has conflicts
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(CommandLine.Help.Ansi.AUTO, out, err, args);
    }

    /** {@link #run(PrintWriter, PrintWriter, String...)} with colour on, off or detected (AUTO). */
    static int run(CommandLine.Help.Ansi ansi, PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        main.ansi = ansi;
        CommandLine cl = new CommandLine(main);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            if (ex instanceof UnsupportedOperationException) {
                return UNSUPPORTED;
            }
            if (ex instanceof CommandLine.ParameterException) {
                commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
                return USAGE;
            }
            // bad data in a file the user named (an overlay, an IANA CSV, a port table) is a usage error, like a bad argument
            return ex instanceof IllegalArgumentException || ex instanceof dev.portregistry.RegistryFormatException
                    ? USAGE : FAILURE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (queries.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'PORT|SERVICE' (or a command: lookup, listening, suggest, check, top)");
        }
        return lookup(spec.commandLine().getOut(), common, queries);
    }

    /** Looks up ports and names: the work of {@code portregistry QUERY...} and {@code portregistry lookup QUERY...}. */
    static int lookup(PrintWriter out, CommonOptions options, List<String> queries) {
        PortRegistry registry = options.registry();
        int code = 0;
        if (options.json) {
            List<Object> answers = new ArrayList<>();
            for (String q : queries) {
                if (isNumber(q)) {
                    answers.add(registry.get(parsePort(q)));
                } else {
                    List<PortInfo> ports = registry.findService(q);
                    code = ports.isEmpty() ? NOT_FOUND : code;
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("service", q);
                    answer.put("ports", ports);
                    answers.add(answer);
                }
            }
            options.printJson(out, answers.size() == 1 ? answers.get(0) : answers);
            out.flush();
            return code;
        }
        Optional<PortPopularity> popularity = Optional.empty();
        if (queries.stream().anyMatch(Main::isNumber)) {
            popularity = options.popularity();
        }
        boolean first = true;
        for (String q : queries) {
            if (!first) {
                out.println();
            }
            first = false;
            if (isNumber(q)) {
                printPort(out, registry.get(parsePort(q)));
                printPopularity(out, parsePort(q), popularity);
            } else if (!printService(out, registry, q)) {
                code = NOT_FOUND;
            }
        }
        if (!registry.notices().isEmpty()) {
            out.println();
            out.println("Note: " + registry.notices().size() + " curated entries do not fit the official data ("
                    + registry.version().officialSource() + ") and are not applied, e.g.: " + registry.notices().get(0));
        }
        out.flush();
        return code;
    }

    /** The fields of IANA's record beyond name and description, one line each where present. */
    static void printIanaRecord(PrintWriter out, ServiceAssignment a) {
        List<String> dates = new ArrayList<>();
        a.registrationDate().ifPresent(d -> dates.add("registered " + d));
        a.modificationDate().ifPresent(d -> dates.add("modified " + d));
        if (!dates.isEmpty()) {
            out.println("      " + String.join(", ", dates));
        }
        if (!a.references().isEmpty()) {
            out.println("      references: " + String.join("; ", a.references()));
        }
        a.serviceCode().ifPresent(c -> out.println("      service code: " + c));
        a.unauthorizedUseReported().ifPresent(u -> out.println("      unauthorized use reported to IANA: " + u));
        a.assignmentNotes().ifPresent(n -> out.println("      IANA notes: " + n));
    }

    /**
     * The text in picocli's styles (e.g. "bold,red") when colour is on, else the text as it is. Only for
     * our own fixed words and enum names: picocli markup must not meet data such as a service name.
     */
    String style(String text, String styles) {
        return ansi.enabled() ? ansi.string("@|" + styles + " " + text + "|@") : text;
    }

    static boolean isNumber(String q) {
        return q.matches("-?[0-9]+");
    }

    static int parsePort(String q) {
        try {
            return Integer.parseInt(q);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port " + q + " is out of range: expected 0..65535");
        }
    }

    static void printPort(PrintWriter out, PortInfo info) {
        out.printf("Port %d  %s (%d-%d)  %s%n", info.port(), info.range(), info.range().first(), info.range().last(),
                info.status());
        out.println(info.summary());
        for (boolean local : new boolean[] {false, true}) {
            List<ServiceAssignment> shown = info.assignments().stream().filter(a -> a.isLocal() == local).toList();
            if (shown.isEmpty()) {
                continue;
            }
            out.println(local ? "Local assignments (LOCAL, from your overlays):" : "Official assignments (IANA):");
            for (ServiceAssignment a : shown) {
                out.printf("  %-16s %-16s %-12s %s%n", a.name().isEmpty() ? "-" : a.name(), transports(a.transports()),
                        a.status(), a.description());
                if (!a.reason().orElse("").isEmpty()) {
                    out.println("      " + a.reason().orElse(""));
                }
                printIanaRecord(out, a);
            }
        }
        if (!info.alternateUses().isEmpty()) {
            out.println("Alternate uses:");
            for (AlternateUse u : info.alternateUses()) {
                out.printf("  %-16s %-16s %-12s%s%n", u.name(), transports(u.transports()), u.kind(),
                        u.officialPort().isPresent() ? "official port " + u.officialPort().getAsInt() : "");
                out.println("      " + u.description());
                out.println("      basis: " + u.basis());
            }
        }
        if (!info.relatedPorts().isEmpty()) {
            out.println("Related ports: " + info.relatedPorts().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private static void printPopularity(PrintWriter out, int port, Optional<PortPopularity> popularity) {
        if (popularity.isPresent()) {
            List<PortFrequency> seen = popularity.get().forPort(port);
            out.println("Popularity (Nmap, " + popularity.get().source() + "): " + (seen.isEmpty() ? "not listed"
                    : seen.stream().map(f -> f.transport().label() + " " + f.name() + " open frequency " + f.frequency())
                    .collect(Collectors.joining("; "))));
        }
    }

    private static boolean printService(PrintWriter out, PortRegistry registry, String name) {
        List<PortInfo> ports = registry.findService(name);
        if (ports.isEmpty()) {
            out.println("No port known for service \"" + name + "\".");
            return false;
        }
        String key = name.toLowerCase(Locale.ROOT);
        out.println("Service \"" + name + "\": " + ports.size() + (ports.size() == 1 ? " port" : " ports"));
        for (PortInfo p : ports) {
            String how = howItMatches(p, key);
            out.printf("  %5d  %-10s %-12s %s%n", p.port(), p.range(), p.status(), how);
        }
        return true;
    }

    /**
     * Says why a port answers a name: an official (or local) assignment of that name, an alternate use
     * of that name, a local alias (it names the local assignments), or else a common name, in which
     * case it names what the port holds.
     */
    static String howItMatches(PortInfo p, String key) {
        List<ServiceAssignment> named = p.assignments().stream().filter(a -> a.name().equalsIgnoreCase(key)).toList();
        if (!named.isEmpty()) {
            String kind = named.stream().allMatch(ServiceAssignment::isLocal) ? "local: " : "official: ";
            return kind + named.stream().map(a -> transports(a.transports())).distinct().collect(Collectors.joining("; "));
        }
        List<AlternateUse> uses = p.alternateUses().stream().filter(u -> u.name().equalsIgnoreCase(key)).toList();
        if (!uses.isEmpty()) {
            return "alternate use: " + uses.stream().map(u -> u.kind().toString()).distinct()
                    .collect(Collectors.joining("; "));
        }
        List<String> local = p.assignments().stream().filter(ServiceAssignment::isLocal)
                .map(ServiceAssignment::name).distinct().toList();
        if (!local.isEmpty()) {
            return "local name: " + String.join(", ", local);
        }
        String here = java.util.stream.Stream.concat(
                        p.assignments().stream().map(ServiceAssignment::name).filter(n -> !n.isEmpty()),
                        p.alternateUses().stream().map(AlternateUse::name))
                .distinct().limit(4).collect(Collectors.joining(", "));
        return "by common name; here: " + here;
    }

    private static String transports(java.util.Set<Transport> ts) {
        return ts.stream().map(Transport::label).collect(Collectors.joining(","));
    }

    /** Prints the tool's version and the bundled data's (--table and --iana-csv are not read for --version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"portregistry " + (v == null ? "(development build)" : v),
                    "bundled data: " + PortRegistry.dataVersion().officialSource() + ", " + PortRegistry.dataVersion().label()};
        }
    }
}
