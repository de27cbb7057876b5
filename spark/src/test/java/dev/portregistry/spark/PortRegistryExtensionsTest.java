package dev.portregistry.spark;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** spark.sql.extensions: the functions injected into a function registry as Spark does for a new session. */
class PortRegistryExtensionsTest {
    @Test
    void injectsEveryFunctionAnsweringFromTheBundledRegistry() throws Exception {
        SparkSessionExtensions extensions = new SparkSessionExtensions();
        new PortRegistryExtensions().apply(extensions);
        FunctionRegistry registry = extensions.registerFunctions(FunctionRegistry$.MODULE$.builtin().clone());
        for (String name : PortRegistryFunctions.NAMES) {
            assertThat(registry.functionExists(FunctionRegistry$.MODULE$.builtinFunctionIdentifier(name)))
                    .as(name).isTrue();
        }
        assertThat(PortRegistryFunctions.injections()).hasSize(PortRegistryFunctions.NAMES.size());
        Expression call = registry.lookupFunction(FunctionRegistry$.MODULE$.builtinFunctionIdentifier("port_service"),
                scala.jdk.javaapi.CollectionConverters.asScala(List.<Expression>of(
                        Literal.create(22, org.apache.spark.sql.types.DataTypes.IntegerType),
                        Literal.create("tcp", org.apache.spark.sql.types.DataTypes.StringType))).toSeq());
        assertThat(call.toString()).isEqualTo("port_service(22, tcp)");
        assertThat(call.eval(null).toString()).isEqualTo(PortRegistryFunctionsTest.expectedService(22, "tcp"));
    }
}
