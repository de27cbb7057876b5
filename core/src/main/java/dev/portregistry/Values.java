package dev.portregistry;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Argument checks and copies shared by the value types; absent text is stored as "". */
final class Values {
    private Values() {
    }

    static String text(@Nullable String value, String what) {
        return required(value, what, "", " must not be null (use \"\" for none)");
    }

    static Optional<String> optional(String stored) {
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored);
    }

    static List<String> texts(List<String> values, String what) {
        List<String> copy = copyOf(values, what);
        for (String v : copy) {
            if (v.isBlank()) {
                throw new IllegalArgumentException(what + " hold a blank value: " + copy);
            }
        }
        return copy;
    }

    /** List.copyOf, with a message that names the list when it or an element is null. */
    static <T> List<T> copyOf(List<T> list, String what) {
        return copyOf(list, what, "");
    }

    /**
     * List.copyOf, with a message that names the list ({@code what} followed by {@code of}) when it
     * or an element is null. The name is put together only then: the table decodes every value
     * through here, and a message built on every call costs time and, in a fresh JVM, the set-up
     * of string concatenation.
     */
    static <T> List<T> copyOf(List<T> list, String what, Object of) {
        if (list == null) {
            throw new NullPointerException(what + of + " must not be null: expected a list, possibly empty");
        }
        if (list.isEmpty()) {
            return List.of();
        }
        for (T element : list) {
            if (element == null) {
                throw new NullPointerException(what + of + " must not contain null: " + list);
            }
        }
        return List.copyOf(list);
    }

    /** Objects.requireNonNull with a message ({@code what}, {@code of}, {@code rest}) put together only on failure. */
    static <T> T required(@Nullable T value, String what, Object of, String rest) {
        if (value == null) {
            throw new NullPointerException(what + of + rest);
        }
        return value;
    }

    static int year(int value, String what) {
        if (value != 0 && (value < 1 || value > 9999)) {
            throw new IllegalArgumentException(what + " " + value + " is out of range: expected 1..9999, or 0 for unknown");
        }
        return value;
    }
}
