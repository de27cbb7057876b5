package dev.portregistry.spark;

import dev.portregistry.PortRegistry;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.connector.catalog.CatalogManager;
import org.apache.spark.sql.types.AbstractDataType;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ObjectType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

import scala.Function1;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The port registry as Spark SQL functions, registered in a session under unqualified names:
 *
 * <table>
 * <caption>The functions</caption>
 * <tr><th>function</th><th>result</th></tr>
 * <tr><td>{@code port_service(port, proto)}</td><td>{@code string}: the ACTIVE service name on that
 *     transport (a local one from an overlay first), null if none</td></tr>
 * <tr><td>{@code port_status(port)}</td><td>{@code string}: {@code ACTIVE}, {@code ABANDONED},
 *     {@code HISTORIC}, {@code DEREGISTERED}, {@code RESERVED} or {@code UNASSIGNED}</td></tr>
 * <tr><td>{@code port_range(port)}</td><td>{@code string}: {@code WELL_KNOWN}, {@code REGISTERED}
 *     or {@code DYNAMIC}</td></tr>
 * <tr><td>{@code port_uses(port, proto)}</td><td>{@code array<string>}: the names of the known
 *     alternate uses (unofficial software and malware) on that transport, empty if none</td></tr>
 * <tr><td>{@code port_info(port)}</td><td>{@link #INFO_TYPE}: port, range, status, services (the
 *     ACTIVE names), uses, malware, related_ports, assignments</td></tr>
 * <tr><td>{@code port_summary(port)}</td><td>{@code string}: {@code PortInfo.summary()}</td></tr>
 * </table>
 *
 * <p>A port is an {@code int}, {@code smallint}, {@code tinyint}, {@code bigint} or a string of
 * decimal digits; a protocol is a name ({@code tcp}, {@code udp}, {@code sctp}, {@code dccp}, any
 * ASCII case, as in Zeek's {@code conn.log}) or an IP protocol number (6, 17, 132, 33, as in NetFlow
 * and IPFIX). Null in gives null out; a port outside 0..65535 or another protocol ({@code icmp})
 * gives null, never a failed task. Another argument type fails the query's analysis with a message
 * naming the function and the type. The functions are deterministic.
 *
 * <p>Each call compiles into Spark's generated code as a direct call of a {@link PortFunctions}
 * method that returns a precomputed value. The registry is built once per JVM (driver and each
 * executor) on first use, from core's bundled data and, for an overlay, from the services(5) text
 * the query plan carries; the registry itself is never shipped.
 *
 * <p>Thread-safe; registration replaces functions of the same names in that session only.
 */
public final class PortRegistryFunctions {
    /** The struct {@code port_info} returns. */
    public static final StructType INFO_TYPE = new StructType()
            .add("port", DataTypes.IntegerType, false)
            .add("range", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("services", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("uses", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("malware", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("related_ports", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("assignments", DataTypes.createArrayType(new StructType()
                    .add("name", DataTypes.StringType, false)
                    .add("description", DataTypes.StringType, false)
                    .add("transports", DataTypes.createArrayType(DataTypes.StringType, false), false)
                    .add("status", DataTypes.StringType, false)
                    .add("local", DataTypes.BooleanType, false), false), false);

    private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType, false);

    /** The functions, in the order of the table above. */
    private static final List<Fn> FUNCTIONS = List.of(
            new Fn("service", true, DataTypes.StringType,
                    "_FUNC_(port, proto) - the ACTIVE service name on the port and transport, null if none."),
            new Fn("status", false, DataTypes.StringType,
                    "_FUNC_(port) - the port's lifecycle status: ACTIVE, ABANDONED, HISTORIC, DEREGISTERED, RESERVED, UNASSIGNED."),
            new Fn("range", false, DataTypes.StringType,
                    "_FUNC_(port) - the port's range: WELL_KNOWN, REGISTERED or DYNAMIC."),
            new Fn("uses", true, STRINGS,
                    "_FUNC_(port, proto) - the names of the known alternate uses on the port and transport."),
            new Fn("info", false, INFO_TYPE,
                    "_FUNC_(port) - the port's record as a struct."),
            new Fn("summary", false, DataTypes.StringType,
                    "_FUNC_(port) - a short plain-English explanation of the port."));

    /** The SQL names of the functions, as registered. */
    public static final List<String> NAMES = FUNCTIONS.stream().map(Fn::sqlName).toList();

    private PortRegistryFunctions() {
    }

    /**
     * Registers the functions in a session, answering from core's bundled registry.
     *
     * @param spark a classic (not Spark Connect) session; not null
     * @throws NullPointerException     if spark is null
     * @throws IllegalArgumentException if spark is a Spark Connect client session (register on the
     *                                  server with {@link PortRegistryExtensions} instead)
     */
    public static void register(SparkSession spark) {
        register(spark, RegistryRef.BUNDLED);
    }

    /**
     * Registers the functions in a session, answering from the bundled registry with a services(5)
     * file layered on ({@link PortRegistry#withServicesFile(Path)}): a flow on a port the file
     * assigns gets the file's name from {@code port_service}. The file is read and checked here,
     * on the driver; its text travels with each query to the executors.
     *
     * @param spark        a classic session; not null
     * @param servicesFile a services(5) file, UTF-8; not null
     * @throws IOException if the file cannot be read
     * @throws dev.portregistry.RegistryFormatException naming the file and line of a bad line
     */
    public static void register(SparkSession spark, Path servicesFile) throws IOException {
        Objects.requireNonNull(servicesFile, "servicesFile must not be null");
        String text = Files.readString(servicesFile, StandardCharsets.UTF_8);
        registerServices(spark, text, servicesFile.toString());
    }

    /**
     * Registers the functions in a session, answering from the bundled registry with the content of
     * a services(5) file layered on ({@code Overlay.parseServices(text, source)}), for a file that
     * is not on the driver's file system. The text is checked here and travels with each query.
     *
     * @param spark        a classic session; not null
     * @param servicesText the content of a services(5) file; not null
     * @param source       a name for messages, such as the file's URI; not null
     * @throws dev.portregistry.RegistryFormatException naming the source and line of a bad line
     */
    public static void registerServices(SparkSession spark, String servicesText, String source) {
        register(spark, RegistryRef.overlay(servicesText, source));
    }

    /**
     * Tells whether the functions are registered in a session.
     *
     * @param spark a classic session; not null
     * @return true if every function name is registered (by this class or otherwise)
     */
    public static boolean isRegistered(SparkSession spark) {
        FunctionRegistry registry = functionRegistry(spark);
        for (String name : NAMES) {
            if (!registry.functionExists(identifier(name))) {
                return false;
            }
        }
        return true;
    }

    private static void register(SparkSession spark, RegistryRef ref) {
        FunctionRegistry registry = functionRegistry(spark);
        for (Fn fn : FUNCTIONS) {
            registry.registerFunction(identifier(fn.sqlName()), fn.info(), fn.builder(ref));
        }
    }

    /** The functions as {@code SparkSessionExtensions.injectFunction} takes them, on the bundled registry. */
    static List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> injections() {
        List<Tuple3<FunctionIdentifier, ExpressionInfo, Function1<Seq<Expression>, Expression>>> out = new ArrayList<>();
        for (Fn fn : FUNCTIONS) {
            // unqualified: Spark registers an injected function as a built-in one (system.builtin)
            out.add(new Tuple3<>(FunctionIdentifier.apply(fn.sqlName()), fn.info(), fn.builder(RegistryRef.BUNDLED)));
        }
        return out;
    }

    /**
     * The name of a session function: since Spark 4.2 a temporary function lives in the namespace
     * {@code system.session} and the registry takes only such 3-part names; SQL finds it unqualified.
     */
    private static FunctionIdentifier identifier(String name) {
        return new FunctionIdentifier(name, Option.apply(CatalogManager.SESSION_NAMESPACE()),
                Option.apply(CatalogManager.SYSTEM_CATALOG_NAME()));
    }

    private static FunctionRegistry functionRegistry(SparkSession spark) {
        Objects.requireNonNull(spark, "spark must not be null");
        if (spark instanceof org.apache.spark.sql.classic.SparkSession classic) {
            return classic.sessionState().functionRegistry();
        }
        throw new IllegalArgumentException("cannot register SQL functions in a " + spark.getClass().getName()
                + ": expected a classic SparkSession; for Spark Connect set spark.sql.extensions="
                + PortRegistryExtensions.class.getName() + " on the server");
    }

    /** One function: its method in {@link PortFunctions}, whether it takes a protocol, its result type. */
    private record Fn(String method, boolean withProtocol, DataType resultType, String usage) {
        String sqlName() {
            return "port_" + method;
        }

        ExpressionInfo info() {
            // the full constructor: the five-argument one is deprecated and passes these same empty fields
            return new ExpressionInfo(PortFunctionCall.class.getName(), null, sqlName(), usage, "", "", "", "", "", "", "");
        }

        Function1<Seq<Expression>, Expression> builder(RegistryRef ref) {
            return args -> build(ref, CollectionConverters.asJava(args));
        }

        private Expression build(RegistryRef ref, List<Expression> args) {
            int arity = withProtocol ? 2 : 1;
            if (args.size() != arity) {
                throw new IllegalArgumentException(sqlName() + " takes " + (withProtocol ? "2 arguments (port, proto)"
                        : "1 argument (port)") + ", not " + args.size());
            }
            ObjectType refType = new ObjectType(RegistryRef.class);
            List<Expression> children = new ArrayList<>(arity + 1);
            List<AbstractDataType> types = new ArrayList<>(arity + 1);
            children.add(Literal.create(ref, refType));
            types.add(refType);
            children.add(args.get(0));
            types.add(portType(args.get(0).dataType()));
            if (withProtocol) {
                children.add(args.get(1));
                types.add(protocolType(args.get(1).dataType()));
            }
            return new PortFunctionCall(PortFunctions.class, resultType, method, seq(children), seq(types),
                    true, true, true, Option.empty());
        }

        /** The type the method takes for a port argument of type t: t itself where it can, else a cast. */
        private DataType portType(DataType t) {
            if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType || t instanceof LongType
                    || t instanceof StringType) {
                return t;
            }
            if (t instanceof NullType) {
                return DataTypes.IntegerType;
            }
            throw new IllegalArgumentException(sqlName() + ": the port must be an int, smallint, tinyint, bigint"
                    + " or a string of digits, not " + t.sql());
        }

        private DataType protocolType(DataType t) {
            if (t instanceof StringType || t instanceof IntegerType || t instanceof ShortType
                    || t instanceof ByteType || t instanceof LongType) {
                return t;
            }
            if (t instanceof NullType) {
                return DataTypes.StringType;
            }
            throw new IllegalArgumentException(sqlName() + ": the protocol must be a name such as 'tcp' or an"
                    + " IP protocol number (int), not " + t.sql());
        }
    }

    private static <T> Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
