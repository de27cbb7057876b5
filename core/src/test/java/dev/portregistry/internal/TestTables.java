package dev.portregistry.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Test tables made byte by byte (format 2): a hand-written index and string chunk, or the parts of a
 * real table, sealed again with a valid header, length and CRC-32 so that only the reader's own
 * checks can catch what a test breaks.
 */
public final class TestTables {
    private TestTables() {
    }

    /**
     * The parts of a table.
     *
     * @param index  the inflated index
     * @param chunks the stored (deflated) string chunks, in order
     */
    public record Parts(byte[] index, List<byte[]> chunks) {
    }

    /** Splits a table into its inflated index and its stored chunks. */
    public static Parts split(byte[] table) {
        ByteBuffer b = ByteBuffer.wrap(table);
        b.position(TableCodec.HEADER_SIZE);
        int indexStored = b.getInt();
        int indexLength = b.getInt();
        byte[] index = inflate(Arrays.copyOfRange(table, b.position(), b.position() + indexStored), indexLength);
        ByteBuffer ix = ByteBuffer.wrap(index);
        for (int i = 0; i < 3; i++) {
            ix.position(ix.position() + 2 + Short.toUnsignedInt(ix.getShort()));
        }
        ix.getShort();
        int chunkCount = Short.toUnsignedInt(ix.getShort());
        List<byte[]> chunks = new ArrayList<>();
        int at = b.position() + indexStored;
        for (int c = 0; c < chunkCount; c++) {
            int stored = ix.getInt();
            ix.getInt();
            chunks.add(Arrays.copyOfRange(table, at, at + stored));
            at += stored;
        }
        return new Parts(index, chunks);
    }

    /** A whole table around an inflated index and stored chunks, as given (the index is not fixed up). */
    public static byte[] seal(byte[] index, List<byte[]> chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(body)) {
            byte[] stored = deflate(index);
            d.writeInt(stored.length);
            d.writeInt(index.length);
            d.write(stored);
            for (byte[] chunk : chunks) {
                d.write(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ByteBuffer out = ByteBuffer.allocate(TableCodec.HEADER_SIZE + bytes.length);
        out.putInt(TableCodec.MAGIC).putShort((short) TableCodec.FORMAT_VERSION).putInt(bytes.length)
                .putInt((int) crc.getValue()).put(bytes);
        return out.array();
    }

    public static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static byte[] inflate(byte[] stored, int length) {
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(stored);
            byte[] out = new byte[length];
            int n = inflater.inflate(out);
            inflater.end();
            return Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small table: strings "", "echo", "Echo" (and optionally a fourth) in one chunk; one
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
        private byte[] description = "Echo".getBytes(StandardCharsets.US_ASCII);
        private int chunkCount = 1;
        private int chunkStoredDelta;
        private int chunkLengthDelta;
        private String date = "2026-01-02";

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

        public Payload date(String text) {
            date = text;
            return this;
        }

        /** Declares this many chunks in the index (one is right). */
        public Payload chunkCount(int count) {
            chunkCount = count;
            return this;
        }

        /** Records the chunk's stored length off by this much. */
        public Payload chunkStoredDelta(int delta) {
            chunkStoredDelta = delta;
            return this;
        }

        /** Records the chunk's inflated length off by this much. */
        public Payload chunkLengthDelta(int delta) {
            chunkLengthDelta = delta;
            return this;
        }

        private List<byte[]> strings() {
            List<byte[]> strings = new ArrayList<>(List.of(new byte[0], "echo".getBytes(StandardCharsets.US_ASCII),
                    description));
            if (secondName != null) {
                strings.add(secondName.getBytes(StandardCharsets.UTF_8));
            }
            return strings;
        }

        /** The stored chunk. */
        public byte[] chunk() {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (byte[] s : strings()) {
                text.writeBytes(s);
            }
            return deflate(text.toByteArray());
        }

        /** The inflated index. */
        public byte[] index() {
            List<byte[]> strings = strings();
            int textLength = strings.stream().mapToInt(s -> s.length).sum();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(out)) {
                d.writeUTF("test source");
                d.writeUTF(date);
                d.writeUTF("r1");
                d.writeShort(strings.size());
                d.writeShort(chunkCount);
                for (int c = 0; c < chunkCount; c++) {
                    d.writeInt(chunk().length + chunkStoredDelta);
                    d.writeInt(textLength + chunkLengthDelta);
                }
                for (byte[] s : strings) {
                    d.writeShort(s.length);
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

        /** The whole table. */
        public byte[] table() {
            return seal(index(), List.of(chunk()));
        }
    }
}
