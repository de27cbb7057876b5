package dev.portregistry.data;

import dev.portregistry.Overlay;
import dev.portregistry.RegistryFormatException;
import dev.portregistry.json.curated.CuratedJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The curated knowledge, written by the project in its own words, in {@code data/curated/}: the
 * compiler's view of what {@link CuratedJson}, the one reader of the curated JSON format (the same
 * that reads a user's JSON overlay), read there. For each kind, {@code <kind>.json} and/or every
 * {@code *.json} in a folder {@code <kind>/}; the kinds and their fields are listed in
 * {@link CuratedJson}'s javadoc. Every entry names what it rests on ({@code basis}).
 *
 * @param alternateUses the alternate uses, in file order
 * @param lifecycle     the lifecycle entries, in file order
 * @param related       the port families, in file order
 * @param names         the common names, in file order
 * @param programs      the programs that serve a service or a use, in file order
 */
public record CuratedData(List<CuratedJson.AlternateUseEntry> alternateUses, List<CuratedJson.LifecycleEntry> lifecycle,
                          List<CuratedJson.RelatedGroup> related, List<CuratedJson.CommonName> names,
                          List<CuratedJson.ProgramEntry> programs) {

    /** The files of the four kinds every curated directory holds (each, or a folder of that name without .json). */
    public static final List<String> FILES = List.of("alternate-uses.json", "lifecycle.json", "related.json", "names.json");

    /** The optional fifth kind: programs that serve an IANA service or a curated alternate use. */
    public static final String PROGRAMS_FILE = "programs.json";

    /** Curated data without program entries. */
    public CuratedData(List<CuratedJson.AlternateUseEntry> alternateUses, List<CuratedJson.LifecycleEntry> lifecycle,
                       List<CuratedJson.RelatedGroup> related, List<CuratedJson.CommonName> names) {
        this(alternateUses, lifecycle, related, names, List.of());
    }

    /**
     * Reads and checks the curated files of a directory.
     *
     * @param dir the {@code curated} directory, not null
     * @return the data, never null
     * @throws SourceException naming the file and line of the first bad entry, or the file if it
     *                         cannot be read
     */
    public static CuratedData read(Path dir) {
        try {
            return of(CuratedJson.readDirectory(dir));
        } catch (java.nio.file.FileSystemException e) {
            throw new SourceException(e.getFile() != null ? e.getFile() : dir.toString(), 0,
                    e.getReason() != null ? e.getReason() : "cannot read: " + e);
        } catch (IOException e) {
            throw new SourceException(dir.toString(), 0, "cannot read the curated files: " + e);
        } catch (RegistryFormatException e) {
            throw SourceException.of(e);
        }
    }

    /**
     * Reads one curated file's text, as its kind.
     *
     * @param text the JSON, not null
     * @param file the file name for error messages, not null
     * @param kind {@code alternateUses}, {@code lifecycle}, {@code related}, {@code names} or {@code programs}
     * @return the data, never null
     * @throws SourceException naming the file and line of the first bad entry
     */
    static CuratedData parse(String text, String file, String kind) {
        try {
            return of(CuratedJson.parse(text, file, kind));
        } catch (RegistryFormatException e) {
            throw SourceException.of(e);
        }
    }

    private static CuratedData of(CuratedJson json) {
        return new CuratedData(json.alternateUses(), json.lifecycle(), json.related(), json.names(), json.programs());
    }

    /**
     * Returns the entries as one overlay, each at its file and line, for core's engine.
     *
     * @return the overlay, never null
     * @throws SourceException naming the file and line of a duplicate or refused entry
     */
    public Overlay overlay() {
        try {
            return CuratedJson.of("curated", alternateUses, lifecycle, related, names, programs).overlay();
        } catch (RegistryFormatException e) {
            throw SourceException.of(e);
        }
    }
}
