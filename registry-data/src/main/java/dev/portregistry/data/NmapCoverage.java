package dev.portregistry.data;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.PortInfo;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many of the ports Nmap most often finds open the registry explains on their transport:
 * {@code NmapCoverage <nmap-services> <data-dir> [--list]}. Not part of the build; run by
 * {@code registry-data/scripts/nmap-coverage.sh}, which fetches Nmap's file at run time (it is
 * never committed, and never a basis for an entry).
 *
 * <p>A port is explained on a transport when it has an ACTIVE, ABANDONED or HISTORIC assignment
 * on that transport, or a known alternate use (unofficial or malware) on that transport. The data
 * directory is compiled afresh, so the figures are those of the sources, not of the bundled table.
 * Ports listed in {@code curated/unexplained.tsv} (reviewed: no attested use) stay unexplained and
 * are counted apart; {@code --list} prints the other unexplained ports with their rank.
 */
public final class NmapCoverage {
    /** The top-N of each transport that the issue measures. */
    static final Map<Transport, Integer> TOP = Map.of(Transport.TCP, 1000, Transport.UDP, 300);

    private NmapCoverage() {
    }

    /** One transport's result. */
    record Coverage(Transport transport, int total, int explained, List<Ranked> reviewed, List<Ranked> open) {
        double percent() {
            return 100.0 * explained / total;
        }
    }

    /** An unexplained port with its rank (1 = most often open) and Nmap's frequency. */
    record Ranked(int rank, int port, double frequency) {
    }

    /**
     * Prints the coverage.
     *
     * @param args the nmap-services file, the data directory, optionally {@code --list}
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !args[2].equals("--list"))) {
            System.err.println("usage: NmapCoverage <nmap-services> <data-dir> [--list]");
            System.exit(2);
            return;
        }
        PortPopularity popularity = PortPopularity.read(Path.of(args[0]));
        Path dataDir = Path.of(args[1]);
        PortRegistry registry = compile(dataDir);
        UnexplainedList reviewed = UnexplainedList.read(dataDir.resolve("curated").resolve(UnexplainedList.FILE));
        boolean list = args.length == 3;
        System.out.println("registry " + registry.version().label() + "; Nmap data " + popularity.source());
        for (Transport t : List.of(Transport.TCP, Transport.UDP)) {
            Coverage c = measure(registry, popularity, t, TOP.get(t), reviewed);
            System.out.printf(Locale.ROOT, "%s top %d: %d explained (%.1f%%); unexplained: %d reviewed as having no"
                            + " attested use (curated/%s), %d not yet researched%n",
                    t.label().toUpperCase(Locale.ROOT), c.total(), c.explained(), c.percent(), c.reviewed().size(),
                    UnexplainedList.FILE, c.open().size());
            if (list) {
                for (Ranked r : c.open()) {
                    System.out.printf(Locale.ROOT, "  %s rank %4d  port %5d  freq %.6f%n", t.label(), r.rank(), r.port(),
                            r.frequency());
                }
            }
        }
    }

    /**
     * Compiles a data directory into a registry, as the build does: with the data directory's own
     * version file where it has one (test fixtures), else core's, which describes the real data.
     */
    static PortRegistry compile(Path dataDir) {
        Path own = dataDir.resolve("version.properties");
        Path versionFile = Files.exists(own) ? own
                : dataDir.toAbsolutePath().getParent().getParent().resolve("core/src/data/version.properties");
        byte[] bytes = RegistryCompiler.compile(dataDir, versionFile).bytes();
        return PortRegistry.fromTable(new ByteArrayInputStream(bytes), dataDir.toString());
    }

    /** Measures one transport's top n. */
    static Coverage measure(PortRegistry registry, PortPopularity popularity, Transport transport, int n,
                            UnexplainedList reviewed) {
        List<PortFrequency> top = popularity.top(n, transport);
        int explained = 0;
        List<Ranked> known = new ArrayList<>();
        List<Ranked> open = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            PortFrequency f = top.get(i);
            if (explains(registry.get(f.port()), transport)) {
                explained++;
            } else {
                Ranked r = new Ranked(i + 1, f.port(), f.frequency());
                (reviewed.contains(f.port(), transport) ? known : open).add(r);
            }
        }
        return new Coverage(transport, top.size(), explained, List.copyOf(known), List.copyOf(open));
    }

    /**
     * Whether the registry explains a port on a transport: a live or formerly live assignment
     * (ACTIVE, ABANDONED, HISTORIC) on it, or an alternate use on it.
     */
    static boolean explains(PortInfo info, Transport transport) {
        for (ServiceAssignment a : info.assignmentsFor(transport)) {
            LifecycleStatus s = a.status();
            if (s == LifecycleStatus.ACTIVE || s == LifecycleStatus.ABANDONED || s == LifecycleStatus.HISTORIC) {
                return true;
            }
        }
        for (AlternateUse u : info.alternateUses()) {
            if (u.transports().contains(transport)) {
                return true;
            }
        }
        return false;
    }
}
