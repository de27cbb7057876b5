package dev.portregistry.data;

import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServicesFileImporterTest {
    private static final String FILE = "services";

    private static SourceException failure(String text) {
        SourceException e = catchThrowableOfType(SourceException.class, () -> ServicesFileImporter.parse(text, FILE));
        assertThat(e).as("expected a SourceException").isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
        return e;
    }

    @Test
    void parsesNetbaseLines() {
        List<ServicesFileImporter.Entry> entries = ServicesFileImporter.parse("""
                # Network services, Internet style
                #
                tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer

                echo\t\t7/tcp
                http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP
                kerberos\t88/udp\t\tkerberos5 krb5 kerberos-sec\t# Kerberos v5
                """, FILE);

        assertThat(entries).extracting(ServicesFileImporter.Entry::record).containsExactly(
                new OfficialRecord(FILE, 3, 1, 1, Set.of(Transport.TCP), "tcpmux", "TCP port service multiplexer"),
                new OfficialRecord(FILE, 5, 7, 7, Set.of(Transport.TCP), "echo", ""),
                new OfficialRecord(FILE, 6, 80, 80, Set.of(Transport.TCP), "http", "WorldWideWeb HTTP"),
                new OfficialRecord(FILE, 7, 88, 88, Set.of(Transport.UDP), "kerberos", "Kerberos v5"));
        assertThat(entries).extracting(ServicesFileImporter.Entry::aliases).containsExactly(
                List.of(), List.of(), List.of("www"), List.of("kerberos5", "krb5", "kerberos-sec"));
    }

    @Test
    void parsesWiresharkMultiTransportsAndRanges() {
        List<ServicesFileImporter.Entry> entries = ServicesFileImporter.parse("""
                # This is a local copy of the IANA port-numbers file.
                discard         9/tcp/udp/sctp/dccp # Discard
                x11          6000-6063/tcp/udp # X Window System
                """, FILE);

        assertThat(entries).extracting(ServicesFileImporter.Entry::record).containsExactly(
                new OfficialRecord(FILE, 2, 9, 9, Set.of(Transport.TCP, Transport.UDP, Transport.SCTP, Transport.DCCP),
                        "discard", "Discard"),
                new OfficialRecord(FILE, 3, 6000, 6063, Set.of(Transport.TCP, Transport.UDP), "x11", "X Window System"));
        assertThat(entries.get(1).record().isSinglePort()).isFalse();
        assertThat(entries).allSatisfy(e -> assertThat(e.aliases()).isEmpty());
    }

    @Test
    void crlfLinesAndUpperCaseTransports() {
        List<ServicesFileImporter.Entry> entries = ServicesFileImporter.parse(
                "# header\r\n\r\nssh 22/TCP # The Secure Shell (SSH) Protocol\r\nssh 22/Udp\r\n", FILE);

        assertThat(entries).extracting(ServicesFileImporter.Entry::record).containsExactly(
                new OfficialRecord(FILE, 3, 22, 22, Set.of(Transport.TCP), "ssh", "The Secure Shell (SSH) Protocol"),
                new OfficialRecord(FILE, 4, 22, 22, Set.of(Transport.UDP), "ssh", ""));
    }

    @Test
    void onlyCommentsAndBlankLinesGiveNothing() {
        assertThat(ServicesFileImporter.parse("# nothing\n\n   \n\t# indented comment\n", FILE)).isEmpty();
        assertThat(ServicesFileImporter.parse("", FILE)).isEmpty();
    }

    @Test
    void rejectsAMissingTransport() {
        SourceException e = failure("""
                http 80/tcp www # WorldWideWeb HTTP
                # comment

                https 443 # http protocol over TLS/SSL
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("\"443\"").contains("no transport");
    }

    @Test
    void rejectsALineWithOnlyAName() {
        SourceException e = failure("http 80/tcp\nhttps # TLS\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("expected \"name port/transport");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        SourceException e = failure("http 80/tcp\n\nhttps https/tcp\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("not a number");
    }

    @Test
    void rejectsAPortOutOfRange() {
        SourceException e = failure("big 65536/tcp\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("65536").contains("out of range");
    }

    @Test
    void rejectsAReversedRange() {
        SourceException e = failure("x11 6063-6000/tcp\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("reversed");
    }

    @Test
    void rejectsARepeatedTransport() {
        SourceException e = failure("# x\ndiscard 9/tcp/udp/tcp # Discard\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("listed twice");
    }

    @Test
    void rejectsAnUnknownTransport() {
        SourceException e = failure("echo 7/tcp\necho 7/icmp\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("unknown transport").contains("icmp");
    }

    @Test
    void rejectsAnEmptyTransport() {
        SourceException e = failure("echo 7/tcp/\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("unknown transport");
    }
}
