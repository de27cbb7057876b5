package dev.portregistry.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reviewable text form of official records kept in {@code data/iana/}: one record a line,
 * four tab-separated fields {@code port-or-range, transports, name, description}, for example
 * {@code 1196<TAB>tcp<TAB>netmagic<TAB>Network Magic} or
 * {@code 6000-6063<TAB>tcp,udp<TAB>x11<TAB>X Window System}. Lines starting with {@code #} are
 * comments (provenance); blank lines are ignored. Name and description may be empty; neither may
 * hold a tab or a line break.
 */
public final class NormalizedTsv {
    /** Sort order of written files: port, then transports, then name. */
    public static final Comparator<OfficialRecord> ORDER = Comparator
            .comparingInt(OfficialRecord::firstPort)
            .thenComparingInt(OfficialRecord::lastPort)
            .thenComparing(r -> Ports.format(r.transports()))
            .thenComparing(OfficialRecord::name)
            .thenComparing(OfficialRecord::description);

    private NormalizedTsv() {
    }

    /**
     * Reads a normalized file.
     *
     * @param path the file, not null
     * @return the records in file order, never null
     * @throws SourceException naming the file and line of the first bad line, or the file if it
     *                         cannot be read (missing, not UTF-8, a folder)
     */
    public static List<OfficialRecord> read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(path.toString(), 0, "cannot read: " + e);
        }
        return parse(text, path.toString());
    }

    /**
     * Parses normalized text.
     *
     * @param text the content, not null
     * @param file the name used in error messages, not null
     * @return the records in file order, never null
     * @throws SourceException naming the file and line of the first bad line
     */
    public static List<OfficialRecord> parse(String text, String file) {
        List<OfficialRecord> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new SourceException(file, n, "expected 4 tab-separated fields (port, transports, name, "
                            + "description), found " + f.length + ": \"" + line + "\"");
                }
                int[] range = Ports.parseRange(f[0], file, n);
                out.add(new OfficialRecord(file, n, range[0], range[1], Ports.parseTransports(f[1], ",", file, n),
                        f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Formats records as normalized text, sorted by {@link #ORDER}, under a comment header.
     *
     * @param header  comment lines without their leading "# ", not null
     * @param records the records, not null
     * @return the file content, never null (a record cannot hold a tab or line break, see
     *         {@link OfficialRecord}, so every record can be written)
     */
    public static String format(List<String> header, List<OfficialRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append(h.isEmpty() ? "#" : "# " + h).append('\n');
        }
        sb.append("# port\ttransports\tname\tdescription\n");
        List<OfficialRecord> sorted = new ArrayList<>(records);
        sorted.sort(ORDER);
        for (OfficialRecord r : sorted) {
            sb.append(r.portText()).append('\t').append(Ports.format(r.transports())).append('\t')
                    .append(r.name()).append('\t').append(r.description()).append('\n');
        }
        return sb.toString();
    }
}
