package dev.portregistry;

import dev.portregistry.internal.ServiceNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict services(5) reader behind {@link Overlay#parseServices}:
 * {@code name port/transport [aliases...] [# comment]} a line.
 */
final class ServicesFormat {
    private static final Pattern PORT_TRANSPORT = Pattern.compile("([0-9]{1,9})/([A-Za-z0-9]+)");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");

    private ServicesFormat() {
    }

    static Overlay.Builder parse(String text, Overlay.Builder b) {
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            b.line(n);
            String line = lines[i];
            int hash = line.indexOf('#');
            String body = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (body.isEmpty()) {
                continue;
            }
            String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
            String[] words = WHITESPACE.split(body);
            if (words.length < 2) {
                throw b.error(ServiceNames.quote(body)
                        + " is not a services(5) entry: expected \"name port/transport [aliases...] [# comment]\"");
            }
            Matcher m = PORT_TRANSPORT.matcher(words[1]);
            if (!m.matches()) {
                throw b.error(ServiceNames.quote(words[1]) + " after the name " + ServiceNames.quote(words[0])
                        + " is not a port/transport: expected e.g. 7443/tcp");
            }
            int port = Integer.parseInt(m.group(1));
            if (port > PortRange.MAX_PORT) {
                throw b.error("port " + port + " is out of range: expected " + PortRange.MIN_PORT + ".." + PortRange.MAX_PORT);
            }
            Transport transport;
            try {
                transport = Transport.parse(m.group(2));
            } catch (IllegalArgumentException e) {
                throw b.error(Objects.requireNonNullElse(e.getMessage(), "bad transport"));
            }
            String key = words[0].toLowerCase(Locale.ROOT) + " " + port + "/" + transport.label();
            Integer previous = seen.putIfAbsent(key, n);
            if (previous != null) {
                throw b.error("duplicate entry " + words[0] + " " + port + "/" + transport.label()
                        + ": already on line " + previous);
            }
            List<String> aliases = new ArrayList<>(List.of(words).subList(2, words.length));
            b.assign(port, ServiceAssignment.of(words[0], comment, Set.of(transport), LifecycleStatus.ACTIVE),
                    aliases.toArray(new String[0]));
        }
        return b;
    }
}
