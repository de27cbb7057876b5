package dev.portregistry.cli;

import dev.portregistry.host.Listener;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.host.ListenerKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code portregistry listening}: what listens on this machine, classified against the registry. */
@Command(name = "listening", mixinStandardHelpOptions = true,
        description = {"Lists what listens on this machine and what each listener probably is.",
                "Reads the TCP and UDP socket tables of Linux (/proc/net; no root needed) and classifies each "
                        + "socket as LOCAL, OFFICIAL, ALTERNATE_USE, MALWARE or UNKNOWN, with the registry's advice. "
                        + "Exit code 4 on other systems."})
final class ListeningCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--brief", description = "one line a socket, without the advice")
    boolean brief;

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        PrintWriter out = parent.spec.commandLine().getOut();
        List<Listener> listeners = ListeningSockets.listeners(options.registry());
        if (options.json) {
            options.printJson(out, listeners);
            out.flush();
            return 0;
        }
        out.println(listeners.size() + (listeners.size() == 1 ? " listening socket" : " listening sockets")
                + " (TCP in LISTEN, UDP bound and unconnected):");
        Set<String> advised = new HashSet<>();
        for (Listener l : listeners) {
            String what = l.kind() == ListenerKind.UNKNOWN ? "-" : String.join(", ", l.names());
            out.printf("  %-4s %-28s %-13s %s%s%n", l.socket().transport(), l.socket().endpoint(), l.kind(), what,
                    l.malwareAssociated() && l.kind() != ListenerKind.MALWARE ? "  (malware also known here)" : "");
            if (!brief && advised.add(l.socket().transport() + "/" + l.socket().port())) {
                out.println("       " + l.advice());
            }
        }
        out.flush();
        return 0;
    }
}
