#!/usr/bin/env bash
# Deploys the project to a local staging directory exactly as a release to Maven Central would
# (profile "release": sources, javadoc, GPG signatures, the Central Portal plugin's bundle, with
# -DskipUpload=true so nothing leaves this machine), then checks what it wrote against Central's
# rules with scripts/CentralCheck.java, imports the BOM into an outside project, and installs the CLI
# from its bin archive and runs it.
#
#   scripts/stage-and-check.sh                     # this checkout's version: a SNAPSHOT fails the release rules
#   scripts/stage-and-check.sh --version 0.1.0     # the same sources as release 0.1.0, in a scratch copy
#   scripts/stage-and-check.sh --snapshot-ok       # all the other rules, at a SNAPSHOT version
#
# Signing uses a throwaway key made for this run in a temporary GNUPGHOME (no passphrase, expires in a
# day, deleted at the end), so the .asc files are made and verified without touching your keyring.
# The bundle and its unzipped content stay in target/staging/ for a look. Needs: JDK 17+, Maven, gpg.
# Takes a minute or two; tests are skipped (mvn -B verify runs them).
set -euo pipefail

usage() {
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

release_version=""
check_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --version) [ $# -ge 2 ] || usage; release_version="$2"; shift 2 ;;
        --snapshot-ok) check_args+=(--snapshot-ok); shift ;;
        -h|--help) usage ;;
        *) echo "error: unknown argument \"$1\"" >&2; usage ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/staging"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/portregistry-stage.XXXXXX")"
export GNUPGHOME="$scratch/gnupg"
cleanup() {
    gpgconf --homedir "$GNUPGHOME" --kill all >/dev/null 2>&1 || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# the project's version, without the colour codes some Maven set-ups print even with -B
project_version() {
    (cd "$1" && mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout) | sed 's/\x1b\[[0-9;]*m//g'
}

for tool in java mvn gpg; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not on the PATH: it is needed to stage and check" >&2; exit 1; }
done

# 1. the sources to build: this checkout, or a scratch copy of it (tracked and untracked files, not
#    ignored ones such as target/) set to the release version
build="$root"
if [ -n "$release_version" ]; then
    case "$release_version" in
        *-SNAPSHOT) echo "error: --version $release_version is a SNAPSHOT: give a release version such as 1.0.0" >&2; exit 2 ;;
    esac
    build="$scratch/src"
    mkdir -p "$build"
    (cd "$root" && git ls-files -z --cached --others --exclude-standard \
        | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$build"
    current="$(project_version "$build")"
    echo "== setting version $current -> $release_version in a scratch copy ($build)"
    (cd "$build" && mvn -B -q versions:set -DnewVersion="$release_version" -DgroupId=dev.portregistry \
        -DartifactId='*' -DoldVersion="$current" -DprocessAllModules=true -DgenerateBackupPoms=false)
fi

# 2. a throwaway signing key
mkdir -p "$GNUPGHOME"
chmod 700 "$GNUPGHOME"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
    --quick-gen-key 'portregistry stage-and-check (throwaway) <stage-and-check@portregistry.invalid>' ed25519 sign 1d 2>/dev/null
key="$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '/^fpr:/ {print $10; exit}')"

# 3. the release build, staged and bundled by the Central Portal plugin, not uploaded; nothing is
#    installed into ~/.m2, so a release version never shadows anything there
(cd "$build" && mvn -B -q clean)   # the plugin's staging directory must start empty
echo "== mvn -Prelease deploy -DskipUpload=true (log: $out/deploy.log)"
rm -rf "$out"
mkdir -p "$out"
if ! (cd "$build" && mvn -B -Prelease -DskipTests -Dmaven.install.skip=true -DskipUpload=true \
        -Dgpg.keyname="$key" deploy) >"$out/deploy.log" 2>&1; then
    grep -E '^\[ERROR\]' "$out/deploy.log" | head -20 >&2
    echo "error: the release build failed; see $out/deploy.log" >&2
    exit 1
fi
bundle="$build/target/central-publishing/central-bundle.zip"
if [ -f "$bundle" ]; then
    cp "$bundle" "$out/"
    (cd "$out" && mkdir repo && cd repo && jar xf ../central-bundle.zip)
    echo "== bundle: $out/central-bundle.zip ($(cd "$out/repo" && find . -type f | wc -l) files)"
else
    # the plugin bundles releases only: a SNAPSHOT waits in central-deferred, without the checksums
    # the plugin adds when it bundles, so those are not checked here
    cp -r "$build/target/central-deferred" "$out/repo"
    check_args+=(--no-checksums)
    echo "== no bundle (the Central plugin bundles releases only): checking the SNAPSHOT it staged, checksums aside"
fi

# 4. Central's rules. Every module directory of the build is a published artifact unless it is
#    build-only; a BOM entry whose module this checkout lacks (tools/ and spark/ arrive from other
#    branches) is a warning here, an error once the directory exists.
status=0
require=()
for m in core tools json spark cli bom; do
    [ -f "$root/$m/pom.xml" ] && require+=("portregistry-$m")
done
allow_missing=()
for m in tools spark; do
    [ -f "$root/$m/pom.xml" ] || allow_missing+=("portregistry-$m")
done
java "$root/scripts/CentralCheck.java" ${check_args[@]+"${check_args[@]}"} --gpg-home "$GNUPGHOME" \
    --require "$(IFS=,; echo "${require[*]}")" \
    --forbid portregistry-registry-data,portregistry-test-fixtures,portregistry-examples,portregistry-benchmarks \
    --allow-missing "$(IFS=,; echo "${allow_missing[*]:-}")" \
    "$out/repo" | tee "$out/check.txt" || status=$?   # go on: the steps below report on their own

# 5. the BOM as an outside project imports it: versions of core and json from the BOM alone,
#    resolved from the staged repository (a release only: the plugin bundles no SNAPSHOT), then a
#    program that uses them. What this puts into ~/.m2 under dev/portregistry/*/VERSION is removed.
version="$(project_version "$build")"
if [ -f "$out/central-bundle.zip" ]; then
    consumer="$scratch/consumer"
    mkdir -p "$consumer"
    m2="$HOME/.m2/repository/dev/portregistry"
    preexisting="$(ls -d "$m2"/*/"$version" 2>/dev/null || true)"
    cat >"$consumer/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>bom-consumer</artifactId>
  <version>1</version>
  <repositories>
    <repository>
      <id>staged</id>
      <url>file://$out/repo</url>
      <snapshots><enabled>false</enabled></snapshots>
    </repository>
  </repositories>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.portregistry</groupId>
        <artifactId>portregistry-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>dev.portregistry</groupId><artifactId>portregistry-core</artifactId></dependency>
    <dependency><groupId>dev.portregistry</groupId><artifactId>portregistry-json</artifactId></dependency>
  </dependencies>
</project>
POM
    cat >"$consumer/Example.java" <<'JAVA'
public class Example {
    public static void main(String[] args) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new dev.portregistry.json.PortRegistryModule());
        System.out.println(dev.portregistry.PortRegistry.lookup(1196).summary());
        System.out.println(mapper.readTree(mapper.writeValueAsString(dev.portregistry.PortRegistry.lookup(1196))).get("port"));
    }
}
JAVA
    if (cd "$consumer" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
            -Dmdep.outputFile=cp.txt >build.log 2>&1) \
        && java -cp "$(cat "$consumer/cp.txt")" "$consumer/Example.java" >"$consumer/run.txt" 2>&1 \
        && grep -q '^Port 1196' "$consumer/run.txt" && grep -qx '1196' "$consumer/run.txt"; then
        echo "== an outside project imports portregistry-bom $version and uses core and json without versions"
    else
        echo "ERROR an outside project could not import the BOM and use core and json:"
        cat "$consumer/build.log" "$consumer/run.txt" 2>/dev/null | head -20
        status=1
    fi
    for d in "$m2"/*/"$version"; do
        case "$preexisting" in *"$d"*) ;; *) rm -rf "$d" ;; esac
    done
fi

# 6. the CLI as a user installs it: unpack the bin archive, run the launcher, load the completion
archive="$(find "$out/repo" -name 'portregistry-cli-*-bin.tar.gz' | head -1)"
if [ -z "$archive" ]; then
    echo "ERROR the CLI's bin archive (portregistry-cli-VERSION-bin.tar.gz) was not deployed"
    status=1
else
    mkdir -p "$scratch/install"
    tar -xzf "$archive" -C "$scratch/install"
    home="$(find "$scratch/install" -mindepth 1 -maxdepth 1 -type d | head -1)"
    if ! "$home/bin/portregistry" 1196 >"$scratch/run.txt" 2>&1 || ! grep -q '^Port 1196' "$scratch/run.txt"; then
        echo "ERROR $home/bin/portregistry 1196 failed:"; cat "$scratch/run.txt"; status=1
    elif ! bash -c "source '$home/completion/portregistry.bash' && complete -p portregistry" >/dev/null 2>&1; then
        echo "ERROR the bash completion in $(basename "$archive") does not load"; status=1
    elif ! MANPATH="$home/man" man -w portregistry >/dev/null 2>&1 && [ ! -f "$home/man/man1/portregistry.1" ]; then
        echo "ERROR no man page man/man1/portregistry.1 in $(basename "$archive")"; status=1
    else
        echo "== installed $(basename "$archive"): bin/portregistry 1196 works, completion loads, man page present"
    fi
fi
exit "$status"
