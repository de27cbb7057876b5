package dev.portregistry.data;

import dev.portregistry.Transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviewed list of ports that scanners often find open but that have no attested use we could
 * find: {@code curated/unexplained.tsv}, one {@code port<TAB>transport<TAB>why} a line, {@code #}
 * comments and blank lines allowed. It is not compiled into the table; {@link NmapCoverage} reports
 * these ports apart from those not yet researched, and they stay unexplained in its percentage.
 *
 * @param entries the entries, in file order
 */
record UnexplainedList(List<Entry> entries) {
    /** The file name inside {@code curated/}. */
    static final String FILE = "unexplained.tsv";

    /** One reviewed port. */
    record Entry(String file, int line, int port, Transport transport, String why) {
    }

    /** Whether the list names this port and transport. */
    boolean contains(int port, Transport transport) {
        return entries.stream().anyMatch(e -> e.port() == port && e.transport() == transport);
    }

    /**
     * Reads the list; a missing file is an empty list.
     *
     * @throws SourceException with file and line for a line that is not {@code port, transport, why},
     *                         a port outside 0..65535, an unknown transport, or a repeat
     */
    static UnexplainedList read(Path file) {
        if (!Files.exists(file)) {
            return new UnexplainedList(List.of());
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(file.toString(), 0, "cannot read: " + e);
        }
        return parse(content, file.toString());
    }

    static UnexplainedList parse(String content, String file) {
        List<Entry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3 || f[2].isBlank()) {
                throw new SourceException(file, n, "expected three tab-separated fields: port, transport, why");
            }
            int port = Ports.parsePort(f[0].trim(), f[0], file, n);
            Transport t = Ports.parseTransport(f[1], file, n);
            Integer before = seen.putIfAbsent(port + "/" + t.label(), n);
            if (before != null) {
                throw new SourceException(file, n, port + "/" + t.label() + " is already listed on line " + before);
            }
            out.add(new Entry(file, n, port, t, f[2].trim()));
        }
        return new UnexplainedList(List.copyOf(out));
    }
}
