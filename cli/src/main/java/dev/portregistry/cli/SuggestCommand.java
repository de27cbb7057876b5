package dev.portregistry.cli;

import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.nmap.PortPopularity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code portregistry suggest}: free ports for a new service. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Suggests free ports for a new service.",
                "A port is free when it is registered and below the dynamic and Linux ephemeral ranges (1024-32767), "
                        + "nothing is assigned or reserved there, no alternate use or malware is known there, it is in "
                        + "no port family and, where Nmap is installed, Nmap has never found it open. Your overlays "
                        + "count as taken."})
final class SuggestCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--near", paramLabel = "PORT", description = "the port you would like: suggest the free ports closest to it")
    Integer near;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "5", description = "how many ports (default: ${DEFAULT-VALUE})")
    int count;

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        PortAdvisor advisor = PortAdvisor.of(options.registry());
        Optional<PortPopularity> popularity = options.popularity();
        if (popularity.isPresent()) {
            advisor = advisor.avoiding(popularity.get());
        }
        List<Integer> ports = near == null ? advisor.suggest(count) : advisor.suggestNear(near, count);
        PrintWriter out = parent.spec.commandLine().getOut();
        if (options.json) {
            options.printJson(out, ports);
        } else {
            out.println("Free ports for a new service" + (near == null ? "" : " near " + near)
                    + popularity.map(p -> ", avoiding ports Nmap finds open (" + p.source() + ")").orElse("") + ":");
            for (int p : ports) {
                out.println("  " + p);
            }
            out.println("Check one before you settle on it: portregistry check PORT");
        }
        out.flush();
        return 0;
    }
}
