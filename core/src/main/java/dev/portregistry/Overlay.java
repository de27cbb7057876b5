package dev.portregistry;

import dev.portregistry.internal.ServiceNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Local knowledge to layer on a registry without forking its data: your own assignments ("our
 * billing service runs on 7443/tcp"), alternate uses, lifecycle notes, related ports and names.
 * {@link PortRegistry#with(Overlay)} returns a new registry with the overlay applied; the registry
 * it is applied to, such as the bundled one, never changes.
 *
 * <pre>{@code
 * Overlay ours = Overlay.builder("ops")
 *         .assign(7443, "billing", "our billing service", Transport.TCP)
 *         .name("payments", 7443)
 *         .build();
 * PortRegistry registry = PortRegistry.bundled().with(ours);
 * registry.findService("billing");   // [7443]
 * }</pre>
 *
 * <p>Every name an overlay adds (an assignment's name and aliases, an alternate use's name, a
 * name or alias entry) must be one that {@link PortRegistry#findService(String)} accepts: not
 * blank, at most 128 characters, no white space at either end, no control or invisible formatting
 * character, no line separator, no unpaired surrogate. So every name an overlay adds can be looked
 * up; a name that could not be is refused when the overlay is read or built, with its source and
 * line. Names other than an alternate use's must not be numbers either.
 *
 * <p>An overlay is read from a services(5) file with {@link #readServices(Path)}, built in code with
 * {@link #builder(String)}, or read from JSON in the curated format by
 * {@code dev.portregistry.json.JsonOverlay} (module {@code dev.portregistry.json}, which uses
 * Jackson; this module has no dependencies).
 *
 * <p>How entries apply (in this order, each kind in the order it was added):
 * <ol>
 *   <li>assignments become {@link Origin#LOCAL} assignments of the port, after the official ones;
 *       an assignment IANA already holds under that name for those transports adds nothing, and
 *       local assignments of one name on one port merge their transports. The name and its
 *       aliases then resolve to the port.</li>
 *   <li>lifecycle notes change the status and facts of the port's live assignments of that name
 *       (see below), which must exist.</li>
 *   <li>alternate uses are added to the port (unofficial before malware); one of the same name
 *       and kind is replaced. The name then resolves to the port.</li>
 *   <li>related ports join each port of the group to the others.</li>
 *   <li>names resolve to their ports, after the ports they already resolve to; an alias resolves
 *       to the ports of its service, which must resolve to some.</li>
 *   <li>programs become those of the live assignments of their service, or of the alternate uses
 *       of their name, which must exist; each executable's name then finds the ports of what it
 *       serves (services' ports before uses'), unless that name already resolves.</li>
 * </ol>
 *
 * <p>A name the overlay adds resolves to the ports it resolved to before, then to the ports the
 * overlay adds, without repeats: ports of assignments, then the program's own official port of
 * an alternate use ({@link AlternateUse#officialPort()}), then ports of alternate uses, each
 * group ascending; then ports of name entries and aliases, in the order given. Adding ports to a
 * name that already resolves is allowed: they come after the ones it had.
 *
 * <p>A lifecycle entry matches the assignments of its service name on its port ignoring case, as
 * {@link PortRegistry#findService(String)} does, and only live ones (ACTIVE, ABANDONED or
 * HISTORIC): an assignment IANA de-registered or reserved cannot be given a lifecycle, and naming
 * only such one fails. An entry that changes an assignment's status replaces all of its lifecycle
 * facts (product, vendor, year discontinued, reason, basis), so none of the old status's facts
 * is left behind; one that keeps the status fills in the facts it gives and keeps the others.
 *
 * <p>Immutable and thread-safe.
 */
public final class Overlay {
    private final String source;
    private final List<AssignEntry> assignments;
    private final List<LifecycleEntry> lifecycle;
    private final List<UseEntry> uses;
    private final List<RelatedEntry> related;
    private final List<NameEntry> names;
    private final List<AliasEntry> aliases;
    private final List<ProgramsEntry> programs;

    /** A local assignment and its alias names. */
    record AssignEntry(String file, int line, int port, ServiceAssignment assignment, List<String> aliases) {
    }

    /** A new status and lifecycle facts for the assignments of one name on one port. */
    record LifecycleEntry(String file, int line, int port, String service, Lifecycle lifecycle) {
    }

    /** An alternate use of one port. */
    record UseEntry(String file, int line, int port, AlternateUse use) {
    }

    /** Ports that belong together. */
    record RelatedEntry(String file, int line, List<Integer> ports) {
    }

    /** A name that resolves to ports. */
    record NameEntry(String file, int line, String name, List<Integer> ports) {
    }

    /** A name that resolves like a service name. */
    record AliasEntry(String file, int line, String name, String service) {
    }

    /**
     * The programs that serve a service (its assignments) or an alternate use: exactly one of
     * service and use is non-empty.
     */
    record ProgramsEntry(String file, int line, String service, String use, List<Program> programs) {
    }

    private Overlay(Builder b) {
        this.source = b.source;
        this.assignments = List.copyOf(b.assignments);
        this.lifecycle = List.copyOf(b.lifecycle);
        this.uses = List.copyOf(b.uses);
        this.related = List.copyOf(b.related);
        this.names = List.copyOf(b.names);
        this.aliases = List.copyOf(b.aliases);
        this.programs = List.copyOf(b.programs);
    }

    /**
     * Starts an overlay built in code.
     *
     * @param source a name for the overlay used in error messages and {@link PortRegistry#overlays()},
     *               such as a file name; not null or blank
     * @return a new builder, never null
     * @throws NullPointerException     if source is null
     * @throws IllegalArgumentException if source is blank
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /**
     * Reads an overlay from services(5) text: one {@code name port/transport [aliases...] [# comment]}
     * a line, as in {@code /etc/services}; blank lines and comment lines are skipped. Each line is a
     * local ACTIVE assignment whose description is the comment. Strict: a line that is not exactly
     * that, a port outside 0..65535, a transport other than tcp, udp, sctp or dccp, a name or
     * alias that is a number or that {@link PortRegistry#findService(String)} would refuse (such
     * as one holding a control character or ending in a no-break space), or a repeated entry fails.
     *
     * @param text   the content, not null
     * @param source the file name used in error messages, not null or blank
     * @return the overlay, never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException   naming the source, the line and what was expected, on the
     *                                  first bad line
     */
    public static Overlay parseServices(String text, String source) {
        Objects.requireNonNull(text, "text must not be null");
        return ServicesFormat.parse(text, builder(source)).build();
    }

    /**
     * Reads an overlay from a services(5) file in UTF-8, as {@link #parseServices(String, String)}
     * does; the file's path is the source.
     *
     * @param file the file, not null
     * @return the overlay, never null
     * @throws NullPointerException   if file is null
     * @throws IOException            if the file cannot be read
     * @throws IllegalArgumentException naming the file, the line and what was expected, on the first
     *                                bad line
     */
    public static Overlay readServices(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        return parseServices(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Returns the name of this overlay: its file or the name given to {@link #builder(String)}.
     *
     * @return the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns how many entries this overlay holds.
     *
     * @return the number of entries of every kind
     */
    public int size() {
        return assignments.size() + lifecycle.size() + uses.size() + related.size() + names.size() + aliases.size()
                + programs.size();
    }

    List<AssignEntry> assignments() {
        return assignments;
    }

    List<LifecycleEntry> lifecycle() {
        return lifecycle;
    }

    List<UseEntry> uses() {
        return uses;
    }

    List<RelatedEntry> related() {
        return related;
    }

    List<NameEntry> names() {
        return names;
    }

    List<AliasEntry> aliases() {
        return aliases;
    }

    List<ProgramsEntry> programs() {
        return programs;
    }

    @Override
    public String toString() {
        return "Overlay[" + source + ", " + size() + " entries]";
    }

    /**
     * Collects the entries of an {@link Overlay}. Every method checks its arguments at once and fails
     * with a {@link RegistryFormatException} naming the source and the current {@link #line(int) line}
     * when a line is set (the entry came from a file), else with an {@link IllegalArgumentException}
     * naming the source.
     *
     * <p>Not thread-safe; the overlay it builds is immutable.
     */
    public static final class Builder {
        private final String source;
        /** The file the entries added next come from: the source, unless {@link #at} named another. */
        private String entrySource;
        private int line;
        private final List<AssignEntry> assignments = new ArrayList<>();
        private final List<LifecycleEntry> lifecycle = new ArrayList<>();
        private final List<UseEntry> uses = new ArrayList<>();
        private final List<RelatedEntry> related = new ArrayList<>();
        private final List<NameEntry> names = new ArrayList<>();
        private final List<AliasEntry> aliases = new ArrayList<>();
        private final List<ProgramsEntry> programs = new ArrayList<>();

        private Builder(String source) {
            Objects.requireNonNull(source, "source must not be null");
            if (source.isBlank()) {
                throw new IllegalArgumentException("overlay source \"" + source + "\" is blank: expected a name such as a file name");
            }
            this.source = source;
            this.entrySource = source;
        }

        /**
         * Sets the file and line that the entries added next come from, for an overlay gathered
         * from several files (such as a directory in the curated layout): errors about those
         * entries, when the overlay is built or applied, name that file and line.
         *
         * @param file the file, not null or blank
         * @param line the 1-based line, or 0 for none
         * @return this builder
         * @throws NullPointerException     if file is null
         * @throws IllegalArgumentException if file is blank or line is negative
         */
        public Builder at(String file, int line) {
            Objects.requireNonNull(file, "file must not be null");
            if (file.isBlank()) {
                throw new IllegalArgumentException("file \"" + file + "\" is blank: expected a file name");
            }
            line(line);
            this.entrySource = file;
            return this;
        }

        /**
         * Sets the line that the entries added next come from, for error messages.
         *
         * @param line the 1-based line, or 0 for none
         * @return this builder
         * @throws IllegalArgumentException if line is negative
         */
        public Builder line(int line) {
            if (line < 0) {
                throw new IllegalArgumentException("line " + line + " is negative: expected 0 (none) or a 1-based line");
            }
            this.line = line;
            return this;
        }

        /**
         * Adds a local ACTIVE assignment: {@code assign(7443, "billing", "our billing service", Transport.TCP)}.
         *
         * @param port        the port, 0 to 65535
         * @param name        the service name: not null, not a number, and well-formed as
         *                    {@link PortRegistry#findService(String)} requires
         * @param description what the service is; may be empty, not null
         * @param transports  the transports, at least one, no null
         * @return this builder
         * @throws NullPointerException   if an argument or transport is null
         * @throws IllegalArgumentException if the port, the name or the transports are invalid
         */
        public Builder assign(int port, String name, String description, Transport... transports) {
            checkName(name);
            Objects.requireNonNull(transports, "transports must not be null");
            Set<Transport> set = EnumSet.noneOf(Transport.class);
            for (Transport t : transports) {
                set.add(Objects.requireNonNull(t, "transports must not contain null"));
            }
            if (set.isEmpty()) {
                throw error("assignment \"" + name + "\" on port " + port + " has no transport: expected tcp, udp, sctp or dccp");
            }
            Objects.requireNonNull(description, "description must not be null");
            return assign(port, ServiceAssignment.of(name, description, set, LifecycleStatus.ACTIVE));
        }

        /**
         * Adds a local assignment. Its origin becomes {@link Origin#LOCAL} whatever it was; an empty
         * note becomes one that names this overlay's source and line.
         *
         * @param port       the port, 0 to 65535
         * @param assignment the assignment; its name must not be a number and must be well-formed
         *                   as {@link PortRegistry#findService(String)} requires; not null
         * @param aliases    further names that resolve to the port, like the aliases of a
         *                   services(5) line; each, like the name, not a number and well-formed;
         *                   none null
         * @return this builder
         * @throws NullPointerException   if an argument or alias is null
         * @throws IllegalArgumentException if the port, the name or an alias is invalid
         */
        public Builder assign(int port, ServiceAssignment assignment, String... aliases) {
            Objects.requireNonNull(assignment, "assignment must not be null");
            Objects.requireNonNull(aliases, "aliases must not be null");
            checkPort(port);
            checkName(assignment.name());
            checkText("description", assignment.description());
            checkText("reason", assignment.reason().orElse(""));
            checkText("basis", assignment.basis().orElse(""));
            Set<String> alias = new LinkedHashSet<>();
            for (String a : aliases) {
                alias.add(checkName(a));
            }
            String basis = assignment.basis().orElse(
                    "local assignment from " + entrySource + (line > 0 ? ", line " + line : ""));
            ServiceAssignment local = assignment.toBuilder().basis(basis).origin(Origin.LOCAL).build();
            assignments.add(new AssignEntry(entrySource, line, port, local, List.copyOf(alias)));
            return this;
        }

        /**
         * Sets the status of the assignments of one service on one port, with why, for example
         * ABANDONED when you know the product is gone. The same as
         * {@code lifecycle(port, service, Lifecycle.of(status).withReason(reason))}.
         *
         * @param port    the port, 0 to 65535
         * @param service the service name, ignoring case; not null, not a number, well-formed as
         *                {@link PortRegistry#findService(String)} requires
         * @param status  ACTIVE, ABANDONED, HISTORIC or DEREGISTERED; not null
         * @param reason  why, in plain English; empty keeps the assignment's reason; not null
         * @return this builder
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if the port, the service or the status is invalid
         */
        public Builder lifecycle(int port, String service, LifecycleStatus status, String reason) {
            Objects.requireNonNull(status, "status must not be null");
            Objects.requireNonNull(reason, "reason must not be null");
            if (!status.isAssignment()) {
                throw error("status " + status + " for " + service + " on port " + port
                        + " is not an assignment status: expected ACTIVE, ABANDONED, HISTORIC or DEREGISTERED");
            }
            return lifecycle(port, service, Lifecycle.of(status).withReason(reason));
        }

        /**
         * Sets the status and lifecycle facts (product, vendor, year discontinued, reason, basis) of
         * the assignments of one service on one port. The assignment must exist when the overlay is
         * applied, officially or earlier in an overlay.
         *
         * @param port      the port, 0 to 65535
         * @param service   the service name, ignoring case; not null, not a number, well-formed as
         *                  {@link PortRegistry#findService(String)} requires
         * @param lifecycle the status and facts, not null
         * @return this builder
         * @throws NullPointerException     if an argument is null
         * @throws IllegalArgumentException if the port or the service is invalid
         */
        public Builder lifecycle(int port, String service, Lifecycle lifecycle) {
            Objects.requireNonNull(lifecycle, "lifecycle must not be null");
            checkPort(port);
            checkName(service);
            for (String text : List.of(lifecycle.product(), lifecycle.vendor(), lifecycle.reason(), lifecycle.basis())) {
                checkText("lifecycle", text);
            }
            this.lifecycle.add(new LifecycleEntry(entrySource, line, port, service, lifecycle));
            return this;
        }

        /**
         * Adds an alternate use of a port; its name then resolves to the port.
         *
         * @param port the port, 0 to 65535
         * @param use  the use, not null; its name well-formed as {@link PortRegistry#findService(String)}
         *             requires (a number is allowed)
         * @return this builder
         * @throws NullPointerException   if use is null
         * @throws IllegalArgumentException if the port or the use's name is invalid
         */
        public Builder alternateUse(int port, AlternateUse use) {
            Objects.requireNonNull(use, "use must not be null");
            checkPort(port);
            checkWellFormed("alternate use name", use.name(), "OpenVPN");
            checkText("description", use.description());
            checkText("basis", use.basis());
            uses.add(new UseEntry(entrySource, line, port, use));
            return this;
        }

        /**
         * Declares ports that belong together; each becomes related to the others.
         *
         * @param ports at least two distinct ports, 0 to 65535 each
         * @return this builder
         * @throws NullPointerException   if ports is null
         * @throws IllegalArgumentException if fewer than two distinct ports are given, or one is invalid
         */
        public Builder related(int... ports) {
            Objects.requireNonNull(ports, "ports must not be null");
            List<Integer> list = distinctPorts(ports, "related ports");
            if (list.size() < 2) {
                throw error("related ports " + list + " must hold at least two distinct ports");
            }
            related.add(new RelatedEntry(entrySource, line, list));
            return this;
        }

        /**
         * Makes a name resolve to ports, such as a team's own name for a service.
         *
         * @param name  the name: not null, not a number, well-formed as
         *              {@link PortRegistry#findService(String)} requires
         * @param ports at least one port, 0 to 65535 each
         * @return this builder
         * @throws NullPointerException   if an argument is null
         * @throws IllegalArgumentException if the name or a port is invalid, or no port is given
         */
        public Builder name(String name, int... ports) {
            Objects.requireNonNull(ports, "ports must not be null");
            checkName(name);
            List<Integer> list = distinctPorts(ports, "name \"" + name + "\"");
            if (list.isEmpty()) {
                throw error("name \"" + name + "\" has no port: expected at least one");
            }
            names.add(new NameEntry(entrySource, line, name, list));
            return this;
        }

        /**
         * Makes a name resolve to the ports a service name resolves to, such as {@code rdp} for
         * {@code ms-wbt-server}. The service must resolve to at least one port when the overlay is
         * applied, officially or through the overlay itself.
         *
         * @param name    the new name: not null, not a number, well-formed as
         *                {@link PortRegistry#findService(String)} requires
         * @param service the service name it stands for: not null, not a number, well-formed as
         *                {@link PortRegistry#findService(String)} requires
         * @return this builder
         * @throws NullPointerException   if an argument is null
         * @throws IllegalArgumentException if a name is invalid
         */
        public Builder alias(String name, String service) {
            checkName(name);
            checkName(service);
            aliases.add(new AliasEntry(entrySource, line, name, service));
            return this;
        }

        /**
         * Names the programs that serve a service, such as {@code nginx} for {@code http}: they
         * become the {@link ServiceAssignment#programs()} of every live (ACTIVE, ABANDONED or
         * HISTORIC) assignment of that name, on every port it resolves to, and the name of each
         * executable then finds those ports (unless it already resolves). At least one such
         * assignment must exist when the overlay is applied.
         *
         * @param service  the service name, ignoring case; not null, not a number, well-formed as
         *                 {@link PortRegistry#findService(String)} requires
         * @param programs the programs, at least one, none twice, no null
         * @return this builder
         * @throws NullPointerException     if an argument or program is null
         * @throws IllegalArgumentException if the service is invalid, or the programs empty or repeated
         */
        public Builder servicePrograms(String service, List<Program> programs) {
            checkName(service);
            this.programs.add(new ProgramsEntry(entrySource, line, service, "", checkPrograms(service, programs)));
            return this;
        }

        /**
         * Names the programs that are an alternate use, such as {@code redis-server} for
         * {@code Redis}: they become the {@link AlternateUse#programs()} of every alternate use of
         * that name (ignoring case), on every port it resolves to, and the name of each executable
         * then finds those ports (unless it already resolves). At least one such use must exist
         * when the overlay is applied.
         *
         * @param use      the alternate use's name; not null, well-formed as
         *                 {@link PortRegistry#findService(String)} requires
         * @param programs the programs, at least one, none twice, no null
         * @return this builder
         * @throws NullPointerException     if an argument or program is null
         * @throws IllegalArgumentException if the name is invalid, or the programs empty or repeated
         */
        public Builder usePrograms(String use, List<Program> programs) {
            Objects.requireNonNull(use, "use must not be null");
            checkWellFormed("alternate use name", use, "OpenVPN");
            this.programs.add(new ProgramsEntry(entrySource, line, "", use, checkPrograms(use, programs)));
            return this;
        }

        private List<Program> checkPrograms(String target, List<Program> list) {
            Objects.requireNonNull(list, "programs must not be null");
            List<Program> copy = List.copyOf(list);
            if (copy.isEmpty()) {
                throw error("no program for \"" + target + "\": expected at least one");
            }
            if (new java.util.HashSet<>(copy).size() != copy.size()) {
                throw error("a program is listed twice for \"" + target + "\": " + copy);
            }
            return copy;
        }

        /**
         * Builds the overlay.
         *
         * @return the immutable overlay, never null
         */
        public Overlay build() {
            return new Overlay(this);
        }

        /**
         * The error for a bad entry: a format exception naming source and line when the entry came
         * from a file (a parser set its line), else an IllegalArgumentException, since the bad value
         * is an argument from code.
         */
        RuntimeException error(String detail) {
            return line > 0 ? new RegistryFormatException(entrySource, line, detail)
                    : new IllegalArgumentException(entrySource + ": " + detail);
        }

        private void checkPort(int port) {
            if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
                throw error("port " + port + " is out of range: expected " + PortRange.MIN_PORT + ".." + PortRange.MAX_PORT);
            }
        }

        /** A service name: one that findService accepts, and not a number. */
        private String checkName(String name) {
            Objects.requireNonNull(name, "name must not be null");
            checkWellFormed("service name", name, "billing");
            if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw error("service name " + ServiceNames.quote(name) + " is a number: expected a name such as \"billing\"");
            }
            return name;
        }

        /** Text shown in summaries and messages stays one line: no control character or line separator. */
        private void checkText(String what, String text) {
            String problem = ServiceNames.textProblem(text);
            if (problem != null) {
                throw error(what + " " + ServiceNames.quote(text) + " " + problem
                        + ": expected one line of plain text");
            }
        }

        /** The rule of PortRegistry.findService, so that every name an overlay adds can be looked up. */
        private void checkWellFormed(String what, String name, String example) {
            String problem = ServiceNames.problem(name);
            if (problem != null) {
                throw error(what + " " + ServiceNames.quote(name) + " " + problem + ": expected a name such as \""
                        + example + "\"");
            }
        }

        private List<Integer> distinctPorts(int[] ports, String what) {
            Set<Integer> set = new LinkedHashSet<>();
            for (int p : ports) {
                checkPort(p);
                if (!set.add(p)) {
                    throw error(what + " lists port " + p + " twice");
                }
            }
            return List.copyOf(set);
        }
    }
}
