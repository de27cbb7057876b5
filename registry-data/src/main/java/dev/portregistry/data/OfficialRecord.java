package dev.portregistry.data;

import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.internal.ServiceNames;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One official IANA record as a source states it: a port or port range, the transports, the
 * service name (empty for Reserved and similar entries) and the description.
 *
 * @param file        the file it came from, for error messages; never null
 * @param line        its 1-based line in that file (0 if the format has no lines)
 * @param firstPort   the first port, 0 to 65535
 * @param lastPort    the last port, {@code >= firstPort}
 * @param transports  the transports, never empty
 * @param name        the IANA service name, possibly empty; never null
 * @param description the description, possibly empty; never null
 * @param iana        IANA's full record as {@link dev.portregistry.IanaCsv} reads it (status, dates,
 *                    references, service code, unauthorized use, notes), or null where the source
 *                    states only name and description (the npm snapshot, a services file)
 */
public record OfficialRecord(String file, int line, int firstPort, int lastPort, Set<Transport> transports,
                             String name, String description, ServiceAssignment iana) {

    /** A record with name and description only. */
    public OfficialRecord(String file, int line, int firstPort, int lastPort, Set<Transport> transports,
                          String name, String description) {
        this(file, line, firstPort, lastPort, transports, name, description, null);
    }

    /**
     * Validates and copies.
     *
     * @throws SourceException naming file and line if the ports are not a range within 0..65535,
     *                         there is no transport, the name is not empty and not a well-formed
     *                         service name (one that a query can reach: no surrounding white
     *                         space, no control character, at most 128 characters), or the
     *                         description holds a control character or a line separator
     */
    public OfficialRecord {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(transports, "transports must not be null");
        if (!name.isEmpty()) {
            String problem = ServiceNames.problem(name);
            if (problem != null) {
                throw new SourceException(file, line, "service name " + ServiceNames.quote(name) + " " + problem
                        + ": expected an IANA service name such as \"http\"");
            }
        }
        String problem = ServiceNames.textProblem(description);
        if (problem != null) {
            throw new SourceException(file, line, "description " + ServiceNames.quote(description) + " " + problem
                    + ": expected one line of plain text");
        }
        if (firstPort < 0 || lastPort > 65535 || firstPort > lastPort) {
            throw new SourceException(file, line, "port range " + firstPort + "-" + lastPort
                    + " is invalid: expected 0 <= first <= last <= 65535");
        }
        if (transports.isEmpty()) {
            throw new SourceException(file, line, "no transport: expected tcp, udp, sctp or dccp");
        }
        transports = Collections.unmodifiableSet(EnumSet.copyOf(transports));
    }

    /** Returns true if the record covers one port rather than a range. */
    public boolean isSinglePort() {
        return firstPort == lastPort;
    }

    /** Returns the port or range as text: "80" or "6000-6063". */
    public String portText() {
        return isSinglePort() ? Integer.toString(firstPort) : firstPort + "-" + lastPort;
    }
}
