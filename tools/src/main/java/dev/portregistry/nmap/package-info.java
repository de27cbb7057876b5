/**
 * How often ports are found open: {@link dev.portregistry.nmap.PortPopularity} reads Nmap's
 * {@code nmap-services} from the user's own install at run time; none is bundled.
 *
 * <p>Every type here is immutable and thread-safe. No method returns null; collections are
 * immutable and never null.
 */
@NullMarked
package dev.portregistry.nmap;

import org.jspecify.annotations.NullMarked;
