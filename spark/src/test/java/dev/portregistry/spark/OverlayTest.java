package dev.portregistry.spark;

import dev.portregistry.RegistryFormatException;
import dev.portregistry.PortRegistry;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A user's services(5) overlay reaching the functions, in the tasks, in one session only. */
class OverlayTest {
    static final String SERVICES = """
            # our own services
            billing     7443/tcp    invoices    # our billing service
            metrics     9999/udp
            """;

    static SparkSession bundled;
    static SparkSession ours;

    @BeforeAll
    static void start() {
        bundled = TestSpark.session().newSession();
        PortRegistryFunctions.register(bundled);
        ours = TestSpark.session().newSession();
        PortRegistryFunctions.registerServices(ours, SERVICES, "ops-services");
    }

    private static Row ask(SparkSession spark) {
        // from a table in two partitions, so that tasks (deserialized plans) answer, not constant folding
        spark.range(0, 4, 1, 2).selectExpr("CAST(7443 + id * 0 AS INT) AS p", "CAST(9999 + id * 0 AS INT) AS q")
                .createOrReplaceTempView("t");
        return spark.sql("SELECT port_service(p, 'tcp'), port_service(p, 'udp'), port_service(q, 'udp'),"
                + " port_info(p).services, exists(port_info(p).assignments, a -> a.local AND a.name = 'billing'), port_summary(p)"
                + " FROM t").collectAsList().get(0);
    }

    @Test
    void theOverlaysNamesReachTheFunctions() {
        PortRegistry expected = PortRegistry.bundled().with(dev.portregistry.Overlay.parseServices(SERVICES, "x"));
        Row r = ask(ours);
        assertThat(r.getString(0)).isEqualTo("billing");
        assertThat(r.getString(1)).isEqualTo(PortRegistryFunctionsTest.expectedService(7443, "udp"));
        assertThat(r.getString(2)).isEqualTo("metrics");
        assertThat(r.<String>getList(3)).contains("billing");
        assertThat(r.getBoolean(4)).isTrue();
        assertThat(r.getString(5)).isEqualTo(expected.get(7443).summary()).contains("billing");
    }

    @Test
    void otherSessionsKeepTheBundledRegistry() {
        Row r = ask(bundled);
        assertThat(r.getString(0)).isEqualTo(PortRegistryFunctionsTest.expectedService(7443, "tcp"))
                .isNotEqualTo("billing");
        assertThat(r.getString(2)).isEqualTo(PortRegistryFunctionsTest.expectedService(9999, "udp"));
    }

    @Test
    void fromAFileAndBadLinesFailTheRegistration(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("services");
        Files.writeString(file, "billing 7443/tcp\n");
        SparkSession s = TestSpark.session().newSession();
        PortRegistryFunctions.register(s, file);
        assertThat(s.sql("SELECT port_service(7443, 'TCP')").first().getString(0)).isEqualTo("billing");

        Files.writeString(file, "billing 7443/tcp\nbroken 70000/tcp\n");
        assertThatThrownBy(() -> PortRegistryFunctions.register(s, file))
                .isInstanceOf(RegistryFormatException.class).hasMessageContaining(":2").hasMessageContaining("70000");
    }

    @Test
    void thePlanCarriesTheTextNotTheRegistry() throws Exception {
        RegistryRef ref = RegistryRef.overlay(SERVICES, "ops-services");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
            out.writeObject(RegistryRef.BUNDLED);
        }
        assertThat(bytes.size()).isLessThan(SERVICES.length() + 400);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            RegistryRef back = (RegistryRef) in.readObject();
            assertThat(back).isEqualTo(ref).isNotSameAs(ref);
            assertThat(back.registry().findService("billing")).extracting(dev.portregistry.PortInfo::port)
                    .containsExactly(7443);
            assertThat(in.readObject()).isSameAs(RegistryRef.BUNDLED);
        }
        assertThat(List.of(ref.registry().overlays())).isNotEmpty();
    }
}
