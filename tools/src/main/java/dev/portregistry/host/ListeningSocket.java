package dev.portregistry.host;

import dev.portregistry.PortRange;
import dev.portregistry.Transport;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A socket of this machine that waits for traffic: a TCP socket in the LISTEN state or a bound,
 * unconnected UDP socket, as {@link ListeningSockets#list()} reads them from the kernel.
 *
 * <p>Immutable and thread-safe.
 *
 * @param transport TCP or UDP, never null
 * @param address   the local address it is bound to: a wildcard ({@code 0.0.0.0}, {@code ::}) for
 *                  every interface, a loopback address for this machine only; never null
 * @param port      the local port, 0 to 65535
 * @param uid       the user id that owns the socket, 0 to 4294967295 (Linux uids are unsigned 32-bit)
 * @param inode     the kernel's inode number of the socket, 0 or more; with root or as the owner
 *                  it maps to a process through {@code /proc/<pid>/fd}
 */
public record ListeningSocket(Transport transport, InetAddress address, int port, long uid, long inode) {
    /** The largest uid: Linux's {@code uid_t} is an unsigned 32-bit number. */
    public static final long MAX_UID = 0xFFFF_FFFFL;

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if transport or address is null
     * @throws IllegalArgumentException if the port is outside 0..65535, the uid outside 0..4294967295 or the inode negative
     */
    public ListeningSocket {
        Objects.requireNonNull(transport, "transport must not be null");
        Objects.requireNonNull(address, "address must not be null");
        PortRange.of(port); // throws IllegalArgumentException naming the port and 0..65535
        if (uid < 0 || uid > MAX_UID) {
            throw new IllegalArgumentException("uid " + uid + " is out of range: expected 0.." + MAX_UID);
        }
        if (inode < 0) {
            throw new IllegalArgumentException("inode " + inode + " is negative: expected 0 or more");
        }
    }

    /**
     * Returns the address as text: dotted IPv4, or IPv6 in its shortest form (RFC 5952), such as
     * {@code 127.0.0.1}, {@code ::1} or {@code ::}.
     *
     * @return the text, never null
     */
    public String addressText() {
        if (address instanceof Inet6Address) {
            return ipv6Text(address.getAddress());
        }
        return address.getHostAddress();
    }

    /**
     * Returns the address and port as one would type them: {@code 127.0.0.1:8080} or {@code [::1]:8080}.
     *
     * @return the endpoint, never null
     */
    public String endpoint() {
        return (address instanceof Inet4Address ? addressText() : "[" + addressText() + "]") + ":" + port;
    }

    /**
     * Tells whether the socket accepts traffic on every interface ({@code 0.0.0.0} or {@code ::}),
     * so that other machines may reach it unless a firewall stops them.
     *
     * @return true for a wildcard address
     */
    public boolean isWildcard() {
        return address.isAnyLocalAddress();
    }

    /**
     * Tells whether only this machine can reach the socket (a loopback address).
     *
     * @return true for a loopback address such as {@code 127.0.0.1} or {@code ::1}
     */
    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    static String ipv6Text(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
