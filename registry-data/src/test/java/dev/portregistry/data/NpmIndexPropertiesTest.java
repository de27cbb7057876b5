package dev.portregistry.data;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.portregistry.Transport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** NpmIndexImporter under generated input: every valid key comes out once; damage is reported. */
class NpmIndexPropertiesTest {
    private static final String FILE = "index.json";

    record Written(int port, Transport transport, String key, String name, String description) {
    }

    private static String json(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    @Provide
    Arbitrary<List<Written>> entries() {
        Arbitrary<Written> entry = Combinators.combine(Gen.port(), Arbitraries.of(Transport.values()),
                        Arbitraries.oneOf(Gen.ianaName(), Arbitraries.just("")), Gen.description(),
                        Arbitraries.of(true, false))
                .as((port, t, name, description, upper) -> new Written(port, t,
                        port + "/" + (upper ? t.name() : t.label()), name, description));
        // one record per port and transport, as the npm index has it
        return entry.list().ofMaxSize(25).uniqueElements(w -> w.port() + "/" + w.transport());
    }

    private static String render(List<Written> entries) {
        StringBuilder sb = new StringBuilder("{\n");
        for (int i = 0; i < entries.size(); i++) {
            Written w = entries.get(i);
            sb.append("  ").append(json(w.key())).append(": [").append(json(w.name())).append(", ")
                    .append(json(w.description())).append(']').append(i + 1 < entries.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static List<OfficialRecord> read(String text) {
        return NpmIndexImporter.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FILE);
    }

    @Property(tries = 500)
    void everyValidEntryComesOutOnceAtItsLine(@ForAll("entries") List<Written> entries) {
        List<OfficialRecord> read = read(render(entries));
        assertThat(read).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            Written w = entries.get(i);
            OfficialRecord r = read.get(i);
            assertThat(r.firstPort()).isEqualTo(w.port());
            assertThat(r.lastPort()).isEqualTo(w.port());
            assertThat(r.transports()).containsExactly(w.transport());
            assertThat(r.name()).isEqualTo(w.name());
            assertThat(r.description()).isEqualTo(w.description());
            assertThat(r.line()).isEqualTo(i + 2);
        }
    }

    @Property(tries = 300)
    void twoKeysForOnePortAndTransportAreADuplicateHoweverSpelled(@ForAll("entries") List<Written> entries,
                                                                @ForAll boolean leadingZero) {
        if (entries.isEmpty()) {
            return;
        }
        Written first = entries.get(0);
        String respelled = (leadingZero && first.port() < 10000 ? "0" + first.port() : "" + first.port()) + "/"
                + (first.key().contains(first.transport().name()) ? first.transport().label()
                : first.transport().name());
        List<Written> withTwin = new ArrayList<>(entries);
        withTwin.add(new Written(first.port(), first.transport(), respelled, "twin", "the same key, spelled otherwise"));
        String text = render(withTwin);
        Throwable t = catchThrowable(() -> read(text));
        Gen.assertReported(t, FILE, text);
        assertThat(t.getMessage()).contains("duplicate key").contains(respelled);
        assertThat(((SourceException) t).line()).isEqualTo(withTwin.size() + 1);
    }

    @Property(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(@ForAll("entries") List<Written> entries,
                                                     @ForAll("edits") List<Gen.Edit> edits) {
        String text = Gen.apply(render(entries), edits);
        Throwable t = catchThrowable(() -> read(text));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @Provide
    Arbitrary<List<Gen.Edit>> edits() {
        return Gen.edits();
    }

    @Property(tries = 100)
    void valuesNestedAbsurdlyDeepOrNumbersAbsurdlyLongAreReportedAtTheirLine(@ForAll boolean deep) {
        String value = deep ? "[".repeat(5000) + "]".repeat(5000) : "[" + "9".repeat(5000) + ", \"d\"]";
        String text = "{\n  \"80/tcp\": [\"http\", \"WWW\"],\n  \"81/tcp\": " + value + "\n}\n";
        Throwable t = catchThrowable(() -> read(text));
        Gen.assertReported(t, FILE, text);
        assertThat(((SourceException) t).line()).isEqualTo(3);
    }

    @Property(tries = 200)
    void bytesThatAreNotUtf8AreReported(@ForAll("entries") List<Written> entries,
                                        @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2000) int at) {
        byte[] bytes = render(entries).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 1];
        int i = Math.min(at, bytes.length);
        System.arraycopy(bytes, 0, bad, 0, i);
        bad[i] = (byte) 0xFF;
        System.arraycopy(bytes, i, bad, i + 1, bytes.length - i);
        Throwable t = catchThrowable(() -> NpmIndexImporter.read(new ByteArrayInputStream(bad), FILE));
        Gen.assertReported(t, FILE, new String(bad, StandardCharsets.UTF_8));
    }
}
