import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks what a deploy wrote (a directory in Maven repository layout: the Central Portal plugin's
 * bundle unzipped, or an {@code altDeploymentRepository}) against Maven Central's publishing rules,
 * and reports every violation before it fails, so one run shows all there is to fix.
 *
 * <p>Rules, for each groupId/artifactId/version directory:
 * <ul>
 *   <li>files: the pom; unless the packaging is pom, the main jar, {@code -sources.jar} and
 *       {@code -javadoc.jar}; an {@code .md5} and a {@code .sha1} for every file, matching its
 *       content (and {@code .sha256}/{@code .sha512} where present); an {@code .asc} signature for
 *       every file, verified with gpg when {@code --gpg-home} is given;</li>
 *   <li>the jars are readable; the sources jar holds {@code .java} files and the javadoc jar an
 *       {@code index.html} when the main jar holds classes;</li>
 *   <li>the pom, after inheritance from a parent that must be staged too: coordinates that match
 *       the directory; its own name; description, url, a licence with a name and url, a developer
 *       with a name, scm with url and connection;</li>
 *   <li>release rules (unless {@code --snapshot-ok}): no SNAPSHOT version, parent or dependency;</li>
 *   <li>a compile or runtime dependency on an artifact of a staged groupId is staged, at that version;</li>
 *   <li>a BOM ({@code *-bom}, packaging pom) manages only its own groupId (no inherited third-party
 *       versions forced on importers), and every artifact it names is staged at its version.</li>
 * </ul>
 *
 * <p>Usage: {@code java scripts/CentralCheck.java [options] DIR}; options:
 * {@code --snapshot-ok}, {@code --no-signatures}, {@code --no-checksums} (for a SNAPSHOT, which the
 * Central plugin stages without them), {@code --gpg-home DIR},
 * {@code --require a,b} (artifactIds that must be staged), {@code --forbid a,b} (that must not be),
 * {@code --allow-missing a,b} (BOM entries whose module this checkout does not build: a warning).
 * Exit code 0 when nothing is wrong, 1 on violations, 2 on bad usage.
 */
public final class CentralCheck {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> CHECKSUMS = Set.of("md5", "sha1", "sha256", "sha512");

    private final Path root;
    private final boolean release;
    private final boolean signatures;
    private final boolean checksums;
    private final Path gpgHome;
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Pom> poms = new TreeMap<>();
    private int files;

    private CentralCheck(Path root, boolean release, boolean signatures, boolean checksums, Path gpgHome) {
        this.root = root;
        this.release = release;
        this.signatures = signatures;
        this.checksums = checksums;
        this.gpgHome = gpgHome;
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the check and returns the exit code; for tests, which call it in their own JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        boolean release = true;
        boolean signatures = true;
        boolean checksums = true;
        Path gpgHome = null;
        Set<String> require = new LinkedHashSet<>();
        Set<String> forbid = new LinkedHashSet<>();
        Set<String> allowMissing = new LinkedHashSet<>();
        Path dir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--snapshot-ok" -> release = false;
                    case "--no-signatures" -> signatures = false;
                    case "--no-checksums" -> checksums = false;
                    case "--gpg-home" -> gpgHome = Path.of(value(args, ++i));
                    case "--require" -> require.addAll(list(value(args, ++i)));
                    case "--forbid" -> forbid.addAll(list(value(args, ++i)));
                    case "--allow-missing" -> allowMissing.addAll(list(value(args, ++i)));
                    default -> {
                        if (args[i].startsWith("--") || dir != null) {
                            throw new IllegalArgumentException("unknown argument \"" + args[i] + "\"");
                        }
                        dir = Path.of(args[i]);
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("no staging directory given");
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("staging directory " + dir + " does not exist");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java scripts/CentralCheck.java [--snapshot-ok] [--no-signatures] [--no-checksums] [--gpg-home DIR]"
                    + " [--require a,b] [--forbid a,b] [--allow-missing a,b] STAGING_DIR");
            return 2;
        }
        CentralCheck check = new CentralCheck(dir, release, signatures, checksums, gpgHome);
        check.check(require, forbid, allowMissing);
        check.warnings.forEach(w -> out.println("WARNING " + w));
        check.errors.forEach(e -> out.println("ERROR " + e));
        out.printf("%s: %d artifacts, %d files checked against Central's rules%s: %d errors, %d warnings%n",
                dir, check.poms.size(), check.files, release ? " for a release" : " (SNAPSHOT allowed)",
                check.errors.size(), check.warnings.size());
        return check.errors.isEmpty() ? 0 : 1;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    // ------------------------------------------------------------------ the run

    private void check(Set<String> require, Set<String> forbid, Set<String> allowMissing) throws IOException {
        List<Path> versionDirs;
        try (Stream<Path> all = Files.walk(root)) {
            // group/.../artifactId/version/file: files above that (the plugin's own bookkeeping) are not artifacts
            versionDirs = all.filter(Files::isRegularFile).filter(f -> root.relativize(f).getNameCount() >= 4)
                    .filter(f -> !isChecksum(f) && !f.toString().endsWith(".asc") && !isMetadata(f))
                    .map(Path::getParent).distinct().sorted().toList();
        }
        if (versionDirs.isEmpty()) {
            errors.add(root + ": nothing staged");
            return;
        }
        for (Path dir : versionDirs) {
            loadPom(dir);
        }
        for (Pom pom : poms.values()) {
            resolveParent(pom);
        }
        for (Path dir : versionDirs) {
            checkFiles(dir);
        }
        Set<String> staged = new LinkedHashSet<>();
        for (Pom pom : poms.values()) {
            staged.add(pom.artifactId);
            checkMetadata(pom);
            checkVersions(pom);
            checkReactorDependencies(pom);
            checkBom(pom, allowMissing);
        }
        for (String a : require) {
            if (!staged.contains(a)) {
                errors.add(a + ": expected in the staging directory, but it was not deployed");
            }
        }
        for (String a : forbid) {
            if (staged.contains(a)) {
                errors.add(a + ": a build-only module was deployed; it must never reach Central");
            }
        }
    }

    private static boolean isChecksum(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && CHECKSUMS.contains(name.substring(dot + 1));
    }

    private static boolean isMetadata(Path f) {
        return f.getFileName().toString().startsWith("maven-metadata");
    }

    private String rel(Path p) {
        return root.relativize(p).toString();
    }

    // ------------------------------------------------------------------ files

    private void checkFiles(Path dir) throws IOException {
        Path versionDir = dir;
        String version = versionDir.getFileName().toString();
        String artifactId = versionDir.getParent().getFileName().toString();
        String base = artifactId + "-" + version;
        Path pomFile = dir.resolve(base + ".pom");
        Pom pom = poms.values().stream().filter(p -> p.file.equals(pomFile)).findFirst().orElse(null);
        if (pom != null && !"pom".equals(pom.packaging)) {
            String ext = switch (pom.packaging) {
                case "war", "ear", "rar" -> pom.packaging;
                default -> "jar";
            };
            Path main = dir.resolve(base + "." + ext);
            Path sources = dir.resolve(base + "-sources.jar");
            Path javadoc = dir.resolve(base + "-javadoc.jar");
            for (Path required : List.of(main, sources, javadoc)) {
                if (!Files.isRegularFile(required)) {
                    errors.add(rel(required) + ": missing (Central requires the main artifact, sources and javadoc"
                            + " for packaging " + pom.packaging + ")");
                }
            }
            if (Files.isRegularFile(main) && Files.isRegularFile(sources) && Files.isRegularFile(javadoc)) {
                checkJarContents(main, sources, javadoc);
            }
        }
        List<Path> content;
        try (Stream<Path> list = Files.list(dir)) {
            content = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : content) {
            if (isChecksum(f) || isMetadata(f) || f.toString().endsWith(".asc")) {
                continue;
            }
            files++;
            if (checksums) {
                checkChecksums(f);
            }
            if (signatures) {
                checkSignature(f);
            }
        }
    }

    private void checkJarContents(Path main, Path sources, Path javadoc) {
        try (ZipFile m = new ZipFile(main.toFile()); ZipFile s = new ZipFile(sources.toFile());
             ZipFile j = new ZipFile(javadoc.toFile())) {
            boolean classes = m.stream().map(ZipEntry::getName).anyMatch(n -> n.endsWith(".class"));
            if (classes && s.stream().map(ZipEntry::getName).noneMatch(n -> n.endsWith(".java"))) {
                errors.add(rel(sources) + ": holds no .java file although " + main.getFileName() + " holds classes");
            }
            if (classes && j.getEntry("index.html") == null) {
                errors.add(rel(javadoc) + ": holds no index.html: not a javadoc jar");
            }
        } catch (IOException e) {
            errors.add(rel(main.getParent()) + ": a jar is not a readable zip file: " + e.getMessage());
        }
    }

    private void checkChecksums(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        for (String algorithm : List.of("md5", "sha1", "sha256", "sha512")) {
            Path sum = f.resolveSibling(f.getFileName() + "." + algorithm);
            boolean required = algorithm.equals("md5") || algorithm.equals("sha1");
            if (!Files.isRegularFile(sum)) {
                if (required) {
                    errors.add(rel(sum) + ": missing (Central requires .md5 and .sha1 for every file)");
                }
                continue;
            }
            String expected = digest(algorithm, bytes);
            String[] tokens = Files.readString(sum).trim().split("\\s+");
            if (tokens.length == 0 || !tokens[0].equalsIgnoreCase(expected)) {
                errors.add(rel(sum) + ": says " + (tokens.length == 0 ? "nothing" : tokens[0]) + " but the file's "
                        + algorithm + " is " + expected);
            }
        }
    }

    private static String digest(String algorithm, byte[] bytes) {
        String name = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha256" -> "SHA-256";
            default -> "SHA-512";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }

    private void checkSignature(Path f) {
        Path asc = f.resolveSibling(f.getFileName() + ".asc");
        if (!Files.isRegularFile(asc)) {
            errors.add(rel(asc) + ": missing (Central requires a GPG signature for every file)");
            return;
        }
        if (gpgHome == null) {
            return;
        }
        try {
            Process p = new ProcessBuilder("gpg", "--homedir", gpgHome.toString(), "--batch", "--verify",
                    asc.toString(), f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                errors.add(rel(asc) + ": the signature does not verify: " + out.trim().replace('\n', ' '));
            }
        } catch (IOException e) {
            errors.add(rel(asc) + ": cannot run gpg to verify it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(rel(asc) + ": interrupted while verifying");
        }
    }

    // ------------------------------------------------------------------ poms

    /** One staged pom, with its parent (once resolved) for the inherited elements. */
    private static final class Pom {
        final Path file;
        final Element root;
        Pom parent;
        String groupId;
        String artifactId;
        String version;
        String packaging;

        Pom(Path file, Element root) {
            this.file = file;
            this.root = root;
        }
    }

    private void loadPom(Path dir) {
        String version = dir.getFileName().toString();
        String artifactId = dir.getParent().getFileName().toString();
        Path file = dir.resolve(artifactId + "-" + version + ".pom");
        if (!Files.isRegularFile(file)) {
            errors.add(rel(file) + ": missing (every artifact needs its pom)");
            return;
        }
        Element project;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            project = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            errors.add(rel(file) + ": not a readable pom: " + e.getMessage());
            return;
        }
        Pom pom = new Pom(file, project);
        Element parent = child(project, "parent");
        pom.artifactId = text(project, "artifactId");
        pom.groupId = orElse(text(project, "groupId"), parent == null ? null : text(parent, "groupId"));
        pom.version = orElse(text(project, "version"), parent == null ? null : text(parent, "version"));
        pom.packaging = orElse(text(project, "packaging"), "jar");
        String groupPath = pom.groupId == null ? "?" : pom.groupId.replace('.', '/');
        Path expected = Path.of(groupPath, String.valueOf(pom.artifactId), String.valueOf(pom.version));
        if (!root.relativize(dir).equals(expected)) {
            errors.add(rel(file) + ": coordinates " + pom.groupId + ":" + pom.artifactId + ":" + pom.version
                    + " do not match its place " + rel(dir));
        }
        poms.put(pom.groupId + ":" + pom.artifactId + ":" + pom.version, pom);
    }

    private void resolveParent(Pom pom) {
        Element parent = child(pom.root, "parent");
        if (parent == null) {
            return;
        }
        String key = text(parent, "groupId") + ":" + text(parent, "artifactId") + ":" + text(parent, "version");
        pom.parent = poms.get(key);
        if (pom.parent == null) {
            errors.add(rel(pom.file) + ": its parent " + key + " is not staged, so a user's build cannot resolve it");
        }
    }

    private void checkMetadata(Pom pom) {
        String where = rel(pom.file);
        if (blank(text(pom.root, "name"))) {
            errors.add(where + ": no <name> (Maven does not inherit it: every pom needs its own)");
        }
        requireInherited(pom, where, "description");
        requireInherited(pom, where, "url");
        Element licenses = inherited(pom, "licenses");
        List<Element> licenceList = licenses == null ? List.of() : children(licenses, "license");
        if (licenceList.isEmpty()) {
            errors.add(where + ": no <licenses><license> (Central requires a licence)");
        }
        for (Element l : licenceList) {
            if (blank(text(l, "name")) || blank(text(l, "url"))) {
                errors.add(where + ": a <license> without <name> or <url>");
            }
        }
        Element developers = inherited(pom, "developers");
        List<Element> developerList = developers == null ? List.of() : children(developers, "developer");
        if (developerList.isEmpty()) {
            errors.add(where + ": no <developers><developer> (Central requires one)");
        }
        for (Element d : developerList) {
            if (blank(text(d, "name"))) {
                errors.add(where + ": a <developer> without <name>");
            }
        }
        Element scm = inherited(pom, "scm");
        if (scm == null) {
            errors.add(where + ": no <scm> (Central requires <url> and <connection>)");
        } else {
            for (String e : List.of("url", "connection")) {
                if (blank(interpolate(pom, text(scm, e)))) {
                    errors.add(where + ": <scm> has no <" + e + ">");
                }
            }
        }
    }

    private void requireInherited(Pom pom, String where, String element) {
        for (Pom p = pom; p != null; p = p.parent) {
            String value = text(p.root, element);
            if (!blank(value)) {
                String resolved = interpolate(pom, value);
                if (resolved.contains("${")) {
                    errors.add(where + ": <" + element + "> \"" + value + "\" refers to a property it does not define");
                }
                return;
            }
        }
        errors.add(where + ": no <" + element + "> (Central requires it; it may come from the parent)");
    }

    private Element inherited(Pom pom, String element) {
        for (Pom p = pom; p != null; p = p.parent) {
            Element e = child(p.root, element);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private void checkVersions(Pom pom) {
        if (!release) {
            return;
        }
        String where = rel(pom.file);
        if (pom.version != null && pom.version.endsWith("-SNAPSHOT")) {
            errors.add(where + ": version " + pom.version + " is a SNAPSHOT; Central takes releases only");
        }
        Element parent = child(pom.root, "parent");
        if (parent != null && String.valueOf(text(parent, "version")).endsWith("-SNAPSHOT")) {
            errors.add(where + ": parent version " + text(parent, "version") + " is a SNAPSHOT");
        }
        for (Dependency d : dependencies(pom)) {
            if (d.version == null) {
                errors.add(where + ": dependency " + d.key() + " has no version, neither its own nor managed");
            } else if (d.version.contains("${")) {
                errors.add(where + ": dependency " + d.key() + " has version " + d.version
                        + ", a property no staged pom defines");
            } else if (d.version.endsWith("-SNAPSHOT")) {
                errors.add(where + ": depends on " + d.key() + ":" + d.version
                        + ", a SNAPSHOT; a release may depend on releases only");
            }
        }
    }

    private void checkReactorDependencies(Pom pom) {
        Set<String> stagedGroups = new LinkedHashSet<>();
        poms.values().forEach(p -> stagedGroups.add(p.groupId));
        for (Dependency d : dependencies(pom)) {
            boolean reaches = d.managed ? "import".equals(d.scope)
                    : d.scope == null || d.scope.equals("compile") || d.scope.equals("runtime");
            if (!reaches || !stagedGroups.contains(d.groupId) || d.version == null) {
                continue;
            }
            if (!poms.containsKey(d.key() + ":" + d.version)) {
                errors.add(rel(pom.file) + ": depends on " + d.key() + ":" + d.version
                        + ", which is not staged: users could not resolve it");
            }
        }
    }

    private void checkBom(Pom pom, Set<String> allowMissing) {
        if (!"pom".equals(pom.packaging) || !pom.artifactId.endsWith("-bom")) {
            return;
        }
        String where = rel(pom.file);
        List<Dependency> managed = new ArrayList<>();
        for (Pom p = pom; p != null; p = p.parent) {
            Element dm = child(p.root, "dependencyManagement");
            Element deps = dm == null ? null : child(dm, "dependencies");
            if (deps != null) {
                for (Element d : children(deps, "dependency")) {
                    managed.add(new Dependency(interpolate(pom, text(d, "groupId")), interpolate(pom, text(d, "artifactId")),
                            interpolate(pom, text(d, "version")), text(d, "scope"), true));
                }
            }
        }
        if (managed.isEmpty()) {
            errors.add(where + ": a BOM that manages no dependency");
        }
        for (Dependency d : managed) {
            if (!pom.groupId.equals(d.groupId)) {
                errors.add(where + ": manages " + d.key() + ":" + d.version + ", not one of ours: importing the BOM"
                        + " would force that version on users (a parent's dependencyManagement is inherited)");
            } else if (!poms.containsKey(d.key() + ":" + d.version)) {
                if (allowMissing.contains(d.artifactId)) {
                    warnings.add(where + ": names " + d.key() + ":" + d.version
                            + ", which this checkout does not build (allowed by --allow-missing)");
                } else {
                    errors.add(where + ": names " + d.key() + ":" + d.version + ", which is not staged");
                }
            }
        }
    }

    private record Dependency(String groupId, String artifactId, String version, String scope, boolean managed) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    /** The pom's own dependencies with their versions resolved, and the dependencyManagement it inherits. */
    private List<Dependency> dependencies(Pom pom) {
        Map<String, String> managedVersions = new LinkedHashMap<>();
        List<Dependency> out = new ArrayList<>();
        for (Pom p = pom; p != null; p = p.parent) {
            Element dm = child(p.root, "dependencyManagement");
            Element deps = dm == null ? null : child(dm, "dependencies");
            if (deps == null) {
                continue;
            }
            for (Element d : children(deps, "dependency")) {
                Dependency dep = new Dependency(interpolate(pom, text(d, "groupId")), interpolate(pom, text(d, "artifactId")),
                        interpolate(pom, text(d, "version")), text(d, "scope"), true);
                managedVersions.putIfAbsent(dep.key(), dep.version);
                out.add(dep);
            }
        }
        for (Pom p = pom; p != null; p = p.parent) {
            Element deps = child(p.root, "dependencies");
            if (deps == null) {
                continue;
            }
            for (Element d : children(deps, "dependency")) {
                String groupId = interpolate(pom, text(d, "groupId"));
                String artifactId = interpolate(pom, text(d, "artifactId"));
                String version = interpolate(pom, text(d, "version"));
                if (version == null) {
                    version = managedVersions.get(groupId + ":" + artifactId);
                }
                out.add(new Dependency(groupId, artifactId, version, text(d, "scope"), false));
            }
        }
        return out;
    }

    /** Replaces ${...} with the project's coordinates and the properties of the pom and its parents. */
    private String interpolate(Pom pom, String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("project.groupId", pom.groupId);
        props.put("project.artifactId", pom.artifactId);
        props.put("project.version", pom.version);
        props.put("pom.version", pom.version);
        if (pom.parent != null) {
            props.put("project.parent.version", pom.parent.version);
        }
        for (Pom p = pom; p != null; p = p.parent) {
            Element properties = child(p.root, "properties");
            if (properties != null) {
                for (Element e : children(properties, null)) {
                    props.putIfAbsent(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        String result = value;
        for (int round = 0; round < 10 && result.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(result);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement = props.get(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
            }
            m.appendTail(sb);
            if (sb.toString().equals(result)) {
                break;
            }
            result = sb.toString();
        }
        return result;
    }

    // ------------------------------------------------------------------ DOM helpers

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
