#!/usr/bin/env bash
# The tests' child JVMs (ChildRun: about a hundred pb-annex processes a build, killed, held, run side by side) start
# from a class-data archive made here once per build (in process-test-classes, before the tests): a dynamic CDS archive
# recorded from one cut nightly run, as most children run it. JDK 17 archives no class from a directory on the class
# path, and will not record with one there, so the children's class path has the build's classes as two jars made
# here from target/classes and target/test-classes (the same classes, made again every build: the JVM checks each
# jar's size and time and runs without the archive if either differs). The surefire setting test.child-archive names
# this folder; ChildRun uses it only for the JDK that recorded it. Nothing here may fail the build: without an archive
# the children run as before.
# Usage: child-class-archive.sh JAVA_HOME TEST_CLASSPATH
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
java_home="$1"
classpath="$2"
dest="$here/target/child-jvm"
java="$java_home/bin/java"
jar="$java_home/bin/jar"
[ -x "$jar" ] || jar="$(command -v jar || true)"
# Up to date (a second `mvnw test` of the same build): no class and no file newer than the archive, the same class path
# and JDK; else made again (a recording costs a nightly run's CPU).
if [ -s "$dest/app.jsa" ] && [ "$(cat "$dest/java-home" 2>/dev/null)" = "$java_home" ] \
  && [ "$(cat "$dest/classpath.in" 2>/dev/null)" = "$classpath" ] \
  && [ -z "$(find "$here/target/classes" "$here/target/test-classes" "$here/pom.xml" "$0" -newer "$dest/app.jsa" -print -quit)" ]; then
  exit 0
fi
rm -rf "$dest"
mkdir -p "$dest"
if [ ! -x "$java" ] || [ -z "$jar" ]; then
  echo "pb-annex: no java or jar in $java_home: the tests' child JVMs start without a class-data archive" >&2
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
# The training run: the bundled nightly job cut as CutNightly cuts it (every table, Chinese, CSV and PDF), on an
# embedded database, in a scratch home with the bundled input and the fonts. Its JVM options are ChildRun's, as the
# archive's classes must be loadable under them; the archive's own messages kept off (a child's output is compared).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home/jobs" "$scratch/home/work"
printf 'tables: all\nlanguages: [zh]\nformats: [csv, pdf]\n' >"$scratch/home/jobs/nightly.yml"
ln -s "$here/work/fonts" "$scratch/home/work/fonts"
if "$java" -XX:ArchiveClassesAtExit="$dest/app.jsa.tmp" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$child_classpath" \
    -Dpb.home="$scratch/home" -Dpb.input="$here/input" \
    -Dspring.datasource.url="jdbc:h2:file:$scratch/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -Dpb.status="$scratch/status" -Dpb.layout-memory="$scratch/layout" \
    org.pbannex.cli.PbAnnexApplication run nightly --no-distribute --output "$scratch/out" >"$dest/training.log" 2>&1 \
    && [ -s "$dest/app.jsa.tmp" ]; then
  mv "$dest/app.jsa.tmp" "$dest/app.jsa"
  printf '%s\n' "$child_classpath" >"$dest/classpath"
  printf '%s\n' "$java_home" >"$dest/java-home"
  printf '%s\n' "$classpath" >"$dest/classpath.in"
else
  echo "pb-annex: the training run for the tests' class-data archive failed ($dest/training.log): the tests' child JVMs" \
    "start without one" >&2
  rm -f "$dest/app.jsa.tmp"
fi
exit 0
