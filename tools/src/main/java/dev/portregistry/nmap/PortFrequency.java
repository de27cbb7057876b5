package dev.portregistry.nmap;

import dev.portregistry.PortRange;
import dev.portregistry.Transport;
import java.util.Objects;

/**
 * How often a port is found open, from Nmap's {@code nmap-services} file: the fraction of scanned
 * hosts on which Nmap's authors found the port open.
 *
 * <p>Immutable and thread-safe. A final value class rather than a record, so that a 1.x release
 * can add a field (Nmap's comment, say) without breaking callers.
 */
public final class PortFrequency {
    private final int port;
    private final Transport transport;
    private final String name;
    private final double frequency;

    private PortFrequency(int port, Transport transport, String name, double frequency) {
        this.port = port;
        this.transport = transport;
        this.name = name;
        this.frequency = frequency;
    }

    /**
     * A port's open frequency.
     *
     * @param port      the port, 0 to 65535
     * @param transport the transport, not null
     * @param name      the name Nmap gives the service, e.g. {@code http}, or {@code unknown}; not blank
     * @param frequency the open frequency, 0.0 to 1.0
     * @return the value
     * @throws NullPointerException     if transport or name is null
     * @throws IllegalArgumentException if the port is outside 0..65535, the name is blank or the
     *                                  frequency is outside 0.0..1.0
     */
    public static PortFrequency of(int port, Transport transport, String name, double frequency) {
        PortRange.of(port); // throws IllegalArgumentException naming the port and 0..65535
        Objects.requireNonNull(transport, "transport must not be null");
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name \"" + name + "\" of port " + port + " is blank: expected a service name");
        }
        if (!(frequency >= 0.0 && frequency <= 1.0)) {
            throw new IllegalArgumentException("frequency " + frequency + " of port " + port + " is out of range: expected 0.0..1.0");
        }
        return new PortFrequency(port, transport, name, frequency);
    }

    /**
     * The port.
     *
     * @return the port, 0 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * The transport.
     *
     * @return the transport, never null
     */
    public Transport transport() {
        return transport;
    }

    /**
     * The name Nmap gives the service.
     *
     * @return e.g. {@code http}, or {@code unknown}; never null or blank
     */
    public String name() {
        return name;
    }

    /**
     * The open frequency.
     *
     * @return the fraction of scanned hosts with the port open, 0.0 to 1.0
     */
    public double frequency() {
        return frequency;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortFrequency f && port == f.port && transport == f.transport && name.equals(f.name)
                && Double.compare(frequency, f.frequency) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(port, transport, name, frequency);
    }

    /**
     * Returns a short form such as {@code 80/TCP http 0.48}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return port + "/" + transport + " " + name + " " + frequency;
    }
}
