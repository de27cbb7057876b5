package dev.portregistry.data;

import dev.portregistry.AlternateUse;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.internal.TableCodec;
import dev.portregistry.internal.TableData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A line-oriented text rendering of a compiled table, for review and for golden tests: what a
 * binary table holds, readable in a diff. {@code TableDump <table-file>} prints it.
 */
public final class TableDump {
    private TableDump() {
    }

    /**
     * Renders a table.
     *
     * @param table the table, not null
     * @return the text, one fact per line, never null
     */
    public static String render(TableData table) {
        StringBuilder sb = new StringBuilder();
        sb.append("version ").append(table.version().officialSource()).append(" | ")
                .append(table.version().officialDate()).append(" | ").append(table.version().curatedRevision())
                .append('\n');
        for (PortInfo p : table.ports()) {
            sb.append("port ").append(p.port()).append(' ').append(p.range()).append(' ').append(p.status()).append('\n');
            for (ServiceAssignment a : p.assignments()) {
                sb.append("  assignment ").append(a.name().isEmpty() ? "-" : a.name()).append(' ')
                        .append(Ports.format(a.transports())).append(' ').append(a.status())
                        .append(" \"").append(a.description()).append('"');
                a.product().ifPresent(v -> sb.append(" product \"").append(v).append('"'));
                a.vendor().ifPresent(v -> sb.append(" vendor \"").append(v).append('"'));
                a.discontinuedYear().ifPresent(y -> sb.append(" discontinued ").append(y));
                a.reason().ifPresent(v -> sb.append(" reason \"").append(v).append('"'));
                a.basis().ifPresent(v -> sb.append(" basis \"").append(v).append('"'));
                if (!a.programs().isEmpty()) {
                    sb.append(" programs ").append(a.programs());
                }
                sb.append('\n');
            }
            for (AlternateUse u : p.alternateUses()) {
                sb.append("  use ").append(u.kind()).append(' ').append(u.name()).append(' ')
                        .append(Ports.format(u.transports()));
                u.officialPort().ifPresent(o -> sb.append(" official ").append(o));
                u.firstYear().ifPresent(y -> sb.append(" from ").append(y));
                u.lastYear().ifPresent(y -> sb.append(" until ").append(y));
                sb.append(" \"").append(u.description()).append("\" basis \"").append(u.basis()).append('"');
                if (!u.programs().isEmpty()) {
                    sb.append(" programs ").append(u.programs());
                }
                sb.append('\n');
            }
            if (!p.relatedPorts().isEmpty()) {
                sb.append("  related ").append(p.relatedPorts()).append('\n');
            }
        }
        for (Map.Entry<String, List<Integer>> e : table.names().entrySet()) {
            sb.append("name ").append(e.getKey()).append(" -> ").append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Prints the dump of a table file.
     *
     * @param args the table file
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TableDump <table-file>");
            throw new IllegalArgumentException("expected one argument, the table file");
        }
        Path file = Path.of(args[0]);
        System.out.print(render(TableCodec.read(Files.readAllBytes(file), file.toString())));
    }
}
