package dev.portregistry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where the data of a registry comes from and how new it is: the official source and its date,
 * and the revision of the curated knowledge.
 *
 * <p>Immutable and thread-safe. Made with {@link #of}.
 */
public final class DataVersion {
    private final String officialSource;
    private final LocalDate officialDate;
    private final String curatedRevision;

    private DataVersion(String officialSource, LocalDate officialDate, String curatedRevision) {
        this.officialSource = officialSource;
        this.officialDate = officialDate;
        this.curatedRevision = curatedRevision;
    }

    /**
     * Returns a data version.
     *
     * @param officialSource  where the official data was taken from, not null or blank
     * @param officialDate    the date of that data (its newest registration or modification), not null
     * @param curatedRevision the revision of the curated knowledge, e.g. {@code 2026-11-27.1}; not null or blank
     * @return the version, never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException naming the value if a string is blank
     */
    public static DataVersion of(String officialSource, LocalDate officialDate, String curatedRevision) {
        Objects.requireNonNull(officialSource, "officialSource must not be null");
        Objects.requireNonNull(officialDate, "officialDate must not be null");
        Objects.requireNonNull(curatedRevision, "curatedRevision must not be null");
        if (officialSource.isBlank()) {
            throw new IllegalArgumentException("officialSource \"" + officialSource + "\" is blank: expected where the data came from");
        }
        if (curatedRevision.isBlank()) {
            throw new IllegalArgumentException("curatedRevision \"" + curatedRevision + "\" is blank: expected a revision such as 2026-11-27.1");
        }
        return new DataVersion(officialSource, officialDate, curatedRevision);
    }

    /** Returns where the official IANA data was taken from; never null or blank. */
    public String officialSource() {
        return officialSource;
    }

    /** Returns the date of the official data, never null. */
    public LocalDate officialDate() {
        return officialDate;
    }

    /** Returns the revision of the curated knowledge; never null or blank. */
    public String curatedRevision() {
        return curatedRevision;
    }

    /**
     * Returns a one-line label such as {@code iana 2026-09-17, curated 2026-11-27.1}.
     *
     * @return the label, never null
     */
    public String label() {
        return "iana " + officialDate + ", curated " + curatedRevision;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataVersion v && v.officialSource.equals(officialSource)
                && v.officialDate.equals(officialDate) && v.curatedRevision.equals(curatedRevision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(officialSource, officialDate, curatedRevision);
    }

    /**
     * Returns the source followed by the date and revision, such as
     * {@code service-names-port-numbers.csv 2026-09-17, curated 2026-11-27.1}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return officialSource + " " + officialDate + ", curated " + curatedRevision;
    }
}
