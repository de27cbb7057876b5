package dev.portregistry.cli;

import dev.portregistry.AlternateUse;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The {@code portregistry} command: {@code portregistry 1196} explains a port,
 * {@code portregistry openvpn} lists a service's ports.
 */
@Command(name = "portregistry", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Explains TCP/UDP/SCTP/DCCP ports: range, IANA assignments, lifecycle, what runs there in practice.",
                "A number is looked up as a port; anything else as a service name (case-insensitive)."})
public final class Main implements Callable<Integer> {
    /** Exit code when the registry cannot be used (a damaged table). */
    static final int FAILURE = 1;
    /** Exit code for a bad argument, such as a port outside 0..65535. */
    static final int USAGE = 2;
    /** Exit code when a query finds nothing. */
    static final int NOT_FOUND = 3;

    @Parameters(arity = "1..*", paramLabel = "PORT|SERVICE", description = "ports (0-65535) or service names")
    List<String> queries;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command with the given output streams; for tests and embedding.
     *
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code: 0 found, 1 registry unusable, 2 bad argument, 3 not found
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? USAGE : FAILURE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int code = 0;
        boolean first = true;
        for (String q : queries) {
            if (!first) {
                out.println();
            }
            first = false;
            if (isNumber(q)) {
                printPort(out, PortRegistry.lookup(parsePort(q)));
            } else if (!printService(out, q)) {
                code = NOT_FOUND;
            }
        }
        out.flush();
        return code;
    }

    private static boolean isNumber(String q) {
        return q.matches("-?[0-9]+");
    }

    private static int parsePort(String q) {
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
        if (!info.assignments().isEmpty()) {
            out.println("Official assignments (IANA):");
            for (ServiceAssignment a : info.assignments()) {
                out.printf("  %-16s %-16s %-12s %s%n", a.name().isEmpty() ? "-" : a.name(), transports(a.transports()),
                        a.status(), a.description());
                if (!a.note().isEmpty()) {
                    out.println("      " + a.note());
                }
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

    private static boolean printService(PrintWriter out, String name) {
        List<PortInfo> ports = PortRegistry.byService(name);
        if (ports.isEmpty()) {
            out.println("No port known for service \"" + name + "\".");
            return false;
        }
        String key = name.toLowerCase(Locale.ROOT);
        out.println("Service \"" + name + "\": " + ports.size() + (ports.size() == 1 ? " port" : " ports"));
        for (PortInfo p : ports) {
            String how = p.assignments().stream().anyMatch(a -> a.name().equalsIgnoreCase(key))
                    ? "official: " + p.assignments().stream().filter(a -> a.name().equalsIgnoreCase(key))
                    .map(a -> transports(a.transports())).distinct().collect(Collectors.joining("; "))
                    : p.alternateUses().stream().anyMatch(u -> u.name().equalsIgnoreCase(key))
                    ? "alternate use: " + p.alternateUses().stream().filter(u -> u.name().equalsIgnoreCase(key))
                    .map(u -> u.kind().toString()).distinct().collect(Collectors.joining("; "))
                    : "common name: " + p.assignments().stream().map(ServiceAssignment::name)
                    .filter(n -> !n.isEmpty()).distinct().collect(Collectors.joining(", "));
            out.printf("  %5d  %-10s %-12s %s%n", p.port(), p.range(), p.status(), how);
        }
        return true;
    }

    private static String transports(java.util.Set<Transport> ts) {
        return ts.stream().map(Transport::label).collect(Collectors.joining(","));
    }

    /** Prints the tool and data versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"portregistry " + (v == null ? "(development build)" : v),
                    "data: " + PortRegistry.dataVersion().officialSource() + ", " + PortRegistry.dataVersion().label()};
        }
    }
}
