package dev.portregistry.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The functions in executors that are JVMs of their own: Spark's {@code local-cluster[2,1,1024]}
 * mode (a master and two workers in this JVM, each worker starting an executor JVM), started from
 * the Maven artifacts alone. Not a unit test: run by {@code mvn -pl spark -am verify -Pspark-local-cluster}
 * (see spark/README.md for what it needs and why it is not in CI).
 *
 * <p>The overlay is registered on the driver only; the executors have never seen it, so a right
 * answer there shows the text travelled in the plan and each executor JVM built its registry.
 */
class LocalClusterIT {
    @Test
    void functionsAndAnOverlayAnswerInOtherJvms() {
        assumeTrue(System.getenv("SPARK_TESTING") != null, "needs the spark-local-cluster profile's environment");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SparkSession spark = SparkSession.builder()
                .master("local-cluster[2,1,1024]")
                .appName("portregistry-local-cluster")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.extraClassPath", classPath)
                .config("spark.executor.extraJavaOptions", System.getProperty("portregistry.spark.opens", ""))
                .getOrCreate();
        try {
            PortRegistryFunctions.registerServices(spark, "billing 7443/tcp\n", "local-cluster-test");
            List<Row> rows = spark.range(0, 40, 1, 8)
                    .selectExpr("CAST(7443 + id * 0 AS INT) AS p", "CAST(22 + id * 0 AS INT) AS q")
                    .selectExpr("port_service(p, 'tcp')", "port_service(q, 'tcp')", "port_status(q)",
                            "java_method('java.lang.ProcessHandle', 'current')")
                    .collectAsList();
            assertThat(rows).hasSize(40);
            Set<String> pids = new TreeSet<>();
            for (Row r : rows) {
                assertThat(r.getString(0)).isEqualTo("billing");
                assertThat(r.getString(1)).isEqualTo(PortRegistryFunctionsTest.expectedService(22, "tcp"));
                assertThat(r.getString(2)).isEqualTo("ACTIVE");
                pids.add(r.getString(3));
            }
            assertThat(pids).as("answered in executor JVMs, not this one")
                    .doesNotContain(String.valueOf(ProcessHandle.current().pid()));
        } finally {
            spark.stop();
        }
    }
}
