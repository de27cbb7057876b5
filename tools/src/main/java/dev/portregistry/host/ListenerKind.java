package dev.portregistry.host;

import dev.portregistry.Overlay;
import dev.portregistry.UseKind;
/**
 * What the registry makes of a {@link Listener}: the first that applies, in declaration order,
 * considering only assignments and uses that cover the listener's transport.
 *
 * <p>Immutable and thread-safe.
 */
public enum ListenerKind {
    /** A local assignment of an {@link Overlay} covers it: one of your own services. */
    LOCAL,
    /**
     * An IANA assignment covers it: ACTIVE ones first; an ABANDONED or HISTORIC one only when no
     * known alternate use does, since the listener is then more likely that other software.
     */
    OFFICIAL,
    /** Software known to run there without the IANA assignment ({@link UseKind#UNOFFICIAL}). */
    ALTERNATE_USE,
    /** Only malware is known to use the port ({@link UseKind#MALWARE}). */
    MALWARE,
    /** Nothing known covers it: reserved, de-registered, unassigned, or known on other transports only. */
    UNKNOWN
}
