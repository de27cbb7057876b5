package dev.portregistry.json;

import dev.portregistry.json.curated.CuratedJson;
import dev.portregistry.Overlay;
import dev.portregistry.RegistryFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads an {@link Overlay} from JSON in the project's curated format, so that local knowledge can
 * be written the way the bundled knowledge is, and is read by the same reader ({@code CuratedJson},
 * whose javadoc lists every kind and field) under the same rules. Either of:
 * <ul>
 *   <li>one of the curated files itself, a JSON array, its kind told by the file name:
 *       {@code alternate-uses.json}, {@code lifecycle.json}, {@code related.json},
 *       {@code names.json}, {@code programs.json} or {@code assignments.json} (any prefix, such as
 *       {@code ops-alternate-uses.json}, is allowed), or by the folder it is in, as in the curated
 *       layout: {@code alternate-uses/games.json};</li>
 *   <li>an object whose optional members {@code assignments}, {@code alternateUses},
 *       {@code lifecycle}, {@code related}, {@code names} and {@code programs} each hold such an array.</li>
 * </ul>
 * For example {@code {"assignments": [{"name": "billing", "ports": [7443], "transports": ["tcp"],
 * "description": "our billing service"}]}}. Strict: a bad entry fails with a
 * {@link RegistryFormatException} naming the file and the line of the entry.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonOverlay {
    private JsonOverlay() {
    }

    /**
     * Reads an overlay from a JSON file in UTF-8; the file's path is the overlay's source.
     *
     * @param file the file, not null
     * @return the overlay, never null
     * @throws NullPointerException   if file is null
     * @throws IOException            if the file cannot be read
     * @throws RegistryFormatException naming the file and line of the first bad entry
     */
    public static Overlay read(Path file) throws IOException {
        Objects.requireNonNull(file, "file must not be null");
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads an overlay from JSON text.
     *
     * @param json   the JSON, not null
     * @param source the file name, used in error messages and to tell the kind of a top-level
     *               array; not null or blank
     * @return the overlay, never null
     * @throws NullPointerException   if an argument is null
     * @throws RegistryFormatException naming the source and line of the first bad entry
     */
    public static Overlay parse(String json, String source) {
        return CuratedJson.parse(json, source).overlay();
    }

    /**
     * Reads a directory in the curated layout, as the build reads {@code registry-data/data/curated}
     * (see {@code CuratedJson.readDirectory}), as one overlay.
     *
     * @param dir the directory, not null
     * @return the overlay, never null
     * @throws NullPointerException    if dir is null
     * @throws IOException             if a file cannot be read
     * @throws RegistryFormatException naming the file and line of the first bad entry
     */
    public static Overlay readDirectory(Path dir) throws IOException {
        return CuratedJson.readDirectory(dir).overlay();
    }
}
