/** A user's program that writes portregistry's answers as JSON with Jackson. */
module example.json {
    requires dev.portregistry.json;
}
