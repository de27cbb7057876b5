package dev.portregistry.nmap;

import com.google.common.testing.ClassSanityTester;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * Guava's testers over {@code dev.portregistry.nmap}: every public constructor and method rejects null
 * ({@link NullPointerTester}); equals of {@link PortFrequency} ({@link EqualsTester}, {@link ClassSanityTester}).
 */
class NmapSanityTest {

    @Test
    void everyPublicMethodAndConstructorRejectsNull() {
        NullPointerTester tester = new NullPointerTester()
                .setDefault(Transport.class, Transport.TCP)
                .setDefault(int.class, 1) // a port and a count that are valid, so that only the null is wrong
                .setDefault(String.class, "x")
                .setDefault(Path.class, Path.of("no-such-file"));
        for (Class<?> type : List.of(PortPopularity.class, PortFrequency.class)) {
            tester.testAllPublicConstructors(type);
            tester.testAllPublicStaticMethods(type);
        }
        PortPopularity popularity = PortPopularity.parse("http 80/tcp 0.48\ndomain 53/udp 0.21\n", "test");
        for (Object instance : List.of(popularity, popularity.entries().get(0))) {
            tester.testAllPublicInstanceMethods(instance);
        }
    }

    @Test
    void portFrequencyEquality() {
        new EqualsTester()
                .addEqualityGroup(PortFrequency.of(80, Transport.TCP, "http", 0.48),
                        PortFrequency.of(80, Transport.TCP, "http", 0.48))
                .addEqualityGroup(PortFrequency.of(81, Transport.TCP, "http", 0.48))
                .addEqualityGroup(PortFrequency.of(80, Transport.UDP, "http", 0.48))
                .addEqualityGroup(PortFrequency.of(80, Transport.TCP, "www", 0.48))
                .addEqualityGroup(PortFrequency.of(80, Transport.TCP, "http", 0.5))
                .testEquals();
        new ClassSanityTester().setDefault(Transport.class, Transport.TCP)
                .setDistinctValues(double.class, 0.25, 0.5) // a frequency is 0.0..1.0
                .testEquals(PortFrequency.class);
    }
}
