package dev.portregistry.data;

import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import dev.portregistry.json.curated.CuratedJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses an UNOFFICIAL use on a port whose IANA assignment on the same transport is the same
 * program or protocol: then the use is not unofficial at all, it is the assignment. Example: IANA
 * assigns 7687/tcp to {@code bolt} ("Bolt database connection"), so "Neo4j accepts Bolt connections
 * here" is the official use of 7687, not an alternate one.
 *
 * <p>How names are compared: every text is lower-cased and cut into words of letters and digits.
 * A use and an assignment name the same thing when the assignment's service name (its letters and
 * digits, at least three) is a word of the use's name or description, when a word of the service
 * name (at least four letters, and not a general word such as "server" or "http") is a word of the
 * use's name ({@code kerberos-iv} and "MIT Kerberos KDC"), or when the use's name (its letters and
 * digits, at least three) is a word of the assignment's name or description. A
 * description may name the port's IANA holder for contrast ("on the port IANA gives SOCKS"): the
 * words from "IANA" to the end of that sentence or clause are not counted.
 *
 * <p>An entry that overlaps on purpose says why in {@code officialOverlapReason} (for instance a
 * KDC answering Kerberos 5 on the port IANA gives to the historic Kerberos 4) and is let through.
 * Malware is not checked: it abuses ports whatever their owner.
 */
final class UnofficialUseCheck {
    private UnofficialUseCheck() {
    }

    /**
     * Checks every unofficial use against the official records.
     *
     * @param official the official records, not null
     * @param uses     the curated alternate uses, not null
     * @throws SourceException naming the file and line of the first use that restates an IANA
     *                         assignment, the port, transport and assignment it overlaps, the field
     *                         that would let it through, and how many other uses do the same
     */
    static void check(List<OfficialRecord> official, List<CuratedJson.AlternateUseEntry> uses) {
        List<Violation> found = violations(official, uses);
        if (!found.isEmpty()) {
            Violation first = found.get(0);
            throw new SourceException(first.file(), first.line(), first.message()
                    + (found.size() > 1 ? " (and " + (found.size() - 1) + " more such uses)" : ""));
        }
    }

    /** A use that restates an assignment: where it is and what is wrong. */
    record Violation(String file, int line, String message) {
    }

    /** Every unofficial use that restates an IANA assignment, once per port and transport, in entry order. */
    static List<Violation> violations(List<OfficialRecord> official, List<CuratedJson.AlternateUseEntry> uses) {
        List<Violation> found = new ArrayList<>();
        Map<String, List<OfficialRecord>> byPortTransport = new HashMap<>();
        for (OfficialRecord r : official) {
            if (r.name().isEmpty()) {
                continue;
            }
            for (int port = r.firstPort(); port <= r.lastPort(); port++) {
                for (Transport t : r.transports()) {
                    byPortTransport.computeIfAbsent(port + "/" + t, k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (CuratedJson.AlternateUseEntry u : uses) {
            if (u.kind() != UseKind.UNOFFICIAL || !u.officialOverlapReason().isEmpty()) {
                continue;
            }
            Set<String> useWords = words(u.name() + " " + withoutIanaContrast(u.description()));
            Set<String> useNameWords = words(u.name());
            String useName = compact(u.name());
            for (int port : u.ports()) {
                for (Transport t : u.transports()) {
                    for (OfficialRecord r : byPortTransport.getOrDefault(port + "/" + t, List.of())) {
                        if (sameThing(useName, useNameWords, useWords, r.name(), r.description())) {
                            found.add(new Violation(u.file(), u.line(), "\"" + u.name() + "\" is marked unofficial on "
                                    + port + "/" + t.label() + ", but IANA assigns that port to " + r.name() + " (\""
                                    + r.description() + "\"), the same program or protocol: drop the use, or say why"
                                    + " it is not the assignment in \"officialOverlapReason\""));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Whether a use (its compacted name, the words of its name and of its text) names the same thing as an assignment. */
    static boolean sameThing(String useName, Set<String> useNameWords, Set<String> useWords, String serviceName,
                             String serviceDescription) {
        String service = compact(serviceName);
        if (service.length() >= 3 && useWords.contains(service)) {
            return true;
        }
        for (String w : serviceName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+", -1)) {
            if (w.length() >= 4 && !GENERIC.contains(w) && useNameWords.contains(w)) {
                return true;
            }
        }
        if (useName.length() >= 3) {
            Set<String> official = words(serviceName + " " + serviceDescription);
            return official.contains(useName);
        }
        return false;
    }

    /** A description without the words from "IANA" to the end of their sentence or clause. */
    static String withoutIanaContrast(String description) {
        return IANA_CONTRAST.matcher(description).replaceAll(" ");
    }

    /** Words of service names too general to identify a program or protocol. */
    private static final Set<String> GENERIC = Set.of("http", "https", "server", "service", "services", "data", "port",
            "protocol", "proxy", "admin", "agent", "alternate", "control", "manager", "management", "remote", "secure",
            "system", "network", "client", "monitor", "web", "over", "with");

    private static final Pattern IANA_CONTRAST = Pattern.compile("(?i)\\biana\\b[^.;]*");

    /** The words of a text: runs of letters and digits, lower-cased; also each hyphenated run joined. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String chunk : text.toLowerCase(Locale.ROOT).split("\\s+", -1)) {
            for (String w : chunk.split("[^\\p{L}\\p{N}]+", -1)) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            String joined = compact(chunk);
            if (!joined.isEmpty()) {
                out.add(joined);
            }
        }
        return out;
    }

    /** The letters and digits of a text, lower-cased. */
    static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
