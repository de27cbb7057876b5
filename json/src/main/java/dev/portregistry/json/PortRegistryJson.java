package dev.portregistry.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A ready mapper for portregistry's records, for those who do not configure Jackson themselves.
 *
 * <p>Stateless and thread-safe.
 */
public final class PortRegistryJson {
    private PortRegistryJson() {
    }

    /**
     * Returns a new mapper with {@link PortRegistryModule} registered and nothing else changed.
     *
     * @return a new mapper, never null; thread-safe once configured, as Jackson's mappers are
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder().addModule(new PortRegistryModule()).build();
    }
}
