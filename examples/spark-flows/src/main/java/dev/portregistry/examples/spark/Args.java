package dev.portregistry.examples.spark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} arguments of the example programs; a bad one is named in the error. */
final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String[] args, String... known) {
        Map<String, String> values = new HashMap<>();
        List<String> names = List.of(known);
        for (int i = 0; i < args.length; i += 2) {
            if (!names.contains(args[i]) && !args[i].equals("--master")) {
                throw new IllegalArgumentException("unknown argument " + args[i] + ": expected " + names
                        + " or --master");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        return new Args(values);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return v;
    }

    String optional(String name) {
        return values.get(name);
    }

    long longValue(String name, long otherwise) {
        String v = values.get(name);
        try {
            return v == null ? otherwise : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + v + " is not a whole number", e);
        }
    }

    String master() {
        return values.getOrDefault("--master", "local[2]");
    }
}
