package dev.portregistry.data;

import dev.portregistry.nmap.PortPopularity;
import dev.portregistry.PortRegistry;
import dev.portregistry.Transport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The coverage script's measure and its reviewed list of unexplained ports. */
class NmapCoverageTest {
    private static final PortRegistry BUNDLED = PortRegistry.bundled();

    @Test
    void countsExplainedPortsOnTheirTransportAndSplitsTheRestIntoReviewedAndOpen() {
        PortPopularity popularity = PortPopularity.parse("""
                http    80/tcp     0.5
                dns     53/udp     0.45
                phone   62078/tcp  0.4
                three   3/tcp      0.3
                four    4/tcp      0.2
                fifty   53/tcp     0.1
                """, "test-services");
        UnexplainedList reviewed = UnexplainedList.parse("3\ttcp\tIANA Reserved\n", "u.tsv");
        NmapCoverage.Coverage c = NmapCoverage.measure(BUNDLED, popularity, Transport.TCP, 4, reviewed);
        // 80 (http) and 62078 (iOS lockdownd, a curated use) are explained; 3 is reviewed; 4 is still open
        assertThat(c.total()).isEqualTo(4);
        assertThat(c.explained()).isEqualTo(2);
        assertThat(c.percent()).isEqualTo(50.0);
        assertThat(c.reviewed()).containsExactly(new NmapCoverage.Ranked(3, 3, 0.3));
        assertThat(c.open()).containsExactly(new NmapCoverage.Ranked(4, 4, 0.2));
    }

    @Test
    void anAssignmentOrUseOnAnotherTransportDoesNotExplain() {
        // 6699: IANA assigns it on UDP only (babel-dtls); on TCP it is explained by the Napster use alone
        assertThat(NmapCoverage.explains(BUNDLED.get(6699), Transport.UDP)).isTrue();
        assertThat(NmapCoverage.explains(BUNDLED.get(6699), Transport.TCP)).isTrue();
        assertThat(BUNDLED.get(6699).alternateUses()).anyMatch(u -> u.name().equals("Napster")
                && u.transports().equals(java.util.Set.of(Transport.TCP)));
        // 4/tcp has nothing at all
        assertThat(NmapCoverage.explains(BUNDLED.get(4), Transport.TCP)).isFalse();
        // a reserved port is not explained
        assertThat(NmapCoverage.explains(BUNDLED.get(1024), Transport.TCP)).isFalse();
    }

    @Test
    void theProgramsMeasureCountsPairsWhoseServiceOrUseHasAProgramOnThatTransport() {
        PortPopularity popularity = PortPopularity.parse("""
                ssh       22/tcp    0.5
                ms-sql-m  1434/udp  0.4
                four      4/tcp     0.3
                alt       1196/tcp  0.2
                """, "test-services");
        // 22: ssh is served by sshd; 1196: the OpenVPN use by openvpn; 1434/udp (SQL Server Browser, a
        // Windows service) and 4 (nothing) have no program
        List<NmapCoverage.Ranked> without = NmapCoverage.withoutPrograms(BUNDLED, popularity.top(4));
        assertThat(without).extracting(NmapCoverage.Ranked::port).containsExactly(1434, 4);
        assertThat(without.get(0).rank()).isEqualTo(2);
        assertThat(NmapCoverage.hasProgram(BUNDLED.get(22), Transport.TCP)).isTrue();
        assertThat(NmapCoverage.hasProgram(BUNDLED.get(4), Transport.TCP)).isFalse();
        // the services and uses found listening, each once, in order of the pair it is first found on
        List<NmapCoverage.Found> found = NmapCoverage.servicesAndUses(BUNDLED, popularity.entries(), 300);
        assertThat(found).extracting(NmapCoverage.Found::name).startsWith("service ssh");
        assertThat(found).filteredOn(f -> f.name().equals("service ms-sql-m")).singleElement()
                .satisfies(f -> assertThat(f.hasProgram()).isFalse());
        assertThat(NmapCoverage.servicesAndUses(BUNDLED, popularity.entries(), 1)).hasSize(1);
    }

    @Test
    void badLinesOfTheReviewedListNameFileAndLine() {
        for (String[] bad : new String[][] {
                {"# c\n70000\ttcp\twhy\n", "u.tsv:2: port 70000 is out of range"},
                {"80\tfoo\twhy\n", "u.tsv:1: "},
                {"80\ttcp\n", "u.tsv:1: expected three tab-separated fields"},
                {"80\ttcp\t \n", "u.tsv:1: expected three tab-separated fields"},
                {"80\ttcp\ta\n\n80\ttcp\tb\n", "u.tsv:3: 80/tcp is already listed on line 1"}}) {
            SourceException e = catchThrowableOfType(SourceException.class, () -> UnexplainedList.parse(bad[0], "u.tsv"));
            assertThat(e).as("%s", bad[0]).isNotNull();
            assertThat(e.getMessage()).startsWith(bad[1]);
        }
        assertThat(UnexplainedList.parse("80\ttcp\twhy\n80\tudp\twhy\n", "u.tsv").entries()).hasSize(2);
    }

    @Test
    void everyReviewedPortIsStillUnexplained() {
        UnexplainedList list = UnexplainedList.read(DataDir.get().resolve("curated").resolve(UnexplainedList.FILE));
        assertThat(list.entries()).isNotEmpty();
        List<String> stale = new ArrayList<>();
        for (UnexplainedList.Entry e : list.entries()) {
            if (NmapCoverage.explains(BUNDLED.get(e.port()), e.transport())) {
                stale.add(e.file() + ":" + e.line() + ": " + e.port() + "/" + e.transport().label()
                        + " is explained now: remove it from the list");
            }
        }
        assertThat(stale).isEmpty();
    }
}
