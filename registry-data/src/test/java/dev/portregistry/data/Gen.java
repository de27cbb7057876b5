package dev.portregistry.data;

import dev.portregistry.Transport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generators shared by the property tests of the importers and the compiler: valid values of the
 * source formats, and edits that damage a valid text the way a bad download, a merge or a careless
 * hand edit does.
 */
final class Gen {
    private Gen() {
    }

    /** Characters that break formats: separators, quotes, line ends, controls, odd Unicode. */
    static final String HOSTILE = "\t\n\r\"',#/-\\{}[]: 09aZ\u0000\u001b\u007f\u00a0\u00e9\u2028\u202e\ufeff\ud800\udc00";

    /** A well-formed IANA-like service name: letters, digits and a few punctuation marks. */
    static Arbitrary<String> ianaName() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .withChars("-_./+").ofMinLength(1).ofMaxLength(15)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    /** A name of software, as curated files hold them: spaces inside, any script, up to 40 characters. */
    static Arbitrary<String> softwareName() {
        return Arbitraries.strings().withChars("abcXYZ019 -.+()").withChars("éßΩ名").ofMinLength(1).ofMaxLength(40)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Plain one-line text without control characters, possibly empty, never with surrounding space. */
    static Arbitrary<String> description() {
        return Arbitraries.strings().withChars("abcdefgHIJKLMN 0123456789-,.;:()'\"/&").withChars("éü–")
                .ofMaxLength(60).map(String::strip);
    }

    /** A non-empty set of transports. */
    static Arbitrary<Set<Transport>> transports() {
        return Arbitraries.subsetOf(Transport.values()).ofMinSize(1)
                .map(s -> s.isEmpty() ? EnumSet.noneOf(Transport.class) : EnumSet.copyOf(s));
    }

    /** A port, with the edges more likely. */
    static Arbitrary<Integer> port() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 65535), Arbitraries.of(0, 1, 1023, 1024, 49151,
                49152, 65534, 65535));
    }

    /** {first, last}: mostly single ports, sometimes a short range. */
    static Arbitrary<int[]> portRange() {
        return Combinators.combine(port(), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 20))))
                .as((first, extra) -> new int[] {first, Math.min(65535, first + extra)});
    }

    /** One edit of a text. */
    record Edit(int kind, double at, char c) {
        String apply(String s) {
            int i = (int) Math.floor(at * (s.length() + 1));
            i = Math.min(i, s.length());
            return switch (kind) {
                case 0 -> s.substring(0, i) + c + s.substring(i);                                   // insert
                case 1 -> i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s;              // delete
                case 2 -> i < s.length() ? s.substring(0, i) + c + s.substring(i + 1) : s + c;      // replace
                case 3 -> s.substring(0, i);                                                        // truncate
                default -> {                                                                        // repeat a line
                    int start = s.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
                    int end = s.indexOf('\n', i);
                    String line = s.substring(start, end < 0 ? s.length() : end + 1);
                    yield s.substring(0, start) + line + (line.endsWith("\n") ? "" : "\n") + s.substring(start);
                }
            };
        }
    }

    /** One to four edits, truncation rarer than the others. */
    static Arbitrary<List<Edit>> edits() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, 0), net.jqwik.api.Tuple.of(3, 1), net.jqwik.api.Tuple.of(3, 2),
                net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4));
        Arbitrary<Character> c = Arbitraries.of(chars(HOSTILE));
        Arbitrary<Edit> edit = Combinators.combine(kind, Arbitraries.doubles().between(0, 1), c).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    static String apply(String text, List<Edit> edits) {
        String s = text;
        for (Edit e : edits) {
            s = e.apply(s);
        }
        return s;
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>();
        for (char ch : s.toCharArray()) {
            out.add(ch);
        }
        return out;
    }

    /**
     * Checks a failure: a SourceException that names the file and a line within the text, and
     * whose message starts with them and goes on to say what is wrong.
     */
    static void assertReported(Throwable t, String file, String text) {
        assertThat(t).isInstanceOf(SourceException.class);
        SourceException e = (SourceException) t;
        assertThat(e.file()).isEqualTo(file);
        long lines = text.chars().filter(ch -> ch == '\n').count() + 1;
        assertThat(e.line()).as("line of: %s", e.getMessage()).isBetween(1, (int) lines + 1);
        assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
        assertThat(e.getMessage().length()).isGreaterThan((file + ":" + e.line() + ": ").length() + 5);
    }
}
