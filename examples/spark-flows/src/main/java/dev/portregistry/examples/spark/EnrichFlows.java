package dev.portregistry.examples.spark;

import dev.portregistry.spark.PortEnrichment;
import dev.portregistry.spark.PortRegistryFunctions;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The example job: reads flow records in two common shapes, a Zeek {@code conn.log} and a CSV of
 * {@code src,dst,sport,dport,proto,bytes}, puts them in one shape, adds what the registry knows
 * about each destination port ({@link PortEnrichment}), writes Parquet, and prints where the bytes
 * went by service and the flows to ports whose assignment is not active but which have a known use.
 *
 * <pre>{@code examples/spark-flows/run.sh EnrichFlows --conn /tmp/flows/conn.log --csv /tmp/flows/flows.csv \
 *     --out /tmp/flows/enriched.parquet [--services /etc/services.local] [--master local[2]]}</pre>
 */
public final class EnrichFlows {
    private EnrichFlows() {
    }

    /**
     * Runs the job.
     *
     * @param args {@code --conn FILE --csv FILE --out DIR [--services FILE] [--master URL]}
     * @throws IOException if the services file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args, "--conn", "--csv", "--out", "--services");
        SparkSession spark = SparkSession.builder().master(a.master()).appName("portregistry-enrich-flows")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            if (a.optional("--services") != null) {
                PortRegistryFunctions.register(spark, Path.of(a.optional("--services")));
            } else {
                PortRegistryFunctions.register(spark);
            }
            Dataset<Row> enriched = run(spark, a.required("--conn"), a.required("--csv"), a.required("--out"));
            enriched.createOrReplaceTempView("enriched");
            System.out.println("Bytes by destination service:");
            spark.sql("SELECT coalesce(port_service, '(none)') AS service, count(*) AS flows, sum(bytes) AS bytes"
                    + " FROM enriched GROUP BY 1 ORDER BY bytes DESC LIMIT 15").show(false);
            System.out.println("Flows to ports without an active assignment but with a known use:");
            spark.sql("SELECT dport, proto, port_status, port_uses, count(*) AS flows FROM enriched"
                    + " WHERE port_status <> 'ACTIVE' AND size(port_uses) > 0"
                    + " GROUP BY 1, 2, 3, 4 ORDER BY flows DESC LIMIT 15").show(false);
        } finally {
            spark.stop();
        }
    }

    /**
     * Reads both inputs, enriches them and writes Parquet.
     *
     * @param spark a session with the functions registered (or not: the enrichment registers the
     *              bundled ones); not null
     * @param conn  a Zeek conn.log (its {@code #fields} line names the columns)
     * @param csv   a CSV file with the header {@code src,dst,sport,dport,proto,bytes}
     * @param out   the Parquet directory, replaced if it exists
     * @return the enriched flows as read back from the Parquet; never null
     */
    public static Dataset<Row> run(SparkSession spark, String conn, String csv, String out) {
        Dataset<Row> zeek = readConnLog(spark, conn).select(
                lit("zeek").as("source"),
                col("`id.orig_h`").as("src"),
                col("`id.resp_h`").as("dst"),
                col("`id.orig_p`").cast("int").as("sport"),
                col("`id.resp_p`").cast("int").as("dport"),
                col("proto"),
                col("orig_bytes").cast("long").plus(col("resp_bytes").cast("long")).as("bytes"));
        Dataset<Row> flows = spark.read().option("header", "true")
                .schema("src STRING, dst STRING, sport INT, dport INT, proto STRING, bytes BIGINT")
                .csv(csv)
                .select(lit("csv").as("source"), col("src"), col("dst"), col("sport"), col("dport"), col("proto"),
                        col("bytes"));
        Dataset<Row> enriched = PortEnrichment.enrich(zeek.unionByName(flows), "dport", "proto");
        enriched.write().mode("overwrite").parquet(out);
        return spark.read().parquet(out);
    }

    /**
     * Reads a Zeek log: the column names from its {@code #fields} line, {@code -} as null, every
     * column a string.
     *
     * @param spark the session; not null
     * @param path  the log; not null
     * @return its rows; never null
     * @throws IllegalArgumentException if the file has no {@code #fields} line
     */
    public static Dataset<Row> readConnLog(SparkSession spark, String path) {
        List<String> header = spark.read().textFile(path).limit(20).collectAsList();
        String[] fields = header.stream().filter(l -> l.startsWith("#fields\t")).findFirst()
                .map(l -> Arrays.copyOfRange(l.split("\t"), 1, l.split("\t").length))
                .orElseThrow(() -> new IllegalArgumentException(path + " has no #fields line in its first 20 lines:"
                        + " expected a Zeek log"));
        return spark.read().option("sep", "\t").option("comment", "#").option("nullValue", "-").csv(path)
                .toDF(fields);
    }
}
