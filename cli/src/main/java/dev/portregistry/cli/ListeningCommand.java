package dev.portregistry.cli;

import dev.portregistry.host.Listener;
import dev.portregistry.host.ListeningSockets;
import dev.portregistry.host.ProcessInfo;
import dev.portregistry.host.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code portregistry listening}: what listens on this machine, who runs it, and whether it belongs there. */
@Command(name = "listening", mixinStandardHelpOptions = true,
        description = {"Lists what listens on this machine, the process behind each socket, and a verdict: "
                + "EXPECTED, PLAUSIBLE, UNEXPECTED, SUSPICIOUS or UNKNOWN, with the reason, worst first.",
                "Reads Linux's socket tables (/proc/net) and /proc/PID/fd; no root needed, but without root the "
                        + "processes of other users cannot be seen (their listeners are UNKNOWN).",
                "Exit codes: 0 done (with --unexpected: nothing unexpected or suspicious); "
                        + ListeningCommand.ATTENTION + " with --unexpected, when a listener is UNEXPECTED or SUSPICIOUS; "
                        + "4 not supported on this system (Linux only); 1 /proc cannot be read; 2 bad arguments."})
final class ListeningCommand implements Callable<Integer> {
    /** Exit code of {@code listening --unexpected} when a listener is UNEXPECTED or SUSPICIOUS. */
    static final int ATTENTION = 6;

    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--unexpected", description = "show only UNEXPECTED and SUSPICIOUS listeners, and exit with "
            + ATTENTION + " if there are any (for cron and CI)")
    boolean unexpectedOnly;

    @Option(names = "--brief", description = "one line a socket, without the reason")
    boolean brief;

    @Override
    public Integer call() {
        CommonOptions options = common.merge(parent.common);
        PrintWriter out = parent.spec.commandLine().getOut();
        List<Listener> all = new ArrayList<>(ListeningSockets.listeners(options.registry()));
        all.sort(Listener.worstFirst());
        List<Listener> shown = unexpectedOnly ? all.stream().filter(l -> l.verdict().needsAttention()).toList() : all;
        int code = unexpectedOnly && !shown.isEmpty() ? ATTENTION : 0;
        if (options.json) {
            options.printJson(out, shown);
            out.flush();
            return code;
        }
        if (unexpectedOnly && shown.isEmpty()) {
            out.println("No unexpected or suspicious listener among " + all.size() + " listening sockets.");
            out.flush();
            return code;
        }
        out.println(shown.size() + (shown.size() == 1 ? " listening socket" : " listening sockets")
                + (unexpectedOnly ? (shown.size() == 1 ? " needs" : " need") + " a look" : "") + ", worst first (TCP in LISTEN, UDP bound and unconnected):");
        out.printf("  %-10s %-5s %-30s %-8s %s%n", "VERDICT", "PROTO", "ADDRESS:PORT", "REACH", "PID/PROCESS");
        for (Listener l : shown) {
            out.printf("  %-10s %-5s %-30s %-8s %s%n", l.verdict(), l.socket().transport().label(),
                    l.socket().endpoint(), l.loopbackOnly() ? "local" : "network", process(l));
            if (!brief) {
                out.println("      " + l.reason());
            }
        }
        long hidden = all.stream().filter(l -> l.verdict() == Verdict.UNKNOWN && l.reason().contains("cannot be seen")).count();
        if (hidden > 0) {
            out.println(hidden + (hidden == 1 ? " listener belongs" : " listeners belong")
                    + " to processes of other users: run as root to see them.");
        }
        out.flush();
        return code;
    }

    private static String process(Listener l) {
        return l.process().map(p -> p.pid() + "/" + p.commandName() + user(p)).orElse("-");
    }

    private static String user(ProcessInfo p) {
        return " (" + p.user() + ")";
    }
}
