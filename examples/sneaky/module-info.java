/** A program that reaches for portregistry's internals, which the module does not export. */
module example.sneaky {
    requires dev.portregistry;
}
