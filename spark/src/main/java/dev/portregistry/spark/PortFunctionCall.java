package dev.portregistry.spark;

import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeBlock;
import org.apache.spark.sql.catalyst.expressions.codegen.CodeGenerator;
import org.apache.spark.sql.catalyst.expressions.codegen.CodegenContext;
import org.apache.spark.sql.catalyst.expressions.codegen.ExprCode;
import org.apache.spark.sql.catalyst.expressions.codegen.JavaCode;
import org.apache.spark.sql.catalyst.expressions.objects.StaticInvoke;
import org.apache.spark.sql.connector.catalog.functions.ScalarFunction;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.ObjectType;

import scala.Option;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;

/**
 * A call of one of the SQL functions: Spark's own {@link StaticInvoke} of a {@link PortFunctions}
 * method, so that whole-stage code generation calls the method directly with primitive arguments,
 * under the SQL name ({@code port_service(dport, proto)}) in plans, error messages and the names of
 * result columns. The first argument is the {@link RegistryRef} literal and is not shown.
 *
 * <p>Its generated code is its own, not {@code StaticInvoke}'s: the same call of the same method,
 * with the same null handling (a null argument gives null without a call, and the arguments after
 * it are not evaluated), but with the arguments passed as the local variables they already are and
 * the registry read from the generated class's references. {@code StaticInvoke} copies each
 * argument into a field of the generated class for every row (a reference store with a garbage
 * collector's write barrier, and the row's protocol string escapes into the field). The
 * interpreted path ({@link #eval}) is {@code StaticInvoke}'s.
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
    public ExprCode doGenCode(CodegenContext ctx, ExprCode ev) {
        List<Expression> args = CollectionConverters.asJava(arguments());
        if (args.isEmpty() || !(args.get(0) instanceof Literal literal)
                || !(literal.value() instanceof RegistryRef registry)) {
            return super.doGenCode(ctx, ev);
        }
        String ref = ctx.addReferenceObj("portRegistry", registry, RegistryRef.class.getName());
        StringBuilder call = new StringBuilder(PortFunctions.class.getName()).append('.').append(functionName())
                .append('(').append(ref);
        // boolean isNull = true; T value = null;
        // <arg 1> if (!arg1IsNull) { <arg 2> if (!arg2IsNull) { value = call; isNull = value == null; } }
        StringBuilder code = new StringBuilder()
                .append("boolean ").append(ev.isNull()).append(" = true;\n")
                .append(CodeGenerator.javaType(dataType())).append(' ').append(ev.value()).append(" = null;\n");
        int open = 0;
        for (Expression arg : args.subList(1, args.size())) {
            ExprCode e = arg.genCode(ctx);
            code.append(e.code()).append('\n');
            if (arg.nullable()) {
                code.append("if (!").append(e.isNull()).append(") {\n");
                open++;
            }
            call.append(", ").append(e.value());
        }
        code.append(ev.value()).append(" = ").append(call).append(");\n")
                .append(ev.isNull()).append(" = ").append(ev.value()).append(" == null;\n")
                .append("}\n".repeat(open));
        return ev.copy(new CodeBlock(seq(List.of(code.toString())), seq(List.<JavaCode>of())), ev.isNull(),
                ev.value());
    }

    private static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    @Override
    public Expression withNewChildrenInternal(IndexedSeq<Expression> newChildren) {
        return new PortFunctionCall(staticObject(), dataType(), functionName(), newChildren, inputTypes(),
                propagateNull(), returnNullable(), isDeterministic(), scalarFunction());
    }
}
