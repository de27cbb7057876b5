package dev.portregistry.internal;

import dev.portregistry.LifecycleStatus;
import dev.portregistry.PortInfo;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The run-time reader ({@link TableCodec#open}): it agrees with the full reader, it rejects at
 * open every inconsistency a decode would trip on, and a table that opens never fails later.
 * Inconsistent payloads are resealed with a valid length and CRC-32, so that only the payload
 * checks can catch them.
 */
class PortTableTest {

    @Test
    void decodesWhatTheFullReaderReads() {
        TableData table = TableCodecTest.sample();
        PortTable open = TableCodec.open(TableCodec.toBytes(table), "sample");
        assertThat(open.version()).isEqualTo(table.version());
        assertThat(open.portCount()).isEqualTo(table.ports().size());
        for (int i = 0; i < open.portCount(); i++) {
            assertThat(open.port(open.dataPort(i))).isEqualTo(table.ports().get(i));
        }
        assertThat(open.port(8)).isEqualTo(PortInfo.of(8, List.of(), List.of(), List.of()));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < open.nameCount(); i++) {
            names.add(open.name(i));
            assertThat(open.namePorts(i)).containsExactly(
                    table.names().get(open.name(i)).stream().mapToInt(Integer::intValue).toArray());
        }
        assertThat(names).containsExactlyElementsOf(table.names().keySet());
    }

    @Test
    void sharesEachDecodedAssignmentAndString() {
        PortTable open = TableCodec.open(TableCodec.toBytes(TableCodecTest.sample()), "sample");
        PortInfo first = open.port(7);
        PortInfo again = open.port(7);
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(again.assignments().get(0)).isSameAs(first.assignments().get(0));
        assertThat(again.alternateUses().get(0)).isSameAs(first.alternateUses().get(0));
        assertThat(open.port(65535).alternateUses().get(0)).isSameAs(first.alternateUses().get(0));
        assertThat(again.assignments().get(0).transports()).containsExactly(Transport.TCP, Transport.UDP);
    }

    @Test
    void validHandMadePayloadOpens() {
        PortTable open = open(new TestTables.Payload().bytes());
        assertThat(open.port(7).assignments()).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("echo"));
        assertThat(open.port(7).relatedPorts()).containsExactly(9, 65535);
        assertThat(open.port(7).status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(open.name(0)).isEqualTo("echo");
    }

    @Test
    void everyInconsistencyADecodeWouldTripOnIsRejectedAtOpen() {
        Map<String, TestTables.Payload> broken = Map.of(
                "string indices", new TestTables.Payload().assignment(9, 1, 3, 0, 0),
                "status ordinal 5", new TestTables.Payload().assignment(1, 2, 3, LifecycleStatus.UNASSIGNED.ordinal(), 0),
                "transport mask 0", new TestTables.Payload().assignment(1, 2, 0, 0, 0),
                "transport mask 16", new TestTables.Payload().assignment(1, 2, 16, 0, 0),
                "assignment index 1", new TestTables.Payload().assignmentIndex(1),
                "port 7 follows 7", new TestTables.Payload().secondPort(7),
                "must be ascending", new TestTables.Payload().related(9, 9),
                "exclude the port itself", new TestTables.Payload().related(7, 9),
                "name 0: string index 9", new TestTables.Payload().nameKey(9),
                "2 unexpected bytes", new TestTables.Payload().trailing(2));
        broken.forEach((message, payload) -> assertThatThrownBy(() -> open(payload.bytes()))
                .as(message).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("port table t").hasMessageContaining(message));
    }

    @Test
    void everyShortenedPayloadIsRejectedAtOpen() {
        byte[] payload = new TestTables.Payload().bytes();
        for (int length = 0; length < payload.length; length++) {
            byte[] cut = Arrays.copyOf(payload, length);
            assertThatThrownBy(() -> open(cut)).as("length %d", length)
                    .isInstanceOf(TableFormatException.class).hasMessageContaining("port table t");
        }
    }

    @Test
    void aTableThatOpensNeverFailsLater() {
        byte[] payload = TestTables.inflate(TableCodec.toBytes(TableCodecTest.sample()));
        int opened = 0;
        for (int i = 0; i < payload.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = payload.clone();
                bad[i] ^= (byte) flip;
                PortTable table;
                try {
                    table = open(bad);
                } catch (TableFormatException e) {
                    continue;
                }
                opened++;
                // every decode a registry can make must work
                table.version();
                for (int port : new int[] {0, 1, 7, 8, 65534, 65535}) {
                    assertThat(table.port(port).port()).isEqualTo(port);
                }
                for (int p = 0; p < table.portCount(); p++) {
                    table.port(table.dataPort(p)).summary();
                }
                for (int n = 0; n < table.nameCount(); n++) {
                    table.name(n);
                    table.namePorts(n);
                }
            }
        }
        // flips inside strings and counts of related ports keep a table consistent: the test saw some
        assertThat(opened).isPositive();
    }

    @Test
    void malformedTextDecodesToReplacementAtRunTimeButTheFullReaderRejectsIt() {
        // 0xC3 0x28: a two-byte lead followed by a byte that does not continue it
        byte[] payload = new TestTables.Payload().description(new byte[] {'E', (byte) 0xC3, '(', 'o'}).bytes();
        PortTable open = open(payload);
        assertThat(open.port(7).assignments().get(0).description()).isEqualTo("E\uFFFD(o");
        assertThatThrownBy(() -> TableCodec.read(TestTables.reseal(payload), "t")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("modified UTF-8");
    }

    @Test
    void wellFormedNonAsciiTextDecodesExactly() {
        byte[] payload = new TestTables.Payload().description("Société Générale \u2013 \u00e9cho".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).bytes();
        assertThat(open(payload).port(7).assignments().get(0).description()).isEqualTo("Société Générale \u2013 \u00e9cho");
        assertThat(TableCodec.read(TestTables.reseal(payload), "t").ports().get(0).assignments().get(0).description())
                .isEqualTo("Société Générale \u2013 \u00e9cho");
    }

    @Test
    void namesOutOfOrderOpenButTheFullReaderRejectsThem() {
        byte[] payload = new TestTables.Payload().secondName("abc").bytes();
        PortTable open = open(payload);
        assertThat(open.name(0)).isEqualTo("echo");
        assertThat(open.name(1)).isEqualTo("abc");
        assertThatThrownBy(() -> TableCodec.read(TestTables.reseal(payload), "t")).isInstanceOf(TableFormatException.class)
                .hasMessageContaining("unique and ascending");
    }

    static PortTable open(byte[] payload) {
        return TableCodec.open(TestTables.reseal(payload), "t");
    }
}
