package dev.portregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A program is an executable's file name, or a runtime with a marker of its command line. */
class ProgramTest {

    @Test
    void anExecutableIsItsFileNameWithoutAMarker() {
        Program sshd = Program.executable("sshd");
        assertThat(sshd.name()).isEqualTo("sshd");
        assertThat(sshd.commandLineMarker()).isEmpty();
        assertThat(sshd).hasToString("sshd");
    }

    @Test
    void aRuntimeIsNamedByItsExecutableAndKeepsTheMarkerOfItsCommandLine() {
        Program zookeeper = Program.runtime("java", "org.apache.zookeeper.server.quorum.QuorumPeerMain");
        assertThat(zookeeper.name()).isEqualTo("java");
        assertThat(zookeeper.commandLineMarker()).hasValue("org.apache.zookeeper.server.quorum.QuorumPeerMain");
        assertThat(zookeeper).hasToString("java[org.apache.zookeeper.server.quorum.QuorumPeerMain]")
                .isNotEqualTo(Program.executable("java"));
        // a marker is any text of the command line, spaces and slashes included
        assertThat(Program.runtime("java", "-jar /opt/jenkins/jenkins.war").commandLineMarker())
                .hasValue("-jar /opt/jenkins/jenkins.war");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/usr/sbin/sshd", "/sshd", "sbin/sshd", "sshd/", "ss hd", "sshd ", " sshd"})
    void aPathOrANameWithASpaceIsNoExecutablesFileName(String name) {
        assertThatThrownBy(() -> Program.executable(name)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("program name \"" + name + "\" is invalid: expected an executable's file name such as sshd");
        assertThatThrownBy(() -> Program.runtime(name, "org.example.Main"))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + name + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\tsshd", "ss\nhd", "sshd\r", "ss\u2003hd", "ss\u2028hd"})
    void aNameWithOtherWhiteSpaceIsRefusedToo(String name) {
        assertThatThrownBy(() -> Program.executable(name)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is invalid: expected an executable's file name such as sshd");
    }

    @Test
    void aBlankNameOrMarkerIsRefused() {
        assertThatThrownBy(() -> Program.executable("")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an executable's file name");
        assertThatThrownBy(() -> Program.executable("  ")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Program.runtime("java", " ")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("marker \" \" of runtime java is blank: expected text of its command line, such as a main class");
        assertThatThrownBy(() -> Program.runtime("java", "")).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is blank");
    }
}
