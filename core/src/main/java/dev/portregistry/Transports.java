package dev.portregistry;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Shared immutable transport sets, one per bit mask, so that the loaded registry holds 16 set
 * instances rather than one per record. Bit {@code 1 << t.ordinal()} stands for transport t.
 */
// EnumOrdinal: bit 1 << ordinal stands for a transport, in memory and in the table format, so the
// declaration order of Transport is part of that format and a new constant goes last.
@SuppressWarnings("EnumOrdinal")
final class Transports {
    /** Bit mask with one bit for every {@link Transport}. */
    static final int ALL_MASK = (1 << Transport.values().length) - 1;

    private static final Set<Transport>[] BY_MASK = buildAll();

    private Transports() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create an array of Set<Transport>: a raw one, unchecked
    private static Set<Transport>[] buildAll() {
        Set<Transport>[] sets = new Set[ALL_MASK + 1];
        for (int mask = 0; mask <= ALL_MASK; mask++) {
            EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
            for (Transport t : Transport.values()) {
                if ((mask & (1 << t.ordinal())) != 0) {
                    set.add(t);
                }
            }
            sets[mask] = Collections.unmodifiableSet(set);
        }
        return sets;
    }

    /** Returns the mask of a collection of transports. */
    static int mask(Collection<Transport> transports) {
        int mask = 0;
        for (Transport t : transports) {
            mask |= 1 << t.ordinal();
        }
        return mask;
    }

    /**
     * Returns an immutable, ordered (TCP, UDP, SCTP, DCCP) copy, rejecting null and empty sets.
     * The owner is named in two parts, joined only for a message: this runs for every record a
     * table decodes, and a fresh JVM pays for each string concatenation site on first use.
     */
    static Set<Transport> copyOf(Set<Transport> transports, String ownerKind, String ownerName) {
        if (transports == null) {
            throw new NullPointerException(ownerKind + ownerName + ": transports must not be null");
        }
        for (Transport t : transports) {
            if (t == null) {
                throw new NullPointerException(ownerKind + ownerName + ": transports must not contain null");
            }
        }
        if (transports.isEmpty()) {
            throw new IllegalArgumentException(ownerKind + ownerName + ": transports " + transports
                    + " is empty: expected at least one of TCP, UDP, SCTP, DCCP");
        }
        // the mask of a set of transports is within ALL_MASK by construction
        return BY_MASK[mask(transports)];
    }

    /** "TCP", "TCP and UDP", "TCP, UDP and SCTP". */
    static String describe(Set<Transport> transports) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = transports.size();
        for (Transport t : transports) {
            if (i > 0) {
                sb.append(i == n - 1 ? " and " : ", ");
            }
            sb.append(t.name());
            i++;
        }
        return sb.toString();
    }
}
