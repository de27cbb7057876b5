package dev.portregistry.data;

/**
 * A bad entry in a source file: names the file, the line (or entry) and what is wrong. The
 * compiler stops on it, so a bad source never becomes a table.
 */
public final class SourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param file    the source file, as the user would name it; not null
     * @param line    the 1-based line, or 0 if not known
     * @param message what is wrong and what was expected; not null
     */
    public SourceException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /**
     * Returns the source file.
     *
     * @return the file name, never null
     */
    public String file() {
        return file;
    }

    /**
     * Returns the 1-based line of the entry, or 0 if not known.
     *
     * @return the line
     */
    public int line() {
        return line;
    }

    /**
     * The same problem as a format exception from core or the JSON reader: its source, line and detail.
     *
     * @param e the exception, not null
     * @return the source exception, with e as its cause; never null
     */
    static SourceException of(dev.portregistry.RegistryFormatException e) {
        String location = e.source() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
        String message = e.getMessage();
        SourceException out = new SourceException(e.source(), e.line(),
                message.startsWith(location) ? message.substring(location.length()) : message);
        out.initCause(e);
        return out;
    }
}
