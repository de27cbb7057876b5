package dev.portregistry.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions hand the same precomputed value (a service name, a list of uses) to every row that
 * asks for it; Spark must copy it into each row it builds. Checked on every port and protocol at
 * once, through the paths that keep rows: collecting, an in-memory cache and a Parquet file.
 */
class SharedValuesTest {
    static final int ROWS = 2 * 65536;
    static SparkSession spark;
    /** Every port with tcp and with UDP (upper case), some with icmp (not a transport) or null instead: 131,072 rows. */
    static Dataset<Row> flows;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        PortRegistryFunctions.register(spark);
        flows = spark.range(ROWS).selectExpr("CAST(id % 65536 AS INT) AS dport",
                "CASE WHEN id % 97 = 0 THEN NULL WHEN id % 89 = 0 THEN 'icmp'"
                        + " WHEN id < 65536 THEN 'tcp' ELSE 'UDP' END AS proto").repartition(2);
    }

    @Test
    void everyPortAndProtocolSurvivesACacheAndAParquetFile(@TempDir Path dir) {
        Dataset<Row> enriched = PortEnrichment.enrich(flows, "dport", "proto");
        check(enriched.collectAsList());
        Dataset<Row> cached = enriched.cache();
        try {
            check(cached.collectAsList());
        } finally {
            cached.unpersist(true);
        }
        String file = dir.resolve("enriched.parquet").toString();
        enriched.write().parquet(file);
        check(spark.read().parquet(file).collectAsList());
    }

    private static void check(List<Row> rows) {
        assertThat(rows).hasSize(ROWS);
        List<String> wrong = new ArrayList<>();
        for (Row r : rows) {
            int port = r.getInt(r.fieldIndex("dport"));
            String proto = r.getString(r.fieldIndex("proto"));
            String service = r.getString(r.fieldIndex("port_service"));
            List<String> uses = r.isNullAt(r.fieldIndex("port_uses")) ? null : r.getList(r.fieldIndex("port_uses"));
            String expectedService = PortRegistryFunctionsTest.expectedService(port, proto);
            List<String> expectedUses = PortRegistryFunctionsTest.expectedUses(port, proto);
            String status = PortRegistryFunctionsTest.info(port).status().name();
            String range = PortRegistryFunctionsTest.info(port).range().name();
            if (!java.util.Objects.equals(service, expectedService)
                    || !java.util.Objects.equals(uses, expectedUses)
                    || !status.equals(r.getString(r.fieldIndex("port_status")))
                    || !range.equals(r.getString(r.fieldIndex("port_range")))) {
                if (wrong.size() < 20) {
                    wrong.add(port + "/" + proto + ": " + r);
                }
            }
        }
        assertThat(wrong).as("rows that disagree with core").isEmpty();
    }

    @Test
    void usesAreInSparksBinaryFormAndEqualValuesAreOneObject() {
        UTF8String tcp = UTF8String.fromString("tcp");
        UTF8String udp = UTF8String.fromString("UDP");
        RegistryRef bundled = RegistryRef.BUNDLED;
        // written into a row in one block copy
        assertThat(PortFunctions.uses(bundled, 1196, udp)).isInstanceOf(UnsafeArrayData.class);
        assertThat(PortFunctions.uses(bundled, 1196, udp).numElements())
                .isEqualTo(PortRegistryFunctionsTest.expectedUses(1196, "udp").size());
        // a name on both transports, and the empty list, are shared
        assertThat(PortFunctions.service(bundled, 53, tcp)).isSameAs(PortFunctions.service(bundled, 53, udp));
        Object empty = null;
        for (int port = 0; port < 2000; port++) {
            if (PortRegistryFunctionsTest.expectedUses(port, "tcp").isEmpty()) {
                Object uses = PortFunctions.uses(bundled, port, tcp);
                assertThat(uses).as("port %d", port).isSameAs(empty == null ? uses : empty);
                empty = uses;
            }
        }
        assertThat(empty).isNotNull();
    }
}
