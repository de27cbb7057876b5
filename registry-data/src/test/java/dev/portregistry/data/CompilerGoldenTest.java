package dev.portregistry.data;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortRegistry;
import dev.portregistry.internal.TableCodec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test on a tiny frozen fixture, compiled by the real compiler: its result does not change
 * when the real data does. The expected dump is reviewed by hand; the bytes are pinned by hash.
 */
class CompilerGoldenTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(CompilerGoldenTest.class.getResource("/fixture/version.properties").toURI()).getParent();
    }

    @Test
    void fixtureCompilesToTheReviewedDump() throws Exception {
        RegistryCompiler.Result result = RegistryCompiler.compile(fixture());
        String expected = Files.readString(fixture().resolve("../fixture-expected.txt"), StandardCharsets.UTF_8);
        assertThat(TableDump.render(result.table())).isEqualTo(expected);
    }

    @Test
    void fixtureTableReadsBackIntoARegistry() throws Exception {
        byte[] bytes = RegistryCompiler.compile(fixture()).bytes();
        assertThat(TableCodec.read(bytes, "fixture")).isEqualTo(RegistryCompiler.compile(fixture()).table());
        PortRegistry r = PortRegistry.fromTable(new ByteArrayInputStream(bytes), "fixture");
        assertThat(r.get(1196).status()).isEqualTo(LifecycleStatus.ABANDONED);
        assertThat(r.get(4).status()).isEqualTo(LifecycleStatus.UNASSIGNED);
        assertThat(r.get(2905).status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(r.findService("WEB")).extracting(p -> p.port()).containsExactly(80);
        assertThat(r.findService("some worm")).extracting(p -> p.port()).containsExactly(6001, 6002);
        assertThat(r.version().officialSource()).isEqualTo("fixture registry");
    }

    @Test
    void fixtureBytesAreStable() throws Exception {
        byte[] bytes = RegistryCompiler.compile(fixture()).bytes();
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        String pinned = Files.readString(fixture().resolve("../fixture-expected.sha256"), StandardCharsets.US_ASCII).trim();
        assertThat(sha).as("fixture table bytes changed: if on purpose, update fixture-expected.sha256, and bump "
                + "TableCodec.FORMAT_VERSION if the layout changed (an older reader could not read it); an order"
                + " the writer chose within the layout, such as the string pool's, needs no bump").isEqualTo(pinned);
    }

    static void writeExpected() throws IOException, URISyntaxException {
        Files.writeString(fixture().resolve("../fixture-expected.txt"),
                TableDump.render(RegistryCompiler.compile(fixture()).table()));
    }
}
