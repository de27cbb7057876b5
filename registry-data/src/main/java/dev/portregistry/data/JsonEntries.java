package dev.portregistry.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portregistry.internal.ServiceNames;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the curated JSON files: each file is an array of objects; each object is
 * returned with the line it starts on, and every accessor fails with file and line when a field is
 * missing, empty, of the wrong type, or not one of the fields the file allows.
 */
final class JsonEntries {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonEntries() {
    }

    /** One object of a curated file, with its file and line. */
    static final class Entry {
        final String file;
        final int line;
        final ObjectNode node;

        Entry(String file, int line, ObjectNode node) {
            this.file = file;
            this.line = line;
            this.node = node;
        }

        SourceException error(String message) {
            return new SourceException(file, line, message);
        }

        /** Fails if the object has a field outside the allowed ones. */
        void allowOnly(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw error("unknown field \"" + f + "\": expected only " + new TreeSet<>(allowed));
                }
            }
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field \"" + field + "\"");
            }
            if (!v.isTextual()) {
                throw error("field \"" + field + "\" must be a string, found " + v.getNodeType());
            }
            String s = v.asText().trim();
            if (s.isEmpty()) {
                throw error("field \"" + field + "\" must not be empty");
            }
            String problem = ServiceNames.textProblem(s);
            if (problem != null) {
                throw error("field \"" + field + "\" " + ServiceNames.quote(s) + " " + problem
                        + ": expected one line of plain text");
            }
            return s;
        }

        /** A text field that becomes a name a query can reach (see {@link ServiceNames}). */
        String serviceName(String field) {
            String s = text(field);
            String problem = ServiceNames.problem(s);
            if (problem != null) {
                throw error("field \"" + field + "\" " + ServiceNames.quote(s) + " " + problem
                        + ": expected a name that PortRegistry.byService can look up");
            }
            return s;
        }

        String optionalText(String field) {
            return has(field) ? text(field) : "";
        }

        int integer(String field, int min, int max) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field \"" + field + "\"");
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
                throw error("field \"" + field + "\" is " + v + ": expected an integer " + min + ".." + max);
            }
            return v.asInt();
        }

        List<String> texts(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field \"" + field + "\"");
            }
            if (!v.isArray() || v.isEmpty()) {
                throw error("field \"" + field + "\" must be a non-empty array of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    throw error("field \"" + field + "\" must hold non-empty strings, found " + item);
                }
                out.add(item.asText().trim());
            }
            return out;
        }

        /** A list of ports: numbers, and strings "A-B" for ranges; returns them expanded, in order. */
        List<Integer> ports(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error("missing field \"" + field + "\"");
            }
            if (!v.isArray() || v.isEmpty()) {
                throw error("field \"" + field + "\" must be a non-empty array of ports and \"A-B\" ranges");
            }
            List<Integer> out = new ArrayList<>();
            for (JsonNode item : v) {
                if (item.isIntegralNumber()) {
                    if (!item.canConvertToInt() || item.asInt() < 0 || item.asInt() > 65535) {
                        throw error("port " + item + " in \"" + field + "\" is out of range: expected 0..65535");
                    }
                    out.add(item.asInt());
                } else if (item.isTextual()) {
                    int[] r = Ports.parseRange(item.asText(), file, line);
                    for (int p = r[0]; p <= r[1]; p++) {
                        out.add(p);
                    }
                } else {
                    throw error("\"" + field + "\" holds " + item + ": expected a port number or an \"A-B\" range");
                }
            }
            return out;
        }
    }

    /**
     * Reads a curated file: a JSON array of objects.
     *
     * @param content the file content, not null
     * @param file    the name used in error messages, not null
     * @return the objects with their lines, never null
     * @throws SourceException on malformed JSON or an element that is not an object
     */
    static List<Entry> read(String content, String file) {
        List<Entry> out = new ArrayList<>();
        try (JsonParser p = MAPPER.createParser(content)) {
            try {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new SourceException(file, p.currentLocation().getLineNr(), "expected a JSON array of objects");
                }
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    int line = p.currentTokenLocation().getLineNr();
                    if (t != JsonToken.START_OBJECT) {
                        throw new SourceException(file, line, "expected an object, found " + t);
                    }
                    out.add(new Entry(file, line, MAPPER.readTree(p)));
                }
                if (p.nextToken() != null) {
                    throw new SourceException(file, p.currentLocation().getLineNr(), "unexpected content after the array");
                }
            } catch (JsonProcessingException e) {
                // malformed JSON, and content over Jackson's limits (nesting a thousand levels deep, say),
                // which carries no location of its own
                throw new SourceException(file, (e.getLocation() == null ? p.currentLocation() : e.getLocation())
                        .getLineNr(), "malformed JSON: " + e.getOriginalMessage());
            }
        } catch (IOException e) {
            // not expected from a String; kept for the checked exception of the parser
            throw new SourceException(file, 0, "cannot read: " + e.getMessage());
        }
        return out;
    }
}
