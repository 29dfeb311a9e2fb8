#!/usr/bin/env bash
# The tests' child JVMs (ChildRun: about a hundred pb-annex processes a build, killed, held, run side by side) start
# from a class cache made here once per build (in process-test-classes, before the tests), recorded from one cut nightly
# run, as most children run it. They run on the Java runtime the launcher would choose for pb-annex: the newest JDK 25
# or later under /usr/lib/jvm, with an ahead-of-time cache (JEP 483/514: a child's run 0.77 x the time and 0.85 x the
# CPU of JDK 17 with its class-data archive, 5 pairs); without one, on the tests' JDK with a dynamic class-data (CDS)
# archive. Neither records a class from a directory on the class path, so the children's class path has the build's
# classes as two jars made here from target/classes and target/test-classes (the same classes, made again every build:
# the JVM checks each jar's size and time and runs without the cache if either differs). The surefire setting
# test.child-archive names this folder; ChildRun starts its children on the runtime named in java-home, with the cache
# named in cache-options. Nothing here may fail the build: without a cache the children run as before.
# Usage: child-class-archive.sh JAVA_HOME TEST_CLASSPATH
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tests_java_home="$1"
classpath="$2"
dest="$here/target/child-jvm"
jar="$tests_java_home/bin/jar"
[ -x "$jar" ] || jar="$(command -v jar || true)"
# The runtime: the newest JDK 25+ under /usr/lib/jvm (the launcher's choice where the PATH's java is older), its
# version read from its release file; else the tests' own.
java_home="$tests_java_home"
best=0
for release in /usr/lib/jvm/*/release; do
  [ -r "$release" ] && [ -x "${release%/release}/bin/java" ] || continue
  version="$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$release")"
  if [ -n "$version" ] && [ "$version" -ge 25 ] && [ "$version" -gt "$best" ]; then
    best="$version"
    java_home="${release%/release}"
  fi
done
java="$java_home/bin/java"
if [ "$best" -ge 25 ]; then
  cache="$dest/app.aot"
  record=(-XX:AOTCacheOutput="$cache.tmp" -Xlog:aot=off -Xlog:cds=off)
  use=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
else
  cache="$dest/app.jsa"
  record=(-XX:ArchiveClassesAtExit="$cache.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off)
  use=(-XX:SharedArchiveFile="$cache" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# Up to date (a second `mvnw test` of the same build): no class and no file newer than the cache, the same class path
# and runtime; else made again (a recording costs a cut nightly run's CPU).
if [ -s "$cache" ] && [ "$(cat "$dest/java-home" 2>/dev/null)" = "$java_home" ] \
  && [ "$(cat "$dest/classpath.in" 2>/dev/null)" = "$classpath" ] \
  && [ -z "$(find "$here/target/classes" "$here/target/test-classes" "$here/pom.xml" "$0" -newer "$cache" -print -quit)" ]; then
  exit 0
fi
rm -rf "$dest"
mkdir -p "$dest"
if [ ! -x "$java" ] || [ -z "$jar" ]; then
  echo "pb-annex: no java or jar in $java_home: the tests' child JVMs start without a class cache" >&2
  exit 0
fi
# The class path with the two class folders as jars (in its order; a path with ':' in it cannot be on a class path).
jars=()
IFS=: read -r -a entries <<<"$classpath"
for e in "${entries[@]}"; do
  case "$e" in
    "$here/target/classes" | "$here/target/test-classes")
      j="$dest/$(basename "$e").jar"
      "$jar" --create --file "$j" --no-manifest -C "$e" . || exit 0
      jars+=("$j")
      ;;
    *) jars+=("$e") ;;
  esac
done
child_classpath="$(IFS=:; echo "${jars[*]}")"
# The training run: the bundled nightly job cut as CutNightly cuts it (every table, Chinese, the tidy CSV), on an
# embedded database, in a scratch home with the bundled input and the fonts. Its JVM options are ChildRun's, as the
# cache's classes must be loadable under them; the cache's own messages kept off (a child's output is compared).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home/jobs" "$scratch/home/work"
printf 'tables: all\nlanguages: [zh]\nformats: [csv]\n' >"$scratch/home/jobs/nightly.yml"
ln -s "$here/work/fonts" "$scratch/home/work/fonts"
if "$java" "${record[@]}" -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$child_classpath" \
    -Dpb.home="$scratch/home" -Dpb.input="$here/input" \
    -Dspring.datasource.url="jdbc:h2:file:$scratch/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -Dpb.status="$scratch/status" -Dpb.layout-memory="$scratch/layout" \
    org.pbannex.cli.PbAnnexApplication run nightly --no-distribute --output "$scratch/out" >"$dest/training.log" 2>&1 \
    && [ -s "$cache.tmp" ]; then
  mv "$cache.tmp" "$cache"
  printf '%s\n' "$child_classpath" >"$dest/classpath"
  printf '%s\n' "${use[@]}" >"$dest/cache-options"
  printf '%s\n' "$java_home" >"$dest/java-home"
  printf '%s\n' "$classpath" >"$dest/classpath.in"
else
  echo "pb-annex: the training run for the tests' class cache failed ($dest/training.log): the tests' child JVMs" \
    "start without one" >&2
  rm -f "$cache.tmp" "$cache.tmp.config"
fi
exit 0
