package dev.portregistry.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.LifecycleStatus;
import dev.portregistry.host.Listener;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.host.ListeningSocket;
import dev.portregistry.advice.PortAdvisor;
import dev.portregistry.advice.PortCheck;
import dev.portregistry.advice.PortConflict;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.PortInfo;
import dev.portregistry.PortRegistry;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;
import dev.portregistry.UseKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every public record of core, written by the module as JSON with stable field names; registries from the fixture table. */
class PortRegistryModuleTest {
    private static final ObjectMapper MAPPER = PortRegistryJson.newMapper();
    /** The frozen fixture table (test-fixtures/data/README.md): 1196 is netmagic, abandoned, with OpenVPN. */
    private static final PortRegistry FIXTURE = FixtureRegistry.FIXTURE;

    private static String json(Object value) throws IOException {
        return MAPPER.writeValueAsString(value);
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aPortIsWrittenWithItsRangeStatusListsAndSummary() throws IOException {
        PortInfo info = PortInfo.of(7443,
                List.of(ServiceAssignment.of("oracleas-https", "Oracle Application Server HTTPS", EnumSet.of(Transport.TCP), LifecycleStatus.ACTIVE)),
                List.of(AlternateUse.builder().name("Dev proxy").description("A proxy.").transports(EnumSet.of(Transport.TCP, Transport.UDP)).kind(UseKind.UNOFFICIAL).officialPort(8443).basis("our notes").build(),
                        AlternateUse.builder().name("BadBot").description("A botnet.").transports(EnumSet.of(Transport.TCP)).kind(UseKind.MALWARE).basis("an advisory").build()),
                List.of(7444));
        assertThat(json(info)).isEqualTo("{\"port\":7443,\"range\":\"REGISTERED\",\"status\":\"ACTIVE\","
                + "\"assignments\":[{\"name\":\"oracleas-https\",\"description\":\"Oracle Application Server HTTPS\","
                + "\"transports\":[\"TCP\"],\"status\":\"ACTIVE\",\"origin\":\"IANA\",\"registrationDate\":null,"
                + "\"modificationDate\":null,\"references\":[],\"serviceCode\":null,\"unauthorizedUseReported\":null,"
                + "\"assignmentNotes\":null,\"product\":null,\"vendor\":null,\"discontinuedYear\":null,\"reason\":null,"
                + "\"basis\":null,\"programs\":[]}],"
                + "\"alternateUses\":[{\"name\":\"Dev proxy\",\"description\":\"A proxy.\",\"transports\":[\"TCP\",\"UDP\"],"
                + "\"kind\":\"UNOFFICIAL\",\"officialPort\":8443,\"basis\":\"our notes\",\"firstYear\":null,\"lastYear\":null,"
                + "\"programs\":[]},"
                + "{\"name\":\"BadBot\",\"description\":\"A botnet.\",\"transports\":[\"TCP\"],\"kind\":\"MALWARE\","
                + "\"officialPort\":null,\"basis\":\"an advisory\",\"firstYear\":null,\"lastYear\":null,\"programs\":[]}],"
                + "\"relatedPorts\":[7444],"
                + "\"summary\":" + MAPPER.writeValueAsString(info.summary()) + "}");
    }

    @Test
    void theLookupOf1196IsCleanJson() throws IOException {
        JsonNode node = MAPPER.readTree(json(FIXTURE.get(1196)));
        assertThat(fields(node)).containsExactly("port", "range", "status", "assignments", "alternateUses",
                "relatedPorts", "summary");
        assertThat(node.get("range").asText()).isEqualTo("REGISTERED");
        assertThat(node.get("status").asText()).isEqualTo("ABANDONED");
        assertThat(node.get("assignments").get(0).get("name").asText()).isEqualTo("netmagic");
        List<Integer> openvpn = new ArrayList<>();
        node.get("alternateUses").forEach(u -> {
            if (u.get("name").asText().equals("OpenVPN")) {
                openvpn.add(u.get("officialPort").asInt());
            }
        });
        assertThat(openvpn).containsExactly(1194);
        assertThat(node.get("summary").asText()).isEqualTo(FIXTURE.get(1196).summary());
    }

    @Test
    void aLocalAssignmentSaysItsOrigin() throws IOException {
        PortInfo info = FIXTURE.withAssignment(7443,
                ServiceAssignment.of("billing", "our billing service", Set.of(Transport.TCP), LifecycleStatus.ACTIVE))
                .get(7443);
        JsonNode last = MAPPER.readTree(json(info)).get("assignments");
        assertThat(last.get(last.size() - 1).get("origin").asText()).isEqualTo("LOCAL");
    }

    @Test
    void theDataVersionHasAnIsoDate() throws IOException {
        assertThat(json(DataVersion.of("IANA via npm", LocalDate.of(2026, 9, 17), "2026-11-27.1")))
                .isEqualTo("{\"officialSource\":\"IANA via npm\",\"officialDate\":\"2026-09-17\","
                        + "\"curatedRevision\":\"2026-11-27.1\"}");
        assertThat(fields(MAPPER.readTree(json(FIXTURE.version()))))
                .containsExactly("officialSource", "officialDate", "curatedRevision");
    }

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    @Test
    void socketsAndListenersAreWrittenWithTextAddresses() throws IOException {
        ListeningSocket socket = new ListeningSocket(Transport.UDP, InetAddress.getByName("::1"), 1196, 1000, 42);
        assertThat(json(socket)).isEqualTo("{\"transport\":\"UDP\",\"address\":\"::1\",\"port\":1196,\"uid\":1000,\"inode\":42}");
    }

    @Test
    void listenersAreWrittenWithTheirProcessVerdictAndReason(@org.junit.jupiter.api.io.TempDir Path proc) throws IOException {
        // a fixture /proc: one TCP listener on 127.0.0.1:1196 (little-endian words, as x86 and ARM write them)
        // held by pid 7, and one on 0.0.0.0:1197 whose process is not found
        assumeTrue(java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN, "the fixture is little-endian");
        Files.createDirectories(proc.resolve("net"));
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        Files.writeString(proc.resolve("net/tcp"), header
                + "   0: 0100007F:04AC 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 4242 1 0 100 0 0 10 0\n"
                + "   1: 00000000:04AD 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 4243 1 0 100 0 0 10 0\n");
        Files.writeString(proc.resolve("net/udp"), header);
        Files.createDirectories(proc.resolve("7/fd"));
        Files.writeString(proc.resolve("7/comm"), "nc\n");
        Files.writeString(proc.resolve("7/cmdline"), "nc\0-l\0");
        Files.createSymbolicLink(proc.resolve("7/exe"), Path.of("/usr/bin/nc (deleted)"));
        Files.createSymbolicLink(proc.resolve("7/fd/3"), Path.of("socket:[4242]"));
        List<Listener> listeners = ListeningSockets.listeners(FIXTURE, proc);
        JsonNode seen = MAPPER.readTree(json(listeners.get(0)));
        assertThat(fields(seen)).containsExactly("socket", "process", "verdict", "reason", "loopbackOnly",
                "malwareAssociated", "info");
        assertThat(fields(seen.get("process"))).containsExactly("pid", "uid", "user", "commandName", "executable",
                "executableDeleted", "commandLine");
        assertThat(seen.get("process").get("executable").asText()).isEqualTo("/usr/bin/nc");
        assertThat(seen.get("process").get("executableDeleted").asBoolean()).isTrue();
        assertThat(seen.get("process").get("commandLine").toString()).isEqualTo("[\"nc\",\"-l\"]");
        assertThat(seen.get("verdict").asText()).isEqualTo(listeners.get(0).verdict().name());
        assertThat(seen.get("reason").asText()).isEqualTo(listeners.get(0).reason()).startsWith("nc (pid 7) listens on 1196/tcp");
        assertThat(seen.get("loopbackOnly").asBoolean()).isTrue();
        assertThat(seen.get("info").get("port").asInt()).isEqualTo(1196);
        JsonNode unseen = MAPPER.readTree(json(listeners.get(1)));
        assertThat(unseen.get("process").isNull()).isTrue();
        assertThat(unseen.get("verdict").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void checksConflictsAndFrequenciesAreWritten() throws IOException {
        PortCheck check = PortAdvisor.of(FIXTURE).check(50000);
        JsonNode node = MAPPER.readTree(json(check));
        assertThat(fields(node)).containsExactly("port", "clear", "conflicts", "info");
        assertThat(node.get("clear").asBoolean()).isFalse();
        assertThat(node.get("conflicts").get(0).get("kind").asText()).isEqualTo("DYNAMIC_RANGE");
        assertThat(json(PortConflict.of(dev.portregistry.advice.ConflictKind.MALWARE, "Bad."))).isEqualTo(
                "{\"kind\":\"MALWARE\",\"message\":\"Bad.\"}");
        assertThat(json(PortFrequency.of(80, Transport.TCP, "http", 0.25)))
                .isEqualTo("{\"port\":80,\"transport\":\"TCP\",\"name\":\"http\",\"frequency\":0.25}");
    }

    @Test
    void jacksonFindsTheModuleByItself() throws IOException {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();
        assertThat(found.writeValueAsString(FIXTURE.get(1196))).isEqualTo(json(FIXTURE.get(1196)));
    }

    /** The records this test writes; a record added to core without JSON support fails the next test. */
    private static final Set<String> COVERED = Set.of("ListeningSocket");

    @Test
    void everyAccessorOfAValueTypeIsWritten() throws IOException {
        // a field added to a value type but not to its serializer fails here
        Set<String> notFields = Set.of("toBuilder", "hashCode", "toString", "label", "isLocal", "getClass");
        for (Object value : List.of(FIXTURE.get(1196), FIXTURE.get(1196).assignments().get(0),
                FIXTURE.get(1196).alternateUses().get(0), FIXTURE.version())) {
            Set<String> accessors = new TreeSet<>();
            for (java.lang.reflect.Method m : value.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && m.getDeclaringClass() == value.getClass() && !notFields.contains(m.getName())) {
                    accessors.add(m.getName());
                }
            }
            assertThat(new TreeSet<>(fields(MAPPER.readTree(json(value))))).as(value.getClass().getSimpleName())
                    .isEqualTo(accessors);
        }
    }

    @Test
    void everyPublicRecordOfTheApiIsCovered() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> records = new TreeSet<>();
        records.addAll(publicRecords(PortInfo.class, "dev.portregistry"));
        for (String tools : List.of("dev.portregistry.host", "dev.portregistry.advice", "dev.portregistry.nmap")) {
            records.addAll(publicRecords(ListeningSocket.class, tools));
        }
        assertThat(records).as("public records of core and tools").isEqualTo(new TreeSet<>(COVERED));
    }

    /** The public records of one package, read from the jar or classes directory that holds an anchor class. */
    private static Set<String> publicRecords(Class<?> anchor, String pkg)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path where = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        String dir = pkg.replace('.', '/') + "/";
        Set<String> classes = new TreeSet<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> s = Files.list(where.resolve(dir))) {
                s.map(p -> p.getFileName().toString()).forEach(classes::add);
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
                        .map(n -> n.substring(dir.length())).forEach(classes::add);
            }
        }
        Set<String> records = new TreeSet<>();
        for (String c : classes) {
            if (c.endsWith(".class") && !c.contains("$")) {
                Class<?> type = Class.forName(pkg + "." + c.substring(0, c.length() - 6));
                if (type.isRecord() && java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                    records.add(type.getSimpleName());
                }
            }
        }
        return records;
    }

    @SuppressWarnings("AddressSelection") // an IP literal: InetAddress.getByName parses it, no name is looked up
    @Test
    void everyAccessorOfAToolsValueClassIsWritten() throws IOException {
        // the mix-ins name each accessor; this catches an accessor added to a class but not to its mix-in
        PortCheck check = PortAdvisor.of(PortRegistry.bundled()).check(50000);
        for (Object value : List.of(check, PortFrequency.of(1, Transport.TCP, "x", 0),
                PortConflict.of(dev.portregistry.advice.ConflictKind.RELATED, "x"))) {
            Set<String> accessors = new TreeSet<>();
            for (java.lang.reflect.Method m : value.getClass().getDeclaredMethods()) {
                if (m.getParameterCount() == 0 && java.lang.reflect.Modifier.isPublic(m.getModifiers())
                        && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        && !Set.of("hashCode", "toString").contains(m.getName())) {
                    accessors.add(m.getName().equals("isClear") ? "clear" : m.getName());
                }
            }
            assertThat(new TreeSet<>(fields(MAPPER.readTree(json(value))))).as(value.getClass().getSimpleName())
                    .isEqualTo(accessors);
        }
    }

    @Test
    void socketFieldNamesAreTheRecordComponentsInOrder() throws IOException {
        Iterator<String> socket = MAPPER.readTree(json(new ListeningSocket(Transport.TCP, InetAddress.getByName("0.0.0.0"),
                1, 0, 0))).fieldNames();
        List<String> socketFields = new ArrayList<>();
        socket.forEachRemaining(socketFields::add);
        assertThat(socketFields).isEqualTo(Stream.of(ListeningSocket.class.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
