package dev.portregistry.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession the tests of this module share: starting Spark takes seconds, so every
 * test class uses this one (the JVM's, stopped when it exits). Two partitions, two threads, no UI.
 */
final class TestSpark {
    private TestSpark() {
    }

    static SparkSession session() {
        return Holder.SESSION;
    }

    private static final class Holder {
        static final SparkSession SESSION = SparkSession.builder()
                .master("local[2]")
                .appName("portregistry-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/portregistry-spark-warehouse")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
