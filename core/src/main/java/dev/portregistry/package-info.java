/**
 * The portregistry API: {@link dev.portregistry.PortRegistry#lookup(int)} answers, for any port
 * 0 to 65535, its {@link dev.portregistry.PortRange}, its official
 * {@link dev.portregistry.ServiceAssignment}s, its {@link dev.portregistry.LifecycleStatus}, known
 * {@link dev.portregistry.AlternateUse}s and related ports.
 *
 * <p>Around it: {@link dev.portregistry.Overlay} layers your own knowledge on a registry,
 * {@link dev.portregistry.ListeningSockets} lists and classifies what listens on this machine,
 * {@link dev.portregistry.PortAdvisor} suggests and checks ports for a new service, and
 * {@link dev.portregistry.PortPopularity} reads how often ports are open from Nmap's data.
 *
 * <p>Every type here is immutable and thread-safe, except the one-shot {@link dev.portregistry.Overlay.Builder}.
 * No method returns null; collections are
 * immutable and never null.
 */
package dev.portregistry;
