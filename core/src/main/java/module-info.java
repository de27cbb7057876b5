/**
 * portregistry: every TCP, UDP, SCTP and DCCP port number, its RFC 6335 range, its official IANA
 * assignments, whether they are alive, and what commonly runs there in practice.
 *
 * <p>Start at {@link dev.portregistry.PortRegistry}. Only {@code dev.portregistry} is exported;
 * the table codec in {@code dev.portregistry.internal} is not API.
 */
module dev.portregistry {
    // @NullMarked and @Nullable (JSpecify), for compilers and null checkers: not needed at run time, and
    // not transitive, so that a user's module compiles without it
    requires static org.jspecify;
    exports dev.portregistry;
}
