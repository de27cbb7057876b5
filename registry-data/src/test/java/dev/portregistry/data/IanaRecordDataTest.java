package dev.portregistry.data;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.RegistryDate;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data test: IANA's full record as the compiler puts it into the table data, checked on ports a
 * new user would try. (core's {@code IanaRecordDataTest} checks the same through the bundled table.)
 */
class IanaRecordDataTest {
    private static final Map<Integer, PortInfo> PORTS = new HashMap<>();

    @BeforeAll
    static void compile() {
        for (PortInfo p : RegistryCompiler.compile(DataDir.get(), DataDir.versionFile()).table().ports()) {
            PORTS.put(p.port(), p);
        }
    }

    @Test
    void port585IsDeregisteredWithIanasNote() {
        PortInfo info = PORTS.get(585);
        assertThat(info.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(info.assignments()).singleElement().satisfies(a -> {
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead");
            assertThat(a.modificationDate()).hasValue(RegistryDate.parse("2006-04-25"));
        });
        assertThat(info.summary()).contains("IANA notes: Use of 585 is not recommended, use 993 instead.");
        assertThat(PORTS.get(3403).status()).isEqualTo(LifecycleStatus.DEREGISTERED);
    }

    @Test
    void port79ReportsIanasUnauthorizedUseRecord() {
        ServiceAssignment finger = PORTS.get(79).assignments().get(0);
        assertThat(finger.name()).isEqualTo("finger");
        assertThat(finger.unauthorizedUseReported())
                .hasValue("Unauthorized use by some mail users (see [RFC4146] for details)");
        assertThat(PORTS.get(79).summary()).contains("IANA has a report of unauthorized use: Unauthorized use by some mail users");
        long reported = PORTS.values().stream().flatMap(p -> p.assignments().stream())
                .filter(a -> a.unauthorizedUseReported().isPresent()).count();
        assertThat(reported).as("assignments with IANA's unauthorized-use record").isGreaterThan(50);
    }

    @Test
    void port1196IsRegistered2005With08MonthPrecisionAndStillAbandoned() {
        ServiceAssignment netmagic = PORTS.get(1196).assignments().get(0);
        assertThat(netmagic.registrationDate()).hasValue(RegistryDate.of(2005, 8));
        assertThat(netmagic.registrationDate().get().hasDay()).isFalse();
        assertThat(netmagic.status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(PORTS.get(1196).summary()).contains("netmagic was registered 2005-08");
    }

    @Test
    void referencesAreReadableAndPeopleAreLeftOut() {
        assertThat(PORTS.get(143).assignments().get(0).references()).containsExactly("RFC 3501", "RFC 9051");
        assertThat(PORTS.get(143).summary()).contains("imap is defined in RFC 3501 and RFC 9051.");
        assertThat(PORTS.get(9105).assignments()).allSatisfy(a -> assertThat(a.references()).isEmpty());
        assertThat(PORTS.values()).allSatisfy(p -> assertThat(p.assignments())
                .allSatisfy(a -> assertThat(a.references()).noneMatch(r -> r.contains("@") || r.matches("\\d+"))));
    }

    @Test
    void theNewerSnapshotWinsWhereTheSourcesDisagree() {
        assertThat(PORTS.get(5543).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .containsExactly("qftest-lic-mcp");
        assertThat(PORTS.get(4480).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .containsExactly("agtp");
        assertThat(PORTS.get(80).assignmentsFor(Transport.TCP)).extracting(ServiceAssignment::name)
                .contains("http", "www", "www-http");
    }
}
