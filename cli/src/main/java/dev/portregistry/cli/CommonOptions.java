package dev.portregistry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portregistry.Overlay;
import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortRegistry;
import dev.portregistry.json.JsonOverlay;
import dev.portregistry.json.PortRegistryJson;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every command shares: {@code --json}, {@code --overlay} and the Nmap data. Given
 * before or after the subcommand name; {@link #merge} combines the two places.
 */
final class CommonOptions {
    private static final ObjectMapper JSON = PortRegistryJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "write JSON instead of text")
    boolean json;

    @Option(names = "--overlay", paramLabel = "FILE",
            description = {"layer your own knowledge on the bundled registry (repeatable): a services(5) file, "
                    + "or JSON in the curated format if the name ends in .json"})
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--iana-csv", paramLabel = "FILE",
            description = {"use IANA's current service-names-port-numbers.csv as the official data, "
                    + "with the curated knowledge re-applied (fresh data without a new release)"})
    Path ianaCsv;

    @Option(names = "--nmap-services", paramLabel = "FILE",
            description = "Nmap's nmap-services file for port popularity (default: the installed one, if any)")
    Path nmapServices;

    @Option(names = "--no-nmap", description = "do not use Nmap's port popularity even if Nmap is installed")
    boolean noNmap;

    /** Options given before the subcommand name count too; those after it come last. */
    CommonOptions merge(CommonOptions parent) {
        CommonOptions m = new CommonOptions();
        m.json = json || parent.json;
        m.overlays = new ArrayList<>(parent.overlays);
        m.overlays.addAll(overlays);
        m.nmapServices = nmapServices != null ? nmapServices : parent.nmapServices;
        m.ianaCsv = ianaCsv != null ? ianaCsv : parent.ianaCsv;
        m.noNmap = noNmap || parent.noNmap;
        return m;
    }

    /** The bundled registry, on IANA's CSV if one is given, with every overlay applied, in order. */
    PortRegistry registry() {
        PortRegistry r = PortRegistry.bundled();
        if (ianaCsv != null) {
            try {
                r = r.withIanaCsv(ianaCsv);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("IANA CSV file " + ianaCsv
                        + " does not exist: expected IANA's service-names-port-numbers.csv");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read IANA CSV file " + ianaCsv + ": " + e.getMessage(), e);
            }
        }
        for (Path file : overlays) {
            try {
                r = r.with(file.getFileName().toString().endsWith(".json") ? JsonOverlay.read(file) : Overlay.readServices(file));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("overlay file " + file + " does not exist: expected a services(5) or .json file");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read overlay file " + file + ": " + e.getMessage(), e);
            }
        }
        return r;
    }

    /** The popularity data: the file given, else the installed one, unless --no-nmap. */
    Optional<PortPopularity> popularity() {
        if (noNmap) {
            return Optional.empty();
        }
        try {
            if (nmapServices != null) {
                return Optional.of(PortPopularity.read(nmapServices));
            }
            return PortPopularity.fromNmap();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("nmap-services file " + nmapServices + " does not exist: expected Nmap's "
                    + "nmap-services, e.g. " + PortPopularity.nmapLocations().get(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (nmapServices != null ? nmapServices : "nmap-services")
                    + ": " + e.getMessage(), e);
        }
    }

    void printJson(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
