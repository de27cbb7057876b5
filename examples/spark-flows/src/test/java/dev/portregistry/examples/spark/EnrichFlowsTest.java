package dev.portregistry.examples.spark;

import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example job end to end on a few thousand generated flows: both inputs in, Parquet out. */
class EnrichFlowsTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("spark-flows-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void generatesReadsEnrichesAndWritesParquet(@TempDir Path dir) throws IOException {
        FlowGenerator.write(spark, 3000, 7, dir);
        List<String> conn = Files.readAllLines(dir.resolve("conn.log"));
        assertThat(conn.get(6)).startsWith("#fields\tts\tuid\tid.orig_h\tid.orig_p");
        assertThat(conn.stream().filter(l -> !l.startsWith("#"))).hasSize(3000);
        assertThat(Files.readAllLines(dir.resolve("flows.csv"))).hasSize(3001)
                .first().isEqualTo("src,dst,sport,dport,proto,bytes");

        Dataset<Row> out = EnrichFlows.run(spark, dir.resolve("conn.log").toString(),
                dir.resolve("flows.csv").toString(), dir.resolve("out.parquet").toString());
        assertThat(out.columns()).contains("source", "dport", "proto", "port_service", "port_status", "port_range",
                "port_uses");
        // one job for every check below: each Spark job costs seconds on a cold, busy JVM
        List<Row> rows = out.select("dport", "proto", "port_service", "port_status").collectAsList();
        assertThat(rows).hasSize(6000);
        int checked = 0;
        for (Row r : rows) {
            if (r.isNullAt(0) || r.getString(1).equals("icmp")) {
                assertThat(r.isNullAt(2) && (r.isNullAt(0) || r.getString(1).equals("icmp"))).isTrue();
                continue;
            }
            var info = PortRegistry.lookup(r.getInt(0));
            assertThat(r.getString(3)).isEqualTo(info.status().name());
            String expected = info.assignmentsFor(Transport.parse(r.getString(1))).stream()
                    .filter(a -> a.status() == dev.portregistry.LifecycleStatus.ACTIVE && !a.name().isEmpty())
                    .map(a -> a.name()).findFirst().orElse(null);
            assertThat(r.getString(2)).as("port %s/%s", r.get(0), r.get(1)).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(5000);
        // the mix: HTTPS and DNS lead, as SyntheticFlows documents
        java.util.Map<String, Long> counts = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.get(0) + "/" + r.getString(1), java.util.stream.Collectors.counting()));
        assertThat(counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2).map(java.util.Map.Entry::getKey)).containsExactly("443/tcp", "53/udp");
    }
}
