package dev.portregistry;

import com.google.common.testing.ClassSanityTester;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Guava's testers over every public type of {@code dev.portregistry}: {@link NullPointerTester} calls every
 * public constructor, static method and instance method with null in each parameter that is not
 * {@code @Nullable} and expects {@link NullPointerException} (never a silent acceptance, never another
 * exception); {@link EqualsTester} holds every value type's equals and hashCode to their contract, with a
 * group of equal values built in different ways and groups that differ in one field each;
 * {@link ClassSanityTester} checks the static factories reject null and give equal values for equal
 * arguments.
 */
class ApiSanityTest {

    private static final ServiceAssignment ASSIGNMENT = ServiceAssignment.of("http", "World Wide Web HTTP",
            EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE);
    private static final AlternateUse USE = AlternateUse.builder().name("OpenVPN").transports(Set.of(Transport.UDP))
            .kind(UseKind.UNOFFICIAL).basis("OpenVPN's documentation").build();

    static NullPointerTester tester() {
        return new NullPointerTester()
                .setDefault(PortRegistry.class, FixtureRegistry.FIXTURE)
                .setDefault(PortInfo.class, FixtureRegistry.FIXTURE.get(80))
                .setDefault(ServiceAssignment.class, ASSIGNMENT)
                .setDefault(AlternateUse.class, USE)
                .setDefault(Program.class, Program.executable("nginx"))
                .setDefault(RegistryDate.class, RegistryDate.of(2005, 8))
                .setDefault(Lifecycle.class, Lifecycle.of(LifecycleStatus.ABANDONED))
                .setDefault(LifecycleStatus.class, LifecycleStatus.ACTIVE)
                .setDefault(Overlay.class, Overlay.builder("test").build())
                .setDefault(Transport.class, Transport.TCP)
                .setDefault(Transport[].class, new Transport[] {Transport.TCP})
                .setDefault(String.class, "x")
                .setDefault(Path.class, Path.of("no-such-file"))
                .setDefault(InputStream.class, new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void everyPublicMethodAndConstructorRejectsNull() throws Exception {
        NullPointerTester tester = tester();
        for (Class<?> type : List.of(PortRegistry.class, PortInfo.class, PortInfo.Builder.class, ServiceAssignment.class,
                ServiceAssignment.Builder.class, AlternateUse.class, AlternateUse.Builder.class, DataVersion.class,
                RegistryDate.class, Program.class, Lifecycle.class, Overlay.class, Overlay.Builder.class, IanaCsv.class,
                IanaCsv.Row.class, RegistryFormatException.class, PortRange.class, Transport.class,
                LifecycleStatus.class, Origin.class, UseKind.class)) {
            tester.testAllPublicConstructors(type);
            tester.testAllPublicStaticMethods(type);
        }
        IanaCsv csv = IanaCsv.read(new java.io.StringReader(String.join(",", IanaCsv.HEADER) + "\n"
                + "http,80,tcp,World Wide Web HTTP,,,,,,,,\n"), "test.csv");
        for (Object instance : List.of(FixtureRegistry.FIXTURE, FixtureRegistry.FIXTURE.with(Overlay.builder("o")
                        .assign(4711, "mine", "my service", Transport.TCP).build()),
                FixtureRegistry.FIXTURE.get(1196), FixtureRegistry.FIXTURE.get(1196).toBuilder(), ASSIGNMENT, ASSIGNMENT.toBuilder(),
                ServiceAssignment.builder(), USE, USE.toBuilder(), AlternateUse.builder(), FixtureRegistry.FIXTURE.version(),
                RegistryDate.of(2005, 8), RegistryDate.parse("2005-08-01"), Program.executable("nginx"),
                Program.runtime("java", "jenkins.war"), Lifecycle.of(LifecycleStatus.ABANDONED).withProduct("p"),
                Overlay.builder("o").build(), Overlay.builder("o"), csv, csv.rows().get(0),
                new RegistryFormatException("f", 1, "bad"), PortRange.WELL_KNOWN, Transport.UDP,
                LifecycleStatus.ACTIVE, Origin.LOCAL, UseKind.MALWARE)) {
            tester.testAllPublicInstanceMethods(instance);
        }
    }

    @Test
    void portInfoEquality() {
        PortInfo p1196 = FixtureRegistry.FIXTURE.get(1196);
        new EqualsTester()
                .addEqualityGroup(p1196, FixtureRegistry.FIXTURE.get(1196), p1196.toBuilder().build(),
                        PortInfo.of(1196, p1196.assignments(), p1196.alternateUses(), p1196.relatedPorts()))
                .addEqualityGroup(FixtureRegistry.FIXTURE.get(1197))
                .addEqualityGroup(p1196.toBuilder().assignments(List.of()).build())
                .addEqualityGroup(p1196.toBuilder().alternateUses(List.of()).build())
                .addEqualityGroup(p1196.toBuilder().relatedPorts(List.of()).build())
                .testEquals();
    }

    @Test
    void serviceAssignmentEquality() {
        ServiceAssignment a = ASSIGNMENT.toBuilder().registrationDate(RegistryDate.of(2005, 8)).build();
        new EqualsTester()
                .addEqualityGroup(a, a.toBuilder().build(), ServiceAssignment.builder().name("http")
                        .description("World Wide Web HTTP").transports(Set.of(Transport.TCP))
                        .status(LifecycleStatus.ACTIVE).registrationDate(RegistryDate.of(2005, 8)).build())
                .addEqualityGroup(ASSIGNMENT)
                .addEqualityGroup(a.toBuilder().name("www").build())
                .addEqualityGroup(a.toBuilder().description("other").build())
                .addEqualityGroup(a.toBuilder().transports(Set.of(Transport.TCP, Transport.UDP)).build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.HISTORIC).build())
                .addEqualityGroup(a.toBuilder().origin(Origin.LOCAL).build())
                .addEqualityGroup(a.toBuilder().modificationDate(RegistryDate.of(2010, 1)).build())
                .addEqualityGroup(a.toBuilder().references(List.of("RFC 9110")).build())
                .addEqualityGroup(a.toBuilder().serviceCode("x").build())
                .addEqualityGroup(a.toBuilder().unauthorizedUseReported("x").build())
                .addEqualityGroup(a.toBuilder().assignmentNotes("x").build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.ABANDONED).product("x").build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.ABANDONED).vendor("x").build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.ABANDONED).discontinuedYear(2001).build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.ABANDONED).reason("x").build())
                .addEqualityGroup(a.toBuilder().status(LifecycleStatus.ABANDONED).basis("x").build())
                .addEqualityGroup(a.toBuilder().programs(List.of(Program.executable("nginx"))).build())
                .testEquals();
    }

    @Test
    void alternateUseEquality() {
        new EqualsTester()
                .addEqualityGroup(USE, USE.toBuilder().build(), AlternateUse.builder().name("OpenVPN")
                        .transports(Set.of(Transport.UDP)).kind(UseKind.UNOFFICIAL).basis("OpenVPN's documentation").build())
                .addEqualityGroup(USE.toBuilder().name("other").build())
                .addEqualityGroup(USE.toBuilder().description("other").build())
                .addEqualityGroup(USE.toBuilder().transports(Set.of(Transport.TCP)).build())
                .addEqualityGroup(USE.toBuilder().kind(UseKind.MALWARE).build())
                .addEqualityGroup(USE.toBuilder().officialPort(1194).build())
                .addEqualityGroup(USE.toBuilder().basis("other").build())
                .addEqualityGroup(USE.toBuilder().firstYear(2001).build())
                .addEqualityGroup(USE.toBuilder().lastYear(2020).build())
                .addEqualityGroup(USE.toBuilder().programs(List.of(Program.executable("openvpn"))).build())
                .testEquals();
    }

    @Test
    void smallValueEquality() {
        LocalDate day = LocalDate.of(2026, 11, 27);
        new EqualsTester()
                .addEqualityGroup(DataVersion.of("iana", day, "r1"), DataVersion.of("iana", day, "r1"))
                .addEqualityGroup(DataVersion.of("other", day, "r1"))
                .addEqualityGroup(DataVersion.of("iana", day.plusDays(1), "r1"))
                .addEqualityGroup(DataVersion.of("iana", day, "r2"))
                .testEquals();
        new EqualsTester()
                .addEqualityGroup(RegistryDate.of(2005, 8), RegistryDate.parse("2005-08"))
                .addEqualityGroup(RegistryDate.of(LocalDate.of(2005, 8, 1)), RegistryDate.parse("2005-08-01"))
                .addEqualityGroup(RegistryDate.of(2005, 9))
                .addEqualityGroup(RegistryDate.of(2006, 8))
                .testEquals();
        new EqualsTester()
                .addEqualityGroup(Program.executable("nginx"), Program.executable("nginx"))
                .addEqualityGroup(Program.executable("httpd"))
                .addEqualityGroup(Program.runtime("java", "jenkins.war"), Program.runtime("java", "jenkins.war"))
                .addEqualityGroup(Program.runtime("java", "other.jar"))
                .addEqualityGroup(Program.runtime("python3", "jenkins.war"))
                .testEquals();
        Lifecycle abandoned = Lifecycle.of(LifecycleStatus.ABANDONED);
        new EqualsTester()
                .addEqualityGroup(abandoned, Lifecycle.of(LifecycleStatus.ABANDONED))
                .addEqualityGroup(Lifecycle.of(LifecycleStatus.HISTORIC))
                .addEqualityGroup(abandoned.withProduct("p"), Lifecycle.of(LifecycleStatus.ABANDONED).withProduct("p"))
                .addEqualityGroup(abandoned.withVendor("v"))
                .addEqualityGroup(abandoned.withDiscontinuedYear(2001))
                .addEqualityGroup(abandoned.withReason("r"))
                .addEqualityGroup(abandoned.withBasis("b"))
                .testEquals();
    }

    @Test
    void staticFactoriesRejectNullAndGiveEqualValuesForEqualArguments() throws Exception {
        ClassSanityTester sanity = new ClassSanityTester()
                .setDefault(LifecycleStatus.class, LifecycleStatus.ACTIVE)
                .setDistinctValues(LifecycleStatus.class, LifecycleStatus.ACTIVE, LifecycleStatus.ABANDONED)
                .setDistinctValues(String.class, "a", "b")
                .setDistinctValues(LocalDate.class, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28))
                .setDefault(Set.class, Set.of(Transport.TCP))
                .setDistinctValues(Set.class, Set.of(Transport.TCP), Set.of(Transport.UDP));
        sanity.forAllPublicStaticMethods(DataVersion.class).thatReturn(DataVersion.class).testNulls().testEquals();
        sanity.forAllPublicStaticMethods(Program.class).thatReturn(Program.class).testNulls().testEquals();
        sanity.forAllPublicStaticMethods(Lifecycle.class).thatReturn(Lifecycle.class).testNulls().testEquals();
        sanity.forAllPublicStaticMethods(ServiceAssignment.class).thatReturn(ServiceAssignment.class)
                .testNulls().testEquals();
    }
}
