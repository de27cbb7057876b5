package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The documented contract of every public entry point on bad input: out-of-range ports, odd
 * service and transport names, nulls in records. Errors name the offending value and what was
 * expected; nothing undocumented escapes.
 */
class BadInputContractTest {
    private static final Set<Transport> TCP = EnumSet.of(Transport.TCP);
    private static final PortRegistry REGISTRY = PortRegistry.bundled();

    // ------------------------------------------------------------------ ports

    @ParameterizedTest
    @ValueSource(ints = {-1, -2, 65536, 65537, 70000, 131071, -65536, 0x10000 | 80, Integer.MIN_VALUE,
            Integer.MIN_VALUE + 1, Integer.MAX_VALUE})
    void everyPortEntryPointRejectsAnOutOfRangeValueByName(int port) {
        for (Throwable t : List.of(catchThrowable(() -> PortRegistry.lookup(port)),
                catchThrowable(() -> REGISTRY.get(port)),
                catchThrowable(() -> PortRange.of(port)),
                catchThrowable(() -> PortInfo.of(port, List.of(), List.of(), List.of())))) {
            assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port " + port + " is out of range: expected 0..65535");
        }
        for (PortRange range : PortRange.values()) {
            assertThat(range.contains(port)).isFalse();
        }
    }

    @Test
    void aPortWithTheHighBitsOfAValidOneIsNotTakenForIt() {
        // 0x10050 & 0xFFFF == 80: masking instead of checking would answer port 80
        assertThatThrownBy(() -> PortRegistry.lookup(0x10050)).hasMessageContaining("65616");
    }

    @Test
    void everyIntIsEitherAPortOrAnIllegalArgument() {
        Random random = new Random(5);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int port = i < 50_000 ? random.nextInt() : random.nextInt(140_000) - 70_000;
            boolean valid = port >= 0 && port <= 65535;
            try {
                PortInfo info = PortRegistry.lookup(port);
                if (!valid || info.port() != port || !PortRange.of(port).contains(port)) {
                    wrong.add(port + " answered");
                }
            } catch (IllegalArgumentException e) {
                if (valid || !e.getMessage().equals("port " + port + " is out of range: expected 0..65535")) {
                    wrong.add(port + ": " + e.getMessage());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ------------------------------------------------------------------ service names

    @Test
    void nullNameIsANullPointerExceptionThatSaysWhatWasExpected() {
        assertThatThrownBy(() -> PortRegistry.byService(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("service name must not be null: expected a name such as \"http\"");
        assertThatThrownBy(() -> REGISTRY.findService(null)).isExactlyInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n", "\r\n", "\u2003", "\u3000 \u2028"})
    void blankNamesAreRefusedByValue(String blank) {
        assertThatThrownBy(() -> PortRegistry.byService(blank)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service name \"").hasMessageContaining("is blank")
                .hasMessageEndingWith("expected a name such as \"http\"");
    }

    @Test
    void blankMessagesQuoteTheValueWithItsInvisibleCharactersEscaped() {
        assertThatThrownBy(() -> PortRegistry.byService(" \t\n"))
                .hasMessage("service name \" \\u0009\\u000A\" is blank: expected a name such as \"http\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {" http", "http ", "\u00A0http", "http\u00A0", "http\u2003", "http\n", "\thttp"})
    void namesAreNotTrimmedButRefusedWhenTheyBeginOrEndWithWhiteSpace(String padded) {
        assertThatThrownBy(() -> PortRegistry.byService(padded)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("white space");
        assertThat(PortRegistry.byService(padded.strip().replace("\u00A0", ""))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ht\ttp", "ht\u0000tp", "ht\u001Btp", "ht\u007Ftp", "ht\u0085tp", "ht\u202Etp",
            "ht\u200Btp", "ht\u200Dtp", "ht\uFEFFtp", "ht\u2028tp", "ht\u2029tp", "ht\uD800tp", "ht\uDC00tp",
            "http\uD83D"})
    void controlFormattingSeparatorAndBrokenSurrogateCharactersAreRefusedByCodePoint(String name) {
        Throwable t = catchThrowable(() -> PortRegistry.byService(name));
        assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+");
        String message = t.getMessage();
        assertThat(message.chars().filter(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate((char) c))).as("message %s carries no raw invisible character", message).isEmpty();
    }

    @Test
    void namesUpToTheBoundAreAnsweredLongerOnesRefusedWithTheirLength() {
        assertThat(PortRegistry.byService("a".repeat(128))).isEmpty();
        String tooLong = "a".repeat(129);
        assertThatThrownBy(() -> PortRegistry.byService(tooLong)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("129 characters long, longer than 128");
        String huge = "x".repeat(5_000_000);
        Throwable t = catchThrowable(() -> PortRegistry.byService(huge));
        assertThat(t).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("(5000000 characters)");
        assertThat(t.getMessage()).as("the message repeats only the start of the value").hasSizeLessThan(250);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Home Assistant", "3CX", "7 Days to Die", "x", "名前", "Ωmega", "café", "MagicMirror²", "😀",
            "a b  c", "EtherNet/IP-99", "a\"b\\c", "-", "0", "65535", "http/tcp"})
    void wellFormedNamesAreAnsweredEmptyExactlyWhenTheRegistryDoesNotKnowThem(String name) {
        // names of software hold spaces, start with digits and use other scripts: they are queries like any other
        boolean known = REGISTRY.serviceNames().contains(name.toLowerCase(Locale.ROOT));
        assertThat(PortRegistry.byService(name).isEmpty()).isEqualTo(!known);
        assertThat(REGISTRY.findService(name)).isEqualTo(PortRegistry.byService(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no such service zq9", "3 no such service", "ñø such sérvice", "名前のないサービス"})
    void wellFormedUnknownNamesGiveAnEmptyList(String name) {
        assertThat(REGISTRY.serviceNames()).doesNotContain(name.toLowerCase(Locale.ROOT));
        assertThat(PortRegistry.byService(name)).isEmpty();
    }

    @Test
    void namesThatStartWithADigitOrHoldPunctuationAreFoundIgnoringCase() {
        // IANA names: official ports come first
        assertThat(PortRegistry.byService("2ping")).extracting(PortInfo::port).startsWith(15998);
        assertThat(PortRegistry.byService("3COM-TSMUX")).extracting(PortInfo::port).startsWith(106);
        assertThat(PortRegistry.byService("ethernet/ip-1")).extracting(PortInfo::port).startsWith(2222);
        assertThat(PortRegistry.byService("EtherNet/IP-1")).isEqualTo(PortRegistry.byService("ethernet/ip-1"));
    }

    @Test
    void caseIsIgnoredTheSameWayWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            // in Turkish, "IMAP".toLowerCase() is "ımap" with a dotless i
            assertThat(PortRegistry.byService("IMAP")).extracting(PortInfo::port).startsWith(143);
            assertThat(PortRegistry.byService("IMAP")).isEqualTo(PortRegistry.byService("imap"));
            assertThat(Transport.parse("SCTP")).isEqualTo(Transport.SCTP);
            assertThat(Transport.parse("sctp")).isEqualTo(Transport.SCTP);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyNameOfTheRegistryIsWellFormedAndFindsItsPorts() {
        List<String> unreachable = new ArrayList<>();
        for (String name : REGISTRY.serviceNames()) {
            try {
                if (REGISTRY.findService(name).isEmpty()) {
                    unreachable.add(name + " (empty)");
                }
            } catch (IllegalArgumentException e) {
                unreachable.add(e.getMessage());
            }
        }
        assertThat(REGISTRY.serviceNames()).hasSizeGreaterThan(6000);
        assertThat(unreachable).isEmpty();
    }

    @Test
    void randomStringsAreEitherAnsweredOrRefusedWithAnIllegalArgument() {
        char[] alphabet = ("aZ09-_/. \t\n\r\u0000\u007F\u00A0\u2003\u202E\u200B\uFEFF\uD83D\uDE00\uD800\u00E9\u0130"
                + "\u212A\u017F\"\\").toCharArray();
        Random random = new Random(42);
        int answered = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(i % 100 == 0 ? 300 : 12)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = alphabet[random.nextInt(alphabet.length)];
            }
            String name = new String(chars);
            try {
                if (REGISTRY.findService(name) == null) {
                    wrong.add(name + " gave null");
                }
                answered++;
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                if (!m.startsWith("service name \"") || m.chars().anyMatch(Character::isISOControl)) {
                    wrong.add(m);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(answered).isBetween(1, 19_999);
    }

    // ------------------------------------------------------------------ transports

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "tcp ", " tcp", "t cp", "icmp", "tcp/udp", "tcp,udp", "\u017Fctp", "\u017FCTP",
            "TCP\u0000", "udp\n", "ＴＣＰ", "tc"})
    void transportParsingRefusesAnythingButTheFourNames(String text) {
        assertThatThrownBy(() -> Transport.parse(text)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown transport \"").hasMessageEndingWith("expected tcp, udp, sctp or dccp")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\u0000"));
    }

    @Test
    void transportParsingAcceptsTheFourNamesInAnyAsciiCase() {
        for (Transport t : Transport.values()) {
            assertThat(Transport.parse(t.label())).isEqualTo(t);
            assertThat(Transport.parse(t.name())).isEqualTo(t);
        }
        assertThat(Transport.parse("DcCp")).isEqualTo(Transport.DCCP);
        assertThatThrownBy(() -> Transport.parse(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("expected tcp, udp, sctp or dccp");
        String huge = "u".repeat(100_000);
        assertThatThrownBy(() -> Transport.parse(huge)).message().hasSizeLessThan(200).contains("100000 characters");
    }

    // ------------------------------------------------------------------ records

    @Test
    void serviceAssignmentNamesTheMissingOrWrongComponent() {
        assertThatThrownBy(() -> ServiceAssignment.of(null, "d", TCP, LifecycleStatus.ACTIVE)).hasMessageContaining("name");
        assertThatThrownBy(() -> ServiceAssignment.of("a", null, TCP, LifecycleStatus.ACTIVE)).hasMessageContaining("description");
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", null, LifecycleStatus.ACTIVE))
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("transports");
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", TCP, null)).hasMessageContaining("status");
        assertThatThrownBy(() -> ServiceAssignment.builder().name("a").description("d").transports(TCP).status(LifecycleStatus.ACTIVE).reason(null).build()).hasMessageContaining("reason");
        Set<Transport> withNull = new java.util.HashSet<>(Arrays.asList(Transport.TCP, null));
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", withNull, LifecycleStatus.ACTIVE))
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("transports must not contain null");
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", Set.of(), LifecycleStatus.ACTIVE))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("assignment a: transports [] is empty: expected at least one of TCP, UDP, SCTP, DCCP");
        assertThatThrownBy(() -> ServiceAssignment.of("a", "d", TCP, LifecycleStatus.UNASSIGNED))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a\"").hasMessageContaining("UNASSIGNED");
    }

    @Test
    void alternateUseNamesTheMissingOrWrongComponent() {
        assertThatThrownBy(() -> AlternateUse.builder().name(" ").description("d").transports(TCP).kind(UseKind.UNOFFICIAL).basis("b").build())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("alternate use name \" \" is blank");
        assertThatThrownBy(() -> AlternateUse.builder().name(null).description("d").transports(TCP).kind(UseKind.UNOFFICIAL).basis("b").build())
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> AlternateUse.builder().name("x").description("d").transports(TCP).kind(null).basis("b").build()).hasMessageContaining("kind");
        assertThatThrownBy(() -> AlternateUse.builder().name("x").description("d").transports(TCP).kind(UseKind.MALWARE).basis(null).build()).hasMessageContaining("basis");
        for (int bad : new int[] {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> AlternateUse.builder().name("x").description("d").transports(TCP).kind(UseKind.MALWARE).officialPort(bad).basis("b").build())
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(Integer.toString(bad));
        }
    }

    @Test
    void dataVersionNamesTheMissingOrWrongComponent() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> DataVersion.of(null, day, "r")).hasMessageContaining("officialSource");
        assertThatThrownBy(() -> DataVersion.of("s", null, "r")).hasMessageContaining("officialDate");
        assertThatThrownBy(() -> DataVersion.of("s", day, null)).hasMessageContaining("curatedRevision");
        assertThatThrownBy(() -> DataVersion.of(" ", day, "r")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("officialSource \" \" is blank");
        assertThatThrownBy(() -> DataVersion.of("s", day, "\t")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("curatedRevision \"\t\" is blank");
    }

    @Test
    void portInfoNamesTheMissingOrWrongComponent() {
        ServiceAssignment a = ServiceAssignment.of("a", "d", TCP, LifecycleStatus.ACTIVE);
        assertThatThrownBy(() -> PortInfo.of(5, null, List.of(), List.of())).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("assignments of port 5");
        assertThatThrownBy(() -> PortInfo.of(5, Arrays.asList(a, null), List.of(), List.of()))
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("assignments of port 5 must not contain null");
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), null, List.of())).hasMessageContaining("alternateUses of port 5");
        assertThatThrownBy(() -> PortInfo.of(5, List.of(), List.of(), Arrays.asList(6, null)))
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("relatedPorts of port 5 must not contain null");
        assertThatThrownBy(() -> PortInfo.builder(70000)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> PortInfo.builder(5).assignments(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("assignments");
        PortInfo info = PortInfo.of(5, List.of(a), List.of(), List.of());
        assertThatThrownBy(() -> info.assignmentsFor(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("transport");
        assertThatThrownBy(() -> info.alternateUses(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> a.covers(null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("transport");
    }

    // ------------------------------------------------------------------ fromTable

    @Test
    void fromTableRejectsNullArgumentsByName() {
        assertThatThrownBy(() -> PortRegistry.fromTable(null, "x")).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("in");
        assertThatThrownBy(() -> PortRegistry.fromTable(new ByteArrayInputStream(new byte[0]), null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessageContaining("source");
    }

    @Test
    void fromTableTurnsAnUnreadableStreamIntoAnIllegalStateNamingTheSource() {
        @SuppressWarnings("InputStreamSlowMultibyteRead") // it fails on the first read: nothing to make fast
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        assertThatThrownBy(() -> PortRegistry.fromTable(failing, "my.table")).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("my.table").hasMessageContaining("disk on fire");
        assertThatCode(() -> PortRegistry.fromTable(PortRegistry.class.getResourceAsStream(PortRegistry.RESOURCE), "copy"))
                .doesNotThrowAnyException();
    }
}
