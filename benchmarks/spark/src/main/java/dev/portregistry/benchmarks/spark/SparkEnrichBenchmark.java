package dev.portregistry.benchmarks.spark;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.examples.spark.SyntheticFlows;
import dev.portregistry.spark.PortEnrichment;
import dev.portregistry.spark.PortRegistryFunctions;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

/**
 * One Spark job per operation over the same cached flows ({@link SyntheticFlows}: sport, dport,
 * proto, bytes; 10 million by default) on {@code local[2]}, each written to Spark's {@code noop}
 * sink, which evaluates every column of every row and stores nothing. JMH single-shot time per
 * job; rows per second = rows / time. Not forked: {@code run.sh} starts the JVM with Spark's flags
 * (the jvmArgsAppend below apply only if a run asks for forks with {@code -f 1}).
 *
 * <ul>
 * <li>{@code projection}: the flows as they are, the floor.</li>
 * <li>{@code enrich}: {@link PortEnrichment#enrich}: port_service, port_status, port_range and
 *     port_uses of dport, four columns.</li>
 * <li>{@code constantColumns}: the flows with the same four columns as {@code enrich} (string,
 *     string, string, array of strings) holding constants, the answers for 443/tcp, the commonest
 *     flow: what building the enriched rows costs without looking anything up, the floor of any
 *     enrichment that adds those columns.</li>
 * <li>{@code serviceOnly}: {@code port_service(dport, proto)} alone.</li>
 * <li>{@code broadcastJoin}: the way it is done today: a left join with a broadcast table of all
 *     65,536 ports (status, range, the TCP and UDP service and uses, from the same registry) and a
 *     CASE on proto; the same four columns as {@code enrich}.</li>
 * <li>{@code javaUdf}: a row-at-a-time {@code UDF2<Integer, String, String>} around
 *     {@code PortRegistry.lookup}, for the service name alone; compare with {@code serviceOnly}.</li>
 * <li>{@code parquetProjection} and {@code parquetEnrich}: the same flows written once to Parquet
 *     on local disk (Spark's defaults: snappy) and read back in every job, as a pipeline reads its
 *     flow records from storage: the floor and the enrichment of a job whose input is not already
 *     decoded in memory. The cached cases above are the harder ratio: their floor builds no rows.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 0, jvmArgsAppend = {"-Xmx6g",
        "-XX:+IgnoreUnrecognizedVMOptions",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dio.netty.tryReflectionSetAccessible=true"})
public class SparkEnrichBenchmark {
    /** How many flows. */
    @Param("10000000")
    public long rows;

    /*
     * One session and one cache for every benchmark in the JVM: the run is not forked (@Fork(0)),
     * so the five cases share the flows cached once, instead of five JVMs each starting Spark and
     * generating 10 million rows (minutes each on 2 busy cores). Each job is a new query, planned
     * and compiled by Spark as in production; what the JVM shares between cases is Spark itself.
     */
    private static SparkSession spark;
    private static Dataset<Row> flows;
    private static Dataset<Row> ports;
    private static Dataset<Row> parquetFlows;
    private static long cachedRows = -1;

    /** Starts Spark, registers the functions, caches the flows and the ports table; once per JVM and row count. */
    @Setup(Level.Trial)
    public void setUp() {
        if (cachedRows == rows) {
            return;
        }
        if (spark != null) {
            spark.stop();
        }
        cachedRows = rows;
        spark = SparkSession.builder().master("local[2]").appName("SparkEnrichBenchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        PortRegistryFunctions.register(spark);
        spark.udf().register("udf_service", (UDF2<Integer, String, String>) SparkEnrichBenchmark::udfService,
                DataTypes.StringType);
        flows = SyntheticFlows.generate(spark, rows, 42, 2).select("sport", "dport", "proto", "bytes")
                .persist(StorageLevel.MEMORY_ONLY());
        if (flows.count() != rows) {
            throw new IllegalStateException("expected " + rows + " flows");
        }
        Path parquet;
        try {
            parquet = Files.createTempDirectory("portregistry-flows-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(parquet)));
        flows.write().mode("overwrite").parquet(parquet.toString());
        parquetFlows = spark.read().parquet(parquet.toString());
        ports = portsTable(spark).persist(StorageLevel.MEMORY_ONLY());
        if (ports.count() != 65_536) {
            throw new IllegalStateException("expected 65,536 ports");
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private long cpuAtStart;

    /** Notes the process's CPU time before a measured job. */
    @Setup(Level.Iteration)
    public void cpuBefore() {
        cpuAtStart = processCpuNanos();
    }

    /**
     * Prints the process's CPU time (all threads: Spark's two task threads, the JIT, GC) spent
     * during the job, which another program on the machine inflates far less than the wall time
     * JMH reports; benchmarks/README.md gives both.
     *
     * @param params the benchmark's name
     */
    @TearDown(Level.Iteration)
    public void cpuAfter(BenchmarkParams params) {
        System.out.printf("%n# cpu %s %.0f ms%n", params.getBenchmark().replaceAll(".*\\.", ""),
                (processCpuNanos() - cpuAtStart) / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The 65,536-row table a join-based enrichment broadcasts, built from core on the driver. */
    static Dataset<Row> portsTable(SparkSession spark) {
        List<Row> rows = new ArrayList<>(65_536);
        for (int port = 0; port <= 65_535; port++) {
            PortInfo p = PortRegistry.lookup(port);
            rows.add(org.apache.spark.sql.RowFactory.create(port, p.status().name(), p.range().name(),
                    service(p, Transport.TCP), service(p, Transport.UDP),
                    uses(p, Transport.TCP), uses(p, Transport.UDP)));
        }
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("port", DataTypes.IntegerType, false)
                .add("status", DataTypes.StringType, false)
                .add("range", DataTypes.StringType, false)
                .add("tcp_service", DataTypes.StringType, true)
                .add("udp_service", DataTypes.StringType, true)
                .add("tcp_uses", DataTypes.createArrayType(DataTypes.StringType), false)
                .add("udp_uses", DataTypes.createArrayType(DataTypes.StringType), false));
    }

    private static String service(PortInfo p, Transport t) {
        for (ServiceAssignment a : p.assignmentsFor(t)) {
            if (a.status() == LifecycleStatus.ACTIVE && !a.name().isEmpty()) {
                return a.name();
            }
        }
        return null;
    }

    private static List<String> uses(PortInfo p, Transport t) {
        return p.alternateUses().stream().filter(u -> u.transports().contains(t)).map(u -> u.name()).distinct()
                .toList();
    }

    private static String udfService(Integer port, String proto) {
        if (port == null || proto == null || port < 0 || port > 65_535) {
            return null;
        }
        Transport t;
        try {
            t = Transport.parse(proto);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return service(PortRegistry.lookup(port), t);
    }

    private static void run(Dataset<Row> df) {
        df.write().format("noop").mode("overwrite").save();
    }

    /** The floor: the flows as they are. */
    @Benchmark
    public void projection() {
        run(flows.select(col("*")));
    }

    /** Four columns from the SQL functions. */
    @Benchmark
    public void enrich() {
        run(PortEnrichment.enrich(flows, "dport", "proto"));
    }

    /** The four columns of enrich holding constants (443/tcp's answers): the cost of the wider rows alone. */
    @Benchmark
    public void constantColumns() {
        PortInfo https = PortRegistry.lookup(443);
        run(flows.select(col("*"), lit(service(https, Transport.TCP)).as("port_service"),
                lit(https.status().name()).as("port_status"), lit(https.range().name()).as("port_range"),
                lit(uses(https, Transport.TCP).toArray(new String[0])).as("port_uses")));
    }

    /** The service name alone. */
    @Benchmark
    public void serviceOnly() {
        run(flows.select(col("*"), expr("port_service(dport, proto)").as("port_service")));
    }

    /** The same four columns from a broadcast join with the ports table. */
    @Benchmark
    public void broadcastJoin() {
        Dataset<Row> p = broadcast(ports);
        run(flows.join(p, flows.col("dport").equalTo(p.col("port")), "left").select(
                flows.col("*"),
                expr("CASE lower(proto) WHEN 'tcp' THEN tcp_service WHEN 'udp' THEN udp_service END")
                        .as("port_service"),
                col("status").as("port_status"),
                col("range").as("port_range"),
                expr("CASE lower(proto) WHEN 'tcp' THEN tcp_uses WHEN 'udp' THEN udp_uses END").as("port_uses")));
    }

    /** The floor of a job that reads its flows from Parquet. */
    @Benchmark
    public void parquetProjection() {
        run(parquetFlows.select(col("*")));
    }

    /** The enrichment of a job that reads its flows from Parquet. */
    @Benchmark
    public void parquetEnrich() {
        run(PortEnrichment.enrich(parquetFlows, "dport", "proto"));
    }

    /** The service name from a row-at-a-time Java UDF. */
    @Benchmark
    public void javaUdf() {
        run(flows.select(col("*"), expr("udf_service(dport, proto)").as("port_service")));
    }

}
