package dev.portregistry.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** ServicesFileImporter under generated input: every valid entry comes out; damage is reported. */
class ServicesFilePropertiesTest {
    private static final String FILE = "/usr/share/wireshark/services";

    /** A services(5) entry as written, and what it must read as. */
    record Written(String line, String name, int first, int last, String transports, List<String> aliases,
                   String description) {
    }

    @Provide
    Arbitrary<Written> entry() {
        Arbitrary<String> space = Arbitraries.of(" ", "\t", "  \t ", "\t\t");
        Arbitrary<String> word = Gen.ianaName().filter(s -> !s.contains("#"));
        Arbitrary<String> comment = Arbitraries.strings().withChars("abc XYZ 09-,.()'\"#/\t").ofMaxLength(40);
        return Combinators.combine(word, Gen.portRange(), Gen.transports(), word.list().ofMaxSize(3), space,
                        Arbitraries.oneOf(Arbitraries.just((String) null), comment), Arbitraries.of(true, false))
                .as((name, range, transports, aliases, sep, remark, upper) -> {
                    String port = range[0] == range[1] ? "" + range[0] : range[0] + "-" + range[1];
                    String proto = String.join("/", Ports.format(transports).split(","));
                    if (upper) {
                        proto = proto.toUpperCase(java.util.Locale.ROOT);
                    }
                    StringBuilder line = new StringBuilder(sep.length() > 2 ? sep : "").append(name).append(sep)
                            .append(port).append('/').append(proto);
                    for (String a : aliases) {
                        line.append(sep).append(a);
                    }
                    String description = "";
                    if (remark != null) {
                        line.append(sep).append('#').append(remark);
                        description = remark.replaceAll("[\\t ]+", " ").strip();
                    }
                    return new Written(line.toString(), name, range[0], range[1], Ports.format(transports),
                            List.copyOf(aliases), description);
                });
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

    @Property(tries = 500)
    void everyValidEntryComesOutWithItsAliasesAndComment(@ForAll("entries") List<Written> entries) {
        List<ServicesFileImporter.Entry> read = ServicesFileImporter.parse(render(entries), FILE);
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

    @Provide
    Arbitrary<List<Written>> entries() {
        return entry().list().ofMaxSize(12);
    }

    @Property(tries = 600)
    void aDamagedFileIsReadOrReportedWithFileAndLine(@ForAll("entries") List<Written> entries,
                                                     @ForAll("edits") List<Gen.Edit> edits) {
        String text = Gen.apply(render(entries), edits);
        Throwable t = catchThrowable(() -> ServicesFileImporter.parse(text, FILE));
        if (t != null) {
            Gen.assertReported(t, FILE, text);
        }
    }

    @Provide
    Arbitrary<List<Gen.Edit>> edits() {
        return Gen.edits();
    }
}
