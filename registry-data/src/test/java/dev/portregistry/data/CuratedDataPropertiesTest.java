package dev.portregistry.data;

import dev.portregistry.json.curated.CuratedJson;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The curated-data validation (JsonEntries and CuratedData) under generated input: every valid
 * entry of the four files comes out with its fields and line; damaged files are read or reported
 * with file and line, never an unrelated exception.
 */
class CuratedDataPropertiesTest {
    private static final String FILE = "data/curated/x.json";

    private static String json(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private static String text(Gen g) {
        return g.filter(g::description, s -> !s.isEmpty());
    }

    /** A ports array as JSON (numbers and "A-B" strings) and the ports it stands for, all distinct. */
    record PortList(String json, List<Integer> ports) {
    }

    private static PortList portList(Gen g, int minPorts) {
        List<int[]> ranges = g.filter(() -> g.list(1, 4, g::portRange), rs -> {
            Set<Integer> seen = new HashSet<>();
            for (int[] r : rs) {
                for (int p = r[0]; p <= r[1]; p++) {
                    if (!seen.add(p)) {
                        return false;
                    }
                }
            }
            return seen.size() >= minPorts;
        });
        List<String> items = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (int[] r : ranges) {
            items.add(r[0] == r[1] ? "" + r[0] : "\"" + r[0] + "-" + r[1] + "\"");
            for (int p = r[0]; p <= r[1]; p++) {
                ports.add(p);
            }
        }
        return new PortList("[" + String.join(", ", items) + "]", ports);
    }

    // ---------------------------------------------------------------- alternate-uses.json

    private static List<CuratedJson.AlternateUseEntry> uses(Gen g) {
        return g.uniqueList(0, 10, u -> u.name().toLowerCase(Locale.ROOT), () -> new CuratedJson.AlternateUseEntry(
                FILE, 0, g.softwareName(), portList(g, 1).ports(), g.transports(), g.of(UseKind.values()),
                g.bool() ? OptionalInt.empty() : OptionalInt.of(g.port()), text(g), text(g)));
    }

    private static String render(CuratedJson.AlternateUseEntry u) {
        StringBuilder sb = new StringBuilder("{ \"name\": ").append(json(u.name())).append(", \"ports\": ")
                .append(portsJson(u.ports())).append(", \"transports\": [");
        List<String> ts = new ArrayList<>();
        for (Transport t : u.transports()) {
            ts.add(json(t.label()));
        }
        sb.append(String.join(", ", ts)).append("], \"kind\": ").append(json(u.kind().name().toLowerCase(Locale.ROOT)));
        u.officialPort().ifPresent(p -> sb.append(", \"officialPort\": ").append(p));
        return sb.append(", \"description\": ").append(json(u.description())).append(", \"basis\": ")
                .append(json(u.basis())).append(" }").toString();
    }

    /** Ports as a JSON array of plain numbers (ranges are exercised by related groups). */
    private static String portsJson(List<Integer> ports) {
        return ports.toString();
    }

    @SeededProperty(tries = 300)
    void everyValidAlternateUseComesOut(Gen g) {
        List<CuratedJson.AlternateUseEntry> uses = g.input("uses", uses(g));
        String text = g.input("text", array(uses, CuratedDataPropertiesTest::render));
        List<CuratedJson.AlternateUseEntry> read = CuratedData.parse(text, FILE, "alternateUses").alternateUses();
        assertThat(read).hasSameSizeAs(uses);
        for (int i = 0; i < uses.size(); i++) {
            CuratedJson.AlternateUseEntry u = uses.get(i);
            assertThat(read.get(i)).isEqualTo(new CuratedJson.AlternateUseEntry(FILE, i + 2, u.name(), u.ports(),
                    u.transports(), u.kind(), u.officialPort(), u.description(), u.basis()));
        }
    }

    // ---------------------------------------------------------------- lifecycle.json

    private static List<CuratedJson.LifecycleEntry> lifecycles(Gen g) {
        return g.uniqueList(0, 10, e -> e.port() + "/" + e.service().toLowerCase(Locale.ROOT), () -> g.oneOf(
                () -> new CuratedJson.LifecycleEntry(FILE, 0, g.port(), notANumber(g.ianaName()), LifecycleStatus.ABANDONED,
                        text(g), g.bool() ? "" : text(g),
                        g.bool() ? OptionalInt.empty() : OptionalInt.of(g.between(1970, 2100)),
                        g.bool() ? "" : text(g), text(g)),
                () -> new CuratedJson.LifecycleEntry(FILE, 0, g.port(), notANumber(g.ianaName()), LifecycleStatus.HISTORIC,
                        "", "", OptionalInt.empty(), text(g), text(g))));
    }

    private static String render(CuratedJson.LifecycleEntry e) {
        StringBuilder sb = new StringBuilder("{ \"port\": ").append(e.port()).append(", \"service\": ")
                .append(json(e.service())).append(", \"status\": ")
                .append(json(e.status() == LifecycleStatus.ABANDONED ? "Abandoned" : "historic"));
        if (!e.product().isEmpty()) {
            sb.append(", \"product\": ").append(json(e.product()));
        }
        if (!e.vendor().isEmpty()) {
            sb.append(", \"vendor\": ").append(json(e.vendor()));
        }
        e.discontinued().ifPresent(y -> sb.append(", \"discontinued\": ").append(y));
        if (!e.reason().isEmpty()) {
            sb.append(", \"reason\": ").append(json(e.reason()));
        }
        return sb.append(", \"basis\": ").append(json(e.basis())).append(" }").toString();
    }

    @SeededProperty(tries = 300)
    void everyValidLifecycleEntryComesOut(Gen g) {
        List<CuratedJson.LifecycleEntry> entries = g.input("entries", lifecycles(g));
        String text = g.input("text", array(entries, CuratedDataPropertiesTest::render));
        List<CuratedJson.LifecycleEntry> read = CuratedData.parse(text, FILE, "lifecycle").lifecycle();
        assertThat(read).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            CuratedJson.LifecycleEntry e = entries.get(i);
            assertThat(read.get(i)).isEqualTo(new CuratedJson.LifecycleEntry(FILE, i + 2, e.port(), e.service(),
                    e.status(), e.product(), e.vendor(), e.discontinued(), e.reason(), e.basis()));
        }
    }

    /**
     * A name an overlay may give a service or a common name: not a number (RFC 6335 service names hold
     * a letter; a number would read as a port).
     */
    private static String notANumber(String name) {
        return name.chars().allMatch(c -> c >= '0' && c <= '9') ? "s" + name : name;
    }

    // ---------------------------------------------------------------- related.json and names.json

    /** Groups of {name, ports json, ports as text, basis}, distinct names. */
    private static List<String[]> groups(Gen g) {
        return g.uniqueList(0, 8, gr -> gr[0].toLowerCase(Locale.ROOT), () -> {
            String name = notANumber(g.softwareName());
            PortList ports = portList(g, 2);
            return new String[] {name, ports.json(), ports.ports().toString(), text(g)};
        });
    }

    @SeededProperty(tries = 300)
    void everyValidRelatedGroupComesOut(Gen g) {
        List<String[]> groups = g.input("groups", groups(g));
        String text = g.input("text", array(groups, CuratedDataPropertiesTest::renderGroup));
        List<CuratedJson.RelatedGroup> read = CuratedData.parse(text, FILE, "related").related();
        assertThat(read).hasSameSizeAs(groups);
        for (int i = 0; i < groups.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo(groups.get(i)[0]);
            assertThat(read.get(i).ports()).hasToString(groups.get(i)[2]);
            assertThat(read.get(i).basis()).isEqualTo(groups.get(i)[3]);
            assertThat(read.get(i).line()).isEqualTo(i + 2);
        }
    }

    @SeededProperty(tries = 300)
    void everyValidCommonNameComesOut(Gen g) {
        List<String[]> groups = g.input("groups", groups(g));
        boolean byService = g.input("byService", g.bool());
        String text = g.input("text", array(groups, gr -> "{ \"name\": " + json(gr[0])
                + (byService ? ", \"service\": \"http\"" : ", \"ports\": " + gr[1]) + ", \"basis\": " + json(gr[3]) + " }"));
        List<CuratedJson.CommonName> read = CuratedData.parse(text, FILE, "names").names();
        assertThat(read).hasSameSizeAs(groups);
        for (int i = 0; i < groups.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo(groups.get(i)[0]);
            assertThat(read.get(i).service()).isEqualTo(byService ? "http" : "");
            assertThat(read.get(i).ports()).hasToString(byService ? "[]" : groups.get(i)[2]);
            assertThat(read.get(i).line()).isEqualTo(i + 2);
        }
    }

    // ---------------------------------------------------------------- damage

    @SeededProperty(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(Gen g) {
        List<CuratedJson.AlternateUseEntry> uses = uses(g);
        List<CuratedJson.LifecycleEntry> lifecycle = lifecycles(g);
        List<String[]> groups = groups(g);
        List<Gen.Edit> edits = g.input("edits", g.edits());
        String useText = g.input("useText", Gen.apply(array(uses, CuratedDataPropertiesTest::render), edits));
        Throwable t = catchThrowable(() -> CuratedData.parse(useText, FILE, "alternateUses").alternateUses());
        if (t != null) {
            Gen.assertReported(t, FILE, useText);
        }
        String lifecycleText = g.input("lifecycleText",
                Gen.apply(array(lifecycle, CuratedDataPropertiesTest::render), edits));
        t = catchThrowable(() -> CuratedData.parse(lifecycleText, FILE, "lifecycle").lifecycle());
        if (t != null) {
            Gen.assertReported(t, FILE, lifecycleText);
        }
        String groupText = g.input("groupText", Gen.apply(array(groups, CuratedDataPropertiesTest::renderGroup), edits));
        t = catchThrowable(() -> CuratedData.parse(groupText, FILE, "related").related());
        if (t != null) {
            Gen.assertReported(t, FILE, groupText);
        }
        t = catchThrowable(() -> CuratedData.parse(groupText, FILE, "names").names());
        if (t != null) {
            Gen.assertReported(t, FILE, groupText);
        }
    }

    @SeededProperty(tries = 200)
    void anEntryNestedAbsurdlyDeepIsReportedAtItsLine(Gen g) {
        int depth = g.input("depth", g.between(1001, 3000));
        String text = "[\n{ \"name\": \"x\", \"ports\": [80] },\n{ \"name\": " + "[".repeat(depth) + "]".repeat(depth) + " }\n]";
        Throwable t = catchThrowable(() -> CuratedData.parse(text, FILE, "names").names());
        Gen.assertReported(t, FILE, text);
        assertThat(((SourceException) t).line()).isEqualTo(3);
    }

    private static String renderGroup(String[] group) {
        return "{ \"name\": " + json(group[0]) + ", \"ports\": " + group[1] + ", \"basis\": " + json(group[3]) + " }";
    }

    /** A JSON array with one element per line, starting on line 2. */
    private static <T> String array(List<T> items, Function<T, String> render) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append(render.apply(items.get(i))).append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }
}
