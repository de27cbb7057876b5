package dev.portregistry.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aPortPrintsItsSummaryAndDetails() {
        assertThat(run("1196")).isZero();
        assertThat(out.toString()).contains("Port 1196", "REGISTERED", "ABANDONED", "netmagic", "OpenVPN",
                "official port 1194", "Related ports: 1194, 1195, 1197");
    }

    @Test
    void aNameListsTheServicePorts() {
        assertThat(run("OpenVPN")).isZero();
        assertThat(out.toString()).contains("1194", "official", "1195", "1196", "1197", "alternate use");
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

    @Test
    void aCommonNameSaysWhatThePortHolds() {
        assertThat(run("postgres")).isZero();
        assertThat(out.toString()).contains("5432", "by common name; here: postgresql");
    }
}
