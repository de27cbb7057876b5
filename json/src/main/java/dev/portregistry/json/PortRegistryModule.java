package dev.portregistry.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.host.ListeningSocket;
import dev.portregistry.host.Listener;
import dev.portregistry.host.ProcessInfo;
import dev.portregistry.advice.ConflictKind;
import dev.portregistry.advice.PortCheck;
import dev.portregistry.advice.PortConflict;
import dev.portregistry.nmap.PortFrequency;
import dev.portregistry.PortInfo;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.io.IOException;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * A Jackson module that writes every public value type of {@code dev.portregistry} as clean JSON with
 * stable field names: the record's components in declaration order, enums as their names,
 * {@code officialPort} as a number or {@code null}, dates as {@code "2026-09-17"}, addresses as
 * text ({@code "::1"}), and {@link PortInfo#summary()} as {@code summary}.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new PortRegistryModule());
 * mapper.writeValueAsString(PortRegistry.lookup(1196));
 * // {"port":1196,"range":"REGISTERED","status":"ABANDONED","assignments":[...],...,"summary":"Port 1196 is ..."}
 * }</pre>
 *
 * <p>Field names per type:
 * <ul>
 *   <li>{@link PortInfo}: {@code port, range, status, assignments, alternateUses, relatedPorts, summary}</li>
 *   <li>{@link ServiceAssignment}: {@code name, description, transports, status, origin, registrationDate,
 *       modificationDate, references, serviceCode, unauthorizedUseReported, assignmentNotes, product, vendor,
 *       discontinuedYear, reason, basis, programs}</li>
 *   <li>{@link AlternateUse}: {@code name, description, transports, kind, officialPort, basis, firstYear,
 *       lastYear, programs}</li>
 *   <li>{@link DataVersion}: {@code officialSource, officialDate, curatedRevision}</li>
 *   <li>a program: {@code name, commandLineMarker}; a registry date: text such as {@code "2005-08"}</li>
 *   <li>{@link ListeningSocket}: {@code transport, address, port, uid, inode}</li>
 *   <li>{@link Listener}: {@code socket, process, verdict, reason, loopbackOnly, malwareAssociated, info}
 *       ({@code process} is {@code null} when it could not be seen)</li>
 *   <li>{@link ProcessInfo}: {@code pid, uid, user, commandName, executable, executableDeleted, commandLine}
 *       ({@code executable} is text or {@code null})</li>
 *   <li>{@link PortCheck}: {@code port, clear, conflicts, info}; {@link PortConflict}: {@code kind, message}</li>
 *   <li>{@link PortFrequency}: {@code port, transport, name, frequency}</li>
 * </ul>
 * Writing only: the records are answers, not input. The module is registered for
 * {@code ObjectMapper.findAndRegisterModules()} through {@code java.util.ServiceLoader}.
 *
 * <p>Immutable and thread-safe once registered, as Jackson modules are.
 */
public final class PortRegistryModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public PortRegistryModule() {
        super("portregistry", Version.unknownVersion());
        addSerializer(PortInfo.class, new ValueSerializers.PortInfoSerializer());
        addSerializer(ServiceAssignment.class, new ValueSerializers.ServiceAssignmentSerializer());
        addSerializer(AlternateUse.class, new ValueSerializers.AlternateUseSerializer());
        addSerializer(DataVersion.class, new ValueSerializers.DataVersionSerializer());
        setMixInAnnotation(ListeningSocket.class, ListeningSocketMixin.class);
        addSerializer(Listener.class, new ListenerSerializer());
        addSerializer(ProcessInfo.class, new ProcessInfoSerializer());
        setMixInAnnotation(PortCheck.class, PortCheckMixin.class);
        setMixInAnnotation(PortConflict.class, PortConflictMixin.class);
        setMixInAnnotation(PortFrequency.class, PortFrequencyMixin.class);
        // Jackson refuses OptionalInt without a module; this writes it as Jdk8Module does
        addSerializer(OptionalInt.class, new OptionalIntSerializer());
    }

    /** The number, or null when empty. */
    private static final class OptionalIntSerializer extends StdSerializer<OptionalInt> {
        private static final long serialVersionUID = 1L;

        OptionalIntSerializer() {
            super(OptionalInt.class);
        }

        @Override
        public void serialize(OptionalInt value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsInt());
            } else {
                gen.writeNull();
            }
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, OptionalInt value) {
            return value == null || value.isEmpty();
        }
    }

    @JsonPropertyOrder({"transport", "address", "port", "uid", "inode"})
    abstract static class ListeningSocketMixin {
        @JsonIgnore
        abstract InetAddress address();

        @JsonProperty("address")
        abstract String addressText();

        @JsonIgnore
        abstract boolean isWildcard();

        @JsonIgnore
        abstract boolean isLoopback();
    }

    /** A listener: final class with record-style accessors, written field by field. */
    private static final class ListenerSerializer extends StdSerializer<Listener> {
        private static final long serialVersionUID = 1L;

        ListenerSerializer() {
            super(Listener.class);
        }

        @Override
        public void serialize(Listener l, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            provider.defaultSerializeField("socket", l.socket(), gen);
            provider.defaultSerializeField("process", l.process().orElse(null), gen);
            gen.writeStringField("verdict", l.verdict().name());
            gen.writeStringField("reason", l.reason());
            gen.writeBooleanField("loopbackOnly", l.loopbackOnly());
            gen.writeBooleanField("malwareAssociated", l.malwareAssociated());
            provider.defaultSerializeField("info", l.info(), gen);
            gen.writeEndObject();
        }
    }

    /** A process: final class with record-style accessors, written field by field. */
    private static final class ProcessInfoSerializer extends StdSerializer<ProcessInfo> {
        private static final long serialVersionUID = 1L;

        ProcessInfoSerializer() {
            super(ProcessInfo.class);
        }

        @Override
        public void serialize(ProcessInfo p, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("pid", p.pid());
            gen.writeNumberField("uid", p.uid());
            gen.writeStringField("user", p.user());
            gen.writeStringField("commandName", p.commandName());
            gen.writeStringField("executable", p.executable().map(Object::toString).orElse(null));
            gen.writeBooleanField("executableDeleted", p.executableDeleted());
            gen.writeArrayFieldStart("commandLine");
            for (String arg : p.commandLine()) {
                gen.writeString(arg);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    /** A check: final class with record-style accessors, which Jackson does not detect by itself. */
    @JsonPropertyOrder({"port", "clear", "conflicts", "info"})
    abstract static class PortCheckMixin {
        @JsonProperty("port")
        abstract int port();

        @JsonProperty("clear")
        abstract boolean isClear();

        @JsonProperty("conflicts")
        abstract List<PortConflict> conflicts();

        @JsonProperty("info")
        abstract PortInfo info();
    }

    @JsonPropertyOrder({"kind", "message"})
    abstract static class PortConflictMixin {
        @JsonProperty("kind")
        abstract ConflictKind kind();

        @JsonProperty("message")
        abstract String message();
    }

    @JsonPropertyOrder({"port", "transport", "name", "frequency"})
    abstract static class PortFrequencyMixin {
        @JsonProperty("port")
        abstract int port();

        @JsonProperty("transport")
        abstract Transport transport();

        @JsonProperty("name")
        abstract String name();

        @JsonProperty("frequency")
        abstract double frequency();
    }
}
