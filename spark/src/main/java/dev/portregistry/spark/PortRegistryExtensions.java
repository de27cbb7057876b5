package dev.portregistry.spark;

import org.apache.spark.sql.SparkSessionExtensions;

import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * Registers the SQL functions (on the bundled registry) in every session Spark creates, named in a
 * configuration setting rather than called from code:
 * {@code spark.sql.extensions=dev.portregistry.spark.PortRegistryExtensions}. The way for the
 * {@code spark-sql} shell, the Thrift server and Spark Connect servers, whose clients cannot call
 * {@link PortRegistryFunctions#register}.
 *
 * <p>Spark creates it with its public no-argument constructor. Thread-safe.
 */
public final class PortRegistryExtensions implements Function1<SparkSessionExtensions, BoxedUnit> {

    /** Creates the extension; Spark calls this. */
    public PortRegistryExtensions() {
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        PortRegistryFunctions.injections().forEach(extensions::injectFunction);
        return BoxedUnit.UNIT;
    }
}
