package dev.portregistry.advice;

import com.google.common.testing.ClassSanityTester;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.nmap.PortPopularity;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Guava's testers over {@code dev.portregistry.advice}: every public constructor and method rejects null
 * ({@link NullPointerTester}); equals of the value classes {@link PortCheck} and {@link PortConflict}
 * ({@link EqualsTester}, {@link ClassSanityTester}).
 */
class AdviceSanityTest {

    @Test
    void everyPublicMethodAndConstructorRejectsNull() {
        NullPointerTester tester = new NullPointerTester()
                .setDefault(PortRegistry.class, FixtureRegistry.FIXTURE)
                .setDefault(PortInfo.class, FixtureRegistry.FIXTURE.get(0))
                .setDefault(PortPopularity.class, PortPopularity.parse("http 80/tcp 0.48\n", "test"))
                .setDefault(String.class, "x");
        for (Class<?> type : List.of(PortAdvisor.class, PortCheck.class, PortConflict.class, ConflictKind.class)) {
            tester.testAllPublicConstructors(type);
            tester.testAllPublicStaticMethods(type);
        }
        PortAdvisor advisor = PortAdvisor.of(FixtureRegistry.FIXTURE);
        for (Object instance : List.of(advisor, advisor.check(8080), PortConflict.of(ConflictKind.ASSIGNED, "m"),
                ConflictKind.ASSIGNED)) {
            tester.testAllPublicInstanceMethods(instance);
        }
    }

    @Test
    void valueEquality() {
        PortConflict assigned = PortConflict.of(ConflictKind.ASSIGNED, "m");
        new EqualsTester()
                .addEqualityGroup(assigned, PortConflict.of(ConflictKind.ASSIGNED, "m"))
                .addEqualityGroup(PortConflict.of(ConflictKind.ASSIGNED, "n"))
                .addEqualityGroup(PortConflict.of(ConflictKind.PRIVILEGED, "m"))
                .testEquals();
        PortInfo info = FixtureRegistry.FIXTURE.get(8080);
        new EqualsTester()
                .addEqualityGroup(PortCheck.of(info, List.of(assigned)),
                        PortCheck.of(FixtureRegistry.FIXTURE.get(8080), List.of(PortConflict.of(ConflictKind.ASSIGNED, "m"))))
                .addEqualityGroup(PortCheck.of(info, List.of()))
                .addEqualityGroup(PortCheck.of(FixtureRegistry.FIXTURE.get(8081), List.of(assigned)))
                .testEquals();
        new ClassSanityTester().testEquals(PortConflict.class);
    }
}
