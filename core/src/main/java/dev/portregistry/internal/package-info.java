/**
 * Internal: the binary port table codec shared by the compiler and the runtime reader. Not API,
 * not exported by the module; it may change in any release.
 */
@NullMarked
package dev.portregistry.internal;

import org.jspecify.annotations.NullMarked;
