package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** ServicesFileImporter under generated input: every valid entry comes out; damage is reported. */
class ServicesFilePropertiesTest {
    private static final String FILE = "/usr/share/wireshark/services";

    /** A services(5) entry as written, and what it must read as. */
    record Written(String line, String name, int first, int last, String transports, List<String> aliases,
                   String description) {
    }

    private static Written entry(Gen g) {
        String space = g.of(" ", "\t", "  \t ", "\t\t");
        String name = word(g);
        int[] range = g.portRange();
        Set<Transport> transports = g.transports();
        List<String> aliases = g.list(0, 3, () -> word(g));
        String remark = g.bool() ? null : g.string("abc XYZ 09-,.()'\"#/\t", 0, 40);
        boolean upper = g.bool();
        String port = range[0] == range[1] ? "" + range[0] : range[0] + "-" + range[1];
        String proto = String.join("/", Ports.format(transports).split(","));
        if (upper) {
            proto = proto.toUpperCase(Locale.ROOT);
        }
        StringBuilder line = new StringBuilder(space.length() > 2 ? space : "").append(name).append(space)
                .append(port).append('/').append(proto);
        for (String a : aliases) {
            line.append(space).append(a);
        }
        String description = "";
        if (remark != null) {
            line.append(space).append('#').append(remark);
            description = remark.replaceAll("[\\t ]+", " ").strip();
        }
        return new Written(line.toString(), name, range[0], range[1], Ports.format(transports), List.copyOf(aliases),
                description);
    }

    private static String word(Gen g) {
        return g.filter(g::ianaName, s -> !s.contains("#"));
    }

    private static List<Written> entries(Gen g) {
        return g.list(0, 12, () -> entry(g));
    }

    private static String render(List<Written> entries) {
        StringBuilder sb = new StringBuilder("# services, generated\n\n");
        for (int i = 0; i < entries.size(); i++) {
            sb.append(entries.get(i).line()).append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 5 == 4) {
                sb.append("   # an indented comment\n");
            }
        }
        return sb.toString();
    }

    @SeededProperty(tries = 500)
    void everyValidEntryComesOutWithItsAliasesAndComment(Gen g) {
        List<Written> entries = g.input("entries", entries(g));
        String text = g.input("text", render(entries));
        List<ServicesFileImporter.Entry> read = ServicesFileImporter.parse(text, FILE);
        assertThat(read).hasSameSizeAs(entries);
        for (int i = 0; i < entries.size(); i++) {
            Written w = entries.get(i);
            OfficialRecord r = read.get(i).record();
            assertThat(r.name()).isEqualTo(w.name());
            assertThat(r.firstPort()).isEqualTo(w.first());
            assertThat(r.lastPort()).isEqualTo(w.last());
            assertThat(Ports.format(r.transports())).isEqualTo(w.transports());
            assertThat(read.get(i).aliases()).isEqualTo(w.aliases());
            assertThat(r.description().replaceAll(" +", " ")).isEqualTo(w.description());
            assertThat(r.file()).isEqualTo(FILE);
        }
    }

    @SeededProperty(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(Gen g) {
        List<Written> entries = entries(g);
        List<Gen.Edit> edits = g.input("edits", g.edits());
        String text = g.input("text", Gen.apply(render(entries), edits));
        Throwable t = catchThrowable(() -> ServicesFileImporter.parse(text, FILE));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }
}
