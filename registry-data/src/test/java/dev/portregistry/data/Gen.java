package dev.portregistry.data;

import dev.portregistry.Transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator of one try of a property test ({@link SeededProperty}): every value it hands out
 * comes from one {@link SplittableRandom} seeded with {@link #seed()}, so the same seed gives the
 * same input again. It also knows the values of the source formats (valid names, ports,
 * transports, text) and the edits that damage a valid text the way a bad download, a merge or a
 * careless hand edit does. A test passes what it generated to {@link #input(String, Object)}, and
 * a failure then reports the seed and those inputs.
 *
 * <p>Sizes and numbers lean towards their edges: about one draw in sixteen is the smallest value
 * and one in sixteen the largest (an empty list, a one-character name, port 65535).
 *
 * <p>Not thread-safe: one instance per try.
 */
final class Gen {
    /** Characters that break formats: separators, quotes, line ends, controls, odd Unicode. */
    static final String HOSTILE = "\t\n\r\"',#/-\\{}[]: 09aZ\u0000\u001b\u007f\u00a0\u00e9\u2028\u202e\ufeff\ud800\udc00";

    /** Gives up on a filter after this many rejected values: a generator bug, not a property failure. */
    private static final int MAX_REJECTIONS = 10_000;

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final long seed;
    private final SplittableRandom random;
    private final Map<String, Object> inputs = new LinkedHashMap<>();

    Gen(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this try's values come from. */
    long seed() {
        return seed;
    }

    /** Remembers a generated value under a label, for the failure report; returns the value. */
    <T> T input(String label, T value) {
        inputs.put(label, value);
        return value;
    }

    /** The labelled inputs, one per line, control characters escaped. */
    String describeInputs() {
        StringBuilder sb = new StringBuilder();
        inputs.forEach((label, value) -> sb.append("\n  ").append(label).append(" = ").append(show(value)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }

    // ---------------------------------------------------------------- basic values

    boolean bool() {
        return random.nextBoolean();
    }

    /** An int in min..max, both included, the edges more likely. */
    int between(int min, int max) {
        int r = random.nextInt(16);
        if (r == 0) {
            return min;
        }
        if (r == 1) {
            return max;
        }
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** A double in [0, 1). */
    double unit() {
        return random.nextDouble();
    }

    @SafeVarargs
    final <T> T of(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the suppliers' values, each supplier as likely as the others. */
    @SafeVarargs
    final <T> T oneOf(Supplier<? extends T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** A string of min..max characters drawn from chars. */
    String string(String chars, int min, int max) {
        int length = between(min, max);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.get());
        }
        return out;
    }

    /**
     * A list of min..max elements with distinct keys: an element whose key is taken is drawn
     * again; if distinct elements run out, the list stays shorter (but never below min).
     */
    <T> List<T> uniqueList(int min, int max, Function<T, ?> key, Supplier<T> element) {
        int size = between(min, max);
        List<T> out = new ArrayList<>(size);
        Set<Object> keys = new HashSet<>();
        int rejected = 0;
        while (out.size() < size) {
            T e = element.get();
            if (keys.add(key.apply(e))) {
                out.add(e);
            } else if (++rejected > MAX_REJECTIONS) {
                if (out.size() >= min) {
                    break;
                }
                throw new IllegalStateException(this + ": found only " + out.size() + " distinct elements, need " + min);
            }
        }
        return out;
    }

    /** The first generated value that passes the filter. */
    <T> T filter(Supplier<T> generator, Predicate<? super T> filter) {
        for (int i = 0; i < MAX_REJECTIONS; i++) {
            T value = generator.get();
            if (filter.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException(this + ": no value passed the filter in " + MAX_REJECTIONS + " tries");
    }

    // ---------------------------------------------------------------- values of the source formats

    /** A well-formed IANA-like service name: letters, digits and a few punctuation marks. */
    String ianaName() {
        return filter(() -> string(ALNUM + "-_./+", 1, 15), s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    /** A name of software, as curated files hold them: spaces inside, any script, up to 40 characters. */
    String softwareName() {
        return filter(() -> string("abcXYZ019 -.+()" + "éßΩ名", 1, 40).strip(), s -> !s.isEmpty());
    }

    /** Plain one-line text without control characters, possibly empty, never with surrounding space. */
    String description() {
        return string("abcdefgHIJKLMN 0123456789-,.;:()'\"/&" + "éü–", 0, 60).strip();
    }

    /** A non-empty set of transports. */
    Set<Transport> transports() {
        return filter(() -> {
            Set<Transport> s = EnumSet.noneOf(Transport.class);
            for (Transport t : Transport.values()) {
                if (bool()) {
                    s.add(t);
                }
            }
            return s;
        }, s -> !s.isEmpty());
    }

    /** A port: half of them one of the range edges. */
    int port() {
        return bool() ? between(0, 65535) : of(0, 1, 1023, 1024, 49151, 49152, 65534, 65535);
    }

    /** {first, last}: mostly single ports, sometimes a short range. */
    int[] portRange() {
        int first = port();
        int extra = random.nextInt(5) < 4 ? 0 : between(1, 20);
        return new int[] {first, Math.min(65535, first + extra)};
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

    /** One to four edits, truncation and repetition a third as likely as the others. */
    List<Edit> edits() {
        return list(1, 4, () -> {
            int w = random.nextInt(11);    // weights 3, 3, 3, 1, 1
            int kind = w < 9 ? w / 3 : w - 6;
            return new Edit(kind, unit(), HOSTILE.charAt(random.nextInt(HOSTILE.length())));
        });
    }

    static String apply(String text, List<Edit> edits) {
        String s = text;
        for (Edit e : edits) {
            s = e.apply(s);
        }
        return s;
    }

    /**
     * Checks a failure: a SourceException that names the file and a line within the text, and
     * whose message starts with them and goes on to say what is wrong.
     */
    static void assertReported(Throwable t, String file, String text) {
        assertThat(t).isInstanceOf(SourceException.class);
        SourceException e = (SourceException) t;
        assertThat(e.file()).isEqualTo(file);
        // a line ends at \r\n, \n or a lone \r, as JSON parsers and BufferedReader count them
        long lines = text.split("\r\n|\r|\n", -1).length;
        assertThat(e.line()).as("line of: %s", e.getMessage()).isBetween(1, (int) lines + 1);
        assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
        assertThat(e.getMessage().length()).isGreaterThan((file + ":" + e.line() + ": ").length() + 5);
    }

    // ---------------------------------------------------------------- the failure report

    /** A value as text for the report: strings quoted, arrays and collections element by element. */
    private static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + escape(s) + "\"";
        }
        if (value instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (value instanceof Object[] a) {
            return show(Arrays.asList(a));
        }
        if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            c.forEach(e -> items.add(show(e)));
            return "[" + String.join(", ", items) + "]";
        }
        return escape(String.valueOf(value));
    }

    /** Java escapes for quotes, backslashes and every character outside printable ASCII and Latin-1. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"', '\\' -> sb.append('\\').append(c);
                default -> {
                    if ((c >= 0x20 && c < 0x7f) || (c >= 0xa1 && c <= 0xff && c != 0xad)) {
                        sb.append(c);
                    } else {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return sb.toString();
    }
}
