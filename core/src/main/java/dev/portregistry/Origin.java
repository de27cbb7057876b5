package dev.portregistry;

/**
 * Where a {@link ServiceAssignment} comes from.
 *
 * <p>Immutable and thread-safe.
 */
public enum Origin {
    /** The IANA Service Name and Transport Protocol Port Number Registry, as bundled. */
    IANA,
    /**
     * The user's own knowledge, layered on a registry with {@link PortRegistry#with(Overlay)}:
     * "our billing service runs on 7443/tcp". Never in the bundled registry.
     */
    LOCAL
}
