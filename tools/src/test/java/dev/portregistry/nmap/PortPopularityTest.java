package dev.portregistry.nmap;

import dev.portregistry.RegistryFormatException;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The nmap-services importer, on a fixture of our own (Nmap's file is not ours to bundle). */
class PortPopularityTest {

    static Path fixture() {
        try {
            return Path.of(PortPopularityTest.class.getResource("/nmap-services-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsFrequenciesPerPortAndTransport() throws IOException {
        PortPopularity p = PortPopularity.read(fixture());
        assertThat(p.source()).isEqualTo(fixture().toString());
        assertThat(p.entries()).hasSize(7);
        assertThat(p).hasToString("PortPopularity[" + fixture() + ", 7 entries]");
        assertThat(p.entries().get(0)).hasToString("80/TCP alpha 0.4");
        assertThat(p.frequency(80, Transport.TCP)).isEqualTo(0.4);
        assertThat(p.frequency(80, Transport.UDP)).isEqualTo(0.0005);
        assertThat(p.frequency(80, Transport.SCTP)).isZero();
        assertThat(p.frequency(81, Transport.TCP)).isZero();
        assertThat(p.get(7443, Transport.TCP)).hasValue(PortFrequency.of(7443, Transport.TCP, "unknown", 0.00001));
        assertThat(p.get(7443, Transport.UDP)).isEmpty();
        assertThat(p.forPort(80)).extracting(PortFrequency::transport).containsExactly(Transport.TCP, Transport.UDP);
        assertThatThrownBy(() -> p.frequency(65536, Transport.TCP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
    }

    @Test
    void topIsByFrequencyThenPortThenTransport() throws IOException {
        PortPopularity p = PortPopularity.read(fixture());
        assertThat(p.top(3)).extracting(f -> f.port() + "/" + f.transport().label())
                .containsExactly("80/tcp", "53/udp", "443/tcp");
        assertThat(p.top(100)).hasSize(7);
        assertThat(p.top(2, Transport.UDP)).extracting(PortFrequency::name).containsExactly("gamma", "alpha");
        assertThat(p.top(1, Transport.DCCP)).isEmpty();
        assertThatThrownBy(() -> p.top(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 0 is too small: expected 1 or more");
        assertThatThrownBy(() -> p.top(0, Transport.TCP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count 0 is too small: expected 1 or more");
    }

    @Test
    void theLastPortAndTheWholeRangeOfFrequenciesAreRead() {
        PortPopularity p = PortPopularity.parse("always 65535/tcp 1\nnever 0/udp 0\nsure 443/tcp 1.000000\n", "edges");
        assertThat(p.frequency(65535, Transport.TCP)).isEqualTo(1.0);
        assertThat(p.get(0, Transport.UDP)).hasValue(PortFrequency.of(0, Transport.UDP, "never", 0.0));
        assertThat(p.top(2)).extracting(PortFrequency::port).containsExactly(443, 65535);
    }

    @Test
    void aFrequencyIsAFractionFrom0To1Inclusive() {
        assertThat(PortFrequency.of(80, Transport.TCP, "http", 0.0).frequency()).isZero();
        assertThat(PortFrequency.of(80, Transport.TCP, "http", 1.0).frequency()).isEqualTo(1.0);
        for (double bad : new double[] {-0.001, 1.001, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PortFrequency.of(80, Transport.TCP, "http", bad)).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of port 80 is out of range: expected 0.0..1.0");
        }
        assertThatThrownBy(() -> PortFrequency.of(80, Transport.TCP, " ", 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void nmapIsFoundAtTheFirstLocationThatHasTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none/nmap-services");
        assertThat(PortPopularity.fromFirst(List.of(missing))).isEmpty();
        Path copy = dir.resolve("nmap-services");
        Files.copy(fixture(), copy);
        assertThat(PortPopularity.fromFirst(List.of(missing, copy))).get()
                .satisfies(p -> assertThat(p.source()).isEqualTo(copy.toString()));
        assertThat(PortPopularity.nmapLocations().get(0)).isEqualTo(Path.of("/usr/share/nmap/nmap-services"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http 80/tcp                 | n:2: \"http 80/tcp\" has 2 fields: expected \"name port/transport frequency [# comment]\"",
            "http 80/tcp 0.5 extra       | n:2: \"http 80/tcp 0.5 extra\" has 4 fields: expected \"name port/transport frequency [# comment]\"",
            "http 80 0.5                 | n:2: \"80\" is not a port/transport: expected e.g. 80/tcp",
            "http 70000/tcp 0.5          | n:2: port 70000 is out of range: expected 0..65535",
            "http 80/ddp 0.5             | n:2: unknown transport \"ddp\": expected tcp, udp, sctp or dccp",
            "http 80/tcp often           | n:2: frequency \"often\" of 80/tcp is not a number from 0 to 1",
            "http 80/tcp 1.5             | n:2: frequency \"1.5\" of 80/tcp is not a number from 0 to 1",
            "http 80/tcp -0.1            | n:2: frequency \"-0.1\" of 80/tcp is not a number from 0 to 1",
            "www 9/TCP 0.1               | n:2: 9/tcp is listed twice: already on line 1",
    })
    void aBadLineIsNamedWithItsLine(String line, String message) {
        assertThatThrownBy(() -> PortPopularity.parse("discard 9/tcp 0.01\n" + line + "\n", "n"))
                .isInstanceOfSatisfying(RegistryFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("n");
                    assertThat(e.line()).isEqualTo(2);
                }).hasMessage(message);
    }
}
