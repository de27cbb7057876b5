package dev.portregistry.data;

import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IanaCsvImporterTest {
    private static final String FILE = "service-names-port-numbers.csv";
    private static final String HEADER = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
            + "Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes";

    private static SourceException failure(String csv) {
        SourceException e = catchThrowableOfType(SourceException.class, () -> IanaCsvImporter.parse(csv, FILE));
        assertThat(e).as("expected a SourceException").isNotNull();
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE + ":" + e.line() + ": ");
        return e;
    }

    @Test
    void headerConstantIsIanasTwelveColumns() {
        assertThat(String.join(",", IanaCsvImporter.HEADER)).isEqualTo(HEADER);
        assertThat(IanaCsvImporter.HEADER).hasSize(12);
    }

    @Test
    void parsesSinglePortsRangesAndServiceOnlyRows() {
        String csv = HEADER + "\n"
                + ",0,tcp,Reserved,[Jon_Postel],[Jon_Postel],,,,,,\n"                                   // 2
                + "http,80,tcp,World Wide Web HTTP,,,,,,,,\n"                                           // 3
                + "x11,6000-6063,tcp,X Window System,[Stephen_Gildea],[Stephen_Gildea],,,,,,\n"         // 4
                + "flex-lm,27000-27009,,FLEX LM (1-10),,,,,,,,\n"                                       // 5
                + "_apple-mobdev,,tcp,Apple MobileDevice,,,,,,,,\n"                                     // 6
                + "sctp-svc, 9 ,SCTP,  Discard  over   SCTP ,,,,,,,,\n"                                 // 7
                + "dccp-svc,1021,dccp,Experiment,,,,,,,,\n"                                             // 8
                + "a-dns-sd-name,,,DNS-SD only,,,,,,,,\n";                                              // 9

        IanaCsvImporter.Result result = IanaCsvImporter.parse(csv, FILE);

        assertThat(result.serviceOnlyRows()).isEqualTo(2);
        assertThat(result.records()).containsExactly(
                new OfficialRecord(FILE, 2, 0, 0, Set.of(Transport.TCP), "", "Reserved"),
                new OfficialRecord(FILE, 3, 80, 80, Set.of(Transport.TCP), "http", "World Wide Web HTTP"),
                new OfficialRecord(FILE, 4, 6000, 6063, Set.of(Transport.TCP), "x11", "X Window System"),
                new OfficialRecord(FILE, 5, 27000, 27009, Set.of(Transport.TCP, Transport.UDP), "flex-lm",
                        "FLEX LM (1-10)"),
                new OfficialRecord(FILE, 7, 9, 9, Set.of(Transport.SCTP), "sctp-svc", "Discard over SCTP"),
                new OfficialRecord(FILE, 8, 1021, 1021, Set.of(Transport.DCCP), "dccp-svc", "Experiment"));
        assertThat(result.records().get(2).portText()).isEqualTo("6000-6063");
    }

    @Test
    void headerOnlyGivesNoRecords() {
        IanaCsvImporter.Result result = IanaCsvImporter.parse(HEADER + "\n", FILE);
        assertThat(result.records()).isEmpty();
        assertThat(result.serviceOnlyRows()).isZero();
    }

    @Test
    void lastRowWithoutLineBreakIsRead() {
        IanaCsvImporter.Result result = IanaCsvImporter.parse(HEADER + "\nhttp,80,udp,WWW,,,,,,,,", FILE);
        assertThat(result.records()).containsExactly(
                new OfficialRecord(FILE, 2, 80, 80, Set.of(Transport.UDP), "http", "WWW"));
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        String csv = HEADER + "\n"
                + "ftp,21,tcp,\"File Transfer, \"\"control\"\"\",,,,,,,,\n"                 // 2
                + "multi,1234,udp,\"first line\n  second line\n\nfourth\",\"a,b\",,,,,,,\n" // 3-6
                + "after,1235,tcp,After the multi-line row,,,,,,,,\n"                       // 7
                + "\"quoted\",\"1236\",\"tcp\",\"\",,,,,,,,\"\"\n"                          // 8
                + "late,1237,tcp,\"x\",,,,,,,,\"note\nspanning\nlines\"\n"                  // 9-11
                + "bad,1238,icmp,Bad transport,,,,,,,,\n";                                 // 12

        SourceException e = failure(csv);
        assertThat(e.line()).isEqualTo(12);

        IanaCsvImporter.Result result = IanaCsvImporter.parse(csv.substring(0, csv.indexOf("bad,1238")), FILE);
        assertThat(result.records()).containsExactly(
                new OfficialRecord(FILE, 2, 21, 21, Set.of(Transport.TCP), "ftp", "File Transfer, \"control\""),
                new OfficialRecord(FILE, 3, 1234, 1234, Set.of(Transport.UDP), "multi", "first line second line fourth"),
                new OfficialRecord(FILE, 7, 1235, 1235, Set.of(Transport.TCP), "after", "After the multi-line row"),
                new OfficialRecord(FILE, 8, 1236, 1236, Set.of(Transport.TCP), "quoted", ""),
                new OfficialRecord(FILE, 9, 1237, 1237, Set.of(Transport.TCP), "late", "x"));
    }

    @Test
    void crlfLineEndingsAndBlankLines() {
        String csv = HEADER + "\r\n"
                + "http,80,tcp,\"World Wide\r\nWeb HTTP\",,,,,,,,\r\n"    // 2-3
                + "\r\n"                                                 // 4
                + "https,443,tcp,http protocol over TLS/SSL,,,,,,,,\r\n"; // 5

        IanaCsvImporter.Result result = IanaCsvImporter.parse(csv, FILE);

        assertThat(result.records()).containsExactly(
                new OfficialRecord(FILE, 2, 80, 80, Set.of(Transport.TCP), "http", "World Wide Web HTTP"),
                new OfficialRecord(FILE, 5, 443, 443, Set.of(Transport.TCP), "https", "http protocol over TLS/SSL"));
        assertThat(result.records()).allSatisfy(r -> assertThat(r.description()).doesNotContain("\r"));
    }

    @Test
    void crlfLineNumbersOfErrors() {
        String csv = HEADER + "\r\n"
                + "http,80,tcp,\"World Wide\r\nWeb HTTP\",,,,,,,,\r\n" // 2-3
                + "https,443,tcp,short\r\n";                          // 4
        SourceException e = failure(csv);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("expected 12 fields, found 4");
    }

    @Test
    void leadingByteOrderMarkIsSkipped() {
        IanaCsvImporter.Result result = IanaCsvImporter.parse("\uFEFF" + HEADER + "\nhttp,80,tcp,WWW,,,,,,,,\n", FILE);
        assertThat(result.records()).containsExactly(
                new OfficialRecord(FILE, 2, 80, 80, Set.of(Transport.TCP), "http", "WWW"));
    }

    @Test
    void rejectsAWrongHeader() {
        SourceException e = failure(HEADER.replace("Port Number", "Port") + "\nhttp,80,tcp,WWW,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("expected IANA's header").contains("found Service Name,Port,Transport Protocol");
    }

    @Test
    void rejectsAHeaderWithAMissingColumn() {
        SourceException e = failure(HEADER.substring(0, HEADER.lastIndexOf(',')) + "\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("expected IANA's header");
    }

    @Test
    void rejectsAnEmptyFile() {
        SourceException e = failure("");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("an empty file");
    }

    @Test
    void rejectsAWrongFieldCount() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,tcp,WWW,,,,,,,,\n"
                + "https,443,tcp,TLS,,,,,,,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected 12 fields, found 11");
    }

    @Test
    void rejectsTooManyFields() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,tcp,WWW,,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("found 13");
    }

    @Test
    void rejectsAnUnclosedQuoteAtTheLineWhereItOpens() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,tcp,WWW,,,,,,,,\n"
                + "ftp,21,tcp,\"never closed,,,,,,,,\n"
                + "https,443,tcp,TLS,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("never closed");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        SourceException e = failure(HEADER + "\n"
                + "ftp,21,tcp,\"File\"x,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("after a closing quote");
    }

    @Test
    void rejectsAQuoteInsideAnUnquotedField() {
        SourceException e = failure(HEADER + "\n"
                + "ftp,21,tcp,File \"Transfer\",,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("quote inside an unquoted field");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,tcp,WWW,,,,,,,,\n"
                + "http,eighty,tcp,WWW,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("eighty").contains("not a number");
    }

    @Test
    void rejectsAPortOutOfRange() {
        SourceException e = failure(HEADER + "\n"
                + "big,70000,tcp,Too big,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("out of range");
    }

    @Test
    void rejectsAReversedRange() {
        SourceException e = failure(HEADER + "\n"
                + "x11,6063-6000,tcp,X Window System,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("reversed");
    }

    @Test
    void rejectsABadTransportAtTheRowsFirstLine() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,tcp,WWW,,,,,,,,\n"
                + "ping,7,icmp,\"Echo\nover two lines\",,,,,,,,\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown transport").contains("icmp");
    }

    @Test
    void rejectsSeveralTransportsInOneField() {
        SourceException e = failure(HEADER + "\n"
                + "http,80,\"tcp,udp\",WWW,,,,,,,,\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("unknown transport");
    }

    @Test
    void resultRecordsAreUnmodifiable() {
        List<OfficialRecord> records = IanaCsvImporter.parse(HEADER + "\nhttp,80,tcp,WWW,,,,,,,,\n", FILE).records();
        assertThat(records).isUnmodifiable();
    }
}
