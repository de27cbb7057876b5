package dev.portregistry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code portregistry lookup QUERY...}: the same as {@code portregistry QUERY...}, for names that are also commands. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = {"Explains ports and lists the ports of services.",
                "The same as 'portregistry QUERY...'.",
                "Use it for a service whose name is also a command, e.g. 'portregistry lookup check'."})
final class LookupCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PORT|SERVICE", description = "ports (0-65535) or service names")
    List<String> queries;

    @Override
    public Integer call() {
        return Main.lookup(parent.spec.commandLine().getOut(), common.merge(parent.common), queries);
    }
}
