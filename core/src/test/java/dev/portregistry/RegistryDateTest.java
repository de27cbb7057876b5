package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RegistryDate keeps IANA's precision and writes, orders and compares as java.time's types do. */
class RegistryDateTest {

    @Test
    void writesAndReadsAsJavaTimeDoesAtBothPrecisions() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            int year = 1 + random.nextInt(9999);
            int month = 1 + random.nextInt(12);
            YearMonth ym = YearMonth.of(year, month);
            RegistryDate byMonth = RegistryDate.of(year, month);
            assertThat(byMonth.toString()).isEqualTo(ym.toString());
            assertThat(byMonth.yearMonth()).isEqualTo(ym);
            assertThat(byMonth.year()).isEqualTo(year);
            assertThat(byMonth.hasDay()).isFalse();
            assertThat(byMonth.date()).isEmpty();
            LocalDate day = ym.atDay(1 + random.nextInt(ym.lengthOfMonth()));
            RegistryDate byDay = RegistryDate.of(day);
            assertThat(byDay.toString()).isEqualTo(day.toString());
            assertThat(byDay.date()).hasValue(day);
            assertThat(byDay.yearMonth()).isEqualTo(ym);
            assertThat(RegistryDate.parse(byDay.toString())).isEqualTo(byDay);
            assertThat(RegistryDate.parse(byMonth.toString())).isEqualTo(byMonth);
        }
        assertThat(RegistryDate.of(7, 3)).hasToString("0007-03");
        assertThat(RegistryDate.of(LocalDate.of(999, 12, 31))).hasToString("0999-12-31");
    }

    @Test
    void ordersByMonthThenDayWithAMonthBeforeItsDays() {
        List<RegistryDate> dates = new ArrayList<>(List.of(RegistryDate.parse("2005-08-02"), RegistryDate.parse("2005-08"),
                RegistryDate.parse("2004-12-31"), RegistryDate.parse("2005-07"), RegistryDate.parse("2005-08-01")));
        dates.sort(Comparator.naturalOrder());
        assertThat(dates).extracting(RegistryDate::toString)
                .containsExactly("2004-12-31", "2005-07", "2005-08", "2005-08-01", "2005-08-02");
        assertThat(RegistryDate.of(2005, 8)).isEqualTo(RegistryDate.parse("2005-08"))
                .hasSameHashCodeAs(RegistryDate.parse("2005-08")).isNotEqualTo(RegistryDate.parse("2005-08-01"));
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> RegistryDate.of(2005, 13)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13").hasMessageContaining("1..12");
        assertThatThrownBy(() -> RegistryDate.of(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("year 0");
        assertThatThrownBy(() -> RegistryDate.parse("2005-02-30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2005-02-30");
        assertThatThrownBy(() -> RegistryDate.parse("2005/08")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yyyy-MM");
    }
}
