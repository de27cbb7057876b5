package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict rules of {@link Verdict}, applied to one socket, its process and its port's record,
 * with a reason sentence built from the data. Stateless.
 */
final class Verdicts {
    /** The kernel cuts a command name ({@code comm}) to 15 bytes. */
    private static final int COMM_LENGTH = 15;

    /**
     * Generic runtimes: a process of one of these runs a program named on its command line, so its
     * own name says nothing. Keys are the runtime names of the curated data; values, executable names.
     */
    private static final Map<String, Set<String>> RUNTIMES = Map.ofEntries(
            Map.entry("java", Set.of("java")),
            Map.entry("python", Set.of("python", "python2", "python3", "pypy", "pypy3")),
            Map.entry("node", Set.of("node", "nodejs")),
            Map.entry("ruby", Set.of("ruby")),
            Map.entry("perl", Set.of("perl")),
            Map.entry("php", Set.of("php")),
            Map.entry("dotnet", Set.of("dotnet")),
            Map.entry("mono", Set.of("mono")),
            Map.entry("erlang", Set.of("beam", "beam.smp", "erl")),
            Map.entry("deno", Set.of("deno")),
            Map.entry("bun", Set.of("bun")));

    private Verdicts() {
    }

    /** What a visible process is called, in every form the kernel shows. */
    static final class Identity {
        final ProcessInfo process;
        final Set<String> names = new LinkedHashSet<>();
        final @Nullable String runtime;
        /** For a runtime: the file names its command line runs (script, jar), without extension. */
        final Set<String> scripts = new LinkedHashSet<>();

        Identity(ProcessInfo process) {
            this.process = process;
            if (!process.commandName().isEmpty()) {
                names.add(process.commandName());
            }
            process.executable().map(Path::getFileName).map(Path::toString).ifPresent(names::add);
            List<String> argv = process.commandLine();
            if (!argv.isEmpty()) {
                String first = argv.get(0).strip();
                int space = first.indexOf(' ');
                String program = space < 0 ? first : first.substring(0, space);
                program = baseName(program);
                if (program.endsWith(":")) {
                    program = program.substring(0, program.length() - 1); // "nginx: master process" titles
                }
                if (!program.isEmpty()) {
                    names.add(program);
                }
            }
            String found = null;
            for (String name : names) {
                found = runtimeOf(name);
                if (found != null) {
                    break;
                }
            }
            runtime = found;
            if (runtime != null) {
                for (String arg : argv.subList(Math.min(1, argv.size()), argv.size())) {
                    if (!arg.startsWith("-") && !arg.isEmpty()) {
                        scripts.add(stripExtension(baseName(arg)));
                    }
                }
            }
        }

        /** The name a sentence uses: the command name, else the executable's. */
        String label() {
            return names.isEmpty() ? "pid " + process.pid() : names.iterator().next();
        }

        boolean isAny(Set<String> programs) {
            for (String p : programs) {
                if (names.contains(p) || scripts.contains(p)) {
                    return true;
                }
                String comm = process.commandName();
                if (comm.length() == COMM_LENGTH && p.length() > COMM_LENGTH && p.startsWith(comm)) {
                    return true;
                }
            }
            return false;
        }

        /** The marker on the command line, if this is a marker's runtime and an argument names it. */
        Optional<String> marker(List<Program> programs) {
            if (runtime == null) {
                return Optional.empty();
            }
            for (Program p : programs) {
                if (p.commandLineMarker().isEmpty() || !p.name().equals(runtime)) {
                    continue;
                }
                String marker = p.commandLineMarker().get();
                for (String arg : process.commandLine()) {
                    if (arg.equals(marker) || arg.endsWith("/" + marker)) {
                        return Optional.of(marker);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The runtime a program name belongs to (python3.12 is python), or null. */
    static @Nullable String runtimeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Set<String>> e : RUNTIMES.entrySet()) {
            for (String exe : e.getValue()) {
                if (n.equals(exe) || (n.startsWith(exe) && n.substring(exe.length()).matches("[0-9][0-9.]*"))) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static String stripExtension(String name) {
        for (String ext : List.of(".py", ".js", ".mjs", ".cjs", ".jar", ".war", ".rb", ".pl", ".php", ".dll", ".exe")) {
            if (name.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Why a socket has no visible process. */
    enum Hidden {
        /** Inode 0: a socket of the kernel itself (NFS, for one). */
        KERNEL,
        /** Processes whose open files cannot be read without privileges exist. */
        NO_PRIVILEGE,
        /** Not found although every process was readable: it exited, or lives in another PID namespace. */
        GONE
    }

    /**
     * Judges one socket.
     *
     * @param socket     the socket
     * @param process    its process, or null if not seen
     * @param hidden     why it was not seen (ignored when the process is given)
     * @param socketUser the name of the socket's owner, for the reason
     * @param info       the port's record
     * @param catalog    the program data
     */
    static Listener judge(ListeningSocket socket, @Nullable ProcessInfo process, Hidden hidden, String socketUser, PortInfo info,
                          ProgramCatalog catalog) {
        Transport t = socket.transport();
        String where = socket.port() + "/" + t.label();
        List<ServiceAssignment> active = new ArrayList<>();
        List<ServiceAssignment> fading = new ArrayList<>();
        List<ServiceAssignment> local = new ArrayList<>();
        for (ServiceAssignment a : info.assignmentsFor(t)) {
            if (a.name().isEmpty() || !a.status().isAssignment() || a.status() == LifecycleStatus.DEREGISTERED) {
                continue;
            }
            if (a.isLocal()) {
                local.add(a);
            } else if (a.status() == LifecycleStatus.ACTIVE) {
                active.add(a);
            } else {
                fading.add(a);
            }
        }
        List<AlternateUse> unofficial = uses(info, UseKind.UNOFFICIAL, t);
        List<AlternateUse> malware = uses(info, UseKind.MALWARE, t);
        String known = known(socket.port(), active, fading, local, unofficial, catalog);

        if (process == null) {
            String why = switch (hidden) {
                case KERNEL -> "The socket on " + where + " is held by the kernel, not by a process";
                case NO_PRIVILEGE -> "The process behind " + where + " cannot be seen: the socket belongs to " + socketUser
                        + ", and other users' open files cannot be read without root";
                default -> "The process behind " + where + " was not found: it may have exited during the scan "
                        + "or run in another PID namespace";
            };
            return new Listener(socket, null, Verdict.UNKNOWN, why + (known.isEmpty() ? "." : "; " + known + "."), info);
        }

        Identity id = new Identity(process);
        String who = id.label() + " (pid " + process.pid() + ")";
        String listens = who + " listens on " + where;


        for (ServiceAssignment a : active) {
            Optional<String> how = serves(id, catalog.programsOf(a));
            if (how.isPresent()) {
                return new Listener(socket, process, Verdict.EXPECTED, listens + ", which is assigned to " + a.name()
                        + ", and " + how.get() + " serves " + a.name() + ".", info);
            }
        }
        for (ServiceAssignment a : fading) {
            Optional<String> how = serves(id, catalog.programsOf(a));
            if (how.isPresent()) {
                return new Listener(socket, process, Verdict.EXPECTED, listens + ", which is assigned to " + a.name()
                        + " (" + fadingPhrase(a.status()) + "), and " + how.get() + " serves " + a.name() + ".", info);
            }
        }
        for (AlternateUse u : unofficial) {
            Optional<String> how = serves(id, catalog.programsOf(u));
            if (how.isPresent()) {
                if (active.isEmpty() && !fading.isEmpty()) {
                    return new Listener(socket, process, Verdict.PLAUSIBLE, listens + "; " + socket.port()
                            + " is assigned to " + names(fading) + ", " + fadingClause(fading) + ", and "
                            + how.get() + " runs " + u.name() + ", a known alternate use of it.", info);
                }
                return new Listener(socket, process, Verdict.EXPECTED, listens + ", where " + u.name()
                        + " commonly runs, and " + how.get() + " runs " + u.name() + ".", info);
            }
        }
        if (ProcessScan.isActivator(process.commandName())) {
            return new Listener(socket, process, Verdict.PLAUSIBLE, who + " holds " + where + " for socket activation, "
                    + "so the service it starts on the first connection is not named" + (known.isEmpty() ? "" : "; " + known)
                    + ".", info);
        }
        for (ServiceAssignment a : local) {
            List<Program> programs = catalog.programsOf(a);
            Optional<String> how = serves(id, programs);
            if (how.isPresent()) {
                return new Listener(socket, process, Verdict.EXPECTED, listens + ", which your overlay assigns to "
                        + a.name() + ", and " + how.get() + " serves " + a.name() + ".", info);
            }
            if (programs.isEmpty()) {
                return new Listener(socket, process, Verdict.PLAUSIBLE, listens + ", which your overlay assigns to "
                        + a.name() + "; which program serves " + a.name() + " is not known.", info);
            }
        }
        boolean legitimate = !active.isEmpty() || !fading.isEmpty() || !unofficial.isEmpty() || !local.isEmpty();
        if ((!malware.isEmpty() && !legitimate) || (!malware.isEmpty() && id.runtime == null)) {
            return new Listener(socket, process, Verdict.SUSPICIOUS, listens + ", a port known to be used by malware ("
                    + useNames(malware) + ")" + (legitimate ? "; " + known : "") + ", and " + id.label()
                    + " matches nothing legitimate known there.", info);
        }
        if (id.runtime != null) {
            return new Listener(socket, process, Verdict.PLAUSIBLE, listens + "; " + id.label()
                    + " is a generic runtime (" + id.runtime + ") whose command line names nothing known for "
                    + where + (known.isEmpty() ? "" : ", where " + known) + ".", info);
        }
        if (known.isEmpty()) {
            return new Listener(socket, process, Verdict.UNEXPECTED, listens + ", where nothing is assigned or known "
                    + "to run, so nothing says it belongs there.", info);
        }
        return new Listener(socket, process, Verdict.UNEXPECTED, listens + "; " + known + ", and " + id.label()
                + " is no known use of it.", info);
    }

    /** Who matches, as a sentence's subject ("sshd", "java running some.Main"), if the process matches. */
    private static Optional<String> serves(Identity id, List<Program> programs) {
        if (id.isAny(executables(programs))) {
            return Optional.of(id.label());
        }
        return id.marker(programs).map(m -> id.label() + " running " + m);
    }

    /** The names of the programs that are executables, not runtimes with a marker. */
    private static Set<String> executables(List<Program> programs) {
        Set<String> out = new TreeSet<>();
        for (Program p : programs) {
            if (p.commandLineMarker().isEmpty()) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** What the data knows of the port and transport, as a clause; empty if nothing. */
    private static String known(int port, List<ServiceAssignment> active, List<ServiceAssignment> fading,
                                List<ServiceAssignment> local, List<AlternateUse> unofficial, ProgramCatalog catalog) {
        List<String> parts = new ArrayList<>();
        if (!active.isEmpty()) {
            Set<String> programs = new TreeSet<>();
            active.forEach(a -> programs.addAll(executables(catalog.programsOf(a))));
            parts.add(port + " is assigned to " + names(active)
                    + (programs.isEmpty() ? "" : ", served by " + join(new ArrayList<>(programs), "or")));
        } else if (!fading.isEmpty()) {
            parts.add(port + " is assigned to " + names(fading) + ", " + fadingClause(fading));
        }
        if (!local.isEmpty()) {
            parts.add("your overlay assigns it to " + names(local));
        }
        if (!unofficial.isEmpty()) {
            parts.add((parts.isEmpty() ? port + " is " : "") + "commonly used by " + useNames(unofficial));
        }
        return String.join(", ", parts).replace(", commonly", " and commonly");
    }

    private static String fadingPhrase(LifecycleStatus s) {
        return s == LifecycleStatus.ABANDONED ? "its product was discontinued" : "a historic protocol";
    }

    private static String fadingClause(List<ServiceAssignment> fading) {
        return fading.stream().allMatch(a -> a.status() == LifecycleStatus.ABANDONED)
                ? "whose product was discontinued" : "a protocol no longer in use";
    }

    private static List<AlternateUse> uses(PortInfo info, UseKind kind, Transport t) {
        List<AlternateUse> out = new ArrayList<>();
        for (AlternateUse u : info.alternateUses(kind)) {
            if (u.transports().contains(t)) {
                out.add(u);
            }
        }
        return out;
    }

    private static String names(List<ServiceAssignment> as) {
        return join(as.stream().map(ServiceAssignment::name).distinct().toList(), "and");
    }

    private static String useNames(List<AlternateUse> us) {
        return join(us.stream().map(AlternateUse::name).distinct().toList(), "and");
    }

    /** "a", "a or b", "a, b or c" (or "and"); at most five, then "or 3 more". */
    private static String join(List<String> items, String conjunction) {
        List<String> shown = items.size() > 5 ? items.subList(0, 5) : items;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                sb.append(i == shown.size() - 1 && items.size() <= 5 ? " " + conjunction + " " : ", ");
            }
            sb.append(shown.get(i));
        }
        if (items.size() > 5) {
            sb.append(" ").append(conjunction).append(" ").append(items.size() - 5).append(" more");
        }
        return sb.toString();
    }
}
