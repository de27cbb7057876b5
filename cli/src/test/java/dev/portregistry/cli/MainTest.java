package dev.portregistry.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The bare lookup form and its exit codes; what it prints about real ports is CliBundledDataTest's. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void unknownNameExitsWithNotFound() {
        assertThat(run("no-such-service-xyz")).isEqualTo(Main.NOT_FOUND);
        assertThat(out.toString()).contains("no-such-service-xyz");
    }

    @Test
    void outOfRangePortIsAUsageError() {
        assertThat(run("70000")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("70000", "0..65535");
    }

    @Test
    void noArgumentIsAUsageError() {
        assertThat(run()).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("PORT|SERVICE");
    }

}
