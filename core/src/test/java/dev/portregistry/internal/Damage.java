package dev.portregistry.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Damages a format-4 table behind a valid header and CRC-32, as a foreign or hand-made file could
 * be: the port index, the name index and string chunk 0 are inflated, edited and sealed again.
 * Restates the layout of {@link TableCodec}'s javadoc on purpose, as an independent reading of it.
 */
final class Damage {
    private Damage() {
    }

    /** The offset of a section in the port index: counts are S, C, D, L, A, E, U, R, Q. */
    static int section(byte[] index, String name) {
        ByteBuffer b = ByteBuffer.wrap(index);
        int[] n = new int[9];
        for (int i = 0; i < 9; i++) {
            n[i] = b.getInt(4 * i);
        }
        int at = 36;
        for (String[] step : new String[][] {{"version", "6"}, {"chunks", "" + 8 * n[1]}, {"strings", "" + 2 * n[0]},
                {"dates", "" + 4 * n[2]}, {"lists", "" + 4 * n[3]}, {"assignments", "" + 14 * n[4]},
                {"extras", "" + 18 * n[5]}, {"uses", "" + 18 * n[6]}, {"runs", "" + 6 * n[7]},
                {"records", "" + 4 * n[8]}, {"variable", "0"}}) {
            if (step[0].equals(name)) {
                return at;
            }
            at += Integer.parseInt(step[1]);
        }
        throw new IllegalArgumentException(name);
    }

    /** The offset of a section in the name index: counts K and H, names K x 2, answers K x 4, hash H x 2. */
    static int nameSection(byte[] names, String name) {
        int k = ByteBuffer.wrap(names).getInt(0);
        return switch (name) {
            case "names" -> 8;
            case "answers" -> 8 + 2 * k;
            case "hash" -> 8 + 6 * k;
            case "variable" -> 8 + 6 * k + 2 * ByteBuffer.wrap(names).getInt(4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The table with its inflated port index replaced by {@code edit}'s result. */
    static byte[] index(byte[] table, UnaryOperator<byte[]> edit) {
        return rebuild(table, edit, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** The table with its inflated name index replaced by {@code edit}'s result. */
    static byte[] names(byte[] table, UnaryOperator<byte[]> edit) {
        return rebuild(table, UnaryOperator.identity(), edit, UnaryOperator.identity());
    }

    /** The table with the text of string chunk 0 replaced by {@code edit}'s result, of the same length. */
    static byte[] chunk0(byte[] table, UnaryOperator<byte[]> edit) {
        return rebuild(table, UnaryOperator.identity(), UnaryOperator.identity(), edit);
    }

    /** The inflated port index (0) or name index (1) of a table. */
    static byte[] inflated(byte[] table, int which) {
        ByteBuffer t = ByteBuffer.wrap(table);
        int at = 30 + (which == 0 ? 0 : t.getInt(18));
        return inflate(Arrays.copyOfRange(table, at, at + t.getInt(18 + 8 * which)), t.getInt(14 + 8 * which));
    }

    private static byte[] rebuild(byte[] table, UnaryOperator<byte[]> indexEdit, UnaryOperator<byte[]> namesEdit,
                                  UnaryOperator<byte[]> chunkEdit) {
        ByteBuffer t = ByteBuffer.wrap(table);
        int chunksAt = 30 + t.getInt(18) + t.getInt(26);
        byte[] index = inflated(table, 0);
        int chunkStored = ByteBuffer.wrap(index).getInt(section(index, "chunks"));
        int chunkLength = ByteBuffer.wrap(index).getInt(section(index, "chunks") + 4);
        byte[] chunk = deflate(chunkEdit.apply(inflate(Arrays.copyOfRange(table, chunksAt, chunksAt + chunkStored), chunkLength)));
        ByteBuffer.wrap(index).putInt(section(index, "chunks"), chunk.length);
        index = indexEdit.apply(index);
        byte[] names = namesEdit.apply(inflated(table, 1));
        byte[] storedIndex = deflate(index);
        byte[] storedNames = deflate(names);
        byte[] rest = Arrays.copyOfRange(table, chunksAt + chunkStored, table.length);
        return seal(ByteBuffer.allocate(16 + storedIndex.length + storedNames.length + chunk.length + rest.length)
                .putInt(index.length).putInt(storedIndex.length).putInt(names.length).putInt(storedNames.length)
                .put(storedIndex).put(storedNames).put(chunk).put(rest).array());
    }

    /** A header with magic, format 4, length and CRC-32 around a body. */
    static byte[] seal(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(14 + body.length).putInt(TableCodec.MAGIC).putShort((short) TableCodec.FORMAT_VERSION)
                .putInt(body.length).putInt((int) crc.getValue()).put(body).array();
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return out.toByteArray();
    }

    static byte[] inflate(byte[] stored, int length) {
        Inflater i = new Inflater();
        i.setInput(stored);
        byte[] out = new byte[length];
        try {
            int n = 0;
            while (n < length) {
                n += i.inflate(out, n, length - n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            i.end();
        }
        return out;
    }
}
