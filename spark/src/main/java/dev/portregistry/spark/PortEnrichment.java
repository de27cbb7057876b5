package dev.portregistry.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds what the registry knows about a port to every row of a {@code Dataset<Row>}, as columns:
 * {@code <prefix>service}, {@code <prefix>status}, {@code <prefix>range} and {@code <prefix>uses},
 * the results of {@code port_service}, {@code port_status}, {@code port_range} and {@code port_uses}
 * (see {@link PortRegistryFunctions}); with {@link #enrichWithInfo} also {@code <prefix>info}, the
 * {@code port_info} struct. One projection, evaluated in Spark's generated code like the SQL.
 *
 * <pre>{@code
 * Dataset<Row> flows = spark.read().parquet("flows");                // ... dport, proto ...
 * Dataset<Row> out = PortEnrichment.enrich(flows, "dport", "proto"); // + port_service, port_status, ...
 * out = PortEnrichment.enrich(out, "sport", "proto", "sport_");      // + sport_service, sport_status, ...
 * }</pre>
 *
 * <p>It uses the {@code port_*} functions registered in the Dataset's session, so that SQL and this
 * enrichment answer from the same registry: those of {@link PortRegistryFunctions#register(
 * org.apache.spark.sql.SparkSession, java.nio.file.Path)} after an overlay was registered, else
 * the bundled registry's, which it registers first if the session has none.
 *
 * <p>Column names are taken literally (a dot is part of the name, as in Zeek's {@code id.resp_p}).
 * Thread-safe; stateless.
 */
public final class PortEnrichment {
    /** The prefix of the added columns unless one is given: they are named like the SQL functions. */
    public static final String DEFAULT_PREFIX = "port_";

    private PortEnrichment() {
    }

    /**
     * Adds {@code port_service}, {@code port_status}, {@code port_range} and {@code port_uses} columns.
     *
     * @param flows          the rows; not null
     * @param portColumn     the name of the port column (int, smallint, tinyint, bigint or string);
     *                       not null
     * @param protocolColumn the name of the protocol column (a name such as {@code tcp}, or an IP
     *                       protocol number); not null
     * @return a new Dataset with the four columns appended; never null
     * @throws IllegalArgumentException naming the column and the columns there are if a column is
     *                                  missing, or naming the column if an added one already exists
     */
    public static Dataset<Row> enrich(Dataset<Row> flows, String portColumn, String protocolColumn) {
        return enrich(flows, portColumn, protocolColumn, DEFAULT_PREFIX);
    }

    /**
     * Adds {@code <prefix>service}, {@code <prefix>status}, {@code <prefix>range} and
     * {@code <prefix>uses} columns, e.g. with prefix {@code dport_} for the destination port.
     *
     * @param flows          the rows; not null
     * @param portColumn     the name of the port column; not null
     * @param protocolColumn the name of the protocol column; not null
     * @param prefix         the start of the added columns' names; not null, may be empty
     * @return a new Dataset with the four columns appended; never null
     * @throws IllegalArgumentException if a column is missing or an added one already exists
     */
    public static Dataset<Row> enrich(Dataset<Row> flows, String portColumn, String protocolColumn, String prefix) {
        return add(flows, portColumn, protocolColumn, prefix, false);
    }

    /**
     * Like {@link #enrich(Dataset, String, String, String)}, and adds {@code <prefix>info}, the
     * {@code port_info} struct, too.
     *
     * @param flows          the rows; not null
     * @param portColumn     the name of the port column; not null
     * @param protocolColumn the name of the protocol column; not null
     * @param prefix         the start of the added columns' names; not null, may be empty
     * @return a new Dataset with the five columns appended; never null
     * @throws IllegalArgumentException if a column is missing or an added one already exists
     */
    public static Dataset<Row> enrichWithInfo(Dataset<Row> flows, String portColumn, String protocolColumn,
                                              String prefix) {
        return add(flows, portColumn, protocolColumn, prefix, true);
    }

    private static Dataset<Row> add(Dataset<Row> flows, String portColumn, String protocolColumn, String prefix,
                                    boolean info) {
        Objects.requireNonNull(flows, "flows must not be null");
        Objects.requireNonNull(portColumn, "portColumn must not be null");
        Objects.requireNonNull(protocolColumn, "protocolColumn must not be null");
        Objects.requireNonNull(prefix, "prefix must not be null");
        Set<String> existing = new TreeSet<>(Arrays.asList(flows.columns()));
        for (String c : List.of(portColumn, protocolColumn)) {
            if (!existing.contains(c)) {
                throw new IllegalArgumentException("no column \"" + c + "\": expected one of " + existing);
            }
        }
        List<String> names = new ArrayList<>(List.of("service", "status", "range", "uses"));
        if (info) {
            names.add("info");
        }
        for (String n : names) {
            if (existing.contains(prefix + n)) {
                throw new IllegalArgumentException("column \"" + prefix + n + "\" exists already: expected a prefix"
                        + " that names new columns, not \"" + prefix + "\"");
            }
        }
        if (!PortRegistryFunctions.isRegistered(flows.sparkSession())) {
            PortRegistryFunctions.register(flows.sparkSession());
        }
        Column port = column(portColumn);
        Column proto = column(protocolColumn);
        List<Column> out = new ArrayList<>();
        out.add(functions.col("*"));
        for (String n : names) {
            Column value = n.equals("service") || n.equals("uses")
                    ? functions.call_function("port_" + n, port, proto)
                    : functions.call_function("port_" + n, port);
            out.add(value.as(prefix + n));
        }
        return flows.select(out.toArray(new Column[0]));
    }

    /** A column by its literal name: back-quoted, so that a dot or a space is part of the name. */
    private static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
