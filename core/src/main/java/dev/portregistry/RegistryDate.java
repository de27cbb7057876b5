package dev.portregistry;

import dev.portregistry.internal.ServiceNames;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A date as IANA's registry gives it: a year and month ({@code 2005-08}) or a full date
 * ({@code 2006-04-25}). The precision is part of the value: {@code 2005-08} is not the first of
 * August.
 *
 * <p>Immutable and thread-safe. Ordered by year, month, then day, a date without a day before
 * any full date of its month.
 */
public final class RegistryDate implements Comparable<RegistryDate> {
    private static final int NO_DAY = 0;

    // plain numbers, not a YearMonth: loading YearMonth sets up a date formatter, which a fresh
    // JVM's first lookup would pay for; the java.time views are made when asked for
    private final int year;
    private final int month;
    private final int day;

    private RegistryDate(int year, int month, int day) {
        this.year = year;
        this.month = month;
        this.day = day;
    }

    /**
     * Returns a date with month precision.
     *
     * @param year  the year, 1 to 9999
     * @param month the month, 1 to 12
     * @return the date, never null
     * @throws IllegalArgumentException naming the value if the year or month is out of range
     */
    public static RegistryDate of(int year, int month) {
        checkYear(year);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month " + month + " is out of range: expected 1..12");
        }
        return new RegistryDate(year, month, NO_DAY);
    }

    /**
     * Returns a date with day precision.
     *
     * @param date the date, not null, year 1 to 9999
     * @return the date, never null
     * @throws NullPointerException     if date is null
     * @throws IllegalArgumentException if the year is out of range
     */
    public static RegistryDate of(LocalDate date) {
        Objects.requireNonNull(date, "date must not be null");
        checkYear(date.getYear());
        return new RegistryDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /**
     * Parses {@code yyyy-MM} or {@code yyyy-MM-dd}, the two forms of IANA's registry.
     *
     * @param text the text, not null
     * @return the date, never null
     * @throws NullPointerException     if text is null
     * @throws IllegalArgumentException naming the text (quoted, escaped and shortened to 64
     *                                  characters) if it is neither form or not a real date
     */
    public static RegistryDate parse(String text) {
        Objects.requireNonNull(text, "text must not be null");
        if ((text.length() != 7 && text.length() != 10) || !digitsAndDashes(text)) {
            throw new IllegalArgumentException("date " + ServiceNames.quote(text)
                    + " is invalid: expected yyyy-MM or yyyy-MM-dd");
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5, 7));
        try {
            return text.length() == 7 ? of(year, month)
                    : of(LocalDate.of(year, month, Integer.parseInt(text.substring(8))));
        } catch (DateTimeException | IllegalArgumentException e) {
            // a year, month or day out of range: the message names the text, not only the number
            throw new IllegalArgumentException("date " + ServiceNames.quote(text) + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Digits, with '-' at index 4 and, in the long form, at 7: no sign, no '-' anywhere else. */
    private static boolean digitsAndDashes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = i == 4 || i == 7;
            if (separator ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static void checkYear(int year) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range: expected 1..9999");
        }
    }

    /**
     * Returns the year.
     *
     * @return the year
     */
    public int year() {
        return year;
    }

    /**
     * Returns the year and month, which every registry date has.
     *
     * @return the year and month, never null
     */
    public YearMonth yearMonth() {
        return YearMonth.of(year, month);
    }

    /**
     * Returns the full date where IANA gives the day.
     *
     * @return the date, or empty for a date with month precision
     */
    public Optional<LocalDate> date() {
        return day == NO_DAY ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }

    /**
     * Tells whether IANA gives the day.
     *
     * @return true for {@code yyyy-MM-dd}, false for {@code yyyy-MM}
     */
    public boolean hasDay() {
        return day != NO_DAY;
    }

    @Override
    public int compareTo(RegistryDate other) {
        int c = Integer.compare(year, other.year);
        if (c == 0) {
            c = Integer.compare(month, other.month);
        }
        return c != 0 ? c : Integer.compare(day, other.day);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryDate d && d.year == year && d.month == month && d.day == day;
    }

    @Override
    public int hashCode() {
        return (year * 31 + month) * 31 + day;
    }

    /**
     * Returns the date in IANA's form, {@code 2005-08} or {@code 2006-04-25}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(10);
        for (int pad = year < 10 ? 3 : year < 100 ? 2 : year < 1000 ? 1 : 0; pad > 0; pad--) {
            sb.append('0'); // ISO 8601's four-digit year, as YearMonth and LocalDate write it
        }
        sb.append(year);
        twoDigits(sb.append('-'), month);
        if (day != NO_DAY) {
            twoDigits(sb.append('-'), day);
        }
        return sb.toString();
    }

    private static void twoDigits(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        sb.append(value);
    }
}
