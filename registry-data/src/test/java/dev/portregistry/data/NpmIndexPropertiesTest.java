package dev.portregistry.data;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.portregistry.Transport;

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

    /** At least min entries, one per port and transport, as the npm index has it. */
    private static List<Written> entries(Gen g, int min) {
        return g.uniqueList(min, 25, w -> w.port() + "/" + w.transport(), () -> {
            int port = g.port();
            Transport t = g.of(Transport.values());
            String name = g.oneOf(g::ianaName, () -> "");
            String description = g.description();
            boolean upper = g.bool();
            return new Written(port, t, port + "/" + (upper ? t.name() : t.label()), name, description);
        });
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

    @SeededProperty(tries = 500)
    void everyValidEntryComesOutOnceAtItsLine(Gen g) {
        List<Written> entries = g.input("entries", entries(g, 0));
        List<OfficialRecord> read = read(g.input("text", render(entries)));
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

    @SeededProperty(tries = 300)
    void twoKeysForOnePortAndTransportAreADuplicateHoweverSpelled(Gen g) {
        List<Written> entries = g.input("entries", entries(g, 1));
        boolean leadingZero = g.input("leadingZero", g.bool());
        Written first = entries.get(0);
        String respelled = (leadingZero && first.port() < 10000 ? "0" + first.port() : "" + first.port()) + "/"
                + (first.key().contains(first.transport().name()) ? first.transport().label()
                : first.transport().name());
        List<Written> withTwin = new ArrayList<>(entries);
        withTwin.add(new Written(first.port(), first.transport(), respelled, "twin", "the same key, spelled otherwise"));
        String text = g.input("text", render(withTwin));
        Throwable t = catchThrowable(() -> read(text));
        Gen.assertReported(t, FILE, text);
        assertThat(t.getMessage()).contains("duplicate key").contains(respelled);
        assertThat(((SourceException) t).line()).isEqualTo(withTwin.size() + 1);
    }

    @SeededProperty(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(Gen g) {
        List<Written> entries = entries(g, 0);
        List<Gen.Edit> edits = g.input("edits", g.edits());
        String text = g.input("text", Gen.apply(render(entries), edits));
        Throwable t = catchThrowable(() -> read(text));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @SeededProperty(tries = 200)
    void valuesNestedAbsurdlyDeepOrNumbersAbsurdlyLongAreReportedAtTheirLine(Gen g) {
        boolean deep = g.input("deep", g.bool());
        int size = g.input("size", g.between(1001, 6000));
        String value = deep ? "[".repeat(size) + "]".repeat(size) : "[" + "9".repeat(size) + ", \"d\"]";
        String text = "{\n  \"80/tcp\": [\"http\", \"WWW\"],\n  \"81/tcp\": " + value + "\n}\n";
        Throwable t = catchThrowable(() -> read(text));
        Gen.assertReported(t, FILE, text);
        assertThat(((SourceException) t).line()).isEqualTo(3);
    }

    @SeededProperty(tries = 200)
    void bytesThatAreNotUtf8AreReported(Gen g) {
        List<Written> entries = g.input("entries", entries(g, 0));
        int at = g.input("at", g.between(0, 2000));
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
