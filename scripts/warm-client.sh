# pb-annex's side of the warm process (pb-annex serve), sourced by the launcher: bash builtins only (a command that
# runs in the warm process must not pay for forked programs). Needs PB_HOME (the data folder: its work/warm, work/logs).
#
# warm_run ARGS...: runs `pb-annex ARGS` in the warm process of this installation when one runs and takes it (same
#   folder, same settings in the environment, same build): WARM_SERVED=1 and WARM_STATUS its exit status, its output
#   printed here as it comes. Otherwise WARM_SERVED=0 and the launcher starts a process of its own, as always.
# warm_start JAVA-COMMAND...: starts the warm process in the background and waits until it is ready.
# warm_wanted ARGS... / warm_autostart JAVA-COMMAND...: whether a command starts one when none runs (a `run` or `check`
#   at a terminal), and starting it for that command, without the warm-up.

# When the launcher started (set by it; else now): a warm command's --timings count from it, a warm process started
# for the command included.
WARM_CLIENT_START="${WARM_CLIENT_START:-${EPOCHREALTIME:-0}}"

warm_dir() {
  WARM_DIR="${PB_SERVE_DIR:-$PB_HOME/work/warm}"
}

# WARM_PORT, WARM_TOKEN, WARM_PID := the endpoint of a live warm process; false when there is none.
warm_endpoint() {
  warm_dir
  [ -r "$WARM_DIR/endpoint" ] || return 1
  read -r WARM_PORT WARM_TOKEN WARM_PID <"$WARM_DIR/endpoint" || return 1
  [ -n "$WARM_PID" ] && kill -0 "$WARM_PID" 2>/dev/null
}

warm_run() {
  WARM_SERVED=0
  WARM_STATUS=5
  # PB_WARM=off: this command in a process of its own (serve --status and --stop still ask the warm process).
  [ "${PB_WARM:-on}" != off ] || [ "${1:-}" = serve ] || return 0
  warm_endpoint || return 0
  { exec 3<>"/dev/tcp/127.0.0.1/$WARM_PORT"; } 2>/dev/null || return 0
  # The environment variables settings can read (exported ones only), for the warm process to compare with its own.
  local env=() name cwd reply line
  for name in ${!PB_*} ${!SPRING_*} ${!LC_*} TZ LANG JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS; do
    if [[ -v $name && ${!name@a} == *x* ]]; then env+=("$name=${!name}"); fi
  done
  # The folder as the shell knows it (the warm process resolves its links).
  cwd="$PWD"
  printf '%s\0' pb-annex-warm/1 "$WARM_TOKEN" "$cwd" "$WARM_CLIENT_START" "${#env[@]}" "${env[@]}" "$#" "$@" >&3 2>/dev/null \
    || { exec 3>&-; return 0; }
  if ! IFS= read -r -t 10 reply <&3 || [ "$reply" != ready ]; then
    exec 3>&-
    # Refused (another folder, other settings, a rebuilt program) or busy: a process of its own. Said on a terminal
    # only, so that cron mail and scripts see the same output either way.
    if [ -t 2 ] && [ "$reply" = busy ]; then
      echo "pb-annex: the warm process (pid $WARM_PID) is running another command: starting a process of its own" >&2
    elif [ -t 2 ] && [ -n "$reply" ]; then
      echo "pb-annex: not in the warm process (${reply#refused }): starting a process of its own" >&2
    fi
    return 0
  fi
  WARM_SERVED=1
  # A signal that ends this command (Ctrl-C, a terminal that closed, kill) is told to the warm process, which stops the
  # command as that signal stops a process of its own.
  trap 'warm_signalled INT' INT
  trap 'warm_signalled HUP' HUP
  trap 'warm_signalled TERM' TERM
  if warm_frames; then
    trap - INT HUP TERM
    exec 3>&-
    return 0
  fi
  trap - INT HUP TERM
  exec 3>&-
  # Ended from outside (kill -9, out of memory): it could log nothing. The run it was running, if any, it had noted in
  # its folder (WarmServer.runUnderway) during this command.
  # As a signal's line says it (report.cause.signal, signal_force): --force starts a new run instead.
  local what="the same command runs it again" run="" biennium=""
  if warm_run_underway; then
    run=$WARM_RUN
    biennium=$WARM_BIENNIUM
    what="run $WARM_RUN stops here; the same command restarts it"
    [[ " $* " != *" --force "* ]] || what="run $WARM_RUN stops here; the same command starts a new run (--force)"
  fi
  local line="the warm process (pid $WARM_PID) ended during the command, from outside (it could log nothing of it): $what"
  echo "pb-annex: $line" >&2
  # A run it was running cannot note its own failure: the launcher does (note_run_failure), the same line, with the run
  # (\trun=ID), which the next run's start records in the history for it (RunOutcomes.failureOf), not "abandoned",
  # under the biennium the run was of, as the run notes its own failures.
  ! declare -F note_run_failure >/dev/null || note_run_failure "$WARM_STATUS" "$line" "$run" "$biennium"
}

# warm_run_underway: WARM_RUN, WARM_BIENNIUM := the run the warm process (WARM_PID) noted in its folder since this
# command started ("pid N, run ID, biennium B"), and its biennium; false when it noted none (a check, a run that had
# not begun). Whatever the database (embedded, PostgreSQL) and wherever its URL is set: the note is the warm process's own.
warm_run_underway() {
  local note="$WARM_DIR/run" line
  [ -r "$note" ] && [ "$(stat -c %Y "$note" 2>/dev/null || echo 0)" -ge "${WARM_CLIENT_START%%[.,]*}" ] || return 1
  IFS= read -r line <"$note" || [ -n "$line" ] || return 1
  [[ $line == "pid $WARM_PID, run "* ]] || return 1
  WARM_RUN="${line#*, run }"
  WARM_RUN="${WARM_RUN%%, *}"
  WARM_BIENNIUM=""
  [[ $line != *", biennium "* ]] || WARM_BIENNIUM="${line##*, biennium }"
}

# warm_frames: prints the command's output from the warm process (fd 3) as it comes, to its end (WARM_STATUS := its
# exit status); false when the connection ended first.
warm_frames() {
  local line
  while IFS= read -r line <&3; do
    case $line in
      o*) printf '%s\n' "${line:1}" ;;
      e*) printf '%s\n' "${line:1}" >&2 ;;
      x*) WARM_STATUS="${line:1}"; return 0 ;;
    esac
  done
  return 1
}

# warm_signalled NAME: the launcher got SIGNAME during a command in the warm process: says so to it (its line after the
# request), prints what the command says as it stops (the line "interrupted (SIGINT); run ... stops here", as a process
# of its own prints it), and ends as that signal ends one (status 128 + its number). A second signal ends it at once.
warm_signalled() {
  trap - INT HUP TERM
  printf '%s\n' "$1" >&3 2>/dev/null || :
  warm_frames || : # (it ends with the connection: the launcher's set -e would end it there, with status 1)
  case $1 in INT) exit 130 ;; HUP) exit 129 ;; *) exit 143 ;; esac
}

warm_start() {
  if warm_endpoint; then
    echo "pb-annex: a warm process already runs (pid $WARM_PID); ./pb-annex serve --status says more"
    return 0
  fi
  mkdir -p "$PB_HOME/work/logs"
  local log="$PB_HOME/work/logs/warm.out" started i
  started="$(date +%s)"
  echo "pb-annex: starting the warm process (it runs a check and the regenerate job once first: 10-20 s)..." >&2
  # Its own session (setsid, where there is one): closing the terminal does not end it.
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" serve </dev/null >>"$log" 2>&1 &
  else
    nohup "$@" serve </dev/null >>"$log" 2>&1 &
  fi
  local starter=$!
  for ((i = 0; i < 1800; i++)); do
    if warm_endpoint && [ "$(stat -c %Y "$WARM_DIR/endpoint")" -ge "$started" ]; then
      echo "pb-annex: warm process ready (pid $WARM_PID): commands run from $(pwd -P) with these settings now start in it;"
      echo "it ends after ${PB_SERVE_IDLE:-60m} idle (PB_SERVE_IDLE), or with ./pb-annex serve --stop"
      return 0
    fi
    if ! kill -0 "$starter" 2>/dev/null; then
      echo "pb-annex: the warm process did not start; see $log" >&2
      tail -n 3 "$log" >&2
      return 5
    fi
    sleep 0.1
  done
  echo "pb-annex: the warm process is not ready after 3 minutes; see $log" >&2
  return 5
}

# warm_wanted ARGS...: whether this command starts a warm process when none runs. A `run` or a `check` (the commands
# a working session repeats: fix an input, check, regenerate, look) on a terminal, so that the next ones start in
# about a second; never for cron, systemd or a script (no terminal) unless PB_WARM=start asks; never with PB_WARM=use
# or off.
warm_wanted() {
  [ "${1:-}" = run ] || [ "${1:-}" = check ] || return 1
  case " $* " in *" --help "* | *" -h "* | *" --version "* | *" -V "*) return 1 ;; esac
  case "${PB_WARM:-on}" in
    start) return 0 ;;
    on) [ -t 0 ] && [ -t 2 ] ;;
    *) return 1 ;;
  esac
}

# warm_autostart JAVA-COMMAND...: starts a warm process for this folder, without the warm-up of `serve` (the command
# that starts it is its warm-up), and waits until it takes commands: true when one is ready (this one, or one another
# terminal started at the same moment; WARM_STARTER its pid, WARM_PID the one that is ready). It ends after PB_SERVE_IDLE idle, 15 minutes unless set.
warm_autostart() {
  warm_dir
  mkdir -p "$PB_HOME/work/logs" "$WARM_DIR" 2>/dev/null || return 1
  local opts=(-Dpb.serve.warm-up=false) starter i pause
  [ -n "${PB_SERVE_IDLE:-}" ] || opts+=(-Dpb.serve.idle=15m)
  if command -v setsid >/dev/null 2>&1; then
    setsid "$1" "${opts[@]}" "${@:2}" serve </dev/null >>"$PB_HOME/work/logs/warm.out" 2>&1 &
  else
    nohup "$1" "${opts[@]}" "${@:2}" serve </dev/null >>"$PB_HOME/work/logs/warm.out" 2>&1 &
  fi
  starter=$!
  WARM_STARTER=$starter
  # A pause without a forked `sleep` each time: a read with a time-out on a pipe nobody writes to.
  exec {pause}<> <(:)
  for ((i = 0; i < 3000; i++)); do
    if warm_endpoint; then
      exec {pause}>&-
      return 0
    fi
    kill -0 "$starter" 2>/dev/null || break
    read -r -t 0.02 -u "$pause" || :
  done
  exec {pause}>&-
  return 1
}
