package dev.portregistry.spark;

import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.objects.StaticInvoke;
import org.apache.spark.sql.connector.catalog.functions.ScalarFunction;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.ObjectType;

import scala.Option;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;

/**
 * A call of one of the SQL functions: Spark's own {@link StaticInvoke} of a {@link PortFunctions}
 * method, so that whole-stage code generation calls the method directly with primitive arguments,
 * under the SQL name ({@code port_service(dport, proto)}) in plans, error messages and the names of
 * result columns. The first argument is the {@link RegistryRef} literal and is not shown.
 *
 * <p>Not for direct use: public only because Spark copies plan nodes through their public
 * constructor. Immutable and thread-safe, like every Catalyst expression.
 */
public final class PortFunctionCall extends StaticInvoke {
    private static final long serialVersionUID = 1L;

    /**
     * The constructor of {@link StaticInvoke}, with the same arguments, which Spark's tree copying
     * calls by reflection. The SQL name is {@code port_} followed by the method name.
     *
     * @param staticObject    {@link PortFunctions}
     * @param dataType        the result type
     * @param functionName    the {@link PortFunctions} method
     * @param arguments       the registry literal, then the SQL arguments
     * @param inputTypes      the argument types the method takes
     * @param propagateNull   true: a null argument gives null without a call
     * @param returnNullable  true: the method may return null
     * @param isDeterministic true
     * @param scalarFunction  empty
     */
    public PortFunctionCall(Class<?> staticObject, DataType dataType, String functionName,
                            Seq<Expression> arguments, Seq<AbstractDataType> inputTypes, boolean propagateNull,
                            boolean returnNullable, boolean isDeterministic, Option<ScalarFunction<?>> scalarFunction) {
        super(staticObject, dataType, functionName, arguments, inputTypes, propagateNull, returnNullable,
                isDeterministic, scalarFunction);
    }

    @Override
    public String prettyName() {
        return "port_" + functionName();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(prettyName()).append('(');
        boolean first = true;
        scala.collection.Iterator<Expression> it = arguments().iterator();
        while (it.hasNext()) {
            Expression e = it.next();
            if (e instanceof Literal l && l.dataType() instanceof ObjectType) {
                continue; // the registry
            }
            if (!first) {
                s.append(", ");
            }
            s.append(e);
            first = false;
        }
        return s.append(')').toString();
    }

    @Override
    public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
        return new PortFunctionCall(staticObject(), dataType(), functionName(), newChildren, inputTypes(),
                propagateNull(), returnNullable(), isDeterministic(), scalarFunction());
    }
}
