package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.portregistry.FixtureRegistry.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/** A data version keeps its three values and writes them as a label and a short form. */
class DataVersionTest {

    @Test
    void keepsItsValuesAndLabelsThemWithoutTheSource() {
        DataVersion v = DataVersion.of("service-names-port-numbers.csv", LocalDate.of(2026, 9, 17), "2026-11-27.1");
        assertThat(v.officialSource()).isEqualTo("service-names-port-numbers.csv");
        assertThat(v.officialDate()).isEqualTo(LocalDate.of(2026, 9, 17));
        assertThat(v.curatedRevision()).isEqualTo("2026-11-27.1");
        assertThat(v.label()).isEqualTo("iana 2026-09-17, curated 2026-11-27.1");
        assertThat(v).hasToString("service-names-port-numbers.csv 2026-09-17, curated 2026-11-27.1");
    }

    @Test
    void theFixturesVersionIsItsNewestRecord() {
        // test-fixtures/data/README.md: 47001 is the newest record (2026-01-31), the fixture's official date
        DataVersion v = FIXTURE.version();
        assertThat(v.officialDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(v.label()).startsWith("iana 2026-01-31, curated ");
        assertThat(v.toString()).startsWith(v.officialSource() + " 2026-01-31, curated ").endsWith(v.curatedRevision());
    }
}
