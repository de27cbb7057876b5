package dev.portregistry.cli;

import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.PortInfo;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code portregistry top [N]}: the ports most often found open, from the user's Nmap data. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Lists the ports Nmap most often finds open.",
                "Shows what IANA assigns on each. Needs Nmap's nmap-services (Debian/Ubuntu: package nmap-common) "
                        + "or --nmap-services FILE; exit code 3 if there is none."})
final class TopCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "N", defaultValue = "20", description = "how many ports (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = {"-t", "--transport"}, paramLabel = "tcp|udp|sctp",
            description = "only this transport (default: all)", converter = TransportConverter.class)
    Transport transport;

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        PrintWriter out = parent.spec.commandLine().getOut();
        if (options.noNmap) {
            throw new IllegalArgumentException("top needs Nmap's data: drop --no-nmap");
        }
        Optional<PortPopularity> popularity = options.popularity();
        if (popularity.isEmpty()) {
            parent.spec.commandLine().getErr().println("error: Nmap's nmap-services was not found at "
                    + PortPopularity.nmapLocations().stream().map(String::valueOf).collect(Collectors.joining(" or "))
                    + ": install Nmap (Debian/Ubuntu: apt-get install nmap-common) or pass --nmap-services FILE");
            return Main.NOT_FOUND;
        }
        List<PortFrequency> top = transport == null ? popularity.get().top(count) : popularity.get().top(count, transport);
        if (options.json) {
            options.printJson(out, top);
            out.flush();
            return 0;
        }
        PortRegistry registry = options.registry();
        out.println("Top " + top.size() + " ports by open frequency (" + popularity.get().source() + "):");
        int rank = 0;
        for (PortFrequency f : top) {
            PortInfo info = registry.get(f.port());
            String iana = info.assignmentsFor(f.transport()).stream().map(ServiceAssignment::name)
                    .filter(n -> !n.isEmpty()).distinct().collect(Collectors.joining(", "));
            out.printf("  %3d. %5d/%-4s %-10.6f %-16s %-12s %s%n", ++rank, f.port(), f.transport().label(), f.frequency(),
                    f.name(), info.status(), iana.isEmpty() ? "-" : iana);
        }
        out.flush();
        return 0;
    }

    /** Reads tcp, udp, sctp or dccp in any case, with the registry's own error message. */
    static final class TransportConverter implements picocli.CommandLine.ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            return Transport.parse(value);
        }
    }
}
