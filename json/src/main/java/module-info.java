/**
 * JSON for portregistry with Jackson: {@link dev.portregistry.json.PortRegistryModule} writes every
 * public record of {@code dev.portregistry} as clean JSON, and {@link dev.portregistry.json.JsonOverlay}
 * reads overlays in the curated JSON format. Jackson finds the module by itself through
 * {@code ObjectMapper.findAndRegisterModules()}.
 */
module dev.portregistry.json {
    requires transitive dev.portregistry;
    requires transitive dev.portregistry.tools;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.portregistry.json;

    provides com.fasterxml.jackson.databind.Module with dev.portregistry.json.PortRegistryModule;
}
