package dev.portregistry.host;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a process record keeps of what /proc showed, and what it refuses. */
class ProcessInfoTest {

    @Test
    void keepsWhatProcShowed() {
        List<String> argv = new ArrayList<>(List.of("/usr/lib/postgresql/16/bin/postgres", "-D", "/var/lib/postgresql"));
        ProcessInfo p = ProcessInfo.of(812, 112, "postgres", "postgres", Path.of("/usr/lib/postgresql/16/bin/postgres"),
                false, argv);
        argv.clear();
        assertThat(p.pid()).isEqualTo(812);
        assertThat(p.uid()).isEqualTo(112);
        assertThat(p.user()).isEqualTo("postgres");
        assertThat(p.commandName()).isEqualTo("postgres");
        assertThat(p.executable()).contains(Path.of("/usr/lib/postgresql/16/bin/postgres"));
        assertThat(p.executableDeleted()).isFalse();
        assertThat(p.commandLine()).as("a copy").containsExactly("/usr/lib/postgresql/16/bin/postgres", "-D",
                "/var/lib/postgresql");
        assertThatThrownBy(() -> p.commandLine().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anExecutableIsDeletedOnlyWhenThereIsOne() {
        assertThat(ProcessInfo.of(9, 0, "root", "ghost", Path.of("/tmp/ghost"), true, List.of()).executableDeleted()).isTrue();
        ProcessInfo unreadable = ProcessInfo.of(9, 0, "root", "ghost", null, true, List.of());
        assertThat(unreadable.executable()).isEmpty();
        assertThat(unreadable.executableDeleted()).isFalse();
    }

    @Test
    void aPidIsPositiveAndAUidAnUnsigned32BitNumber() {
        assertThatThrownBy(() -> ProcessInfo.of(0, 0, "root", "x", null, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pid 0 is out of range: expected 1 or more");
        assertThatThrownBy(() -> ProcessInfo.of(1, -1, "root", "x", null, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("uid -1 is out of range: expected 0..4294967295");
        assertThatThrownBy(() -> ProcessInfo.of(1, 4_294_967_296L, "root", "x", null, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("uid 4294967296 is out of range: expected 0..4294967295");
        assertThat(ProcessInfo.of(1, 0, "root", "init", null, false, List.of()).uid()).isZero();
        assertThat(ProcessInfo.of(1, 4_294_967_294L, "nobody", "x", null, false, List.of()).uid()).isEqualTo(4_294_967_294L);
    }
}
