package dev.portregistry.bench;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;

/**
 * A fresh JVM to its first answer. Prints one line: the nanoseconds of the first
 * {@code PortRegistry.lookup} (class loading, reading and decoding the bundled table, the answer),
 * then those of the first {@code byService}, then the port's status as a check.
 *
 * <p>Nothing of the library is touched before the clock starts. {@code run.sh} starts this class
 * many times and also takes the whole process's wall time from outside.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * Measures and prints {@code firstLookupNs firstByServiceNs status}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        PortInfo info = PortRegistry.lookup(1196);
        long t1 = System.nanoTime();
        int found = PortRegistry.byService("openvpn").size();
        long t2 = System.nanoTime();
        System.out.println((t1 - t0) + " " + (t2 - t1) + " " + info.status() + " " + found);
    }
}
