package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;

import java.util.List;

/**
 * Which programs serve an assignment or a use. The registry's own data
 * ({@link ServiceAssignment#programs()}, {@link AlternateUse#programs()}) in production; tests give
 * their own, so that the verdict rules are tested apart from the curated data.
 */
interface ProgramCatalog {
    /** The programs known to serve an assignment, such as sshd and dropbear for ssh. */
    List<Program> programsOf(ServiceAssignment assignment);

    /** The programs known to be an alternate use, such as openvpn for OpenVPN. */
    List<Program> programsOf(AlternateUse use);

    /** The registry's own program data. */
    static ProgramCatalog registry() {
        return new ProgramCatalog() {
            @Override
            public List<Program> programsOf(ServiceAssignment assignment) {
                return assignment.programs();
            }

            @Override
            public List<Program> programsOf(AlternateUse use) {
                return use.programs();
            }
        };
    }
}
