/**
 * The portregistry API: {@link dev.portregistry.PortRegistry#lookup(int)} answers, for any port
 * 0 to 65535, its {@link dev.portregistry.PortRange}, its official
 * {@link dev.portregistry.ServiceAssignment}s, its {@link dev.portregistry.LifecycleStatus}, known
 * {@link dev.portregistry.AlternateUse}s and related ports.
 *
 * <p>Around it: {@link dev.portregistry.Overlay} layers your own knowledge on a registry. What
 * listens on this machine, choosing a port and Nmap's popularity data are in the
 * {@code portregistry-tools} artifact (packages {@code dev.portregistry.host}, {@code .advice} and
 * {@code .nmap}), built on this package's public API.
 *
 * <p>Every type here is immutable and thread-safe, except the one-shot {@link dev.portregistry.Overlay.Builder}.
 * No method returns null; collections are
 * immutable and never null.
 */
@NullMarked
package dev.portregistry;

import org.jspecify.annotations.NullMarked;
