package dev.portregistry;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A known unofficial use of a port: software that commonly runs there without the IANA assignment,
 * or malware known to use or target it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         the software's name, e.g. {@code OpenVPN}; never null or blank
 * @param description  one sentence about the software and its use of the port; never null
 * @param transports   the transports it uses there; immutable, never empty, in declaration order
 * @param kind         UNOFFICIAL or MALWARE, never null
 * @param officialPort the software's own IANA-assigned port where it has one (1194 for OpenVPN);
 *                     empty otherwise, never null
 * @param basis        what the fact rests on (vendor documentation, an advisory, ...); never null
 */
public record AlternateUse(String name, String description, Set<Transport> transports, UseKind kind,
                           OptionalInt officialPort, String basis) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the name is blank, transports is empty or the official
     *                                  port is outside 0..65535
     */
    public AlternateUse {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("alternate use name \"" + name + "\" is blank: expected a name such as \"OpenVPN\"");
        }
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(officialPort, "officialPort must not be null (use OptionalInt.empty())");
        Objects.requireNonNull(basis, "basis must not be null");
        transports = Transports.copyOf(transports, "alternate use ", name);
        if (officialPort.isPresent()) {
            PortRange.checkPort(officialPort.getAsInt());
        }
    }
}
