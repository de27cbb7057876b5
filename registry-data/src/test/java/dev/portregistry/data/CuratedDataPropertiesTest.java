package dev.portregistry.data;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
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

    private static Arbitrary<String> text() {
        return Gen.description().filter(s -> !s.isEmpty());
    }

    /** A ports array as JSON (numbers and "A-B" strings) and the ports it stands for, all distinct. */
    record PortList(String json, List<Integer> ports) {
    }

    private static Arbitrary<PortList> portList(int minPorts) {
        return Gen.portRange().list().ofMinSize(1).ofMaxSize(4)
                .filter(ranges -> {
                    Set<Integer> seen = new java.util.HashSet<>();
                    for (int[] r : ranges) {
                        for (int p = r[0]; p <= r[1]; p++) {
                            if (!seen.add(p)) {
                                return false;
                            }
                        }
                    }
                    return seen.size() >= minPorts;
                })
                .map(ranges -> {
                    List<String> items = new ArrayList<>();
                    List<Integer> ports = new ArrayList<>();
                    for (int[] r : ranges) {
                        items.add(r[0] == r[1] ? "" + r[0] : "\"" + r[0] + "-" + r[1] + "\"");
                        for (int p = r[0]; p <= r[1]; p++) {
                            ports.add(p);
                        }
                    }
                    return new PortList("[" + String.join(", ", items) + "]", ports);
                });
    }

    // ---------------------------------------------------------------- alternate-uses.json

    @Provide
    Arbitrary<List<CuratedData.AlternateUseEntry>> uses() {
        Arbitrary<CuratedData.AlternateUseEntry> use = Combinators.combine(Gen.softwareName(), portList(1),
                        Gen.transports(), Arbitraries.of(UseKind.values()),
                        Arbitraries.oneOf(Arbitraries.just(-1), Gen.port()), text(), text())
                .as((name, ports, transports, kind, official, description, basis) ->
                        new CuratedData.AlternateUseEntry(FILE, 0, name, ports.ports(), transports, kind,
                                official < 0 ? OptionalInt.empty() : OptionalInt.of(official), description, basis));
        return use.list().ofMaxSize(10).uniqueElements(u -> u.name().toLowerCase(Locale.ROOT));
    }

    private static String render(CuratedData.AlternateUseEntry u) {
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

    @Property(tries = 300)
    void everyValidAlternateUseComesOut(@ForAll("uses") List<CuratedData.AlternateUseEntry> uses) {
        String text = array(uses, CuratedDataPropertiesTest::render);
        List<CuratedData.AlternateUseEntry> read = CuratedData.alternateUses(JsonEntries.read(text, FILE));
        assertThat(read).hasSameSizeAs(uses);
        for (int i = 0; i < uses.size(); i++) {
            CuratedData.AlternateUseEntry u = uses.get(i);
            assertThat(read.get(i)).isEqualTo(new CuratedData.AlternateUseEntry(FILE, i + 2, u.name(), u.ports(),
                    u.transports(), u.kind(), u.officialPort(), u.description(), u.basis()));
        }
    }

    // ---------------------------------------------------------------- lifecycle.json

    @Provide
    Arbitrary<List<CuratedData.LifecycleEntry>> lifecycles() {
        Arbitrary<CuratedData.LifecycleEntry> abandoned = Combinators.combine(Gen.port(), Gen.ianaName(), text(),
                        Arbitraries.oneOf(Arbitraries.just(""), text()),
                        Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(1970, 2100)),
                        Arbitraries.oneOf(Arbitraries.just(""), text()), text())
                .as((port, service, product, vendor, year, note, basis) -> new CuratedData.LifecycleEntry(FILE, 0,
                        port, service, LifecycleStatus.ABANDONED, product, vendor,
                        year < 0 ? OptionalInt.empty() : OptionalInt.of(year), note, basis));
        Arbitrary<CuratedData.LifecycleEntry> historic = Combinators.combine(Gen.port(), Gen.ianaName(), text(), text())
                .as((port, service, note, basis) -> new CuratedData.LifecycleEntry(FILE, 0, port, service,
                        LifecycleStatus.HISTORIC, "", "", OptionalInt.empty(), note, basis));
        return Arbitraries.oneOf(abandoned, historic).list().ofMaxSize(10)
                .uniqueElements(e -> e.port() + "/" + e.service());
    }

    private static String render(CuratedData.LifecycleEntry e) {
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
        if (!e.note().isEmpty()) {
            sb.append(", \"note\": ").append(json(e.note()));
        }
        return sb.append(", \"basis\": ").append(json(e.basis())).append(" }").toString();
    }

    @Property(tries = 300)
    void everyValidLifecycleEntryComesOut(@ForAll("lifecycles") List<CuratedData.LifecycleEntry> entries) {
        String text = array(entries, CuratedDataPropertiesTest::render);
        List<CuratedData.LifecycleEntry> read = CuratedData.lifecycle(JsonEntries.read(text, FILE));
        assertThat(read).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            CuratedData.LifecycleEntry e = entries.get(i);
            assertThat(read.get(i)).isEqualTo(new CuratedData.LifecycleEntry(FILE, i + 2, e.port(), e.service(),
                    e.status(), e.product(), e.vendor(), e.discontinued(), e.note(), e.basis()));
        }
    }

    // ---------------------------------------------------------------- related.json and names.json

    @Provide
    Arbitrary<List<String[]>> groups() {
        // {name, ports json, ports as text, basis}
        return Combinators.combine(Gen.softwareName(), portList(2), text())
                .as((name, ports, basis) -> new String[] {name, ports.json(), ports.ports().toString(), basis})
                .list().ofMaxSize(8).uniqueElements(g -> g[0].toLowerCase(Locale.ROOT));
    }

    @Property(tries = 300)
    void everyValidRelatedGroupComesOut(@ForAll("groups") List<String[]> groups) {
        String text = array(groups, g -> "{ \"name\": " + json(g[0]) + ", \"ports\": " + g[1] + ", \"basis\": "
                + json(g[3]) + " }");
        List<CuratedData.RelatedGroup> read = CuratedData.related(JsonEntries.read(text, FILE));
        assertThat(read).hasSameSizeAs(groups);
        for (int i = 0; i < groups.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo(groups.get(i)[0]);
            assertThat(read.get(i).ports()).hasToString(groups.get(i)[2]);
            assertThat(read.get(i).basis()).isEqualTo(groups.get(i)[3]);
            assertThat(read.get(i).line()).isEqualTo(i + 2);
        }
    }

    @Property(tries = 300)
    void everyValidCommonNameComesOut(@ForAll("groups") List<String[]> groups, @ForAll boolean byService) {
        String text = array(groups, g -> "{ \"name\": " + json(g[0]) + (byService ? ", \"service\": \"http\""
                : ", \"ports\": " + g[1]) + ", \"basis\": " + json(g[3]) + " }");
        List<CuratedData.CommonName> read = CuratedData.names(JsonEntries.read(text, FILE));
        assertThat(read).hasSameSizeAs(groups);
        for (int i = 0; i < groups.size(); i++) {
            assertThat(read.get(i).name()).isEqualTo(groups.get(i)[0]);
            assertThat(read.get(i).service()).isEqualTo(byService ? "http" : "");
            assertThat(read.get(i).ports()).hasToString(byService ? "[]" : groups.get(i)[2]);
            assertThat(read.get(i).line()).isEqualTo(i + 2);
        }
    }

    // ---------------------------------------------------------------- damage

    @Property(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(@ForAll("uses") List<CuratedData.AlternateUseEntry> uses,
                                                     @ForAll("lifecycles") List<CuratedData.LifecycleEntry> lifecycle,
                                                     @ForAll("groups") List<String[]> groups,
                                                     @ForAll("edits") List<Gen.Edit> edits) {
        String useText = Gen.apply(array(uses, CuratedDataPropertiesTest::render), edits);
        Throwable t = catchThrowable(() -> CuratedData.alternateUses(JsonEntries.read(useText, FILE)));
        if (t != null) {
            Gen.assertReported(t, FILE, useText);
        }
        String lifecycleText = Gen.apply(array(lifecycle, CuratedDataPropertiesTest::render), edits);
        t = catchThrowable(() -> CuratedData.lifecycle(JsonEntries.read(lifecycleText, FILE)));
        if (t != null) {
            Gen.assertReported(t, FILE, lifecycleText);
        }
        String groupText = Gen.apply(array(groups, g -> "{ \"name\": " + json(g[0]) + ", \"ports\": " + g[1]
                + ", \"basis\": " + json(g[3]) + " }"), edits);
        t = catchThrowable(() -> CuratedData.related(JsonEntries.read(groupText, FILE)));
        if (t != null) {
            Gen.assertReported(t, FILE, groupText);
        }
        t = catchThrowable(() -> CuratedData.names(JsonEntries.read(groupText, FILE)));
        if (t != null) {
            Gen.assertReported(t, FILE, groupText);
        }
    }

    @Provide
    Arbitrary<List<Gen.Edit>> edits() {
        return Gen.edits();
    }

    @Property(tries = 50)
    void anEntryNestedAbsurdlyDeepIsReportedAtItsLine(@ForAll @net.jqwik.api.constraints.IntRange(min = 1001, max = 3000) int depth) {
        String text = "[\n{ \"name\": \"x\", \"ports\": [80] },\n{ \"name\": " + "[".repeat(depth) + "]".repeat(depth) + " }\n]";
        Throwable t = catchThrowable(() -> CuratedData.names(JsonEntries.read(text, FILE)));
        Gen.assertReported(t, FILE, text);
        assertThat(((SourceException) t).line()).isEqualTo(3);
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
