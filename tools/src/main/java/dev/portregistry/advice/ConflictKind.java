package dev.portregistry.advice;

/**
 * Why a port is a poor choice for a new service; see {@link PortAdvisor#check(int)}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ConflictKind {
    /** Below 1024: binding needs root or CAP_NET_BIND_SERVICE on Unix, and IANA assigns these by IETF review. */
    PRIVILEGED,
    /** 49152-65535, RFC 6335's dynamic range: operating systems hand these out as ephemeral ports. */
    DYNAMIC_RANGE,
    /** 32768-60999, Linux's default ephemeral range: an outgoing connection may already hold the port. */
    EPHEMERAL_RANGE,
    /** IANA reserved the port. */
    RESERVED,
    /** IANA assigns the port to a service (active, abandoned or historic). */
    ASSIGNED,
    /** An overlay assigns the port to one of your own services. */
    LOCAL_ASSIGNMENT,
    /** A former IANA assignment was withdrawn; old software may still use the port. */
    DEREGISTERED,
    /** Software is known to run there without the IANA assignment. */
    ALTERNATE_USE,
    /** Malware is known to use the port: scanners and intrusion detection flag it. */
    MALWARE,
    /** The port belongs to a known family of ports (a service's usual alternates). */
    RELATED,
    /** Nmap finds the port open on scanned hosts (only when popularity data is given). */
    POPULAR
}
