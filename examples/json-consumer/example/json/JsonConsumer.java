package example.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.PortRegistry;
import dev.portregistry.json.JsonOverlay;

/** Serializes a lookup with a mapper that found portregistry's Jackson module by itself, and reads a JSON overlay. */
public final class JsonConsumer {
    private JsonConsumer() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        System.out.println(mapper.writeValueAsString(PortRegistry.lookup(1196)));
        PortRegistry ours = PortRegistry.bundled().with(JsonOverlay.parse(
                "{\"assignments\": [{\"name\": \"billing\", \"ports\": [7443], \"transports\": [\"tcp\"]}]}", "ops.json"));
        System.out.println(mapper.writeValueAsString(ours.findService("billing").get(0).assignments()));
    }
}
