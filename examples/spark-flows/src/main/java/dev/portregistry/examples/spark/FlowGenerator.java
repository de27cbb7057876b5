package dev.portregistry.examples.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Writes synthetic flows ({@link SyntheticFlows}) as the two inputs of {@link EnrichFlows}: a Zeek
 * {@code conn.log} (tab-separated, with Zeek's header lines) and a CSV of
 * {@code src,dst,sport,dport,proto,bytes}, each with the given number of rows.
 *
 * <pre>{@code examples/spark-flows/run.sh FlowGenerator --rows 100000 --out /tmp/flows}</pre>
 */
public final class FlowGenerator {
    private FlowGenerator() {
    }

    /**
     * Runs the generator.
     *
     * @param args {@code --rows N --out DIR [--seed S]}
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args, "--rows", "--out", "--seed");
        long rows = a.longValue("--rows", 100_000);
        Path out = Path.of(a.required("--out"));
        long seed = a.longValue("--seed", 42);
        SparkSession spark = SparkSession.builder().master(a.master()).appName("portregistry-flow-generator")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            write(spark, rows, seed, out);
        } finally {
            spark.stop();
        }
        System.out.println("wrote " + rows + " flows to " + out.resolve("conn.log") + " and " + rows + " to "
                + out.resolve("flows.csv"));
    }

    /**
     * Writes {@code conn.log} (seed) and {@code flows.csv} (seed + 1) into a directory.
     *
     * @param spark the session; not null
     * @param rows  how many flows in each file
     * @param seed  the seed
     * @param dir   the directory, created if missing; not null
     * @throws IOException if a file cannot be written
     */
    public static void write(SparkSession spark, long rows, long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("conn.log"), StandardCharsets.UTF_8)) {
            w.write("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n");
            w.write("#open\t2026-01-01-00-00-00\n");
            w.write("#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration"
                    + "\torig_bytes\tresp_bytes\tconn_state\n");
            w.write("#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\n");
            Iterator<Row> it = SyntheticFlows.generate(spark, rows, seed, 2).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                long bytes = r.getLong(7);
                w.write(String.format(Locale.ROOT, "%.6f\t%s\t%s\t%d\t%s\t%d\t%s\t-\t%.6f\t%d\t%d\tSF\n",
                        r.getDouble(0), r.getString(1), r.getString(2), r.getInt(4), r.getString(3), r.getInt(5),
                        r.getString(6), (bytes % 997) / 1000.0, bytes / 3, bytes - bytes / 3));
            }
            w.write("#close\t2026-01-01-01-00-00\n");
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("flows.csv"), StandardCharsets.UTF_8)) {
            w.write("src,dst,sport,dport,proto,bytes\n");
            Iterator<Row> it = SyntheticFlows.generate(spark, rows, seed + 1, 2).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                w.write(r.getString(2) + "," + r.getString(3) + "," + r.getInt(4) + "," + r.getInt(5) + ","
                        + r.getString(6) + "," + r.getLong(7) + "\n");
            }
        }
    }
}
