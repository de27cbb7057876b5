/** A user's program that needs nothing but portregistry-core and portregistry-tools. */
module example.consumer {
    requires dev.portregistry;
    requires dev.portregistry.tools;
}
