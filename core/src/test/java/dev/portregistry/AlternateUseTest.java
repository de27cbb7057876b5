package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An alternate use's own rules: its years, its official port, its transports and its short form. */
class AlternateUseTest {

    private static AlternateUse.Builder openVpn() {
        return AlternateUse.builder().name("OpenVPN").description("Extra OpenVPN instances.")
                .transports(EnumSet.of(Transport.TCP, Transport.UDP)).kind(UseKind.UNOFFICIAL).basis("OpenVPN's documentation");
    }

    @Test
    void theValuesAreThoseBuiltAndTheShortFormNamesTransportsAndKind() {
        AlternateUse use = openVpn().officialPort(1194).programs(List.of(Program.executable("openvpn"))).build();
        assertThat(use.name()).isEqualTo("OpenVPN");
        assertThat(use.description()).isEqualTo("Extra OpenVPN instances.");
        assertThat(use.kind()).isEqualTo(UseKind.UNOFFICIAL);
        assertThat(use.basis()).isEqualTo("OpenVPN's documentation");
        assertThat(use.officialPort()).hasValue(1194);
        assertThat(use.programs()).containsExactly(Program.executable("openvpn"));
        assertThat(use).hasToString("OpenVPN [TCP, UDP] UNOFFICIAL");
        assertThat(use.toBuilder().kind(UseKind.MALWARE).transports(Set.of(Transport.UDP)).build())
                .hasToString("OpenVPN [UDP] MALWARE");
    }

    @Test
    void coversExactlyItsTransports() {
        AlternateUse use = openVpn().build();
        assertThat(use.covers(Transport.TCP)).isTrue();
        assertThat(use.covers(Transport.UDP)).isTrue();
        assertThat(use.covers(Transport.SCTP)).isFalse();
        assertThat(use.covers(Transport.DCCP)).isFalse();
        assertThatThrownBy(() -> use.covers(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("transport");
    }

    @Test
    void theOfficialPortIsEmptyUntilSetAndEveryPortCanBeIt() {
        assertThat(openVpn().build().officialPort()).isEmpty();
        assertThat(openVpn().officialPort(0).build().officialPort()).hasValue(0);
        assertThat(openVpn().officialPort(65535).build().officialPort()).hasValue(65535);
    }

    @Test
    void yearsAreEmptyWhereUnknown() {
        AlternateUse undated = openVpn().build();
        assertThat(undated.firstYear()).isEmpty();
        assertThat(undated.lastYear()).isEmpty();
        AlternateUse current = openVpn().firstYear(2002).build();
        assertThat(current.firstYear()).hasValue(2002);
        assertThat(current.lastYear()).as("a current use has no last year").isEmpty();
        AlternateUse ended = openVpn().firstYear(1999).lastYear(2003).build();
        assertThat(ended.firstYear()).hasValue(1999);
        assertThat(ended.lastYear()).hasValue(2003);
        assertThat(openVpn().lastYear(2003).build().lastYear()).as("the end alone may be known").hasValue(2003);
    }

    @Test
    void aUseSeenInOneYearOnlyIsAccepted() {
        AlternateUse worm = openVpn().kind(UseKind.MALWARE).firstYear(1988).lastYear(1988).build();
        assertThat(worm.firstYear()).hasValue(1988);
        assertThat(worm.lastYear()).hasValue(1988);
    }

    @Test
    void aLastYearBeforeTheFirstIsRefused() {
        assertThatThrownBy(() -> openVpn().firstYear(2005).lastYear(2004).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("alternate use \"OpenVPN\" was last seen in 2004, before it was first seen in 2005:"
                        + " expected lastYear >= firstYear");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9999})
    void yearsFrom1To9999AreKept(int year) {
        AlternateUse use = openVpn().firstYear(year).lastYear(year).build();
        assertThat(use.firstYear()).hasValue(year);
        assertThat(use.lastYear()).hasValue(year);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10000})
    void yearsOutOfRangeAreRefusedByValue(int year) {
        assertThatThrownBy(() -> openVpn().firstYear(year)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstYear " + year + " is out of range: expected 1..9999, or 0 for unknown");
        assertThatThrownBy(() -> openVpn().lastYear(year)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastYear " + year + " is out of range: expected 1..9999, or 0 for unknown");
    }

    @Test
    void aUseNeedsAKindAndAtLeastOneTransport() {
        assertThatThrownBy(() -> AlternateUse.builder().name("X").transports(Set.of(Transport.TCP)).build())
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("kind of alternate use \"X\" must be set");
        assertThatThrownBy(() -> AlternateUse.builder().name("X").kind(UseKind.MALWARE).build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("alternate use X: transports [] is empty: expected at least one of TCP, UDP, SCTP, DCCP");
    }
}
