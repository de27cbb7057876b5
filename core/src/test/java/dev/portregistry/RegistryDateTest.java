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

    @Test
    void writesFourDigitYearsAsJavaTimeDoesAtEachPaddingEdge() {
        for (int year : new int[] {1, 9, 10, 99, 100, 999, 1000, 9999}) {
            assertThat(RegistryDate.of(year, 1)).hasToString(YearMonth.of(year, 1).toString());
            LocalDate day = LocalDate.of(year, 12, 31);
            assertThat(RegistryDate.of(day)).hasToString(day.toString());
            assertThat(RegistryDate.parse(day.toString())).isEqualTo(RegistryDate.of(day));
        }
    }

    @Test
    void yearsOutside1To9999AreRefusedAtBothPrecisions() {
        assertThat(RegistryDate.of(1, 1).year()).isEqualTo(1);
        assertThat(RegistryDate.of(9999, 12).year()).isEqualTo(9999);
        assertThatThrownBy(() -> RegistryDate.of(10000, 1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("year 10000 is out of range: expected 1..9999");
        for (LocalDate date : List.of(LocalDate.of(0, 1, 1), LocalDate.of(-5, 6, 1), LocalDate.of(10000, 1, 1))) {
            assertThatThrownBy(() -> RegistryDate.of(date)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("year " + date.getYear() + " is out of range: expected 1..9999");
        }
    }

    @Test
    void onlyDigitsAndTheTwoDashesAreRead() {
        // Integer.parseInt would take a sign, so each of these would otherwise be a date or a month of -8
        for (String text : List.of("2005-+8", "+005-08", "2005-08-+1", "2005--8", "-005-08", "2005-08--1", "20O5-08",
                "2005-1a", "2005-08-0x", "2005 08", "2005-08 01", "2005-08-1-", "２００５-08")) {
            assertThatThrownBy(() -> RegistryDate.parse(text)).as(text).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("date \"" + text + "\" is invalid: expected yyyy-MM or yyyy-MM-dd");
        }
    }

    @Test
    void aDateOutOfRangeIsRefusedNamingTheText() {
        assertThatThrownBy(() -> RegistryDate.parse("2005-13")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("date \"2005-13\" is invalid: month 13 is out of range: expected 1..12");
        assertThatThrownBy(() -> RegistryDate.parse("0000-01")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("date \"0000-01\" is invalid: year 0 is out of range: expected 1..9999");
        assertThatThrownBy(() -> RegistryDate.parse("0000-01-01")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("date \"0000-01-01\" is invalid: year 0 is out of range: expected 1..9999");
        for (String text : List.of("2005-00", "2005-00-01", "2005-13-01", "2005-01-00", "2005-01-32", "2005-02-29")) {
            assertThatThrownBy(() -> RegistryDate.parse(text)).as(text).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("date \"" + text + "\" is invalid: ");
        }
        assertThat(RegistryDate.parse("2004-02-29").date()).hasValue(LocalDate.of(2004, 2, 29));
    }

    @Test
    void aBadTextIsQuotedEscapedAndShortenedInTheMessage() {
        assertThatThrownBy(() -> RegistryDate.parse("2005\n08")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("date \"2005\\u000A08\" is invalid: expected yyyy-MM or yyyy-MM-dd");
        String huge = "2".repeat(100_000);
        assertThatThrownBy(() -> RegistryDate.parse(huge)).isExactlyInstanceOf(IllegalArgumentException.class)
                .message().hasSizeLessThan(200).contains("(100000 characters)");
    }
}
