package dev.portregistry;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PortInfo#summary()} word for word, on records built here (no bundled data): the
 * sentence for each status and range, how lists of names are joined ("a, b and c", "and 2
 * more"), which of IANA's fields are told and which are left out, local assignments said apart,
 * malware eras, and the advice at the end. The summary is what a person reads, so a wrong
 * separator, a lost clause or a sentence in the wrong case is a bug, not a detail.
 */
class SummariesSentencesTest {
    private static final Set<Transport> TCP = EnumSet.of(Transport.TCP);
    private static final Set<Transport> UDP = EnumSet.of(Transport.UDP);
    private static final Set<Transport> TCP_UDP = EnumSet.of(Transport.TCP, Transport.UDP);
    private static final Set<Transport> ALL = EnumSet.allOf(Transport.class);

    private static final String NO_SERVICE_ADVICE = "If you did not configure a service on it, investigate an unexpected listener.";
    private static final String ACTIVE_ADVICE = "A listener here is expected if you run the assigned service.";

    private static ServiceAssignment.Builder iana(String name, String description, Set<Transport> transports,
                                                  LifecycleStatus status) {
        return ServiceAssignment.builder().name(name).description(description).transports(transports).status(status);
    }

    private static ServiceAssignment active(String name, String description, Set<Transport> transports) {
        return iana(name, description, transports, LifecycleStatus.ACTIVE).build();
    }

    private static AlternateUse.Builder use(String name, UseKind kind) {
        return AlternateUse.builder().name(name).description("").transports(TCP).kind(kind);
    }

    private static String summary(int port, List<ServiceAssignment> assignments, List<AlternateUse> uses,
                                  List<Integer> related) {
        return PortInfo.of(port, assignments, uses, related).summary();
    }

    private static String summary(int port, ServiceAssignment... assignments) {
        return summary(port, List.of(assignments), List.of(), List.of());
    }

    // ------------------------------------------------------------------ ports without an assignment

    @Test
    void eachRangeIsNamedWithItsBoundsAndAnEmptyPortGetsTheGeneralAdvice() {
        assertThat(summary(0)).isEqualTo("Port 0 is a well-known port (0-1023). IANA has not assigned it to any service. "
                + NO_SERVICE_ADVICE);
        assertThat(summary(40000)).isEqualTo("Port 40000 is a registered port (1024-49151). "
                + "IANA has not assigned it to any service. " + NO_SERVICE_ADVICE);
    }

    @Test
    void anEmptyDynamicPortIsEphemeralAndOnlyALongRunningListenerDeservesALook() {
        assertThat(summary(50000)).isEqualTo("Port 50000 is a dynamic port (49152-65535). IANA assigns no service in "
                + "this range; systems use it for ephemeral ports and private services. Short-lived client connections "
                + "here are normal; a long-running listener you did not configure deserves a look.");
    }

    @Test
    void aDynamicPortWithAKnownProgramGetsTheGeneralAdviceInstead() {
        String s = summary(50000, List.of(), List.of(use("Tool", UseKind.UNOFFICIAL).build()), List.of());
        assertThat(s).isEqualTo("Port 50000 is a dynamic port (49152-65535). IANA assigns no service in this range; "
                + "systems use it for ephemeral ports and private services. In practice it is commonly used by Tool. "
                + NO_SERVICE_ADVICE);
    }

    @Test
    void aReservedPortSaysSo() {
        assertThat(summary(1023, iana("", "Reserved", TCP_UDP, LifecycleStatus.RESERVED).build()))
                .isEqualTo("Port 1023 is a well-known port (0-1023). IANA has reserved it and assigns it to no service. "
                        + NO_SERVICE_ADVICE);
    }

    @Test
    void aPortWhoseOnlyAssignmentWasWithdrawnSaysSo() {
        assertThat(summary(585, iana("", "", TCP, LifecycleStatus.DEREGISTERED).build()))
                .isEqualTo("Port 585 is a well-known port (0-1023). Its former IANA assignment was de-registered. "
                        + NO_SERVICE_ADVICE);
    }

    // ------------------------------------------------------------------ official assignments

    @Test
    void oneAssignmentIsNamedWithDescriptionAndTransports() {
        assertThat(summary(7000, active("svc", "Some Service", TCP_UDP)))
                .isEqualTo("Port 7000 is a registered port (1024-49151). IANA assigns it to svc (Some Service) over "
                        + "TCP and UDP. " + ACTIVE_ADVICE);
    }

    @Test
    void aDescriptionThatOnlyRepeatsTheNameIsLeftOut() {
        assertThat(summary(7000, active("svc", "SVC", TCP), active("other", "", UDP)))
                .startsWith("Port 7000 is a registered port (1024-49151). IANA assigns it to svc over TCP and other over UDP. ");
    }

    @Test
    void transportsAreListedInTheirOrderWithCommasAndAnd() {
        assertThat(summary(7000, active("svc", "", ALL)))
                .contains("IANA assigns it to svc over TCP, UDP, SCTP and DCCP. ");
    }

    @Test
    void threeServicesAreJoinedWithCommasAndAnd() {
        assertThat(summary(7000, active("a", "Alpha", TCP), active("b", "Beta", UDP), active("c", "Gamma", TCP)))
                .contains("IANA assigns it to a (Alpha) over TCP, b (Beta) over UDP and c (Gamma) over TCP. ");
    }

    @Test
    void onlyThreeServicesAreNamedAndTheRestCounted() {
        String s = summary(7000, active("a", "Alpha", TCP), active("b", "Beta", TCP), active("c", "Gamma", TCP),
                active("d", "Delta", TCP), active("e", "Epsilon", TCP));
        assertThat(s).contains("IANA assigns it to a (Alpha) over TCP, b (Beta) over TCP, c (Gamma) over TCP and 2 more. ")
                .doesNotContain("Delta");
        String four = summary(7000, active("a", "Alpha", TCP), active("b", "Beta", TCP), active("c", "Gamma", TCP),
                active("d", "Delta", TCP));
        assertThat(four).contains("c (Gamma) over TCP and 1 more. ");
    }

    @Test
    void aliasesOfOneServiceAreOneGroupJoinedWithOr() {
        // IANA lists one service under several names with the same description, transports and status
        String s = summary(7000, active("x", "Thing", TCP), active("y", "Thing", TCP), active("z", "Thing", TCP),
                active("w", "Thing", UDP));
        assertThat(s).contains("IANA assigns it to x, y or z (Thing) over TCP and w (Thing) over UDP. ");
        // two names without a description are not aliases of each other
        assertThat(summary(7000, active("p", "", TCP), active("q", "", TCP)))
                .contains("IANA assigns it to p over TCP and q over TCP. ");
        // nor are two names of the same description in different states
        assertThat(summary(7000, active("p", "Thing", TCP), iana("q", "Thing", TCP, LifecycleStatus.HISTORIC).build()))
                .contains("IANA assigns it to p (Thing) over TCP and q (Thing) over TCP. ");
    }

    @Test
    void aReservedEntryBesideANamedServiceIsNotNamed() {
        assertThat(summary(7000, iana("", "Reserved", TCP, LifecycleStatus.RESERVED).build(), active("svc", "", UDP)))
                .isEqualTo("Port 7000 is a registered port (1024-49151). IANA assigns it to svc over UDP. " + ACTIVE_ADVICE);
    }

    @Test
    void aWithdrawnUnnamedAssignmentBesideANamedOneIsToldWithItsTransports() {
        assertThat(summary(7000, active("svc", "", TCP), iana("", "", TCP_UDP, LifecycleStatus.DEREGISTERED).build()))
                .isEqualTo("Port 7000 is a registered port (1024-49151). IANA assigns it to svc over TCP. "
                        + "A former assignment over TCP and UDP was de-registered. " + ACTIVE_ADVICE);
    }

    @Test
    void aWithdrawnNamedAssignmentIsToldByName() {
        assertThat(summary(7000, iana("old", "", TCP, LifecycleStatus.DEREGISTERED).build()))
                .isEqualTo("Port 7000 is a registered port (1024-49151). IANA assigns it to old over TCP. "
                        + "The assignment of old was de-registered. " + NO_SERVICE_ADVICE);
    }

    // ------------------------------------------------------------------ lifecycle sentences

    @Test
    void anAbandonedProductIsToldWithVendorYearAndReason() {
        ServiceAssignment a = iana("netmagic", "Network Magic", TCP_UDP, LifecycleStatus.ABANDONED)
                .product("Network Magic").vendor("Pure Networks").discontinuedYear(2012)
                .reason("Cisco ended the product").build();
        assertThat(summary(1196, a)).isEqualTo("Port 1196 is a registered port (1024-49151). IANA assigns it to "
                + "netmagic (Network Magic) over TCP and UDP. Network Magic (Pure Networks) was discontinued in 2012, "
                + "so the assignment of netmagic is abandoned. Cisco ended the product. " + NO_SERVICE_ADVICE);
    }

    @Test
    void anAbandonedAssignmentWithoutProductNamesItsServices() {
        ServiceAssignment one = iana("one", "", TCP, LifecycleStatus.ABANDONED).reason("Gone.").build();
        ServiceAssignment two = iana("two", "", UDP, LifecycleStatus.ABANDONED).reason("Gone.").build();
        ServiceAssignment three = iana("three", "", TCP, LifecycleStatus.ABANDONED).reason("Gone.").build();
        assertThat(summary(7000, one, two, three)).contains("The product behind one, two and three has been "
                + "discontinued, so the assignments of one, two and three are abandoned. Gone. ");
        assertThat(summary(7000, iana("solo", "", TCP, LifecycleStatus.ABANDONED).build()))
                .contains("IANA assigns it to solo over TCP. The product behind solo has been discontinued, "
                        + "so the assignment of solo is abandoned. If you did not");
    }

    @Test
    void abandonedAssignmentsWithoutAnyFactAreToldOneByOne() {
        // nothing shared but the status: two sentences, not one that claims a common product
        String s = summary(7000, iana("one", "", TCP, LifecycleStatus.ABANDONED).build(),
                iana("two", "", UDP, LifecycleStatus.ABANDONED).build());
        assertThat(s).contains("The product behind one has been discontinued, so the assignment of one is abandoned. "
                + "The product behind two has been discontinued, so the assignment of two is abandoned. ");
    }

    @Test
    void assignmentsAreGroupedOnlyWhenProductVendorYearAndReasonAllAgree() {
        ServiceAssignment a = iana("a", "", TCP, LifecycleStatus.ABANDONED).product("P").vendor("V")
                .discontinuedYear(2001).build();
        ServiceAssignment sameAll = iana("b", "", UDP, LifecycleStatus.ABANDONED).product("P").vendor("V")
                .discontinuedYear(2001).build();
        ServiceAssignment otherYear = iana("c", "", UDP, LifecycleStatus.ABANDONED).product("P").vendor("V")
                .discontinuedYear(2002).build();
        ServiceAssignment historic = iana("d", "", UDP, LifecycleStatus.HISTORIC).product("P").vendor("V")
                .discontinuedYear(2001).build();
        String s = summary(7000, a, sameAll, otherYear, historic);
        assertThat(s).contains("P (V) was discontinued in 2001, so the assignments of a and b are abandoned. "
                + "P (V) was discontinued in 2002, so the assignment of c is abandoned. "
                + "The protocol behind d is historic. ");
    }

    @Test
    void historicProtocolsAreToldWithTheirReasonAsASentence() {
        ServiceAssignment a = iana("finger", "", TCP, LifecycleStatus.HISTORIC).reason("Superseded by nothing").build();
        assertThat(summary(79, a)).contains("The protocol behind finger is historic: Superseded by nothing. ");
        ServiceAssignment b = iana("gopher", "", TCP, LifecycleStatus.HISTORIC).reason("Replaced by the web.").build();
        ServiceAssignment c = iana("gopher2", "", UDP, LifecycleStatus.HISTORIC).reason("Replaced by the web.").build();
        assertThat(summary(70, b, c)).contains("The protocols behind gopher and gopher2 are historic: Replaced by the web. ")
                .doesNotContain("web..");
        assertThat(summary(70, iana("old", "", TCP, LifecycleStatus.HISTORIC).build()))
                .contains("The protocol behind old is historic. " + NO_SERVICE_ADVICE);
    }

    // ------------------------------------------------------------------ IANA's record

    @Test
    void theEarliestRegistrationAndTheRfcsOfANameAreTold() {
        ServiceAssignment tcp = iana("svc", "", TCP, LifecycleStatus.ACTIVE).registrationDate(RegistryDate.of(2005, 8))
                .references(List.of("RFC 1", "[John_Doe]", "RFC 2")).build();
        ServiceAssignment udp = iana("svc", "", UDP, LifecycleStatus.ACTIVE).registrationDate(RegistryDate.of(2001, 3))
                .references(List.of("RFC 3", "RFC 1")).build();
        assertThat(summary(7000, tcp, udp)).contains("svc was registered 2001-03 and is defined in RFC 1, RFC 2 and RFC 3. ")
                .doesNotContain("John_Doe", "2005-08");
        ServiceAssignment later = udp.toBuilder().registrationDate(RegistryDate.of(2009, 1)).build();
        assertThat(summary(7000, tcp, later)).contains("svc was registered 2005-08 and");
    }

    @Test
    void aRegistrationWithoutRfcAndAnRfcWithoutRegistrationAreEachToldAlone() {
        ServiceAssignment dated = iana("dated", "", TCP, LifecycleStatus.ACTIVE).registrationDate(RegistryDate.of(2010, 1))
                .build();
        ServiceAssignment defined = iana("defined", "", UDP, LifecycleStatus.ACTIVE).references(List.of("RFC 862"))
                .build();
        ServiceAssignment two = iana("two", "", UDP, LifecycleStatus.ACTIVE).references(List.of("RFC 5", "RFC 6"))
                .build();
        assertThat(summary(7000, dated, defined, two)).contains("over UDP. dated was registered 2010-01. "
                + "defined is defined in RFC 862. two is defined in RFC 5 and RFC 6. ");
    }

    @Test
    void theRecordIsToldForTheFirstThreeNamesOnly() {
        ServiceAssignment[] four = new ServiceAssignment[4];
        for (int i = 0; i < 4; i++) {
            four[i] = iana("s" + i, "S" + i, TCP, LifecycleStatus.ACTIVE).references(List.of("RFC " + (100 + i))).build();
        }
        assertThat(summary(7000, four)).contains("s0 is defined in RFC 100. s1 is defined in RFC 101. s2 is defined in RFC 102. ")
                .doesNotContain("RFC 103");
    }

    @Test
    void reportsOfUnauthorizedUseAndShortNotesAreToldOnceWithoutADoublePeriod() {
        ServiceAssignment tcp = iana("finger", "", TCP, LifecycleStatus.ACTIVE)
                .unauthorizedUseReported("Seen on the 2024-01 scan.").assignmentNotes("Use 993 instead").build();
        ServiceAssignment udp = tcp.toBuilder().transports(UDP).build();
        assertThat(summary(79, tcp, udp)).isEqualTo("Port 79 is a well-known port (0-1023). IANA assigns it to finger "
                + "over TCP and finger over UDP. IANA has a report of unauthorized use: Seen on the 2024-01 scan. "
                + "IANA notes: Use 993 instead. " + ACTIVE_ADVICE);
    }

    @Test
    void aNoteLongerThan160CharactersStaysInTheField() {
        String exactly160 = "n".repeat(160);
        String longer = "m".repeat(161);
        assertThat(summary(7000, iana("a", "", TCP, LifecycleStatus.ACTIVE).assignmentNotes(exactly160).build(),
                iana("b", "", UDP, LifecycleStatus.ACTIVE).assignmentNotes(longer).build()))
                .contains("IANA notes: " + exactly160 + ". ").doesNotContain(longer);
    }

    // ------------------------------------------------------------------ local assignments

    @Test
    void localAssignmentsAreSaidApartFromIanasAndNotTakenForThem() {
        ServiceAssignment billing = iana("billing", "our billing", TCP, LifecycleStatus.ACTIVE).origin(Origin.LOCAL).build();
        ServiceAssignment api = iana("api", "API", UDP, LifecycleStatus.ACTIVE).origin(Origin.LOCAL).build();
        ServiceAssignment metrics = iana("metrics", "", TCP_UDP, LifecycleStatus.ACTIVE).origin(Origin.LOCAL)
                .registrationDate(RegistryDate.of(2020, 1)).build();
        assertThat(summary(40000, billing, api, metrics)).isEqualTo("Port 40000 is a registered port (1024-49151). "
                + "IANA has not assigned it to any service. Locally it is assigned to billing (our billing) over TCP, "
                + "api over UDP and metrics over TCP and UDP. " + ACTIVE_ADVICE);
        assertThat(summary(40000, billing, api)).contains("Locally it is assigned to billing (our billing) over TCP and api over UDP. ");
    }

    @Test
    void aLocalAssignmentBesideAReservationLeavesIanasWordsAlone() {
        ServiceAssignment zero = iana("zero", "lab test", UDP, LifecycleStatus.ACTIVE).origin(Origin.LOCAL).build();
        assertThat(summary(0, iana("", "Reserved", TCP_UDP, LifecycleStatus.RESERVED).build(), zero))
                .isEqualTo("Port 0 is a well-known port (0-1023). IANA has reserved it and assigns it to no service. "
                        + "Locally it is assigned to zero (lab test) over UDP. " + ACTIVE_ADVICE);
    }

    @Test
    void aLocalAssignmentThatIsNotActiveSaysWhy() {
        ServiceAssignment retired = iana("vpn", "", TCP, LifecycleStatus.HISTORIC).origin(Origin.LOCAL)
                .reason("We moved to WireGuard.").build();
        assertThat(summary(40000, retired)).contains("Locally it is assigned to vpn over TCP. "
                + "Your assignment of vpn is historic: We moved to WireGuard. If you did not");
        ServiceAssignment noPeriod = retired.toBuilder().reason("moved").status(LifecycleStatus.ABANDONED).build();
        assertThat(summary(40000, noPeriod)).contains("Your assignment of vpn is abandoned: moved. If you did not");
        ServiceAssignment noReason = iana("vpn", "", TCP, LifecycleStatus.DEREGISTERED).origin(Origin.LOCAL).build();
        assertThat(summary(40000, noReason)).contains("Your assignment of vpn is deregistered. If you did not");
    }

    // ------------------------------------------------------------------ alternate uses

    @Test
    void programsInPracticeAreListedWithTheirOwnPortWhenItDiffers() {
        List<AlternateUse> uses = List.of(use("OpenVPN", UseKind.UNOFFICIAL).officialPort(1194).build(),
                use("Here", UseKind.UNOFFICIAL).officialPort(7000).build(),
                use("Plain", UseKind.UNOFFICIAL).build());
        assertThat(summary(7000, List.of(), uses, List.of())).contains("In practice it is commonly used by OpenVPN "
                + "(an alternative to its default port 1194), Here and Plain. ");
    }

    @Test
    void onlyFourUsesOfAKindAreNamedAndTheRestCounted() {
        List<AlternateUse> uses = List.of(use("u1", UseKind.UNOFFICIAL).build(), use("u2", UseKind.UNOFFICIAL).build(),
                use("u3", UseKind.UNOFFICIAL).build(), use("u4", UseKind.UNOFFICIAL).build(),
                use("u5", UseKind.UNOFFICIAL).build(), use("u6", UseKind.UNOFFICIAL).build());
        assertThat(summary(7000, List.of(), uses, List.of()))
                .contains("In practice it is commonly used by u1, u2, u3, u4 and 2 more. ");
        assertThat(summary(7000, List.of(), uses.subList(0, 4), List.of()))
                .contains("In practice it is commonly used by u1, u2, u3 and u4. ");
        assertThat(summary(7000, List.of(), uses.subList(0, 2), List.of()))
                .contains("In practice it is commonly used by u1 and u2. ");
    }

    @Test
    void malwareIsNamedWithItsEraNewestFirstAndUndatedLast() {
        List<AlternateUse> uses = List.of(use("Undated", UseKind.MALWARE).build(),
                use("Until", UseKind.MALWARE).lastYear(2005).build(),
                use("Span", UseKind.MALWARE).firstYear(1999).lastYear(2003).build(),
                use("Single", UseKind.MALWARE).firstYear(2010).lastYear(2010).build(),
                use("Current", UseKind.MALWARE).firstYear(2021).officialPort(1).build());
        // a malware clause is its era; its official port is not told
        assertThat(summary(40000, List.of(), uses, List.of())).isEqualTo("Port 40000 is a registered port (1024-49151). "
                + "IANA has not assigned it to any service. Malware known to use or target it: Current (seen from 2021), "
                + "Single (seen in 2010), Span (seen 1999-2003), Undated and 1 more. No active service is assigned here "
                + "and malware (from 1999 to 2021) is known to use the port: treat an unexpected listener as suspicious "
                + "and investigate it closely.");
        assertThat(summary(40000, List.of(), List.of(uses.get(1)), List.of()))
                .contains("Malware known to use or target it: Until (seen until 2005). No active service is assigned here "
                        + "and malware is known to use the port");
    }

    @Test
    void malwareOfOneYearHasAnEraOfOneYear() {
        List<AlternateUse> uses = List.of(use("A", UseKind.MALWARE).firstYear(2007).build(),
                use("B", UseKind.MALWARE).firstYear(2007).lastYear(2009).build());
        assertThat(summary(40000, List.of(), uses, List.of()))
                .contains("it: A (seen from 2007) and B (seen 2007-2009). No active service is assigned here and malware "
                        + "(from 2007) is known");
    }

    @Test
    void onAnActivePortMalwareIsWeakEvidenceAndTheKnownProgramsAreExpected() {
        List<AlternateUse> uses = List.of(use("Tool", UseKind.UNOFFICIAL).build(),
                use("Bot", UseKind.MALWARE).firstYear(2015).build());
        assertThat(summary(7000, List.of(active("svc", "", TCP)), uses, List.of())).isEqualTo("Port 7000 is a "
                + "registered port (1024-49151). IANA assigns it to svc over TCP. In practice it is commonly used by Tool. "
                + "Malware known to use or target it: Bot (seen from 2015). A listener here is expected if you run the "
                + "assigned service or one of the programs above; the malware listed (from 2015) is weak evidence on its "
                + "own on an active service port, the more so the older it is, but confirm that any listener is one you "
                + "configured.");
        assertThat(summary(7000, List.of(active("svc", "", TCP)), uses.subList(0, 1), List.of()))
                .endsWith("A listener here is expected if you run the assigned service or one of the programs above.");
        assertThat(summary(7000, List.of(active("svc", "", TCP)), uses.subList(1, 2), List.of()))
                .contains("A listener here is expected if you run the assigned service; the malware listed (from 2015)");
    }

    @Test
    void relatedPortsAreListedInOrder() {
        assertThat(summary(1196, List.of(), List.of(), List.of(1194, 1195, 1197)))
                .contains("IANA has not assigned it to any service. Related ports: 1194, 1195, 1197. If you did not");
        assertThat(summary(1196, List.of(), List.of(), List.of(1194))).contains("Related ports: 1194. ");
    }
}
