package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Imports a services(5) file such as {@code /etc/services} (Debian netbase) or Wireshark's
 * {@code services}: {@code name port/transport [aliases...] [# comment]}. Wireshark's extensions
 * are accepted too: several transports ({@code 9/tcp/udp/sctp/dccp}) and ranges
 * ({@code 6000-6063/tcp/udp}). The comment becomes the description, its tabs turned into spaces.
 */
public final class ServicesFileImporter {

    /**
     * One services(5) entry.
     *
     * @param record  the official record it states
     * @param aliases the alias names after the port, possibly empty
     */
    public record Entry(OfficialRecord record, List<String> aliases) {
    }

    private ServicesFileImporter() {
    }

    /**
     * Parses services(5) text.
     *
     * @param text the content, not null
     * @param file the name used in error messages and records, not null
     * @return the entries in file order, never null
     * @throws SourceException on the first bad line, naming file and line
     */
    public static List<Entry> parse(String text, String file) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash < 0 ? line : line.substring(0, hash)).trim();
            // a tab inside a comment is ordinary white space in services(5); the description is one line of text
            String comment = hash < 0 ? "" : line.substring(hash + 1).replaceAll("[\\t\\x0B\\f]", " ").trim();
            if (body.isEmpty()) {
                continue;
            }
            String[] words = body.split("\\s+");
            if (words.length < 2) {
                throw new SourceException(file, n, "expected \"name port/transport [aliases]\", found \"" + body + "\"");
            }
            String portProto = words[1];
            int slash = portProto.indexOf('/');
            if (slash < 0) {
                throw new SourceException(file, n, "\"" + portProto + "\" has no transport: expected port/transport");
            }
            int[] range = Ports.parseRange(portProto.substring(0, slash), file, n);
            Set<Transport> transports = Ports.parseTransports(portProto.substring(slash + 1), "/", file, n);
            List<String> aliases = List.of(words).subList(2, words.length);
            out.add(new Entry(new OfficialRecord(file, n, range[0], range[1], transports, words[0], comment),
                    List.copyOf(aliases)));
        }
        return out;
    }
}
