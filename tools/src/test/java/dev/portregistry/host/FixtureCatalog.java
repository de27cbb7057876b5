package dev.portregistry.host;

import dev.portregistry.AlternateUse;
import dev.portregistry.Program;
import dev.portregistry.ServiceAssignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A program catalog for tests: what each service and use (by name) is served by, given by the test. */
final class FixtureCatalog implements ProgramCatalog {
    private final Map<String, List<Program>> services = new HashMap<>();
    private final Map<String, List<Program>> uses = new HashMap<>();

    FixtureCatalog service(String name, String... programs) {
        for (String p : programs) {
            services.computeIfAbsent(name, k -> new ArrayList<>()).add(Program.executable(p));
        }
        return this;
    }

    FixtureCatalog use(String name, String... programs) {
        for (String p : programs) {
            uses.computeIfAbsent(name, k -> new ArrayList<>()).add(Program.executable(p));
        }
        return this;
    }

    FixtureCatalog serviceMarker(String name, String runtime, String marker) {
        services.computeIfAbsent(name, k -> new ArrayList<>()).add(Program.runtime(runtime, marker));
        return this;
    }

    @Override
    public List<Program> programsOf(ServiceAssignment assignment) {
        return services.getOrDefault(assignment.name(), List.of());
    }

    @Override
    public List<Program> programsOf(AlternateUse use) {
        return uses.getOrDefault(use.name(), List.of());
    }
}
