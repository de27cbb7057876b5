package dev.portregistry.host;

import dev.portregistry.PortRegistry;

/**
 * The program data of a registry as a {@link ProgramCatalog}.
 *
 * <p>Interim: core does not carry the curated program data yet (registry-data/data/curated/programs
 * is written but not compiled into the table), so this catalog knows no program and every visible
 * listener is judged UNEXPECTED, SUSPICIOUS or, for a generic runtime, PLAUSIBLE. It reads
 * {@code ServiceAssignment.programs()} and {@code AlternateUse.programs()} once core has them.
 */
final class Programs {
    private Programs() {
    }

    static ProgramCatalog of(PortRegistry registry) {
        return ProgramCatalog.empty();
    }
}
