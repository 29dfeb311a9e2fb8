#!/usr/bin/env bash
# Prepares target/app: the jar extracted (classes load from plain jars rather than from jars nested in one) and an
# archive of the classes a training run loaded, which the JVM maps instead of loading, parsing and verifying them
# again. On JDK 25 and later that is the ahead-of-time cache (JEP 483/514: the classes also linked, so a run starts
# about a second sooner); before 25 a class-data-sharing archive. Spring Boot documents both ("Efficient
# deployments", "Class Data Sharing"). Run by the launcher once after each build, or when the Java runtime changed
# (PB_JAVA, the runtime the launcher chose); it takes 10-90 s. With --missing, it records only the archives that are
# missing from target/app (a training run failed last time), keeping the rest: the launcher asks for that once.
# The training runs read the bundled input (target/bundled/: the repository's own input/ and jobs/, copied by the build,
# never the user's input/, which may hold a biennium still being prepared) in a scratch installation folder, with a
# scratch database and layout memory: they never touch input/, work/db, work/layout, output/, the settings files or a
# PostgreSQL server named in the environment. An archive names the jars by their paths, so the training runs from
# target/app itself, where the launcher will run them.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
jar="$home/target/pb-annex.jar"
app="$home/target/app"
missing=""
[ "${1:-}" != --missing ] || missing=1
# The runtime and its major version, as the launcher chose and read them (run by hand without them: java on the PATH,
# with a class-data-sharing archive).
java="${PB_JAVA:-java}"
if [ "${PB_JAVA_MAJOR:-0}" -ge 25 ]; then
  # AOTMode=on: the check run fails rather than silently running without the cache.
  archive=pb-annex-run.aot record="-XX:AOTCacheOutput" use="-XX:AOTMode=on -XX:AOTCache"
else
  archive=pb-annex.jsa record="-XX:ArchiveClassesAtExit" use="-Xshare:on -XX:SharedArchiveFile"
fi

if [ -z "$missing" ]; then
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
fi
needed() { # needed ARCHIVE: whether this preparation records ARCHIVE (with --missing, only one that is not there)
  [ -z "$missing" ] || [ ! -f "$app/$1" ]
}
# A jar built before the build copied the bundled input has none: copied now, as the build would.
[ -d "$home/target/bundled/input" ] || bash "$home/scripts/bundle-input.sh"
scratch="$(mktemp -d)"
# Interrupted, the lane beside this one (below) stops with it, before its scratch folder goes.
stop_lane() { [ -z "${lane:-}" ] || { pkill -P "$lane" || true; kill "$lane" || true; } 2>/dev/null; }
trap 'stop_lane; rm -rf "$scratch"' EXIT
# A training run with a scratch database, status folder and layout memory (never work/db, work/status or work/layout,
# so that the runs of every table lay their tables of text out from scratch, as a run after a change does; never a
# PostgreSQL server named in the environment) and none
# of the installation's settings: every PB_* and SPRING_* variable is left out, and its installation folder is a scratch
# one (the bundled input and jobs, no settings files), so a training run reads the bundled input and mails nobody
# (neither the reviewers nor, when it fails, PB_FAILURES_MAIL_TO). The PDFs' font is the installation's (PB_HOME's
# work/fonts when the launcher was given one, as fetch-fonts.sh puts it there).
unset_settings=()
for name in $(compgen -e); do
  case "$name" in PB_* | SPRING_*) unset_settings+=(-u "$name") ;; esac
done
training_home="$scratch/home"
mkdir -p "$training_home/work"
cp -R "$home/target/bundled/input" "$home/target/bundled/jobs" "$training_home/"
ln -s "${PB_HOME:-$home}/work/fonts" "$training_home/work/fonts"
# Each lane of training runs (below) in a scratch folder of its own (database, status, layout memory, log), so that two
# can run at once: on two cores the caches are made side by side.
pb_scratch() { # pb_scratch DIR ARGS...: pb-annex ARGS with DIR's database, status and layout memory, logged in DIR
  # (with the option recording_to, when a training run sets it)
  local dir="$1"
  shift
  mkdir -p "$dir"
  env "${unset_settings[@]}" \
      PB_DATABASE_URL="jdbc:h2:file:$dir/db/pb-annex;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      PB_STATUS="$dir/status" PB_LAYOUT_MEMORY="$dir/layout" \
      "$java" ${recording_to:+"$recording_to"} ${PB_JVM_DEFAULTS:-} -Dpb.home="$training_home" -jar "$app/pb-annex.jar" "$@" \
      >>"$dir/training.log" 2>&1
}
training() { # training DIR ARCHIVE ARGS...: records ARCHIVE from a run of pb-annex ARGS, then checks that it is usable
  local dir="$1" archive="$2"
  shift 2
  needed "$archive" || return 0
  local recording_to="$record=$dir/$archive"
  pb_scratch "$dir" "$@" \
    && env "${unset_settings[@]}" "$java" $use="$dir/$archive" ${PB_JVM_DEFAULTS:-} -Dpb.home="$training_home" \
      -jar "$app/pb-annex.jar" --version >>"$dir/training.log" 2>&1 \
    && mv "$dir/$archive" "$app/.$archive.tmp" && mv "$app/.$archive.tmp" "$app/$archive"
  # (moved in by a rename within target/app: a command starting meanwhile finds it whole or not at all)
}
# The run archive: one annex of the bundled input regenerated in every edition and format (so every renderer's classes
# are in it), into a scratch folder. --no-distribute: a job that names reviewers does not send them a training run.
both_editions=(--lang zh,en --format csv,xlsx,pdf,html --no-distribute)
regenerate=(run regenerate --tables a2 "${both_editions[@]}" --output "$scratch/output")
if [ "$archive" = pb-annex.jsa ]; then
  training "$scratch/run" pb-annex.jsa "${regenerate[@]}" || failed=1
else
  # On 25+ every class of the cache is loaded when the JVM starts (about 0.2 s and 60 MB for the run's 12 000
  # classes), so the commands that render nothing get caches of their own, recorded from what they load: check (and
  # help, version, schedule) and the expenditure ingest. The launcher picks the cache by the command.
  # On two cores or more in two lanes side by side, each lane in its own scratch folder: 36-44 s in all
  # instead of 50-59 s on two cores (a training run and the cache it makes use 1.2 cores); each lane as its training
  # runs were in one lane before (the runs of every table and the ingest on a database already made, by the history
  # command's first start). A lane that fails leaves a mark, not an exit status.
  second_lane() { # every table's cache, then the ingest's
    # A run of every table (the nightly run; a run without --tables) gets a cache recorded from one: every table's
    # layout and the workbooks' charts, which the one annex does not reach (nightly 0.97 x; the one annex's cache stays
    # smaller for the regenerate that waits on it: it took 1.05 x with this one).
    if needed pb-annex-all.aot; then
      { pb_scratch "$scratch/all" history \
          && training "$scratch/all" pb-annex-all.aot run regenerate "${both_editions[@]}" --output "$scratch/output-all"; } \
        || touch "$scratch/failed"
    fi
    if needed pb-annex-expenditure.aot; then
      { pb_scratch "$scratch/all" generate-expenditure --rows 200000 --ids random --out "$scratch/synthetic-training.csv" \
          && training "$scratch/all" pb-annex-expenditure.aot ingest-expenditure --engine embedded \
            "$scratch/synthetic-training.csv"; } || touch "$scratch/failed"
    fi
  }
  if [ "$(nproc 2>/dev/null || echo 1)" -ge 2 ]; then
    second_lane &
    lane=$!
  else
    second_lane
  fi
  training "$scratch/run" pb-annex-run.aot "${regenerate[@]}" || failed=1
  training "$scratch/run" pb-annex-check.aot check || failed=1
  [ -z "${lane:-}" ] || wait "$lane" || true
  lane=""
  [ ! -e "$scratch/failed" ] || failed=1
fi
if [ -n "${failed:-}" ]; then
  # Start-up is slower without an archive, nothing else: keep the extracted jar and say so once. The launcher prepares
  # the missing archives again once, on a later command (--missing); failing again, it is not tried again until the
  # next build (training.again), nor said again: preflight says it.
  cat "$scratch"/*/training.log >"$app/training.log"
  if [ -z "$missing" ]; then
    echo "pb-annex: a class archive is missing (a training run failed; see $app/training.log): start-up will be slower;" \
      "the next command tries again" >&2
  else
    date -u +%Y-%m-%dT%H:%M:%SZ >"$app/training.again"
    echo "pb-annex: a class archive is still missing (a training run failed again; see $app/training.log): start-up" \
      "stays slower; rm -r $app and the next command prepares fast start-up anew" >&2
  fi
else
  rm -f "$app/training.log"
fi
# The archive belongs to this runtime: the stamp (the java binary's path, as the launcher chose it, and its time as the
# stamp's own) says which one, so the launcher prepares anew when it changes. Written last: an interrupted preparation
# is prepared again.
echo "${PB_JAVA:-unknown}" >"$app/java.stamp"
[ -z "${PB_JAVA:-}" ] || touch -r "$PB_JAVA" "$app/java.stamp"
