package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IANA's CSV read as IANA publishes it: a hand-written fixture with every shape the real file has. */
class IanaCsvTest {
    static final String FIXTURE = "/dev/portregistry/iana-fixture.csv";
    private static final String HEADER = String.join(",", IanaCsv.HEADER) + "\n";

    static String fixture() throws IOException {
        try (InputStream in = IanaCsvTest.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static IanaCsv parse(String text) throws IOException {
        return IanaCsv.read(new StringReader(text), "test.csv");
    }

    @Test
    void readsEveryKeptFieldOfTheFixture() throws IOException {
        IanaCsv csv = parse(fixture());
        assertThat(csv.recordCount()).isEqualTo(12);
        assertThat(csv.serviceOnlyCount()).isEqualTo(1);
        assertThat(csv.unassignedCount()).isEqualTo(1);
        assertThat(csv.newestDate()).hasValue(RegistryDate.of(LocalDate.of(2026, 11, 30)));

        ServiceAssignment pop3 = csv.assignments(110).get(0);
        assertThat(pop3.description()).isEqualTo("Post Office Protocol - Version 3");
        assertThat(pop3.references()).containsExactly("RFC 1939");

        ServiceAssignment quoted = csv.assignments(4000).get(0);
        assertThat(quoted.description()).isEqualTo("A \"quoted\", comma-holding description");
        assertThat(quoted.registrationDate()).hasValue(RegistryDate.of(2005, 8));
        assertThat(quoted.registrationDate().get().hasDay()).isFalse();
        assertThat(quoted.registrationDate().get()).hasToString("2005-08");
        assertThat(quoted.modificationDate()).hasValue(RegistryDate.of(LocalDate.of(2006, 4, 25)));
        // a footnote number and a person with an e-mail address are not references
        assertThat(quoted.references()).containsExactly("draft-example-02", "https://example.org/proto");

        List<ServiceAssignment> finger = csv.assignments(79);
        assertThat(finger).singleElement().satisfies(a -> {
            assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
            assertThat(a.unauthorizedUseReported())
                    .hasValue("Unauthorized use by some mail users (see [RFC4146] for details)");
            assertThat(a.status()).isEqualTo(LifecycleStatus.ACTIVE);
        });
        assertThat(csv.assignments(0)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(LifecycleStatus.RESERVED);
            assertThat(a.name()).isEmpty();
            assertThat(a.references()).containsExactly("RFC 6335");
        });
    }

    @Test
    void aRecordWithoutTransportIsTcpAndUdpAndKeepsItsNote() throws IOException {
        ServiceAssignment a = parse(fixture()).assignments(585).get(0);
        assertThat(a.status()).isEqualTo(LifecycleStatus.DEREGISTERED);
        assertThat(a.transports()).containsExactly(Transport.TCP, Transport.UDP);
        assertThat(a.assignmentNotes()).hasValue("Use of 585 is not recommended, use 993 instead");
        assertThat(a.modificationDate()).hasValue(RegistryDate.parse("2006-04-25"));
    }

    @Test
    void aRangeStandsForEachOfItsPortsAndUnassignedRowsForNone() throws IOException {
        IanaCsv csv = parse(fixture());
        for (int port = 6000; port <= 6063; port++) {
            assertThat(csv.assignments(port)).extracting(ServiceAssignment::name).containsExactly("x11");
        }
        assertThat(csv.assignments(5999)).isEmpty();
        assertThat(csv.assignments(6064)).isEmpty();
        assertThat(csv.assignments(6100)).isEmpty();
        IanaCsv.Row x11 = csv.rows().stream().filter(r -> r.assignment().name().equals("x11")).findFirst().orElseThrow();
        assertThat(x11.firstPort()).isEqualTo(6000);
        assertThat(x11.lastPort()).isEqualTo(6063);
        assertThat(x11.line()).isEqualTo(12);
    }

    @Test
    void rowsRememberTheLineTheirRecordStartsOn() throws IOException {
        IanaCsv csv = parse(fixture());
        assertThat(csv.rows()).filteredOn(r -> r.firstPort() == 4000).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(7));
        assertThat(csv.rows()).filteredOn(r -> r.firstPort() == 585).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(9));
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkReadTheSame() throws IOException {
        String text = fixture();
        IanaCsv lf = parse(text);
        IanaCsv crlf = parse("\uFEFF" + text.replace("\n", "\r\n"));
        assertThat(crlf.assignmentsByPort()).isEqualTo(lf.assignmentsByPort());
        assertThat(crlf.rows()).extracting(IanaCsv.Row::line).isEqualTo(lf.rows().stream().map(IanaCsv.Row::line).toList());
    }

    @Test
    void assignmentsOfOnePortAreOrderedTcpFirstAndMergedOnlyWhenAllFieldsAgree() throws IOException {
        IanaCsv csv = parse(HEADER
                + "b,7,udp,Echo B,,,2001-01,,,,,\n"
                + "a,7,tcp,Echo A,,,2001-01,,,,,\n"
                + "b,7,tcp,Echo B,,,2002-02,,,,,\n"
                + "a,7,udp,Echo A,,,2001-01,,,,,\n");
        List<ServiceAssignment> list = csv.assignments(7);
        assertThat(list).extracting(ServiceAssignment::toString).containsExactly(
                "a (Echo A) [TCP, UDP] ACTIVE", "b (Echo B) [TCP] ACTIVE", "b (Echo B) [UDP] ACTIVE");
    }

    @Test
    void historicDescriptionsAreHistoricWithIanasWordAsReason() throws IOException {
        ServiceAssignment a = parse(HEADER + "msp,18,tcp,Message Send Protocol (historic),,,,,,,,\n").assignments(18).get(0);
        assertThat(a.status()).isEqualTo(LifecycleStatus.HISTORIC);
        assertThat(a.reason()).hasValue(IanaCsv.HISTORIC_REASON);
    }

    @Test
    void referencesAreReadableItemsWithoutPeople() {
        assertThat(IanaCsv.references("[RFC3501][RFC9051]")).containsExactly("RFC 3501", "RFC 9051");
        assertThat(IanaCsv.references("[RFC8765, Section 6.1]")).containsExactly("RFC 8765, Section 6.1");
        assertThat(IanaCsv.references("[RFC-ietf-emailcore-rfc5321bis-43]"))
                .containsExactly("RFC-ietf-emailcore-rfc5321bis-43");
        assertThat(IanaCsv.references("[ISO/IEC 13818-6 MPEG-2 DSM-CC]")).containsExactly("ISO/IEC 13818-6 MPEG-2 DSM-CC");
        assertThat(IanaCsv.references("[Mark_Lottor][RFC1078]")).containsExactly("RFC 1078");
        assertThat(IanaCsv.references("[John_O'Doe-Smith]")).isEmpty();
        assertThat(IanaCsv.references("[1][RFC4727][RFC6335]")).containsExactly("RFC 4727", "RFC 6335");
        assertThat(IanaCsv.references("[n/a]")).isEmpty();
        assertThat(IanaCsv.references("[Some One <x&example.org> 15 June 2009]")).isEmpty();
        assertThat(IanaCsv.references("[a@example.org]")).isEmpty();
        assertThat(IanaCsv.references("[TR-352][A long\n   text]")).containsExactly("TR-352", "A long text");
        assertThat(IanaCsv.references("see RFC 1")).containsExactly("see RFC 1");
        assertThat(IanaCsv.references("[RFC1][RFC1]")).containsExactly("RFC 1");
        assertThat(IanaCsv.references("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unterminated quote|x,1,tcp,\"open,,,,,,,,,\\n|3|never closed",
            "eleven fields|x,1,tcp,d,,,,,,,\\n|3|expected 12 fields (IANA's columns), found 11",
            "thirteen fields|x,1,tcp,d,,,,,,,,,\\n|3|found 13",
            "port out of range|x,70000,tcp,d,,,,,,,,\\n|3|port number \"70000\" is invalid",
            "port not a number|x,8o,tcp,d,,,,,,,,\\n|3|port number \"8o\" is invalid",
            "backwards range|x,9-8,tcp,d,,,,,,,,\\n|3|port range \"9-8\" is invalid",
            "bad month|x,1,tcp,d,,,2005-13,,,,,\\n|3|registration date \"2005-13\" is invalid",
            "bad day|x,1,tcp,d,,,,2006-02-30,,,,\\n|3|modification date \"2006-02-30\" is invalid",
            "bad transport|x,1,tpc,d,,,,,,,,\\n|3|transport protocol \"tpc\" is unknown",
            "quote in unquoted field|x,1,tcp,a\"b,,,,,,,,\\n|3|a quote inside an unquoted field",
            "text after closing quote|x,1,tcp,\"a\"b,,,,,,,,\\n|3|after a closing quote",
    })
    void badCsvFailsNamingTheFileAndTheLineTheRecordStartsOn(String what, String badRow, int line, String detail) {
        // the header is line 1, a good record line 2, the bad record line 3
        String text = HEADER + "ok,1,tcp,fine,,,,,,,,\n" + badRow.replace("\\n", "\n");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.csv:" + line + ": ").hasMessageContaining(detail)
                .satisfies(e -> assertThat(((RegistryFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void theLineOfABadRecordCountsTheLinesOfQuotedFieldsBeforeIt() {
        String text = HEADER + "ok,1,tcp,\"two\nlines\",,,,,,,,\nbad,99999,tcp,d,,,,,,,,\n";
        assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.csv:4: port number \"99999\"");
    }

    @Test
    void aWrongHeaderIsRefusedOnLineOne() {
        assertThatThrownBy(() -> parse("Service Name,Port Number\nx,1\n")).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.csv:1: expected IANA's header");
        assertThatThrownBy(() -> parse("")).isInstanceOf(RegistryFormatException.class)
                .hasMessageContaining("found an empty file");
    }

    @Test
    void aBadServiceNameIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "\"a\tb\",1,tcp,d,,,,,,,,\n")).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.csv:2: service name");
    }

    @Test
    void theSameAssignmentValuesAsTheBuilderWouldMake() throws IOException {
        ServiceAssignment a = parse(HEADER + "tcpmux,1,tcp,TCP Port Service Multiplexer,,,,,,,,\n").assignments(1).get(0);
        assertThat(a).isEqualTo(ServiceAssignment.of("tcpmux", "TCP Port Service Multiplexer",
                EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE));
        assertThat(a.registrationDate()).isEmpty();
        assertThat(a.references()).isEmpty();
        assertThat(a.serviceCode()).isEmpty();
    }

    static Stream<Arguments> fieldsWithLineBreaksAndRunsOfWhiteSpace() {
        return Stream.of(
                Arguments.of("Echo Protocol", "Echo Protocol"),
                Arguments.of("E", "E"),
                Arguments.of(" Echo", "Echo"),
                Arguments.of("Echo ", "Echo"),
                Arguments.of("  Echo  ", "Echo"),
                Arguments.of("Echo  Protocol", "Echo Protocol"),
                Arguments.of("Echo\tProtocol", "Echo Protocol"),
                Arguments.of("Echo\nProtocol", "Echo Protocol"),
                Arguments.of("Echo\r\n   Protocol", "Echo Protocol"),
                Arguments.of("Echo \t\n Protocol - Version  2", "Echo Protocol - Version 2"));
    }

    @ParameterizedTest
    @MethodSource("fieldsWithLineBreaksAndRunsOfWhiteSpace")
    void lineBreaksAndRunsOfWhiteSpaceInAFieldBecomeOneSpaceAndTheEndsAreTrimmed(String field, String read)
            throws IOException {
        IanaCsv csv = parse(HEADER + "echo,7,tcp,\"" + field + "\",,,,,,,,\"" + field + "\"\n");
        ServiceAssignment echo = csv.assignments(7).get(0);
        assertThat(echo.description()).isEqualTo(read);
        assertThat(echo.assignmentNotes()).hasValue(read);
    }

    @Test
    void portsAndRangesReachBothEndsOfTheNumberSpace() throws IOException {
        IanaCsv csv = parse(HEADER + "low,0-3,tcp,Low,,,,,,,,\none,9-9,udp,One,,,,,,,,\nhigh,65535,tcp,High,,,,,,,,\n"
                + "top,65534-65535,udp,Top,,,,,,,,\n");
        assertThat(csv.rows()).extracting(r -> r.firstPort() + "-" + r.lastPort())
                .containsExactly("0-3", "9-9", "65535-65535", "65534-65535");
        assertThat(csv.assignmentsByPort().keySet()).containsExactly(0, 1, 2, 3, 9, 65534, 65535);
        assertThat(csv.assignments(65535)).extracting(ServiceAssignment::name).containsExactly("high", "top");
        for (String bad : List.of("65536", "65535-65536", "123456", "-1", "1-")) {
            assertThatThrownBy(() -> parse(HEADER + "x," + bad + ",tcp,d,,,,,,,,\n"))
                    .isInstanceOf(RegistryFormatException.class)
                    .hasMessage("test.csv:2: port number \"" + bad + "\" is invalid: expected a port 0..65535 or a range such as 6000-6063");
        }
        assertThatThrownBy(() -> csv.assignments(65536)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is out of range: expected 0..65535");
    }

    @Test
    void theLastRecordMayEndWithoutALineBreakOrWithALoneCarriageReturn() throws IOException {
        String row = "ok,1,tcp,fine,,,2001-02,,,,,";
        for (String end : List.of("", "\r", "\r\n", "\n")) {
            IanaCsv csv = parse(HEADER + row + end);
            assertThat(csv.recordCount()).as("ending %s", end.replace("\r", "CR").replace("\n", "LF")).isEqualTo(1);
            assertThat(csv.assignments(1)).singleElement().satisfies(a -> {
                assertThat(a.description()).isEqualTo("fine");
                assertThat(a.assignmentNotes()).isEmpty();
            });
        }
        // a quoted last field, the file ending right after its closing quote
        IanaCsv quoted = parse(HEADER + "ok,1,tcp,fine,,,2001-02,,,,,\"use 2 instead\"");
        assertThat(quoted.assignments(1).get(0).assignmentNotes()).hasValue("use 2 instead");
        IanaCsv quotedName = parse(HEADER + "\"ok\",1,tcp,fine,,,,,,,,\n");
        assertThat(quotedName.assignments(1).get(0).name()).isEqualTo("ok");
    }

    @Test
    void blankLinesBetweenRecordsAreSkippedAndCounted() {
        String text = HEADER + "\n\r\nok,1,tcp,fine,,,,,,,,\n\n\nbad,99999,tcp,d,,,,,,,,\n";
        // header 1, blank 2 and 3, ok 4, blank 5 and 6, bad 7
        assertThatThrownBy(() -> parse(text)).isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("test.csv:7: port number \"99999\"");
    }

    @Test
    void theFileAndItsRowsSayWhatTheyHoldInToString() throws IOException {
        IanaCsv csv = parse(fixture());
        assertThat(csv).hasToString("IanaCsv[test.csv, 10 rows, newest 2026-11-30]");
        assertThat(csv.rows().stream().filter(r -> r.firstPort() == 6000).findFirst().orElseThrow())
                .hasToString("12: 6000-6063 x11 (X Window System) [TCP] ACTIVE");
        assertThat(csv.rows().stream().filter(r -> r.firstPort() == 110).findFirst().orElseThrow())
                .hasToString("5: 110 pop3 (Post Office Protocol - Version 3) [TCP] ACTIVE");
    }
}
