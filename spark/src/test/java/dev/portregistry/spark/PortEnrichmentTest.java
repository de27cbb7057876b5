package dev.portregistry.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DataFrame enrichment on a small frame shaped like Zeek's conn.log (a dot in the column name). */
class PortEnrichmentTest {
    static SparkSession spark;
    static Dataset<Row> flows;

    @BeforeAll
    static void start() {
        // a session of its own: the enrichment must register the functions itself
        spark = TestSpark.session().newSession();
        StructType schema = new StructType()
                .add("id.orig_p", DataTypes.IntegerType, true)
                .add("id.resp_p", DataTypes.IntegerType, true)
                .add("proto", DataTypes.StringType, true);
        flows = spark.createDataFrame(List.of(
                RowFactory.create(51000, 22, "tcp"),
                RowFactory.create(40000, 1196, "udp"),
                RowFactory.create(50000, 53, "udp"),
                RowFactory.create(1, 65535, "icmp"),
                RowFactory.create(2, null, "tcp"),
                RowFactory.create(3, 70000, "tcp")), schema).repartition(2);
    }

    @Test
    void addsTheFunctionsResultsAsColumns() {
        assertThat(PortRegistryFunctions.isRegistered(spark)).isFalse();
        Dataset<Row> out = PortEnrichment.enrich(flows, "id.resp_p", "proto");
        assertThat(PortRegistryFunctions.isRegistered(spark)).isTrue();
        assertThat(out.columns()).containsExactly("id.orig_p", "id.resp_p", "proto",
                "port_service", "port_status", "port_range", "port_uses");
        out.createOrReplaceTempView("enriched");
        List<Row> rows = spark.sql("SELECT `id.resp_p`, proto, port_service, port_status, port_range, port_uses,"
                + " port_service(`id.resp_p`, proto), port_status(`id.resp_p`), port_range(`id.resp_p`),"
                + " port_uses(`id.resp_p`, proto) FROM enriched").collectAsList();
        assertThat(rows).hasSize(6);
        for (Row r : rows) {
            Integer port = r.isNullAt(0) ? null : r.getInt(0);
            String proto = r.getString(1);
            for (int i = 2; i < 6; i++) {
                assertThat(r.get(i)).as("column %d on %s/%s", i, port, proto).isEqualTo(r.get(i + 4));
            }
            assertThat(r.getString(2)).isEqualTo(PortRegistryFunctionsTest.expectedService(port, proto));
            List<String> uses = PortRegistryFunctionsTest.expectedUses(port, proto);
            assertThat(r.isNullAt(5) ? null : r.<String>getList(5)).isEqualTo(uses);
        }
    }

    @Test
    void aPrefixPerPortAndTheInfoStruct() {
        Dataset<Row> out = PortEnrichment.enrichWithInfo(
                PortEnrichment.enrich(flows, "id.orig_p", "proto", "sport_"), "id.resp_p", "proto", "dport_");
        assertThat(out.columns()).containsExactly("id.orig_p", "id.resp_p", "proto",
                "sport_service", "sport_status", "sport_range", "sport_uses",
                "dport_service", "dport_status", "dport_range", "dport_uses", "dport_info");
        Row ssh = out.where("`id.resp_p` = 22").first();
        assertThat(ssh.getString(ssh.fieldIndex("dport_service"))).isEqualTo("ssh");
        assertThat(ssh.getString(ssh.fieldIndex("sport_range"))).isEqualTo("DYNAMIC");
        assertThat(ssh.getStruct(ssh.fieldIndex("dport_info")).<String>getList(3)).contains("ssh");
    }

    @Test
    void badColumnsAreNamed() {
        assertThatThrownBy(() -> PortEnrichment.enrich(flows, "dport", "proto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"dport\"").hasMessageContaining("id.resp_p");
        assertThatThrownBy(() -> PortEnrichment.enrich(flows, "id.resp_p", "protocol"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"protocol\"");
        Dataset<Row> once = PortEnrichment.enrich(flows, "id.resp_p", "proto");
        assertThatThrownBy(() -> PortEnrichment.enrich(once, "id.resp_p", "proto"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"port_service\" exists already");
    }
}
