package dev.portregistry.host;

import dev.portregistry.PortRegistry;

/** Prints "VERDICT|reason" for the listeners on one port; run in a child JVM as another user by HostProcessesTest. */
public final class PrintListeners {
    private PrintListeners() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        for (Listener l : ListeningSockets.listeners(PortRegistry.bundled())) {
            if (l.socket().port() == port) {
                System.out.println(l.verdict() + "|" + l.reason());
            }
        }
    }
}
