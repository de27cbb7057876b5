package dev.portregistry.host;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The process that holds a listening socket, as Linux shows it in {@code /proc/<pid>}: its id, its
 * user, its command name, its executable and its command line.
 *
 * <p>What the kernel does not show is absent, never guessed: a kernel thread has no executable and
 * an empty command line, and the executable of another user's process cannot be read without
 * privileges. The command name is the kernel's {@code comm}: the executable's file name cut to 15
 * characters, unless the program renamed itself.
 *
 * <p>Immutable and thread-safe. Instances come from {@link ListeningSockets}; new accessors may be
 * added in later releases.
 */
public final class ProcessInfo {
    private final int pid;
    private final long uid;
    private final String user;
    private final String commandName;
    private final @Nullable Path executable;
    private final boolean executableDeleted;
    private final List<String> commandLine;

    private ProcessInfo(int pid, long uid, String user, String commandName, @Nullable Path executable, boolean executableDeleted,
                        List<String> commandLine) {
        this.pid = pid;
        this.uid = uid;
        this.user = user;
        this.commandName = commandName;
        this.executable = executable;
        this.executableDeleted = executableDeleted;
        this.commandLine = commandLine;
    }

    /** Creates one from what /proc showed; the executable is null where it could not be read. */
    static ProcessInfo of(int pid, long uid, String user, String commandName, @Nullable Path executable, boolean executableDeleted,
                          List<String> commandLine) {
        if (pid < 1) {
            throw new IllegalArgumentException("pid " + pid + " is out of range: expected 1 or more");
        }
        if (uid < 0 || uid > ListeningSocket.MAX_UID) {
            throw new IllegalArgumentException("uid " + uid + " is out of range: expected 0.." + ListeningSocket.MAX_UID);
        }
        return new ProcessInfo(pid, uid, Objects.requireNonNull(user, "user must not be null"),
                Objects.requireNonNull(commandName, "commandName must not be null"), executable,
                executable != null && executableDeleted, List.copyOf(commandLine));
    }

    /**
     * Returns the process id.
     *
     * @return the pid, 1 or more
     */
    public int pid() {
        return pid;
    }

    /**
     * Returns the numeric id of the user the process runs as (the owner of {@code /proc/<pid>}).
     *
     * @return the uid, 0 to 4294967295
     */
    public long uid() {
        return uid;
    }

    /**
     * Returns the name of the user the process runs as, or its number as text where the system
     * knows no name for it.
     *
     * @return the user, never null or empty
     */
    public String user() {
        return user;
    }

    /**
     * Returns the kernel's name for the process ({@code /proc/<pid>/comm}), such as {@code sshd}: the
     * executable's file name cut to 15 characters, or what the program set for itself.
     *
     * @return the command name, never null; empty only if the kernel showed none
     */
    public String commandName() {
        return commandName;
    }

    /**
     * Returns the file the process was started from ({@code /proc/<pid>/exe}).
     *
     * @return the path, or empty for a kernel thread or where it cannot be read without
     *         privileges; never null
     */
    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    /**
     * Tells whether the executable has been deleted or replaced since the process started (the
     * kernel marks it {@code (deleted)}), as after a package upgrade, or when a program removes
     * itself to hide.
     *
     * @return true if {@link #executable()} is present and no longer on disk under that name
     */
    public boolean executableDeleted() {
        return executableDeleted;
    }

    /**
     * Returns the command line ({@code /proc/<pid>/cmdline}), the program's name first.
     *
     * @return an immutable list; empty for a kernel thread or a process that exited; never null
     */
    public List<String> commandLine() {
        return commandLine;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessInfo p && pid == p.pid && uid == p.uid && user.equals(p.user)
                && commandName.equals(p.commandName) && Objects.equals(executable, p.executable)
                && executableDeleted == p.executableDeleted && commandLine.equals(p.commandLine);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pid, uid, user, commandName, executable, executableDeleted, commandLine);
    }

    /**
     * Returns a short form such as {@code sshd (pid 812, user root)}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return commandName + " (pid " + pid + ", user " + user + ")";
    }
}
