package dev.portregistry.cli;

import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.advice.PortCheck;
import dev.portregistry.advice.PortConflict;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.advice.ConflictKind;
import dev.portregistry.AlternateUse;
import dev.portregistry.PortRegistry;
import dev.portregistry.UseKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code portregistry check PORT}: what is wrong with a port planned for a new service. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a port planned for a new service and explains every conflict.",
                "Conflicts: privileged, dynamic or ephemeral range, reserved, assigned (by IANA or your overlay), "
                        + "known alternate use or malware, port family, popular in Nmap's data. "
                        + "Exit code 0 if the port is clear, 5 if it has conflicts."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PORT", description = "the port you plan to use, 0-65535")
    String port;

    @Option(names = {"-v", "--verbose"},
            description = "one line per conflict, even where many programs share the port (default: more than "
                    + GROUP_ABOVE + " alternate uses or malware families are named on one line)")
    boolean verbose;

    /** More alternate uses (or malware families) than this are listed by name on one line unless --verbose. */
    static final int GROUP_ABOVE = 3;

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        if (!Main.isNumber(port)) {
            throw new IllegalArgumentException("port \"" + port + "\" is not a number: expected 0..65535");
        }
        PortRegistry registry = options.registry();
        PortAdvisor advisor = PortAdvisor.of(registry);
        Optional<PortPopularity> popularity = options.popularity();
        if (popularity.isPresent()) {
            advisor = advisor.avoiding(popularity.get());
        }
        PortCheck check = advisor.check(Main.parsePort(port));
        PrintWriter out = parent.spec.commandLine().getOut();
        if (options.json) {
            options.printJson(out, check);
        } else if (check.isClear()) {
            out.println(parent.style("Port " + check.port() + " is clear for a new service:", "bold,green")
                    + " nothing known conflicts with it.");
        } else {
            printConflicts(out, check, registry);
        }
        out.flush();
        return check.isClear() ? 0 : Main.CONFLICTS;
    }

    /**
     * One line a conflict, except that a port many programs use (8080 has dozens) gets one line naming
     * them, in the registry's order; {@code --verbose} gives every sentence.
     */
    private void printConflicts(PrintWriter out, PortCheck check, PortRegistry registry) {
        out.println(parent.style("Port " + check.port() + " has " + check.conflicts().size()
                + (check.conflicts().size() == 1 ? " conflict:" : " conflicts:"), "bold"));
        Map<ConflictKind, List<PortConflict>> byKind = new LinkedHashMap<>();
        for (PortConflict c : check.conflicts()) {
            byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
        }
        boolean grouped = false;
        for (Map.Entry<ConflictKind, List<PortConflict>> e : byKind.entrySet()) {
            ConflictKind kind = e.getKey();
            String label = parent.style(String.format("%-16s", kind), kind == ConflictKind.MALWARE ? "bold,red" : "yellow");
            boolean uses = kind == ConflictKind.ALTERNATE_USE || kind == ConflictKind.MALWARE;
            if (verbose || !uses || e.getValue().size() <= GROUP_ABOVE) {
                for (PortConflict c : e.getValue()) {
                    out.println("  " + label + " " + c.message());
                }
                continue;
            }
            UseKind useKind = kind == ConflictKind.MALWARE ? UseKind.MALWARE : UseKind.UNOFFICIAL;
            List<String> names = registry.get(check.port()).alternateUses(useKind).stream()
                    .map(AlternateUse::name).distinct().toList();
            out.println("  " + label + " " + (kind == ConflictKind.MALWARE
                    ? e.getValue().size() + " malware families are known to use port " + check.port() + ": "
                    : e.getValue().size() + " programs commonly run on port " + check.port() + " without the IANA assignment: ")
                    + String.join(", ", names) + ".");
            grouped = true;
        }
        if (grouped) {
            out.println("Each in full: portregistry check " + check.port() + " --verbose");
        }
        out.println("Free ports nearby: portregistry suggest --near " + check.port());
    }
}
