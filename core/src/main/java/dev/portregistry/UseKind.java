package dev.portregistry;

/**
 * What kind of unofficial use an {@link AlternateUse} is.
 *
 * <p>Immutable and thread-safe.
 */
public enum UseKind {
    /** Software that commonly runs on the port without holding its IANA assignment. */
    UNOFFICIAL,
    /** A trojan, worm or botnet known to use or target the port. */
    MALWARE
}
