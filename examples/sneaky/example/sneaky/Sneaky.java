package example.sneaky;

import dev.portregistry.internal.TableCodec;

/** Must not compile on the module path: dev.portregistry.internal is not exported. */
public final class Sneaky {
    private Sneaky() {
    }

    public static void main(String[] args) {
        System.out.println(TableCodec.MAGIC);
    }
}
