package dev.portregistry;

import java.util.Objects;
import java.util.Optional;

/**
 * A program known to serve an assignment or an alternate use: an executable such as {@code sshd},
 * or a runtime such as {@code java} running a known main class or script, told by a marker that
 * appears in its command line ({@code org.apache.zookeeper.server.quorum.QuorumPeerMain}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Program {
    private final String name;
    private final String marker;

    private Program(String name, String marker) {
        this.name = name;
        this.marker = marker;
    }

    /**
     * Returns an executable known by its name.
     *
     * @param name the executable's file name, e.g. {@code sshd}; not null, not blank, no '/' or whitespace
     * @return the program, never null
     * @throws NullPointerException     if name is null
     * @throws IllegalArgumentException naming the value if it is not an executable name
     */
    public static Program executable(String name) {
        return new Program(checkName(name), "");
    }

    /**
     * Returns a runtime that serves the use only when its command line holds a marker.
     *
     * @param runtime the runtime's executable name, e.g. {@code java}; as for {@link #executable}
     * @param marker  text that appears in the command line, e.g. a main class; not null or blank
     * @return the program, never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException naming the value if one is blank or the runtime is not an executable name
     */
    public static Program runtime(String runtime, String marker) {
        Objects.requireNonNull(marker, "marker must not be null");
        if (marker.isBlank()) {
            throw new IllegalArgumentException("marker \"" + marker + "\" of runtime " + runtime
                    + " is blank: expected text of its command line, such as a main class");
        }
        return new Program(checkName(runtime), marker);
    }

    /** A loop, not a stream: this runs as the table decodes, where a fresh JVM would set up streams for it. */
    private static boolean hasWhitespace(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "program name must not be null");
        if (name.isBlank() || name.indexOf('/') >= 0 || hasWhitespace(name)) {
            throw new IllegalArgumentException("program name \"" + name
                    + "\" is invalid: expected an executable's file name such as sshd");
        }
        return name;
    }

    /**
     * Returns the executable's file name: the program itself, or the runtime that runs it.
     *
     * @return the name, never null or blank
     */
    public String name() {
        return name;
    }

    /**
     * Returns, for a runtime, the text its command line must hold.
     *
     * @return the marker, or empty for a plain executable
     */
    public Optional<String> commandLineMarker() {
        return marker.isEmpty() ? Optional.empty() : Optional.of(marker);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && p.name.equals(name) && p.marker.equals(marker);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + marker.hashCode();
    }

    /**
     * Returns {@code sshd}, or {@code java[org.example.Main]} for a runtime.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return marker.isEmpty() ? name : name + "[" + marker + "]";
    }
}
