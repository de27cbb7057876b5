package dev.portregistry.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.portregistry.AlternateUse;
import dev.portregistry.DataVersion;
import dev.portregistry.PortInfo;
import dev.portregistry.Program;
import dev.portregistry.RegistryDate;
import dev.portregistry.ServiceAssignment;
import dev.portregistry.Transport;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The serializers of core's value types: each writes the type's accessors under their own names, in
 * a fixed order, absent values as {@code null} and lists as arrays, so the JSON shape is stated here
 * once and does not depend on Jackson's discovery of accessors.
 */
final class ValueSerializers {
    private ValueSerializers() {
    }

    static void transports(JsonGenerator g, String field, Set<Transport> transports) throws IOException {
        g.writeArrayFieldStart(field);
        for (Transport t : transports) {
            g.writeString(t.name());
        }
        g.writeEndArray();
    }

    static void text(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }

    static void number(JsonGenerator g, String field, OptionalInt value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsInt());
        } else {
            g.writeNullField(field);
        }
    }

    static void date(JsonGenerator g, String field, Optional<RegistryDate> value) throws IOException {
        text(g, field, value.map(RegistryDate::toString));
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static void programs(JsonGenerator g, List<Program> programs) throws IOException {
        g.writeArrayFieldStart("programs");
        for (Program p : programs) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            text(g, "commandLineMarker", p.commandLineMarker());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code port, range, status, assignments, alternateUses, relatedPorts, summary}. */
    static final class PortInfoSerializer extends StdSerializer<PortInfo> {
        private static final long serialVersionUID = 1L;

        PortInfoSerializer() {
            super(PortInfo.class);
        }

        @Override
        public void serialize(PortInfo p, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeNumberField("port", p.port());
            g.writeStringField("range", p.range().name());
            g.writeStringField("status", p.status().name());
            g.writeFieldName("assignments");
            provider.findValueSerializer(List.class).serialize(p.assignments(), g, provider);
            g.writeFieldName("alternateUses");
            provider.findValueSerializer(List.class).serialize(p.alternateUses(), g, provider);
            g.writeArrayFieldStart("relatedPorts");
            for (int r : p.relatedPorts()) {
                g.writeNumber(r);
            }
            g.writeEndArray();
            g.writeStringField("summary", p.summary());
            g.writeEndObject();
        }
    }

    /**
     * {@code name, description, transports, status, origin, registrationDate, modificationDate,
     * references, serviceCode, unauthorizedUseReported, assignmentNotes, product, vendor,
     * discontinuedYear, reason, basis, programs}.
     */
    static final class ServiceAssignmentSerializer extends StdSerializer<ServiceAssignment> {
        private static final long serialVersionUID = 1L;

        ServiceAssignmentSerializer() {
            super(ServiceAssignment.class);
        }

        @Override
        public void serialize(ServiceAssignment a, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("description", a.description());
            transports(g, "transports", a.transports());
            g.writeStringField("status", a.status().name());
            g.writeStringField("origin", a.origin().name());
            date(g, "registrationDate", a.registrationDate());
            date(g, "modificationDate", a.modificationDate());
            strings(g, "references", a.references());
            text(g, "serviceCode", a.serviceCode());
            text(g, "unauthorizedUseReported", a.unauthorizedUseReported());
            text(g, "assignmentNotes", a.assignmentNotes());
            text(g, "product", a.product());
            text(g, "vendor", a.vendor());
            number(g, "discontinuedYear", a.discontinuedYear());
            text(g, "reason", a.reason());
            text(g, "basis", a.basis());
            programs(g, a.programs());
            g.writeEndObject();
        }
    }

    /** {@code name, description, transports, kind, officialPort, basis, firstYear, lastYear, programs}. */
    static final class AlternateUseSerializer extends StdSerializer<AlternateUse> {
        private static final long serialVersionUID = 1L;

        AlternateUseSerializer() {
            super(AlternateUse.class);
        }

        @Override
        public void serialize(AlternateUse u, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("name", u.name());
            g.writeStringField("description", u.description());
            transports(g, "transports", u.transports());
            g.writeStringField("kind", u.kind().name());
            number(g, "officialPort", u.officialPort());
            g.writeStringField("basis", u.basis());
            number(g, "firstYear", u.firstYear());
            number(g, "lastYear", u.lastYear());
            programs(g, u.programs());
            g.writeEndObject();
        }
    }

    /** {@code officialSource, officialDate, curatedRevision}. */
    static final class DataVersionSerializer extends StdSerializer<DataVersion> {
        private static final long serialVersionUID = 1L;

        DataVersionSerializer() {
            super(DataVersion.class);
        }

        @Override
        public void serialize(DataVersion v, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("officialSource", v.officialSource());
            g.writeStringField("officialDate", v.officialDate().toString());
            g.writeStringField("curatedRevision", v.curatedRevision());
            g.writeEndObject();
        }
    }
}
