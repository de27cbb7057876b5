package dev.portregistry.bench;

import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The first {@code PortRegistry.lookup} of a fresh JVM: one single-shot call per fork, so each
 * sample includes loading the classes and the bundled table. JMH's own classes are loaded by then,
 * so this is the cost inside a running application; {@link ColdStart} measures a bare JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(20)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {

    /**
     * The first lookup of the JVM.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public PortInfo firstLookup() {
        return PortRegistry.lookup(1196);
    }
}
