package dev.portregistry;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A known unofficial use of a port: software that commonly runs there without the IANA assignment,
 * or malware known to use or target it.
 *
 * <p>Immutable and thread-safe. Absent values are empty Optionals or empty lists, never null.
 * Instances are made with {@link #builder()}; new fields in later releases come with new builder
 * methods and accessors.
 */
public final class AlternateUse {
    private final String name;
    private final String description;
    private final Set<Transport> transports;
    private final UseKind kind;
    private final int officialPort;
    private final String basis;
    private final int firstYear;
    private final int lastYear;
    private final List<Program> programs;

    private AlternateUse(Builder b) {
        name = Objects.requireNonNull(b.name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("alternate use name \"" + name + "\" is blank: expected a name such as \"OpenVPN\"");
        }
        description = b.description;
        kind = Values.required(b.kind, "kind of alternate use \"", name, "\" must be set");
        transports = Transports.copyOf(b.transports, "alternate use ", name);
        officialPort = b.officialPort;
        basis = b.basis;
        firstYear = b.firstYear;
        lastYear = b.lastYear;
        if (firstYear != 0 && lastYear != 0 && lastYear < firstYear) {
            throw new IllegalArgumentException("alternate use \"" + name + "\" was last seen in " + lastYear
                    + ", before it was first seen in " + firstYear + ": expected lastYear >= firstYear");
        }
        programs = Values.copyOf(b.programs, "programs of alternate use ", name);
    }

    /**
     * Returns a new builder with no values set.
     *
     * @return the builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder that starts from this use's values.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.description = description;
        b.transports = transports;
        b.kind = kind;
        b.officialPort = officialPort;
        b.basis = basis;
        b.firstYear = firstYear;
        b.lastYear = lastYear;
        b.programs = programs;
        return b;
    }

    /** Returns the software's name, e.g. {@code OpenVPN}; never null or blank. */
    public String name() {
        return name;
    }

    /** Returns one sentence about the software and its use of the port; never null. */
    public String description() {
        return description;
    }

    /** Returns the transports it uses there; immutable, never empty, in declaration order. */
    public Set<Transport> transports() {
        return transports;
    }

    /** Returns UNOFFICIAL or MALWARE, never null. */
    public UseKind kind() {
        return kind;
    }

    /** Returns the software's own IANA-assigned port where it has one (1194 for OpenVPN), else empty. */
    public OptionalInt officialPort() {
        return officialPort < 0 ? OptionalInt.empty() : OptionalInt.of(officialPort);
    }

    /** Returns what the fact rests on (vendor documentation, an advisory, ...); never null. */
    public String basis() {
        return basis;
    }

    /** Returns the year the use was first seen (a 1998 trojan: 1998), only where known. */
    public OptionalInt firstYear() {
        return firstYear == 0 ? OptionalInt.empty() : OptionalInt.of(firstYear);
    }

    /** Returns the year the use was last seen or ended, only where known; empty for a current use. */
    public OptionalInt lastYear() {
        return lastYear == 0 ? OptionalInt.empty() : OptionalInt.of(lastYear);
    }

    /** Returns programs known to be this use, e.g. {@code openvpn}; possibly empty, never null. */
    public List<Program> programs() {
        return programs;
    }

    /**
     * Tells whether this use covers a transport.
     *
     * @param transport the transport, not null
     * @return true if {@link #transports()} contains it
     * @throws NullPointerException if transport is null
     */
    public boolean covers(Transport transport) {
        return transports.contains(Objects.requireNonNull(transport, "transport must not be null"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlternateUse u && name.equals(u.name) && description.equals(u.description)
                && transports.equals(u.transports) && kind == u.kind && officialPort == u.officialPort
                && basis.equals(u.basis) && firstYear == u.firstYear && lastYear == u.lastYear
                && programs.equals(u.programs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, transports, kind, officialPort, basis, firstYear, lastYear, programs);
    }

    /**
     * Returns a short form such as {@code OpenVPN [TCP, UDP] UNOFFICIAL}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return name + " " + transports + " " + kind;
    }

    /**
     * Builds an {@link AlternateUse}. Not thread-safe; each {@link #build()} gives a new value.
    
     */
    public static final class Builder {
        private String name = "";
        private String description = "";
        private Set<Transport> transports = Set.of();
        private @Nullable UseKind kind;
        private int officialPort = -1;
        private String basis = "";
        private int firstYear;
        private int lastYear;
        private List<Program> programs = List.of();

        private Builder() {
        }

        /**
         * Sets {@code name}.
         *
         * @param value the software's name, not null, not blank when built
         * @return this builder
         */
        public Builder name(String value) {
            name = Values.text(value, "name");
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param value one sentence about it, not null
         * @return this builder
         */
        public Builder description(String value) {
            description = Values.text(value, "description");
            return this;
        }

        /**
         * Sets {@code transports}.
         *
         * @param value the transports, not null; must not be empty when built
         * @return this builder
         */
        public Builder transports(Set<Transport> value) {
            transports = Objects.requireNonNull(value, "transports must not be null");
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param value UNOFFICIAL or MALWARE, not null
         * @return this builder
         */
        public Builder kind(UseKind value) {
            kind = Objects.requireNonNull(value, "kind must not be null");
            return this;
        }

        /**
         * Sets {@code officialPort}.
         *
         * @param value the software's own assigned port, 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException naming the value if it is not a port
         */
        public Builder officialPort(int value) {
            officialPort = PortRange.checkPort(value);
            return this;
        }

        /**
         * Sets {@code basis}.
         *
         * @param value what the fact rests on, not null
         * @return this builder
         */
        public Builder basis(String value) {
            basis = Values.text(value, "basis");
            return this;
        }

        /**
         * Sets {@code firstYear}.
         *
         * @param value the year first seen, 1 to 9999, or 0 for unknown
         * @return this builder
         * @throws IllegalArgumentException naming the value if out of range
         */
        public Builder firstYear(int value) {
            firstYear = Values.year(value, "firstYear");
            return this;
        }

        /**
         * Sets {@code lastYear}.
         *
         * @param value the year last seen, 1 to 9999, or 0 for unknown or current
         * @return this builder
         * @throws IllegalArgumentException naming the value if out of range
         */
        public Builder lastYear(int value) {
            lastYear = Values.year(value, "lastYear");
            return this;
        }

        /**
         * Sets {@code programs}.
         *
         * @param value programs known to be this use, not null, without null elements
         * @return this builder
         */
        public Builder programs(List<Program> value) {
            programs = Objects.requireNonNull(value, "programs must not be null");
            return this;
        }

        /**
         * Builds the use.
         *
         * @return a new use, never null
         * @throws NullPointerException     if the kind was not set or a list holds null
         * @throws IllegalArgumentException if the name is blank, transports empty or lastYear before firstYear
         */
        public AlternateUse build() {
            return new AlternateUse(this);
        }
    }
}
