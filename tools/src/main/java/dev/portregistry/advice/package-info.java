/**
 * Choosing a port for a new service: {@link dev.portregistry.advice.PortAdvisor} suggests free ports
 * and explains, as {@link dev.portregistry.advice.PortConflict}s, what is wrong with a planned one.
 *
 * <p>Every type here is immutable and thread-safe. No method returns null; collections are
 * immutable and never null.
 */
@NullMarked
package dev.portregistry.advice;

import org.jspecify.annotations.NullMarked;
