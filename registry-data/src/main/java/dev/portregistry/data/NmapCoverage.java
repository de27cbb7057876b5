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
 *
 * <p>{@code --programs} measures the curated programs instead (issue 12, item 2): of the
 * {@value #PROGRAMS_TOP} port/transport pairs most often open over TCP and UDP together, how many
 * have, on that transport, an assignment or an alternate use with at least one program, so that the
 * host audit can name the process it expects there. It lists the pairs without one, with their rank.
 * It also walks all of Nmap's pairs in that order and takes the first {@value #PROGRAMS_TOP}
 * distinct services (live IANA assignments) and unofficial uses found on them: the services and
 * uses most often found listening; it counts those with at least one program and lists the others.
 */
public final class NmapCoverage {
    /** The top-N of each transport that the issue measures. */
    static final Map<Transport, Integer> TOP = Map.of(Transport.TCP, 1000, Transport.UDP, 300);
    /** The top-N port/transport pairs, TCP and UDP together, that the programs measure counts. */
    static final int PROGRAMS_TOP = 300;

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
        if (args.length < 2 || args.length > 3
                || (args.length == 3 && !args[2].equals("--list") && !args[2].equals("--programs"))) {
            System.err.println("usage: NmapCoverage <nmap-services> <data-dir> [--list | --programs]");
            System.exit(2);
            return;
        }
        PortPopularity popularity = PortPopularity.read(Path.of(args[0]));
        Path dataDir = Path.of(args[1]);
        PortRegistry registry = compile(dataDir);
        UnexplainedList reviewed = UnexplainedList.read(dataDir.resolve("curated").resolve(UnexplainedList.FILE));
        System.out.println("registry " + registry.version().label() + "; Nmap data " + popularity.source());
        if (args.length == 3 && args[2].equals("--programs")) {
            List<PortFrequency> top = popularity.top(PROGRAMS_TOP);
            List<Ranked> without = withoutPrograms(registry, top);
            System.out.printf(Locale.ROOT, "TCP+UDP top %d port/transport pairs: %d with a program for the service or"
                    + " use on that transport; %d without:%n", top.size(), top.size() - without.size(), without.size());
            for (Ranked r : without) {
                PortFrequency f = top.get(r.rank() - 1);
                System.out.printf(Locale.ROOT, "  rank %3d  %5d/%s  freq %.6f%n", r.rank(), r.port(),
                        f.transport().label(), r.frequency());
            }
            List<Found> found = servicesAndUses(registry, popularity.entries(), PROGRAMS_TOP);
            long with = found.stream().filter(Found::hasProgram).count();
            System.out.printf(Locale.ROOT, "services and uses most often found listening: of the first %d, %d with a"
                    + " program; %d without:%n", found.size(), with, found.size() - with);
            List<PortFrequency> seen = popularity.entries().stream().filter(f -> f.frequency() > 0).toList();
            List<Found> all = servicesAndUses(registry, seen, Integer.MAX_VALUE);
            System.out.printf(Locale.ROOT, "services and uses found on any of the %d pairs Nmap has seen open: %d, %d of"
                    + " them with a program%n", seen.size(), all.size(), all.stream().filter(Found::hasProgram).count());
            for (Found f : found) {
                if (!f.hasProgram()) {
                    System.out.printf(Locale.ROOT, "  rank %4d  %5d/%s  %s%n", f.rank(), f.port(),
                            f.transport().label(), f.name());
                }
            }
            return;
        }
        boolean list = args.length == 3;
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
     * A service (a live IANA assignment, named by its service name) or an unofficial use, with the
     * first pair it was found on and its rank there.
     */
    record Found(String name, int rank, int port, Transport transport, boolean hasProgram) {
    }

    /**
     * The first n distinct services and unofficial uses found on a ranked list of pairs, each on its
     * own transport, in order of the pair they are first found on.
     */
    static List<Found> servicesAndUses(PortRegistry registry, List<PortFrequency> ranked, int n) {
        Map<String, Found> found = new java.util.LinkedHashMap<>();
        for (int i = 0; i < ranked.size() && found.size() < n; i++) {
            PortFrequency f = ranked.get(i);
            PortInfo info = registry.get(f.port());
            for (ServiceAssignment a : info.assignmentsFor(f.transport())) {
                LifecycleStatus s = a.status();
                if ((s == LifecycleStatus.ACTIVE || s == LifecycleStatus.ABANDONED || s == LifecycleStatus.HISTORIC)
                        && found.size() < n) {
                    found.putIfAbsent("service " + a.name(), new Found("service " + a.name(), i + 1, f.port(),
                            f.transport(), !a.programs().isEmpty()));
                }
            }
            for (AlternateUse u : info.alternateUses()) {
                if (u.kind() == dev.portregistry.UseKind.UNOFFICIAL && u.transports().contains(f.transport())
                        && found.size() < n) {
                    found.putIfAbsent("use " + u.name(), new Found("use " + u.name(), i + 1, f.port(), f.transport(),
                            !u.programs().isEmpty()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The pairs of a ranked list (rank 1 first) with no program on their transport, with their rank. */
    static List<Ranked> withoutPrograms(PortRegistry registry, List<PortFrequency> top) {
        List<Ranked> without = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            PortFrequency f = top.get(i);
            if (!hasProgram(registry.get(f.port()), f.transport())) {
                without.add(new Ranked(i + 1, f.port(), f.frequency()));
            }
        }
        return List.copyOf(without);
    }

    /**
     * Whether a port has, on a transport, an assignment (ACTIVE, ABANDONED or HISTORIC) or an
     * alternate use with at least one program.
     */
    static boolean hasProgram(PortInfo info, Transport transport) {
        for (ServiceAssignment a : info.assignmentsFor(transport)) {
            LifecycleStatus s = a.status();
            if ((s == LifecycleStatus.ACTIVE || s == LifecycleStatus.ABANDONED || s == LifecycleStatus.HISTORIC)
                    && !a.programs().isEmpty()) {
                return true;
            }
        }
        for (AlternateUse u : info.alternateUses()) {
            if (u.transports().contains(transport) && !u.programs().isEmpty()) {
                return true;
            }
        }
        return false;
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
