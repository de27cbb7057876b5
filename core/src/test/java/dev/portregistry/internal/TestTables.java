package dev.portregistry.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Test tables made byte by byte: a hand-written payload, resealed with a valid header and CRC-32. */
public final class TestTables {
    private TestTables() {
    }

    /** A whole table around a payload: header with its true length and CRC-32, deflated as the writer does. */
    public static byte[] reseal(byte[] payload) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(payload);
        deflater.finish();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            stored.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] body = stored.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.writeInt(TableCodec.MAGIC);
            d.writeShort(TableCodec.FORMAT_VERSION);
            d.writeInt(body.length);
            d.writeInt((int) crc.getValue());
            d.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] inflate(byte[] table) {
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(table, TableCodec.HEADER_SIZE, table.length - TableCodec.HEADER_SIZE);
            byte[] out = new byte[1 << 20];
            int n = inflater.inflate(out);
            inflater.end();
            return Arrays.copyOf(out, n);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small payload in format 1, written field by field: strings "", "echo", "Echo"; one
     * assignment; no alternate use; port 7 (and optionally a second port); the name "echo".
     * Each setter breaks or changes one thing.
     */
    public static final class Payload {
        private int[] assignment = {1, 2, 3, 0, 0};
        private int assignmentIndex;
        private int secondPort = -1;
        private int[] related = {9, 65535};
        private int nameKey = 1;
        private String secondName;
        private int trailing;
        private byte[] description = "Echo".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        public Payload assignment(int name, int description, int mask, int status, int note) {
            assignment = new int[] {name, description, mask, status, note};
            return this;
        }

        public Payload assignmentIndex(int index) {
            assignmentIndex = index;
            return this;
        }

        public Payload secondPort(int port) {
            secondPort = port;
            return this;
        }

        public Payload related(int... ports) {
            related = ports;
            return this;
        }

        public Payload nameKey(int index) {
            nameKey = index;
            return this;
        }

        public Payload secondName(String name) {
            secondName = name;
            return this;
        }

        public Payload trailing(int bytes) {
            trailing = bytes;
            return this;
        }

        public Payload description(byte[] encoded) {
            description = encoded;
            return this;
        }

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(out)) {
                d.writeUTF("test source");
                d.writeUTF("2026-01-02");
                d.writeUTF("r1");
                d.writeShort(secondName == null ? 3 : 4);
                d.writeUTF("");
                d.writeUTF("echo");
                d.writeShort(description.length);
                d.write(description);
                if (secondName != null) {
                    d.writeUTF(secondName);
                }
                d.writeShort(1);
                d.writeShort(assignment[0]);
                d.writeShort(assignment[1]);
                d.writeByte(assignment[2]);
                d.writeByte(assignment[3]);
                d.writeShort(assignment[4]);
                d.writeShort(0);
                d.writeInt(secondPort < 0 ? 1 : 2);
                d.writeShort(7);
                d.writeByte(1);
                d.writeShort(assignmentIndex);
                d.writeByte(0);
                d.writeByte(related.length);
                for (int r : related) {
                    d.writeShort(r);
                }
                if (secondPort >= 0) {
                    d.writeShort(secondPort);
                    d.writeByte(0);
                    d.writeByte(0);
                    d.writeByte(0);
                }
                d.writeInt(secondName == null ? 1 : 2);
                d.writeShort(nameKey);
                d.writeShort(1);
                d.writeShort(7);
                if (secondName != null) {
                    d.writeShort(3);
                    d.writeShort(1);
                    d.writeShort(7);
                }
                for (int i = 0; i < trailing; i++) {
                    d.writeByte(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
