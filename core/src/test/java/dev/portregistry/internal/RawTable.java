package dev.portregistry.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Test helper that writes port tables by hand, following the layout documented in
 * {@link TableCodec}'s javadoc rather than calling its writer, so that tests can build tables whose
 * checksum is valid but whose content is not: the reader must reject them on content alone.
 *
 * <p>The tokens describe a table in the flat order of the contents (version, string pool with each
 * string's length before its bytes, assignments, uses, ports, names): {@link #table(byte[])} moves
 * the strings' bytes into format 2's string chunks and their lengths into the index, and
 * {@link #inflatedPayload} does the reverse, so a test can change one field where it reads best.
 *
 * <p>A payload is written from a compact text of tokens separated by spaces: {@code utf:text}
 * (modified UTF-8, {@code _} stands for a space, {@code utf:} alone is the empty string),
 * {@code u8:n}, {@code u16:n}, {@code i32:n} and {@code hex:0a0b} for raw bytes.
 */
final class RawTable {
    private RawTable() {
    }

    /** Writes the payload described by the tokens, uncompressed. */
    static byte[] payload(String tokens) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        try {
            for (String token : tokens.trim().split("\\s+")) {
                int colon = token.indexOf(':');
                String kind = token.substring(0, colon);
                String value = token.substring(colon + 1);
                switch (kind) {
                    case "utf" -> d.writeUTF(value.replace('_', ' '));
                    case "u8" -> d.writeByte(Integer.parseInt(value));
                    case "u16" -> d.writeShort(Integer.parseInt(value));
                    case "i32" -> d.writeInt(Integer.parseInt(value));
                    case "hex" -> d.write(java.util.HexFormat.of().parseHex(value));
                    default -> throw new IllegalArgumentException("unknown token " + token);
                }
            }
            d.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A whole format-2 table from a flat payload: the three version strings and everything after the
     * string pool go to the index as they are; the pool's strings go to chunks of
     * {@link TableCodec#STRINGS_PER_CHUNK}, their lengths to the index. A pool that claims more
     * strings than the payload holds gives an index that ends early. Header, length and CRC-32 are
     * valid.
     */
    static byte[] table(byte[] payload) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(payload);
        int versionEnd = 0;
        for (int i = 0; i < 3 && versionEnd + 2 <= payload.length; i++) {
            versionEnd += 2 + Short.toUnsignedInt(in.getShort(versionEnd));
        }
        if (versionEnd + 2 > payload.length) { // no pool at all: the index is what there is
            return TestTables.seal(payload, java.util.List.of());
        }
        int count = Short.toUnsignedInt(in.getShort(versionEnd));
        int chunkCount = (count + TableCodec.STRINGS_PER_CHUNK - 1) / TableCodec.STRINGS_PER_CHUNK;
        int at = versionEnd + 2;
        java.util.List<Integer> lengths = new java.util.ArrayList<>();
        java.util.List<ByteArrayOutputStream> raw = new java.util.ArrayList<>();
        for (int c = 0; c < chunkCount; c++) {
            raw.add(new ByteArrayOutputStream());
        }
        for (int i = 0; i < count && at + 2 <= payload.length; i++) {
            int length = Short.toUnsignedInt(in.getShort(at));
            int end = Math.min(payload.length, at + 2 + length);
            lengths.add(length);
            raw.get(i / TableCodec.STRINGS_PER_CHUNK).write(payload, at + 2, end - at - 2);
            at = end;
        }
        ByteArrayOutputStream index = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(index);
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        try {
            d.write(payload, 0, versionEnd);
            d.writeShort(count);
            d.writeShort(chunkCount);
            for (ByteArrayOutputStream chunk : raw) {
                byte[] stored = TestTables.deflate(chunk.toByteArray());
                chunks.add(stored);
                d.writeInt(stored.length);
                d.writeInt(chunk.size());
            }
            for (int length : lengths) {
                d.writeShort(length);
            }
            d.write(payload, at, payload.length - at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestTables.seal(index.toByteArray(), chunks);
    }

    /** A whole table from payload tokens, see {@link #payload}. */
    static byte[] table(String tokens) {
        return table(payload(tokens));
    }

    /** A header (magic, format, length, CRC-32 of the stored bytes) followed by the stored bytes. */
    static byte[] withHeader(int format, byte[] stored) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length + TableCodec.HEADER_SIZE);
        DataOutputStream d = new DataOutputStream(out);
        CRC32 crc = new CRC32();
        crc.update(stored);
        try {
            d.writeInt(TableCodec.MAGIC);
            d.writeShort(format);
            d.writeInt(stored.length);
            d.writeInt((int) crc.getValue());
            d.write(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Compresses fast: tests re-wrap many payloads. */
    static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** The flat payload (see {@link #table(byte[])}) of a well-formed format-2 table. */
    static byte[] inflatedPayload(byte[] table) {
        TestTables.Parts parts = TestTables.split(table);
        java.nio.ByteBuffer ix = java.nio.ByteBuffer.wrap(parts.index());
        for (int i = 0; i < 3; i++) {
            ix.position(ix.position() + 2 + Short.toUnsignedInt(ix.getShort()));
        }
        int versionEnd = ix.position();
        int count = Short.toUnsignedInt(ix.getShort());
        int chunkCount = Short.toUnsignedInt(ix.getShort());
        int[] chunkLengths = new int[chunkCount];
        for (int c = 0; c < chunkCount; c++) {
            ix.getInt();
            chunkLengths[c] = ix.getInt();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        try {
            d.write(parts.index(), 0, versionEnd);
            d.writeShort(count);
            byte[] chunk = null;
            int offset = 0;
            for (int i = 0; i < count; i++) {
                if (i % TableCodec.STRINGS_PER_CHUNK == 0) {
                    int c = i / TableCodec.STRINGS_PER_CHUNK;
                    chunk = TestTables.inflate(parts.chunks().get(c), chunkLengths[c]);
                    offset = 0;
                }
                int length = Short.toUnsignedInt(ix.getShort());
                d.writeShort(length);
                d.write(chunk, offset, length);
                offset += length;
            }
            d.write(parts.index(), ix.position(), parts.index().length - ix.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
