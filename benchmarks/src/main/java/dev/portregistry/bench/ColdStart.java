package dev.portregistry.bench;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A fresh JVM to its first answer. Prints one line: the nanoseconds of the first
 * {@code PortRegistry.lookup} (class loading, reading and checking the bundled table, decoding the
 * answer), then those of the first {@code byService} (which finds the name and decodes its ports), then the
 * port's status and the number of ports found, as a check.
 *
 * <p>Nothing of the library is touched before the clock starts. {@code run.sh} starts this class
 * many times and also takes the whole process's wall time from outside.
 *
 * <p>With the argument {@code cpu} the line also ends with the CPU time of the main thread for
 * each of the two calls, which does not count time spent waiting for a core on a busy machine.
 * That mode loads {@code java.management} before the clock starts, which also loads some JDK
 * classes the library would otherwise load itself, so its wall times are a little lower.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * Measures and prints {@code firstLookupNs firstByServiceNs status found [lookupCpuNs byServiceCpuNs]}.
     *
     * @param args {@code cpu} to add the thread CPU times
     */
    public static void main(String[] args) {
        ThreadMXBean threads = args.length > 0 && args[0].equals("cpu") ? ManagementFactory.getThreadMXBean() : null;
        long c0 = threads == null ? 0 : threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        PortInfo info = PortRegistry.lookup(1196);
        long t1 = System.nanoTime();
        long c1 = threads == null ? 0 : threads.getCurrentThreadCpuTime();
        int found = PortRegistry.byService("openvpn").size();
        long t2 = System.nanoTime();
        long c2 = threads == null ? 0 : threads.getCurrentThreadCpuTime();
        String line = (t1 - t0) + " " + (t2 - t1) + " " + info.status() + " " + found;
        System.out.println(threads == null ? line : line + " " + (c1 - c0) + " " + (c2 - c1));
    }
}
