package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An overlay obeys the one service-name rule of {@link PortRegistry#findService(String)}: every
 * name it adds can be looked up, and a name that could not be is refused with the overlay's
 * source and line, by the builder, the services(5) reader and every other way to add a name.
 */
class OverlayNameRuleTest {
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;

    /** Names that are not blank but that findService refuses, one per kind of problem. */
    static Stream<String> malformed() {
        return Stream.of(" billing", "billing ", "billing\u00a0", "\u3000billing", "bill\ting", "bill\ning",
                "bill\ring", "nul\u0000", "\u202eevil", "zero\u200bwidth", "x\u2028y", "x\u2029y", "\ud800x",
                "x\udc00", "a".repeat(129));
    }

    private static AlternateUse use(String name) {
        return AlternateUse.builder().name(name).description("listens here").transports(EnumSet.of(Transport.TCP)).kind(UseKind.UNOFFICIAL).basis("our own inventory").build();
    }

    private static ServiceAssignment assignment(String name) {
        return ServiceAssignment.of(name, "", Set.of(Transport.TCP), LifecycleStatus.ACTIVE);
    }

    /** What findService says about a name, without its example; fails if it accepts the name. */
    private static String findServiceRefusal(String name) {
        Throwable t = catchThrowable(() -> FIXTURE.findService(name));
        assertThat(t).as("findService(%s)", name).isExactlyInstanceOf(IllegalArgumentException.class);
        String message = t.getMessage();
        assertThat(message).startsWith("service name ").endsWith(": expected a name such as \"http\"");
        return message.substring("service name ".length(), message.length() - ": expected a name such as \"http\"".length());
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void everyWayToAddANameRefusesOneThatFindServiceRefuses(String bad) {
        String refusal = findServiceRefusal(bad);
        String asService = "ops.json:4: service name " + refusal + ": expected a name such as \"billing\"";
        Map<String, Executable> ways = new LinkedHashMap<>();
        ways.put("assign by name", () -> builder().assign(7443, bad, "", Transport.TCP));
        ways.put("assign an assignment", () -> builder().assign(7443, assignment(bad)));
        ways.put("alias of an assignment", () -> builder().assign(7443, assignment("billing"), "invoices", bad));
        ways.put("lifecycle", () -> builder().lifecycle(1194, bad, LifecycleStatus.HISTORIC, ""));
        ways.put("name", () -> builder().name(bad, 7443));
        ways.put("alias name", () -> builder().alias(bad, "openvpn"));
        ways.put("alias service", () -> builder().alias("vpn", bad));
        ways.put("programs of a service", () -> builder().servicePrograms(bad, List.of(Program.executable("billingd"))));
        for (Map.Entry<String, Executable> way : ways.entrySet()) {
            assertThatThrownBy(way.getValue()::execute).as(way.getKey())
                    .isExactlyInstanceOf(RegistryFormatException.class).hasMessage(asService)
                    .satisfies(e -> assertThat(((RegistryFormatException) e).line()).isEqualTo(4));
        }
        assertThatThrownBy(() -> builder().alternateUse(7443, use(bad)))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("ops.json:4: alternate use name " + refusal + ": expected a name such as \"OpenVPN\"");
        assertThatThrownBy(() -> builder().usePrograms(bad, List.of(Program.executable("openvpn"))))
                .isExactlyInstanceOf(RegistryFormatException.class)
                .hasMessage("ops.json:4: alternate use name " + refusal + ": expected a name such as \"OpenVPN\"");
    }

    private static Overlay.Builder builder() {
        return Overlay.builder("ops.json").line(4);
    }

    static Stream<Arguments> badServicesLines() {
        return Stream.of(
                Arguments.of("billing\u00a0 7443/tcp # a no-break space stays in the name",
                        "service name \"billing\u00a0\" begins or ends with white space"),
                Arguments.of("billing 7443/tcp in\u0001voices",
                        "service name \"in\\u0001voices\" holds the control or formatting character U+0001 at index 2"),
                Arguments.of("bill\u200bing 7443/tcp",
                        "service name \"bill\\u200Bing\" holds the control or formatting character U+200B at index 4"),
                Arguments.of("billing 7443/tcp x\u2028y",
                        "service name \"x\\u2028y\" holds the control or formatting character U+2028 at index 1"),
                Arguments.of("billing 7443/tcp x\ry",
                        "service name \"x\\u000Dy\" holds the control or formatting character U+000D at index 1"),
                Arguments.of("bill\ud800 7443/tcp",
                        "service name \"bill\\uD800\" holds an unpaired surrogate U+D800 at index 4"),
                Arguments.of("b".repeat(129) + " 7443/tcp",
                        "service name \"" + "b".repeat(64) + "\"... (129 characters) is 129 characters long, longer than 128"),
                Arguments.of("bill\u0000ing",
                        "\"bill\\u0000ing\" is not a services(5) entry: expected \"name port/transport [aliases...] [# comment]\""),
                Arguments.of("bill\u0000ing 7443/tc\u0000p",
                        "\"7443/tc\\u0000p\" after the name \"bill\\u0000ing\" is not a port/transport: expected e.g. 7443/tcp"));
    }

    @ParameterizedTest
    @MethodSource("badServicesLines")
    void theServicesReaderRefusesANameFindServiceCouldNotFindWithFileAndLine(String line, String detail) {
        String text = "first 1/tcp # fine\n" + line + "\nlast 2/tcp\n";
        String expected = detail.startsWith("service name ") ? detail + ": expected a name such as \"billing\"" : detail;
        assertThatThrownBy(() -> Overlay.parseServices(text, "services.local"))
                .isExactlyInstanceOf(RegistryFormatException.class).hasMessage("services.local:2: " + expected)
                .satisfies(e -> {
                    RegistryFormatException ofe = (RegistryFormatException) e;
                    assertThat(ofe.source()).isEqualTo("services.local");
                    assertThat(ofe.line()).isEqualTo(2);
                    assertThat(ofe.getMessage()).doesNotContain("\n", "\r", "\u0000", "\u0001", "\u2028");
                });
    }

    @Test
    void wellFormedUnusualNamesAreAcceptedAndFound() {
        List<String> names = List.of("Home Assistant", "名前", "3com-x", "EtherNet/IP-9", "a\ud83d\ude00b", "ſtrange",
                "x".repeat(128), "İstanbul");
        Overlay.Builder b = Overlay.builder("ops");
        for (String name : names) {
            b.name(name, 7443).alternateUse(7444, use(tool(name)));
        }
        b.assign(7445, assignment("billing"), names.toArray(new String[0]));
        PortRegistry ours = FIXTURE.with(b.build());
        for (String name : names) {
            assertThat(ours.findService(name)).as(name).extracting(PortInfo::port).contains(7443, 7445);
            assertThat(ours.findService(tool(name))).as(name).extracting(PortInfo::port).containsExactly(7444);
        }
    }

    private static String tool(String name) {
        return name.substring(0, Math.min(name.length(), 100)) + " tool";
    }

    /**
     * Over many random strings of hostile characters: the overlay accepts a name exactly when
     * findService does (service names must not be numbers besides), and every name it accepted is
     * then found. The seed is fixed, so a failure repeats; the message names the string.
     */
    @Test
    void anOverlayAcceptsExactlyTheNamesFindServiceAcceptsAndAllAreFound() {
        String alphabet = "aZ09-_ .\t\n\r\u0000\u001f\u007f\u0085\u00a0\u00e9\u200b\u200e\u2028\u202e\u3000\ufeff"
                + "\ud83d\ude00\ud800\udc00\u0130";
        SplittableRandom random = new SplittableRandom(20261127L);
        List<String> accepted = new ArrayList<>();
        List<String> acceptedUses = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = i % 100 == 0 ? 120 + random.nextInt(20) : 1 + random.nextInt(6);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            boolean findAccepts = catchThrowable(() -> FIXTURE.findService(s)) == null;
            boolean number = s.chars().allMatch(c -> c >= '0' && c <= '9');
            Throwable asName = catchThrowable(() -> Overlay.builder("fuzz").name(s, 7443));
            assertThat(asName == null).as("overlay name %s", quoted(s)).isEqualTo(findAccepts && !number);
            if (asName != null) {
                assertThat(asName).isExactlyInstanceOf(IllegalArgumentException.class);
                refused++;
            } else {
                accepted.add(s);
            }
            if (!s.isBlank()) {
                Throwable asUse = catchThrowable(() -> Overlay.builder("fuzz").alternateUse(7444, use(s)));
                assertThat(asUse == null).as("alternate use %s", quoted(s)).isEqualTo(findAccepts);
                if (asUse == null) {
                    acceptedUses.add(s);
                }
            }
        }
        assertThat(accepted.size()).as("names accepted").isGreaterThan(100);
        assertThat(refused).as("names refused").isGreaterThan(100);
        Overlay.Builder b = Overlay.builder("fuzz");
        accepted.forEach(s -> b.name(s, 7443));
        acceptedUses.forEach(s -> b.alternateUse(7444, use(s)));
        PortRegistry ours = FIXTURE.with(b.build());
        for (String s : accepted) {
            assertThat(ours.findService(s)).as("findService(%s)", quoted(s)).extracting(PortInfo::port).contains(7443);
        }
        for (String s : acceptedUses) {
            assertThat(ours.findService(s)).as("findService(%s)", quoted(s)).extracting(PortInfo::port).contains(7444);
        }
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format(Locale.ROOT, "\\u%04X", c)));
        return sb.append('"').toString();
    }

    @ParameterizedTest
    @MethodSource("textThatBreaksALine")
    void overlayTextStaysOneLine(String bad) {
        Set<Transport> tcp = EnumSet.of(Transport.TCP);
        Map<String, Executable> ways = new LinkedHashMap<>();
        ways.put("description", () -> builder().assign(7443,
                ServiceAssignment.of("billing", bad, tcp, LifecycleStatus.ACTIVE)));
        ways.put("note", () -> builder().assign(7443,
                ServiceAssignment.builder().name("billing").description("Billing").transports(tcp).status(LifecycleStatus.ACTIVE).reason(bad).build()));
        ways.put("basis", () -> builder().assign(7443,
                ServiceAssignment.builder().name("billing").description("Billing").transports(tcp).status(LifecycleStatus.ACTIVE).basis(bad).build()));
        ways.put("lifecycle note", () -> builder().lifecycle(1194, "openvpn", LifecycleStatus.HISTORIC, bad));
        ways.put("lifecycle product", () -> builder().lifecycle(1194, "openvpn",
                Lifecycle.of(LifecycleStatus.ABANDONED).withProduct(bad)));
        ways.put("use description", () -> builder().alternateUse(7443,
                AlternateUse.builder().name("Billing").description(bad).transports(tcp).kind(UseKind.UNOFFICIAL).basis("ours").build()));
        ways.put("use basis", () -> builder().alternateUse(7443,
                AlternateUse.builder().name("Billing").description("Billing").transports(tcp).kind(UseKind.UNOFFICIAL).basis(bad).build()));
        ways.forEach((way, call) -> assertThatThrownBy(call::execute).as(way)
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageContaining("ops.json:4")
                .hasMessageContaining("one line of plain text")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u0000", "\u0007", "\u2028")));
        assertThat(builder().assign(7443, ServiceAssignment.of("billing", "Billing – ours, über café", tcp, LifecycleStatus.ACTIVE)).build()).isNotNull();
    }

    static Stream<String> textThatBreaksALine() {
        return Stream.of("line one\nline two", "bell\u0007", "nul\u0000", "sep\u2028arated", "cr\rlf");
    }
}
