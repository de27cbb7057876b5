package dev.portregistry.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A program catalog for tests: what each service and use is served by, given by the test. */
final class FixtureCatalog implements ProgramCatalog {
    private final Map<String, Set<String>> services = new HashMap<>();
    private final Map<String, Set<String>> uses = new HashMap<>();
    private final Map<String, List<RuntimeMarker>> serviceMarkers = new HashMap<>();

    FixtureCatalog service(String name, String... programs) {
        services.put(name, Set.of(programs));
        return this;
    }

    FixtureCatalog use(String name, String... programs) {
        uses.put(name, Set.of(programs));
        return this;
    }

    FixtureCatalog serviceMarker(String name, String runtime, String marker) {
        serviceMarkers.put(name, List.of(new RuntimeMarker(runtime, marker)));
        return this;
    }

    @Override
    public Set<String> programsOfService(String service) {
        return services.getOrDefault(service, Set.of());
    }

    @Override
    public Set<String> programsOfUse(String use) {
        return uses.getOrDefault(use, Set.of());
    }

    @Override
    public List<RuntimeMarker> markersOfService(String service) {
        return serviceMarkers.getOrDefault(service, List.of());
    }

    @Override
    public List<RuntimeMarker> markersOfUse(String use) {
        return List.of();
    }
}
