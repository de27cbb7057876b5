package dev.portregistry.examples.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * Synthetic flow records with a realistic shape: a few hot destination ports carry most flows, a
 * long tail of random ports the rest, source ports are ephemeral, some flows are ICMP.
 *
 * <p><b>Where the mix comes from.</b> The weights in {@link #MIX} are our own assumption, not a
 * measurement: they are shaped like the edge of a campus or company network, where HTTPS over TCP
 * dominates, QUIC (UDP 443, HTTP/3) is a large share, DNS is the most frequent UDP flow, and mail,
 * remote access, file sharing, databases and VPNs follow. What matters for enrichment and for the
 * benchmark is that shape (hot entries and a tail that touches the whole port space), not the exact
 * shares. Source ports come from Linux's default ephemeral range, 32768-60999
 * ({@code net.ipv4.ip_local_port_range}); addresses from the documentation ranges of RFC 5737 and
 * from 10.0.0.0/8. No port list from any other tool is used.
 *
 * <p>Deterministic: the same row count, seed and partition count give the same rows. Each row is
 * a function of its id, computed by Spark expressions (no driver-side data), so 10 million rows
 * take no memory until they are used.
 */
public final class SyntheticFlows {
    /** One destination port and transport and its weight, out of {@link #TOTAL}. */
    record Share(int port, String proto, int weight) {
    }

    /** The hot ports; the tail and ICMP are below. Weights out of 10,000. */
    static final List<Share> MIX = List.of(
            new Share(443, "tcp", 3000),   // HTTPS
            new Share(80, "tcp", 800),     // HTTP
            new Share(22, "tcp", 150),     // SSH
            new Share(25, "tcp", 80),      // SMTP
            new Share(587, "tcp", 40),     // mail submission
            new Share(993, "tcp", 60),     // IMAPS
            new Share(3389, "tcp", 60),    // RDP
            new Share(445, "tcp", 80),     // SMB
            new Share(8080, "tcp", 100),   // HTTP alternate
            new Share(8443, "tcp", 60),    // HTTPS alternate
            new Share(3306, "tcp", 30),    // MySQL
            new Share(5432, "tcp", 30),    // PostgreSQL
            new Share(53, "udp", 2000),    // DNS
            new Share(443, "udp", 1200),   // QUIC
            new Share(123, "udp", 300),    // NTP
            new Share(5353, "udp", 150),   // mDNS
            new Share(137, "udp", 50),     // NetBIOS name service
            new Share(1194, "udp", 20),    // OpenVPN
            new Share(1196, "udp", 10),    // OpenVPN on a neighbouring port
            new Share(51820, "udp", 30));  // WireGuard's usual port
    /** ICMP flows (Zeek logs type and code in the port fields: echo request 8, code 0). */
    static final int ICMP = 200;
    /** TCP to a random registered port 1024-49151. */
    static final int TAIL_TCP = 1000;
    /** UDP to a random port 0-65535. */
    static final int TAIL_UDP = 550;
    static final int TOTAL = MIX.stream().mapToInt(Share::weight).sum() + ICMP + TAIL_TCP + TAIL_UDP;

    private SyntheticFlows() {
    }

    /**
     * The flows: {@code ts} (double, Unix seconds), {@code uid}, {@code src}, {@code dst},
     * {@code sport}, {@code dport} (int), {@code proto} ({@code tcp}, {@code udp}, {@code icmp}) and
     * {@code bytes} (long).
     *
     * @param spark      the session; not null
     * @param rows       how many, at least 0
     * @param seed       the pseudo-random seed
     * @param partitions how many partitions, at least 1
     * @return the flows, not cached; never null
     */
    public static Dataset<Row> generate(SparkSession spark, long rows, long seed, int partitions) {
        if (TOTAL != 10_000) {
            throw new IllegalStateException("the weights add up to " + TOTAL + ", expected 10000");
        }
        Column id = col("id");
        Column pick = pmod(xxhash64(id, lit(seed), lit("pick")), lit(TOTAL));
        Column dport = null;
        Column proto = null;
        int upTo = 0;
        for (Share s : MIX) {
            upTo += s.weight();
            dport = dport == null ? when(pick.lt(upTo), s.port()) : dport.when(pick.lt(upTo), s.port());
            proto = proto == null ? when(pick.lt(upTo), s.proto()) : proto.when(pick.lt(upTo), s.proto());
        }
        upTo += ICMP;
        dport = dport.when(pick.lt(upTo), 0);
        proto = proto.when(pick.lt(upTo), "icmp");
        upTo += TAIL_TCP;
        dport = dport.when(pick.lt(upTo), pmod(xxhash64(id, lit(seed), lit("tail")), lit(48128)).plus(1024))
                .otherwise(pmod(xxhash64(id, lit(seed), lit("tail")), lit(65536)));
        proto = proto.when(pick.lt(upTo), "tcp").otherwise("udp");
        Column sport = when(proto.equalTo("icmp"), 8)
                .otherwise(pmod(xxhash64(id, lit(seed), lit("sport")), lit(28232)).plus(32768));
        Column src = concat(lit("10."), octet(id, seed, "s1"), lit("."), octet(id, seed, "s2"), lit("."),
                octet(id, seed, "s3"));
        Column dst = concat(when(pmod(xxhash64(id, lit(seed), lit("net")), lit(2)).equalTo(0), "198.51.100.")
                .otherwise("203.0.113."), octet(id, seed, "d"));
        return spark.range(0, rows, 1, partitions).select(
                id.divide(1000.0).plus(1_767_225_600L).as("ts"),
                concat(lit("C"), org.apache.spark.sql.functions.hex(xxhash64(id, lit(seed)))).as("uid"),
                src.as("src"),
                dst.as("dst"),
                sport.cast("int").as("sport"),
                dport.cast("int").as("dport"),
                proto.as("proto"),
                pmod(xxhash64(id, lit(seed), lit("bytes")), lit(1_000_000L)).plus(40L).as("bytes"));
    }

    private static Column octet(Column id, long seed, String salt) {
        return pmod(xxhash64(id, lit(seed), lit(salt)), lit(256)).cast("string");
    }
}
