package dev.portregistry.cli;

import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.advice.PortCheck;
import dev.portregistry.advice.PortConflict;
import dev.portregistry.nmap.PortPopularity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        if (!Main.isNumber(port)) {
            throw new IllegalArgumentException("port \"" + port + "\" is not a number: expected 0..65535");
        }
        PortAdvisor advisor = PortAdvisor.of(options.registry());
        Optional<PortPopularity> popularity = options.popularity();
        if (popularity.isPresent()) {
            advisor = advisor.avoiding(popularity.get());
        }
        PortCheck check = advisor.check(Main.parsePort(port));
        PrintWriter out = parent.spec.commandLine().getOut();
        if (options.json) {
            options.printJson(out, check);
        } else if (check.isClear()) {
            out.println("Port " + check.port() + " is clear for a new service: nothing known conflicts with it.");
        } else {
            out.println("Port " + check.port() + " has " + check.conflicts().size()
                    + (check.conflicts().size() == 1 ? " conflict:" : " conflicts:"));
            for (PortConflict c : check.conflicts()) {
                out.printf("  %-16s %s%n", c.kind(), c.message());
            }
            out.println("Free ports nearby: portregistry suggest --near " + check.port());
        }
        out.flush();
        return check.isClear() ? 0 : Main.CONFLICTS;
    }
}
