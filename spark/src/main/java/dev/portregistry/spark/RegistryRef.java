package dev.portregistry.spark;

import dev.portregistry.Overlay;
import dev.portregistry.PortRegistry;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which registry the SQL functions answer from, in a form small enough to travel inside a query
 * plan: nothing for the bundled registry, or the text of a services(5) overlay and its source name.
 * Each JVM (driver and every executor) builds a registry's {@link PortColumns} once and keeps it in
 * a static cache keyed by this content, so a task carries a few bytes, never the registry.
 *
 * <p>Not for direct use: a public type only because Spark's generated code names it when it calls
 * {@link PortFunctions}. Immutable and thread-safe.
 */
public final class RegistryRef implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The bundled registry. */
    static final RegistryRef BUNDLED = new RegistryRef(null, null);

    /** Overlaid registries built in this JVM, by content. A session registers a handful at most. */
    private static final ConcurrentMap<RegistryRef, PortColumns> OVERLAID = new ConcurrentHashMap<>();

    /** The services(5) text layered on the bundled registry; null for the bundled registry itself. */
    private final String servicesText;
    /** Where the text came from, for messages and {@link PortRegistry#overlays()}; null with the text. */
    private final String source;
    /** This JVM's columns, found on first use after construction or deserialization. */
    private transient volatile PortColumns columns;

    private RegistryRef(String servicesText, String source) {
        this.servicesText = servicesText;
        this.source = source;
    }

    /**
     * A reference to the bundled registry with a services(5) overlay, checked here, on the driver,
     * so that a bad line fails the registration rather than a task.
     *
     * @throws dev.portregistry.RegistryFormatException naming the source and line of a bad line
     */
    static RegistryRef overlay(String servicesText, String source) {
        Objects.requireNonNull(servicesText, "servicesText must not be null");
        Objects.requireNonNull(source, "source must not be null");
        RegistryRef ref = new RegistryRef(servicesText, source);
        ref.columns();
        return ref;
    }

    /** This JVM's columns for the registry: built on the JVM's first use, then shared. */
    PortColumns columns() {
        PortColumns c = columns;
        if (c == null) {
            c = servicesText == null ? Bundled.COLUMNS : OVERLAID.computeIfAbsent(this, RegistryRef::build);
            columns = c;
        }
        return c;
    }

    /** The registry the functions answer from. */
    PortRegistry registry() {
        return columns().registry();
    }

    private static PortColumns build(RegistryRef ref) {
        return new PortColumns(PortRegistry.bundled().with(Overlay.parseServices(ref.servicesText, ref.source)));
    }

    private Object readResolve() {
        return servicesText == null ? BUNDLED : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryRef r && Objects.equals(servicesText, r.servicesText)
                && Objects.equals(source, r.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servicesText, source);
    }

    @Override
    public String toString() {
        return servicesText == null ? "bundled" : "bundled+" + source;
    }

    /** The bundled registry's columns, built on first use in this JVM. */
    private static final class Bundled {
        static final PortColumns COLUMNS = new PortColumns(PortRegistry.bundled());
    }
}
