package dev.portregistry.host;

import java.util.List;
import java.util.Set;

/**
 * Which programs serve a service or a use: the curated program data, behind an interface so that
 * the verdict rules do not depend on where the data lives. Names are matched exactly as the
 * registry spells them (IANA service names; curated alternate-use names).
 */
interface ProgramCatalog {
    /** Executable base names known to serve an IANA service, such as sshd and dropbear for ssh. */
    Set<String> programsOfService(String service);

    /** Executable base names known to be an alternate use, such as openvpn for OpenVPN. */
    Set<String> programsOfUse(String use);

    /** What on a generic runtime's command line says it serves an IANA service. */
    List<RuntimeMarker> markersOfService(String service);

    /** What on a generic runtime's command line says it is an alternate use. */
    List<RuntimeMarker> markersOfUse(String use);

    /**
     * A runtime and an argument that names what it runs: {@code java} with the main class
     * {@code org.apache.zookeeper.server.quorum.QuorumPeerMain}, or a script or jar file name.
     */
    record RuntimeMarker(String runtime, String marker) {
    }

    /** A catalog that knows nothing: every listener with a visible process is UNEXPECTED or worse. */
    static ProgramCatalog empty() {
        return new ProgramCatalog() {
            @Override
            public Set<String> programsOfService(String service) {
                return Set.of();
            }

            @Override
            public Set<String> programsOfUse(String use) {
                return Set.of();
            }

            @Override
            public List<RuntimeMarker> markersOfService(String service) {
                return List.of();
            }

            @Override
            public List<RuntimeMarker> markersOfUse(String use) {
                return List.of();
            }
        };
    }
}
