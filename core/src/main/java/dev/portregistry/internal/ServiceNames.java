package dev.portregistry.internal;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * The one rule for what a service name may look like, shared by the query side
 * ({@code PortRegistry.findService}), the table reader and the compiler, so that every name the
 * table holds can be asked for, and a query that no table can answer is refused rather than
 * answered with a silent empty list. Internal: not part of the API, not exported by the module.
 *
 * <p>A well-formed name is 1 to {@value #MAX_LENGTH} characters long, does not begin or end with
 * white space, and holds no control character (such as a tab or line feed), no invisible
 * formatting character (such as a bidirectional override or a zero-width joiner), no line or
 * paragraph separator and no unpaired surrogate. Anything else is allowed: letters of any script,
 * digits (also first: {@code 3com-tsmux}), inner spaces ({@code Home Assistant}) and punctuation
 * ({@code EtherNet/IP-1}, {@code acmaint_dbd}).
 *
 * <p>Immutable and thread-safe: static methods only.
 */
public final class ServiceNames {
    /**
     * The longest name, in {@code char}s. IANA service names have at most 15 characters (RFC 6335,
     * section 5.1); the bound leaves room for the names of software and malware.
     */
    public static final int MAX_LENGTH = 128;

    /** How many characters of a bad value an error message repeats. */
    private static final int QUOTE_LIMIT = 64;

    private ServiceNames() {
    }

    /**
     * Tells what is wrong with a name, if anything.
     *
     * @param name the name, not null
     * @return null if the name is well-formed, else a phrase that completes "service name X ...",
     *         such as "is blank"
     * @throws NullPointerException if name is null
     */
    public static @Nullable String problem(String name) {
        if (name.isBlank()) {
            return "is blank";
        }
        if (name.length() > MAX_LENGTH) {
            return "is " + name.length() + " characters long, longer than " + MAX_LENGTH;
        }
        if (isSpace(name.charAt(0)) || isSpace(name.charAt(name.length() - 1))) {
            return "begins or ends with white space";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "holds an unpaired surrogate " + codePoint(c) + " at index " + i;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "holds the control or formatting character " + codePoint(c) + " at index " + i;
            }
        }
        return null;
    }

    /**
     * Tells whether a text that a table holds (a description, a note, a basis) would break a line
     * or a log: it must hold no control character and no line or paragraph separator.
     *
     * @param text the text, not null
     * @return null if the text is one line of plain text, else a phrase that completes "X ...",
     *         such as "holds the control character U+000A at index 3"
     * @throws NullPointerException if text is null
     */
    public static @Nullable String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return "holds the control character " + codePoint(text.charAt(i)) + " at index " + i;
            }
        }
        return null;
    }

    /**
     * Quotes a value for an error message: in double quotes, with quotes, backslashes, control,
     * formatting and separator characters and unpaired surrogates written as Java unicode escapes, and cut
     * after 64 characters with the full length added, so that a message never
     * carries a line break or an unbounded string into a log.
     *
     * @param value the value, not null
     * @return the quoted value, never null
     */
    public static String quote(String value) {
        int shown = Math.min(value.length(), QUOTE_LIMIT);
        if (shown < value.length() && Character.isHighSurrogate(value.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder sb = new StringBuilder(shown + 16).append('"');
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            int type = Character.getType(c);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SURROGATE && !paired(value, i))) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (shown < value.length()) {
            sb.append("... (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }

    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
