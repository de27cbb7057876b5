package dev.portregistry.bench;

import java.util.SplittableRandom;

/**
 * The fixed pseudo-random ports every lookup benchmark walks through, ours and the peers' alike.
 * Uniform over 0..65535, from a fixed seed, so every run and every language looks up the same
 * ports in the same order.
 *
 * <p>{@code main} prints them one a line, for the peer scripts in Python and Node.
 */
public final class PortSample {
    /** How many ports one benchmark invocation looks up; the int array stays in L1 (16 KB). */
    public static final int SIZE = 4096;
    /** The seed of the sample. */
    public static final long SEED = 0x5EED_CAFEL;

    private PortSample() {
    }

    /**
     * Returns the sample, a new array each call.
     *
     * @return {@link #SIZE} ports in 0..65535, never null
     */
    public static int[] ports() {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] ports = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            ports[i] = random.nextInt(65536);
        }
        return ports;
    }

    /**
     * Prints the sample, one port a line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder(SIZE * 6);
        for (int port : ports()) {
            out.append(port).append('\n');
        }
        System.out.print(out);
    }
}
