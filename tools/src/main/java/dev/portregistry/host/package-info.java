/**
 * What listens on this host: {@link dev.portregistry.host.ListeningSockets} reads Linux's socket
 * tables and classifies each listening socket against a registry.
 *
 * <p>Every type here is immutable and thread-safe. No method returns null; collections are
 * immutable and never null.
 */
@NullMarked
package dev.portregistry.host;

import org.jspecify.annotations.NullMarked;
