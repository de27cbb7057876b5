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
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options every command shares: {@code --json}, the registry ({@code --table}, {@code --iana-csv},
 * {@code --overlay}) and the Nmap data. Given before or after the subcommand name; {@link #merge}
 * combines the two places.
 */
final class CommonOptions {
    private static final ObjectMapper JSON = PortRegistryJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "write JSON instead of text")
    boolean json;

    @Option(names = "--table", paramLabel = "FILE",
            description = {"use the compiled port table in FILE (as registry-data's compiler writes it) instead of "
                    + "the bundled one; --iana-csv and --overlay apply on top of it"})
    Path table;

    @Option(names = "--overlay", paramLabel = "FILE",
            description = {"layer your own knowledge on the registry (repeatable): a services(5) file, "
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
        m.table = table != null ? table : parent.table;
        m.noNmap = noNmap || parent.noNmap;
        return m;
    }

    /**
     * The bundled registry, or the one of --table, on IANA's CSV if one is given, with every overlay
     * applied, in order.
     */
    PortRegistry registry() {
        PortRegistry r = table != null ? readTable(table) : PortRegistry.bundled();
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

    /**
     * The registry of a compiled table the user named. A damaged table, or a file that is no table, is
     * bad data in a file the user named, as a bad overlay line is: a usage error with fromTable's
     * message, which names the file and the problem. A file that cannot be read at all is not.
     */
    private static PortRegistry readTable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return PortRegistry.fromTable(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("port table file " + file + " does not exist: expected a port table "
                    + "compiled by registry-data, such as registry-data/target/ports.table");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read port table file " + file + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException io) { // fromTable could not read the stream, e.g. a directory
                    throw new UncheckedIOException("cannot read port table file " + file + ": " + io.getMessage(), io);
                }
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
