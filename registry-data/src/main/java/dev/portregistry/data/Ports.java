package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Strict parsing of the port and transport notations that the sources share. */
final class Ports {
    private Ports() {
    }

    /** Parses "80" or "6000-6063" into {first, last}; reports file and line on anything else. */
    static int[] parseRange(String text, String file, int line) {
        String t = text.trim();
        int dash = t.indexOf('-');
        int first = parsePort(dash < 0 ? t : t.substring(0, dash), text, file, line);
        int last = dash < 0 ? first : parsePort(t.substring(dash + 1), text, file, line);
        if (last < first) {
            throw new SourceException(file, line, "port range \"" + text + "\" is reversed: expected first <= last");
        }
        return new int[] {first, last};
    }

    /** Parses a decimal port 0..65535; reports file and line on anything else. */
    static int parsePort(String digits, String whole, String file, int line) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SourceException(file, line, "port \"" + whole + "\" is not a number: expected 0..65535");
        }
        int port = Integer.parseInt(digits);
        if (port > 65535) {
            throw new SourceException(file, line, "port " + port + " is out of range: expected 0..65535");
        }
        return port;
    }

    /** Parses one transport name (any case); reports file and line on anything else. */
    static Transport parseTransport(String text, String file, int line) {
        try {
            return Transport.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new SourceException(file, line, e.getMessage());
        }
    }

    /** Parses "tcp", "tcp,udp" into a set; rejects empty items and repeats. */
    static Set<Transport> parseTransports(String text, String separator, String file, int line) {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (String part : text.split(separator, -1)) {
            Transport t = parseTransport(part, file, line);
            if (!set.add(t)) {
                throw new SourceException(file, line, "transport " + part + " is listed twice in \"" + text + "\"");
            }
        }
        return set;
    }

    /** "tcp,udp" for a set. */
    static String format(Set<Transport> transports) {
        StringBuilder sb = new StringBuilder();
        for (Transport t : transports) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(t.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
