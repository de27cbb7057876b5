package dev.portregistry.nmap;

import dev.portregistry.PortRange;
import dev.portregistry.Transport;
import java.util.Objects;

/**
 * How often a port is found open, from Nmap's {@code nmap-services} file: the fraction of scanned
 * hosts on which Nmap's authors found the port open.
 *
 * <p>Immutable and thread-safe.
 *
 * @param port      the port, 0 to 65535
 * @param transport the transport, never null
 * @param name      the name Nmap gives the service, e.g. {@code http}, or {@code unknown}; never null or blank
 * @param frequency the open frequency, 0.0 to 1.0
 */
public record PortFrequency(int port, Transport transport, String name, double frequency) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if transport or name is null
     * @throws IllegalArgumentException if the port is outside 0..65535, the name is blank or the
     *                                  frequency is outside 0.0..1.0
     */
    public PortFrequency {
        PortRange.of(port); // throws IllegalArgumentException naming the port and 0..65535
        Objects.requireNonNull(transport, "transport must not be null");
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name \"" + name + "\" of port " + port + " is blank: expected a service name");
        }
        if (!(frequency >= 0.0 && frequency <= 1.0)) {
            throw new IllegalArgumentException("frequency " + frequency + " of port " + port + " is out of range: expected 0.0..1.0");
        }
    }
}
