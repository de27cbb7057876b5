package dev.portregistry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The message names the source, the line where there is one, and what is wrong. */
class RegistryFormatExceptionTest {

    @Test
    void theMessageIsSourceLineAndDetail() {
        RegistryFormatException e = new RegistryFormatException("services.local", 3,
                "port 70000 is out of range: expected 0..65535");
        assertThat(e).hasMessage("services.local:3: port 70000 is out of range: expected 0..65535");
        assertThat(e.source()).isEqualTo("services.local");
        assertThat(e.line()).isEqualTo(3);
        assertThat(new RegistryFormatException("services.local", 1, "bad")).hasMessage("services.local:1: bad");
    }

    @Test
    void anEntryWithoutALineIsNamedByItsSourceAlone() {
        RegistryFormatException e = new RegistryFormatException("withAssignment", 0, "bad name");
        assertThat(e).hasMessage("withAssignment: bad name");
        assertThat(e.source()).isEqualTo("withAssignment");
        assertThat(e.line()).isZero();
    }

    @Test
    void sourceAndDetailAreRequired() {
        assertThatThrownBy(() -> new RegistryFormatException(null, 1, "bad")).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> new RegistryFormatException("f", 1, null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessageContaining("detail");
    }
}
