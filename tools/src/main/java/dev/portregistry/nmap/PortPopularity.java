package dev.portregistry.nmap;

import dev.portregistry.PortRange;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often ports are found open in practice, imported at run time from Nmap's
 * {@code nmap-services} file where the user has Nmap installed (Debian and Ubuntu: package
 * {@code nmap-common}). That file is not ours to redistribute, so none is bundled: this class reads
 * the user's own copy.
 *
 * <pre>{@code
 * PortPopularity.fromNmap().ifPresent(p -> p.top(20).forEach(f ->
 *         System.out.println(f.port() + "/" + f.transport().label() + " " + f.frequency())));
 * }</pre>
 *
 * <p>The format is one {@code name port/transport frequency [# comment]} a line, with
 * {@code #} comment lines; the reader is strict and names the file and line of anything else.
 *
 * <p>Immutable and thread-safe.
 */
public final class PortPopularity {
    /** Where Nmap installs the file: its Debian package first, then a build from source. */
    private static final List<Path> NMAP_LOCATIONS = List.of(
            Path.of("/usr/share/nmap/nmap-services"), Path.of("/usr/local/share/nmap/nmap-services"));

    private static final Pattern PORT_TRANSPORT = Pattern.compile("([0-9]{1,5})/([A-Za-z]+)");
    private static final Pattern FREQUENCY = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");

    private final String source;
    private final List<PortFrequency> entries;
    private final Map<Transport, Map<Integer, PortFrequency>> byPort;

    private PortPopularity(String source, List<PortFrequency> entries) {
        this.source = source;
        List<PortFrequency> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingDouble(PortFrequency::frequency).reversed()
                .thenComparingInt(PortFrequency::port).thenComparing(PortFrequency::transport));
        this.entries = List.copyOf(sorted);
        Map<Transport, Map<Integer, PortFrequency>> map = new EnumMap<>(Transport.class);
        for (PortFrequency f : entries) {
            map.computeIfAbsent(f.transport(), t -> new HashMap<>()).put(f.port(), f);
        }
        this.byPort = map;
    }

    /**
     * Returns where {@link #fromNmap()} looks for Nmap's file, in order: its Debian and Ubuntu package
     * ({@code /usr/share/nmap/nmap-services}) first, then a build from source under {@code /usr/local}.
     *
     * @return an immutable list, never null or empty
     */
    public static List<Path> nmapLocations() {
        return NMAP_LOCATIONS;
    }

    /**
     * Reads the first {@code nmap-services} found in {@link #nmapLocations()}.
     *
     * @return the popularity, or empty if Nmap is not installed; never null
     * @throws IOException              if the file exists but cannot be read
     * @throws RegistryFormatException naming the file and line if it is not in the expected format
     */
    public static Optional<PortPopularity> fromNmap() throws IOException {
        return fromFirst(NMAP_LOCATIONS);
    }

    static Optional<PortPopularity> fromFirst(List<Path> candidates) throws IOException {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return Optional.of(read(p));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads an {@code nmap-services} file (ISO-8859-1, as Nmap writes it); the path is the source.
     *
     * @param file the file, not null
     * @return the popularity, never null
     * @throws NullPointerException     if file is null
     * @throws IOException              if the file cannot be read
     * @throws RegistryFormatException naming the file and line if it is not in the expected format
     */
    public static PortPopularity read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
    }

    /**
     * Parses {@code nmap-services} text.
     *
     * @param text   the content, not null
     * @param source the name used in error messages, such as the file name; not null
     * @return the popularity, never null
     * @throws NullPointerException     if an argument is null
     * @throws RegistryFormatException naming the source and line of the first line that is not
     *                                  {@code name port/transport frequency [# comment]}, has a port
     *                                  outside 0..65535, an unknown transport, a frequency outside
     *                                  0..1, or repeats a port and transport
     */
    public static PortPopularity parse(String text, String source) {
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(source, "source must not be null");
        List<PortFrequency> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (body.isEmpty()) {
                continue;
            }
            String[] f = body.split("\\s+", -1);
            if (f.length != 3) {
                throw error(source, n, "\"" + body + "\" has " + f.length
                        + " fields: expected \"name port/transport frequency [# comment]\"");
            }
            Matcher m = PORT_TRANSPORT.matcher(f[1]);
            if (!m.matches()) {
                throw error(source, n, "\"" + f[1] + "\" is not a port/transport: expected e.g. 80/tcp");
            }
            int port = Integer.parseInt(m.group(1));
            if (port > PortRange.MAX_PORT) {
                throw error(source, n, "port " + port + " is out of range: expected 0..65535");
            }
            Transport transport;
            try {
                transport = Transport.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw error(source, n, Objects.requireNonNullElse(e.getMessage(), "bad transport"));
            }
            if (!FREQUENCY.matcher(f[2]).matches() || Double.parseDouble(f[2]) > 1.0) {
                throw error(source, n, "frequency \"" + f[2] + "\" of " + f[1] + " is not a number from 0 to 1");
            }
            String key = port + "/" + transport.label();
            Integer previous = seen.putIfAbsent(key, n);
            if (previous != null) {
                throw error(source, n, key + " is listed twice: already on line " + previous);
            }
            out.add(PortFrequency.of(port, transport, f[0], Double.parseDouble(f[2])));
        }
        return new PortPopularity(source, out);
    }

    private static RegistryFormatException error(String source, int line, String detail) {
        return new RegistryFormatException(source, line, detail);
    }

    /**
     * Returns the open frequency of a port and transport.
     *
     * @param port      the port, 0 to 65535
     * @param transport the transport, not null
     * @return the frequency, 0.0 if the file does not list it
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws NullPointerException     if transport is null
     */
    public double frequency(int port, Transport transport) {
        return get(port, transport).map(PortFrequency::frequency).orElse(0.0);
    }

    /**
     * Returns the entry of a port and transport.
     *
     * @param port      the port, 0 to 65535
     * @param transport the transport, not null
     * @return the entry, or empty if the file does not list it; never null
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws NullPointerException     if transport is null
     */
    public Optional<PortFrequency> get(int port, Transport transport) {
        PortRange.of(port); // throws IllegalArgumentException naming the port and 0..65535
        Objects.requireNonNull(transport, "transport must not be null");
        return Optional.ofNullable(byPort.getOrDefault(transport, Map.of()).get(port));
    }

    /**
     * Returns the entries of one port over every transport, most frequent first.
     *
     * @param port the port, 0 to 65535
     * @return an immutable list, possibly empty, never null
     * @throws IllegalArgumentException if the port is outside 0..65535
     */
    public List<PortFrequency> forPort(int port) {
        PortRange.of(port); // throws IllegalArgumentException naming the port and 0..65535
        List<PortFrequency> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            get(port, t).ifPresent(out::add);
        }
        out.sort(Comparator.comparingDouble(PortFrequency::frequency).reversed());
        return List.copyOf(out);
    }

    /**
     * Returns the most frequently open ports over all transports: by frequency, highest first,
     * then by port and transport, so that ties always come out in one order.
     *
     * @param n how many, 1 or more
     * @return an immutable list of at most n entries, never null
     * @throws IllegalArgumentException if n is less than 1
     */
    public List<PortFrequency> top(int n) {
        checkCount(n);
        return entries.subList(0, Math.min(n, entries.size()));
    }

    /**
     * Returns the most frequently open ports of one transport, ordered as {@link #top(int)}.
     *
     * @param n         how many, 1 or more
     * @param transport the transport, not null
     * @return an immutable list of at most n entries, never null
     * @throws IllegalArgumentException if n is less than 1
     * @throws NullPointerException     if transport is null
     */
    public List<PortFrequency> top(int n, Transport transport) {
        checkCount(n);
        Objects.requireNonNull(transport, "transport must not be null");
        return entries.stream().filter(f -> f.transport() == transport).limit(n).toList();
    }

    /**
     * Returns every entry, ordered as {@link #top(int)}.
     *
     * @return an immutable list, never null
     */
    public List<PortFrequency> entries() {
        return entries;
    }

    /**
     * Returns where the data was read from.
     *
     * @return the file name or other source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the source and the number of entries, such as
     * {@code PortPopularity[/usr/share/nmap/nmap-services, 27388 entries]}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "PortPopularity[" + source + ", " + entries.size() + " entries]";
    }

    private static void checkCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count " + n + " is too small: expected 1 or more");
        }
    }
}
