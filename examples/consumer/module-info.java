/** A user's program that needs nothing but portregistry-core. */
module example.consumer {
    requires dev.portregistry;
}
