/**
 * portregistry tools, built on the registry's public API: what listens on this host and who runs it
 * ({@code dev.portregistry.host}), choosing a port for a new service ({@code dev.portregistry.advice})
 * and how often ports are found open, from the user's own Nmap install ({@code dev.portregistry.nmap}).
 */
module dev.portregistry.tools {
    // @NullMarked and @Nullable (JSpecify), for compilers and null checkers: not needed at run time, and
    // not transitive, so that a user's module compiles without it
    requires static org.jspecify;
    requires transitive dev.portregistry;

    exports dev.portregistry.host;
    exports dev.portregistry.advice;
    exports dev.portregistry.nmap;
}
