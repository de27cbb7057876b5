package dev.portregistry.spark;

import dev.portregistry.AlternateUse;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every SQL function on a real local session, compared with what core's API says for the same port
 * and transport, in generated code and in the interpreted path.
 */
class PortRegistryFunctionsTest {
    /** The ports the issue names, a few well-known ones, and the bad ones. */
    static final Integer[] PORTS = {0, 1196, 65535, null, -1, 70000, 22, 53, 1194, 3389, 8080};
    /** Each protocol, in the case forms people write, a bad one, and null. */
    static final String[] PROTOCOLS = {"tcp", "udp", "sctp", "dccp", "TCP", "Udp", "bad", "icmp", "", null};

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        PortRegistryFunctions.register(spark);
        List<Row> rows = new ArrayList<>();
        for (Integer port : PORTS) {
            for (String proto : PROTOCOLS) {
                rows.add(RowFactory.create(port, proto));
            }
        }
        StructType schema = new StructType()
                .add("dport", DataTypes.IntegerType, true)
                .add("proto", DataTypes.StringType, true);
        spark.createDataFrame(rows, schema).repartition(2).createOrReplaceTempView("flows");
    }

    // ------------------------------------------------------------------ the oracle, from core's API

    static Transport transport(String proto) {
        if (proto == null) {
            return null;
        }
        try {
            return Transport.parse(proto);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static PortInfo info(Integer port) {
        return port == null || port < 0 || port > 65535 ? null : PortRegistry.lookup(port);
    }

    static String expectedService(Integer port, String proto) {
        PortInfo info = info(port);
        Transport t = transport(proto);
        if (info == null || t == null) {
            return null;
        }
        for (ServiceAssignment a : info.assignmentsFor(t)) {
            if (a.status() == LifecycleStatus.ACTIVE && !a.name().isEmpty()) {
                return a.name();
            }
        }
        return null;
    }

    static List<String> expectedUses(Integer port, String proto) {
        PortInfo info = info(port);
        Transport t = transport(proto);
        if (info == null || t == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (AlternateUse u : info.alternateUses()) {
            if (u.transports().contains(t)) {
                names.add(u.name());
            }
        }
        return new ArrayList<>(names);
    }

    // ------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "wholeStage codegen {0}")
    @ValueSource(booleans = {true, false})
    void everyFunctionAgreesWithCoreOnEveryPortAndProtocol(boolean codegen) {
        String factory = codegen ? "CODEGEN_ONLY" : "NO_CODEGEN";
        spark.conf().set("spark.sql.codegen.wholeStage", Boolean.toString(codegen));
        spark.conf().set("spark.sql.codegen.factoryMode", factory);
        try {
            List<Row> rows = spark.sql("SELECT dport, proto, port_service(dport, proto), port_uses(dport, proto),"
                    + " port_status(dport), port_range(dport), port_info(dport).status, port_summary(dport)"
                    + " FROM flows").collectAsList();
            assertThat(rows).hasSize(PORTS.length * PROTOCOLS.length);
            List<String> wrong = new ArrayList<>();
            for (Row r : rows) {
                Integer port = r.isNullAt(0) ? null : r.getInt(0);
                String proto = r.getString(1);
                PortInfo info = info(port);
                check(wrong, r, "port_service", r.getString(2), expectedService(port, proto));
                check(wrong, r, "port_uses", r.isNullAt(3) ? null : r.getList(3), expectedUses(port, proto));
                check(wrong, r, "port_status", r.getString(4), info == null ? null : info.status().name());
                check(wrong, r, "port_range", r.getString(5), info == null ? null : info.range().name());
                check(wrong, r, "port_info.status", r.getString(6), info == null ? null : info.status().name());
                check(wrong, r, "port_summary", r.getString(7), info == null ? null : info.summary());
            }
            assertThat(wrong).as("rows that disagree with core").isEmpty();
        } finally {
            spark.conf().unset("spark.sql.codegen.wholeStage");
            spark.conf().unset("spark.sql.codegen.factoryMode");
        }
    }

    private static void check(List<String> wrong, Row row, String fn, Object actual, Object expected) {
        if (actual == null ? expected != null : !actual.equals(expected)) {
            wrong.add(fn + " on " + row.get(0) + "/" + row.get(1) + ": " + actual + ", expected " + expected);
        }
    }

    @Test
    void wellEstablishedFacts() {
        Row r = spark.sql("SELECT port_service(22, 'tcp'), port_status(22), port_range(22), port_range(1196),"
                + " port_range(65535), port_status(1196), port_uses(1196, 'udp')").first();
        assertThat(r.getString(0)).isEqualTo("ssh");
        assertThat(r.getString(1)).isEqualTo("ACTIVE");
        assertThat(r.getString(2)).isEqualTo("WELL_KNOWN");
        assertThat(r.getString(3)).isEqualTo("REGISTERED");
        assertThat(r.getString(4)).isEqualTo("DYNAMIC");
        // 1196: no ACTIVE assignment, so no service name, but a known alternate use
        assertThat(r.getString(5)).isEqualTo(PortRegistry.lookup(1196).status().name()).isNotEqualTo("ACTIVE");
        assertThat(r.<String>getList(6)).isNotEmpty()
                .containsExactlyElementsOf(expectedUses(1196, "udp"));
    }

    @Test
    void portInfoHoldsTheFieldsOfPortInfo() {
        int[] ports = {0, 22, 1196, 65535};
        // one query for all: each query costs seconds on a cold JVM
        Row all = spark.sql("SELECT port_info(0), port_info(22), port_info(1196), port_info(65535),"
                + " port_info(-1), port_info(70000), port_info(NULL)").first();
        for (int k = 0; k < ports.length; k++) {
            int port = ports[k];
            Row info = all.getStruct(k);
            PortInfo expected = PortRegistry.lookup(port);
            assertThat(info.schema()).isEqualTo(PortRegistryFunctions.INFO_TYPE);
            assertThat(info.getInt(info.fieldIndex("port"))).isEqualTo(port);
            assertThat(info.getString(info.fieldIndex("range"))).isEqualTo(expected.range().name());
            assertThat(info.getString(info.fieldIndex("status"))).isEqualTo(expected.status().name());
            assertThat(info.<String>getList(info.fieldIndex("services"))).containsExactlyElementsOf(
                    expected.assignments().stream().filter(a -> a.status() == LifecycleStatus.ACTIVE)
                            .map(ServiceAssignment::name).filter(n -> !n.isEmpty()).distinct().toList());
            assertThat(info.<String>getList(info.fieldIndex("uses"))).containsExactlyElementsOf(
                    expected.alternateUses().stream().map(AlternateUse::name).distinct().toList());
            assertThat(info.<String>getList(info.fieldIndex("malware"))).containsExactlyElementsOf(
                    expected.alternateUses(UseKind.MALWARE).stream().map(AlternateUse::name).distinct().toList());
            assertThat(info.<Integer>getList(info.fieldIndex("related_ports")))
                    .containsExactlyElementsOf(expected.relatedPorts());
            List<Row> assignments = info.getList(info.fieldIndex("assignments"));
            assertThat(assignments).hasSize(expected.assignments().size());
            for (int i = 0; i < assignments.size(); i++) {
                ServiceAssignment a = expected.assignments().get(i);
                Row row = assignments.get(i);
                assertThat(row.getString(0)).isEqualTo(a.name());
                assertThat(row.getString(1)).isEqualTo(a.description());
                assertThat(row.<String>getList(2)).containsExactlyElementsOf(
                        a.transports().stream().map(Transport::label).toList());
                assertThat(row.getString(3)).isEqualTo(a.status().name());
                assertThat(row.getBoolean(4)).isFalse();
            }
        }
        assertThat(all.isNullAt(4) && all.isNullAt(5) && all.isNullAt(6)).as("-1, 70000, NULL").isTrue();
    }

    @Test
    void portsAsBigintSmallintAndStringsAndProtocolsAsNumbers() {
        Row r = spark.sql("SELECT port_service(CAST(22 AS BIGINT), 'tcp'), port_service(CAST(53 AS SMALLINT), 17),"
                + " port_service('443', 6), port_service('0443', CAST(6 AS BIGINT)), port_service(' 22', 'tcp'),"
                + " port_service('x', 'tcp'), port_service('70000', 'tcp'), port_status(CAST(4294967318 AS BIGINT)),"
                + " port_service(22, 1), port_status('65535'), port_uses(CAST(1196 AS BIGINT), 17),"
                + " port_service(NULL, 'tcp'), port_service(22, NULL)").first();
        assertThat(r.getString(0)).isEqualTo(expectedService(22, "tcp"));
        assertThat(r.getString(1)).isEqualTo(expectedService(53, "udp"));
        assertThat(r.getString(2)).isEqualTo(expectedService(443, "tcp"));
        assertThat(r.getString(3)).isEqualTo(expectedService(443, "tcp"));
        assertThat(r.isNullAt(4)).as("digits only, nothing trimmed").isTrue();
        assertThat(r.isNullAt(5)).isTrue();
        assertThat(r.isNullAt(6)).isTrue();
        assertThat(r.isNullAt(7)).as("a bigint that would wrap to port 22 as an int").isTrue();
        assertThat(r.isNullAt(8)).as("IP protocol 1 is ICMP").isTrue();
        assertThat(r.getString(9)).isEqualTo(PortRegistry.lookup(65535).status().name());
        assertThat(r.<String>getList(10)).containsExactlyElementsOf(expectedUses(1196, "udp"));
        assertThat(r.isNullAt(11)).isTrue();
        assertThat(r.isNullAt(12)).isTrue();
    }

    @Test
    void resultColumnsAreNamedLikeTheCall() {
        Dataset<Row> df = spark.sql("SELECT port_service(dport, proto), port_status(dport), port_uses(dport, proto),"
                + " port_info(dport) FROM flows");
        assertThat(df.columns()).containsExactly("port_service(dport, proto)", "port_status(dport)",
                "port_uses(dport, proto)", "port_info(dport)");
        assertThat(df.schema().fields()[3].dataType()).isEqualTo(PortRegistryFunctions.INFO_TYPE);
    }

    @Test
    void generatedCodeCallsTheStaticMethodsDirectly() {
        Dataset<Row> df = spark.range(10).selectExpr("CAST(id AS INT) AS dport", "'tcp' AS proto")
                .selectExpr("port_service(dport, proto)", "port_status(dport)");
        var plan = df.queryExecution().executedPlan();
        List<WholeStageCodegenExec> stages = new ArrayList<>();
        plan.foreach(node -> {
            if (node instanceof WholeStageCodegenExec w) {
                stages.add(w);
            }
            return null;
        });
        assertThat(stages).isNotEmpty();
        String code = stages.stream().map(s -> s.doCodeGen()._2().body()).reduce("", String::concat);
        assertThat(code).contains("dev.portregistry.spark.PortFunctions.service(")
                .contains("dev.portregistry.spark.PortFunctions.status(")
                // PortFunctionCall's own code: the arguments go to the call as they are, not through
                // StaticInvoke's per-row copies into fields of the generated class
                .doesNotContain("argValue");
    }

    @Test
    void functionsAreDeterministicAndFoldConstants() {
        Dataset<Row> df = spark.sql("SELECT port_service(22, 'tcp') AS s");
        assertThat(df.queryExecution().optimizedPlan().toString()).doesNotContain("port_service")
                .contains(expectedService(22, "tcp"));
    }

    @Test
    void wrongArgumentsFailTheQueryWithTheFunctionsName() {
        assertThatThrownBy(() -> spark.sql("SELECT port_status(1.5)").collect())
                .hasMessageContaining("port_status").hasMessageContaining("DECIMAL");
        assertThatThrownBy(() -> spark.sql("SELECT port_service(22)").collect())
                .hasMessageContaining("port_service").hasMessageContaining("2 arguments");
        assertThatThrownBy(() -> spark.sql("SELECT port_service(22, array('tcp'))").collect())
                .hasMessageContaining("port_service").hasMessageContaining("protocol");
    }

    @Test
    void describeFunctionShowsTheUsage() {
        String text = String.join("\n", spark.sql("DESCRIBE FUNCTION port_service").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertThat(text.toLowerCase(Locale.ROOT)).contains("port_service(port, proto)");
    }

    @Test
    void registeredNamesAreUnqualifiedAndListed() {
        assertThat(PortRegistryFunctions.isRegistered(spark)).isTrue();
        assertThat(PortRegistryFunctions.isRegistered(spark.newSession())).isFalse();
        assertThat(PortRegistryFunctions.NAMES).contains("port_service", "port_status", "port_range", "port_uses",
                "port_info");
        List<String> shown = spark.sql("SHOW USER FUNCTIONS LIKE 'port_*'").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertThat(shown.toString()).contains("port_service");
        assertThat(Arrays.asList(PORTS)).contains(0, 1196, 65535, null, -1, 70000);
    }
}
