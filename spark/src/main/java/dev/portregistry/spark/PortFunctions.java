package dev.portregistry.spark;

import dev.portregistry.Transport;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The static methods behind the SQL functions, called directly from Spark's generated code (through
 * {@code StaticInvoke}) with the column values as Spark holds them: a port as {@code int} (also for
 * {@code tinyint} and {@code smallint} columns), {@code long} or {@link UTF8String} (decimal digits),
 * a protocol as a name ({@code tcp}, {@code udp}, {@code sctp}, {@code dccp}, in any ASCII case) or as
 * an IP protocol number (6, 17, 132, 33). Null arguments never reach these methods (Spark answers
 * null first). A port outside 0..65535, a string that is not one, or another protocol gives null.
 * The answers are precomputed values: a call allocates nothing (the struct and summary are built on
 * a port's first call).
 *
 * <p>Not for direct use: public only because generated code calls it. Thread-safe.
 */
// EnumOrdinal: ordinals index PortColumns' per-transport arrays, built in the same JVM; never stored
@SuppressWarnings("EnumOrdinal")
public final class PortFunctions {
    private static final int TCP = Transport.TCP.ordinal();
    private static final int UDP = Transport.UDP.ordinal();
    private static final int SCTP = Transport.SCTP.ordinal();
    private static final int DCCP = Transport.DCCP.ordinal();

    private PortFunctions() {
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, int port, UTF8String protocol) {
        return registry.columns().service(port, transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, int port, int protocol) {
        return registry.columns().service(port, transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, int port, long protocol) {
        return registry.columns().service(port, transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, long port, UTF8String protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, long port, int protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, long port, long protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, UTF8String port, UTF8String protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, UTF8String port, int protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the ACTIVE service name on the port and transport (a local one first); null for a bad port or protocol. */
    public static UTF8String service(RegistryRef registry, UTF8String port, long protocol) {
        return registry.columns().service(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, int port, UTF8String protocol) {
        return registry.columns().uses(port, transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, int port, int protocol) {
        return registry.columns().uses(port, transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, int port, long protocol) {
        return registry.columns().uses(port, transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, long port, UTF8String protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, long port, int protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, long port, long protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, UTF8String port, UTF8String protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, UTF8String port, int protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the distinct names of the alternate uses on the port and transport; null for a bad port or protocol. */
    public static ArrayData uses(RegistryRef registry, UTF8String port, long protocol) {
        return registry.columns().uses(port(port), transport(protocol));
    }

    /** Returns the port's lifecycle status name; null for a bad port. */
    public static UTF8String status(RegistryRef registry, int port) {
        return registry.columns().status(port);
    }

    /** Returns the port's lifecycle status name; null for a bad port. */
    public static UTF8String status(RegistryRef registry, long port) {
        return registry.columns().status(port(port));
    }

    /** Returns the port's lifecycle status name; null for a bad port. */
    public static UTF8String status(RegistryRef registry, UTF8String port) {
        return registry.columns().status(port(port));
    }

    /** Returns the port's range name; null for a bad port. */
    public static UTF8String range(RegistryRef registry, int port) {
        return PortColumns.range(port);
    }

    /** Returns the port's range name; null for a bad port. */
    public static UTF8String range(RegistryRef registry, long port) {
        return PortColumns.range(port(port));
    }

    /** Returns the port's range name; null for a bad port. */
    public static UTF8String range(RegistryRef registry, UTF8String port) {
        return PortColumns.range(port(port));
    }

    /** Returns the port_info struct; null for a bad port. */
    public static InternalRow info(RegistryRef registry, int port) {
        return registry.columns().info(port);
    }

    /** Returns the port_info struct; null for a bad port. */
    public static InternalRow info(RegistryRef registry, long port) {
        return registry.columns().info(port(port));
    }

    /** Returns the port_info struct; null for a bad port. */
    public static InternalRow info(RegistryRef registry, UTF8String port) {
        return registry.columns().info(port(port));
    }

    /** Returns the port's summary; null for a bad port. */
    public static UTF8String summary(RegistryRef registry, int port) {
        return registry.columns().summary(port);
    }

    /** Returns the port's summary; null for a bad port. */
    public static UTF8String summary(RegistryRef registry, long port) {
        return registry.columns().summary(port(port));
    }

    /** Returns the port's summary; null for a bad port. */
    public static UTF8String summary(RegistryRef registry, UTF8String port) {
        return registry.columns().summary(port(port));
    }

    // ------------------------------------------------------------------ argument conversion

    /** A long as a port; -1 if outside 0..65535. */
    static int port(long port) {
        return port >= 0 && port < PortColumns.PORTS ? (int) port : -1;
    }

    /** Decimal ASCII digits (1 to 5 of them, nothing else) as a port; -1 if they are not one. */
    static int port(UTF8String text) {
        int n = text.numBytes();
        if (n == 0 || n > 5) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            int d = text.getByte(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value < PortColumns.PORTS ? value : -1;
    }

    /** A transport name in any ASCII case as the Transport ordinal; -1 for anything else. */
    static int transport(UTF8String name) {
        int n = name.numBytes();
        // OR 0x20 lower-cases an ASCII letter and maps no other byte onto a lower-case letter
        if (n == 3) {
            int a = name.getByte(0) | 0x20;
            int b = name.getByte(1) | 0x20;
            int c = name.getByte(2) | 0x20;
            if (a == 't' && b == 'c' && c == 'p') {
                return TCP;
            }
            return a == 'u' && b == 'd' && c == 'p' ? UDP : -1;
        }
        if (n == 4) {
            int a = name.getByte(0) | 0x20;
            int b = name.getByte(1) | 0x20;
            int c = name.getByte(2) | 0x20;
            int d = name.getByte(3) | 0x20;
            if (a == 's' && b == 'c' && c == 't' && d == 'p') {
                return SCTP;
            }
            return a == 'd' && b == 'c' && c == 'c' && d == 'p' ? DCCP : -1;
        }
        return -1;
    }

    /** An IP protocol number (IANA's Assigned Internet Protocol Numbers) as the Transport ordinal; -1 if none. */
    static int transport(long number) {
        if (number == 6) {
            return TCP;
        } else if (number == 17) {
            return UDP;
        } else if (number == 132) {
            return SCTP;
        } else if (number == 33) {
            return DCCP;
        }
        return -1;
    }
}
