package dev.portregistry.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Damages a format-3 table behind a valid header and CRC-32, as a foreign or hand-made file could
 * be: the index and string chunk 0 are inflated, edited and sealed again. Restates the layout of
 * {@link TableCodec}'s javadoc on purpose, as an independent reading of it.
 */
final class Damage {
    private Damage() {
    }

    /** The offset of a section in the index: counts are S, C, D, L, A, U, P, K, H. */
    static int section(byte[] index, String name) {
        ByteBuffer b = ByteBuffer.wrap(index);
        int s = b.getInt(0), c = b.getInt(4), d = b.getInt(8), l = b.getInt(12), a = b.getInt(16), u = b.getInt(20);
        int p = b.getInt(24), k = b.getInt(28);
        int at = 36;
        for (String[] step : new String[][] {{"version", "6"}, {"chunks", "" + 8 * c}, {"strings", "" + 4 * s},
                {"dates", "" + 4 * d}, {"lists", "" + 4 * l}, {"assignments", "" + 30 * a}, {"uses", "" + 18 * u},
                {"ports", "" + 2 * p}, {"records", "" + 4 * p}, {"names", "" + 2 * k}, {"answers", "" + 4 * k},
                {"hash", "0"}}) {
            if (step[0].equals(name)) {
                return at;
            }
            at += Integer.parseInt(step[1]);
        }
        throw new IllegalArgumentException(name);
    }

    /** The table with its inflated index replaced by {@code edit}'s result. */
    static byte[] index(byte[] table, UnaryOperator<byte[]> edit) {
        return rebuild(table, edit, UnaryOperator.identity());
    }

    /** The table with the text of string chunk 0 replaced by {@code edit}'s result, of the same length. */
    static byte[] chunk0(byte[] table, UnaryOperator<byte[]> edit) {
        return rebuild(table, UnaryOperator.identity(), edit);
    }

    private static byte[] rebuild(byte[] table, UnaryOperator<byte[]> indexEdit, UnaryOperator<byte[]> chunkEdit) {
        ByteBuffer t = ByteBuffer.wrap(table);
        int indexLength = t.getInt(14);
        int indexStored = t.getInt(18);
        byte[] index = inflate(Arrays.copyOfRange(table, 22, 22 + indexStored), indexLength);
        int chunkStored = ByteBuffer.wrap(index).getInt(42);
        int chunkLength = ByteBuffer.wrap(index).getInt(46);
        byte[] chunk = deflate(chunkEdit.apply(inflate(Arrays.copyOfRange(table, 22 + indexStored,
                22 + indexStored + chunkStored), chunkLength)));
        ByteBuffer.wrap(index).putInt(42, chunk.length);
        index = indexEdit.apply(index);
        byte[] stored = deflate(index);
        byte[] rest = Arrays.copyOfRange(table, 22 + indexStored + chunkStored, table.length);
        return seal(ByteBuffer.allocate(8 + stored.length + chunk.length + rest.length).putInt(index.length)
                .putInt(stored.length).put(stored).put(chunk).put(rest).array());
    }

    /** A header with magic, format 3, length and CRC-32 around a body. */
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
