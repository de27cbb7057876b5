package dev.portregistry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * summary() on records the compiler built, end to end: the frozen fixture table's facts
 * (test-fixtures/data/README.md) turned into sentences. The rules with hand-made records are
 * PortInfoTest's; here every fact comes through the table, so a sentence that loses or invents a
 * field fails, and a refresh of the bundled data changes nothing.
 */
class SummaryTest {
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;

    private static String summary(int port) {
        return FIXTURE.get(port).summary();
    }

    @Test
    void theTombstoneTellsItsWholeStoryFromTheFields() {
        assertThat(summary(1196)).isEqualTo("Port 1196 is a registered port (1024-49151). IANA assigns it to netmagic "
                + "(Network Magic) over TCP and UDP. Network Magic (Pure Networks) was discontinued in 2012, so the "
                + "assignment of netmagic is abandoned. netmagic was registered 2005-08. In practice it is commonly used "
                + "by OpenVPN (an alternative to its default port 1194). Related ports: 1194, 1195, 1197. If you did not "
                + "configure a service on it, investigate an unexpected listener.");
    }

    @Test
    void anAbandonedProductWithAReasonGivesBoth() {
        assertThat(summary(5190)).contains("AOL Instant Messenger (AOL) was discontinued in 2017, so the assignment of "
                + "aol is abandoned. ICQ, the other client of the protocol on this port, closed in 2024. ");
    }

    @Test
    void historicProtocolsSayWhy() {
        assertThat(summary(109)).contains("The protocol behind pop2 is historic: RFC 937, which defined POP version 2, "
                + "is classified Historic; POP3 replaced it.", "pop2 is defined in RFC 937.");
        assertThat(summary(18)).contains("The protocol behind msp is historic: IANA's registry describes it as historic.");
    }

    @Test
    void ianasRecordIsTold() {
        assertThat(summary(585)).isEqualTo("Port 585 is a well-known port (0-1023). Its former IANA assignment was "
                + "de-registered. IANA notes: Use of 585 is not recommended, use 993 instead. If you did not configure a "
                + "service on it, investigate an unexpected listener.");
        assertThat(summary(79)).contains("finger is defined in RFC 1288. IANA has a report of unauthorized use: "
                + "Unauthorized use by some mail users (see [RFC4146] for details).");
        assertThat(summary(22)).startsWith("Port 22 is a well-known port (0-1023). IANA assigns it to ssh (The Secure "
                + "Shell (SSH) Protocol) over TCP and UDP and ssh over SCTP. ssh is defined in RFC 4251 and RFC 9260. "
                + "IANA notes: Defined TXT keys: u=<username> p=<password>.")
                .endsWith("A listener here is expected if you run the assigned service.");
    }

    @Test
    void malwareIsWeighedByWhatElseHoldsThePortWithItsEraFromTheFields() {
        assertThat(summary(12345)).endsWith("Malware known to use or target it: NetBus (seen from 1998). No active service "
                + "is assigned here and malware (from 1998) is known to use the port: treat an unexpected listener as "
                + "suspicious and investigate it closely.");
        assertThat(summary(6001)).contains("Malware known to use or target it: Some Worm (seen 2003-2004).",
                "the malware listed (from 2003) is weak evidence on its own on an active service port");
        assertThat(summary(25)).contains("Morris worm (seen in 1988)", "Related ports: 110, 993.");
    }

    @Test
    void reservedUnassignedAndDynamicPortsSaySo() {
        assertThat(summary(0)).isEqualTo("Port 0 is a well-known port (0-1023). IANA has reserved it and assigns it to "
                + "no service. If you did not configure a service on it, investigate an unexpected listener.");
        assertThat(summary(7443)).isEqualTo("Port 7443 is a registered port (1024-49151). IANA has not assigned it to "
                + "any service. If you did not configure a service on it, investigate an unexpected listener.");
        assertThat(summary(50000)).startsWith("Port 50000 is a dynamic port (49152-65535). IANA assigns no service in "
                + "this range; systems use it for ephemeral ports and private services. In practice it is commonly used "
                + "by Linux ephemeral ports and Windows dynamic ports.");
    }

    @Test
    void anUnofficialUseWithoutAnOfficialPortIsNamedAlone() {
        assertThat(summary(8080)).contains("IANA assigns it to http-alt (HTTP Alternate (see port 80)) over TCP and UDP. "
                + "In practice it is commonly used by Apache Tomcat.");
    }
}
