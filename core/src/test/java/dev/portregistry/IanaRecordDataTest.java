package dev.portregistry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data test: IANA's full record through the bundled table, as a new user looks it up.
 * Disabled until the table format that stores every field of the value types (branch codec)
 * is on main and the table is regenerated: the current format drops these fields. Until then
 * registry-data's IanaRecordDataTest checks the same facts on the compiled table data.
 */
class IanaRecordDataTest {
    @Test
    void port585IsDeregisteredWithIanasNote() {
        PortInfo info = PortRegistry.lookup(585);
        assertThat(info.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(info.assignments()).singleElement().satisfies(a ->
                assertThat(a.assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead"));
        assertThat(info.summary()).contains("IANA notes: Use of 585 is not recommended, use 993 instead.");
    }

    @Test
    void port79ReportsIanasUnauthorizedUseRecord() {
        assertThat(PortRegistry.lookup(79).assignments().get(0).unauthorizedUseReported())
                .hasValue("Unauthorized use by some mail users (see [RFC4146] for details)");
        assertThat(PortRegistry.lookup(79).summary()).contains("IANA has a report of unauthorized use");
    }

    @Test
    void port1196IsRegistered2005With08() {
        assertThat(PortRegistry.lookup(1196).assignments().get(0).registrationDate()).hasValue(RegistryDate.of(2005, 8));
        assertThat(PortRegistry.lookup(1196).summary()).contains("netmagic was registered 2005-08");
    }
}
