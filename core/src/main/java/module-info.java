/**
 * portregistry: every TCP, UDP, SCTP and DCCP port number, its RFC 6335 range, its official IANA
 * assignments, whether they are alive, and what commonly runs there in practice.
 *
 * <p>Start at {@link dev.portregistry.PortRegistry}. Only {@code dev.portregistry} is exported;
 * the table codec in {@code dev.portregistry.internal} is not API.
 */
module dev.portregistry {
    // @NullMarked and @Nullable (JSpecify) for compilers and null checkers: optional at run time (static),
    // and passed on to a reader of this module's API, whose signatures carry @Nullable (transitive)
    requires static transitive org.jspecify;
    exports dev.portregistry;
}
