package dev.portregistry.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line entry of the compiler: {@code CompileTable <data-dir> <version-file> <table-file>}. Prints the
 * report and writes the table; on a bad source it prints the file, line and reason and fails.
 */
public final class CompileTable {
    private CompileTable() {
    }

    /**
     * Compiles the data directory into the table file.
     *
     * @param args the data directory, the data version's properties file and the output file
     * @throws IOException if the table cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CompileTable <data-dir> <version-file> <table-file>");
            System.exit(2);
            return;
        }
        RegistryCompiler.Result result;
        try {
            result = RegistryCompiler.compile(Path.of(args[0]), Path.of(args[1]));
        } catch (SourceException e) {
            System.err.println("error: " + e.getMessage());
            throw e;
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, result.bytes());
        System.out.println("portregistry table " + out + " (" + result.table().version().label() + ")");
        System.out.print(result.report());
    }
}
