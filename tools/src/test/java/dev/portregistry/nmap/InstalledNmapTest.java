package dev.portregistry.nmap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PortPopularity#fromNmap()} on this machine: it reads the first of {@link PortPopularity#nmapLocations()}
 * that exists, or answers empty without Nmap. Asserts which file was read, and nothing of its content.
 */
class InstalledNmapTest {

    @Test
    void fromNmapReadsTheFirstInstalledFileOrNone() throws IOException {
        Optional<Path> installed = PortPopularity.nmapLocations().stream().filter(Files::isRegularFile).findFirst();
        Optional<PortPopularity> read = PortPopularity.fromNmap();
        assertThat(read.map(PortPopularity::source)).isEqualTo(installed.map(Path::toString));
        read.ifPresent(p -> assertThat(p.entries()).as("Nmap's file lists ports").isNotEmpty());
    }
}
