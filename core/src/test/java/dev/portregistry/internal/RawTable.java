package dev.portregistry.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Test helper that writes port tables by hand, following the layout documented in
 * {@link TableCodec}'s javadoc rather than calling its writer, so that tests can build tables whose
 * checksum is valid but whose content is not: the reader must reject them on content alone.
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

    /** A whole table: the payload compressed, under a header with a valid length and CRC-32. */
    static byte[] table(byte[] payload) {
        return withHeader(TableCodec.FORMAT_VERSION, deflate(payload));
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

    /** The uncompressed payload of a well-formed table. */
    static byte[] inflatedPayload(byte[] table) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(table, TableCodec.HEADER_SIZE,
                table.length - TableCodec.HEADER_SIZE))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
