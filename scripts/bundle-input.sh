#!/usr/bin/env bash
# Copies the repository's own input/ and jobs/ into target/bundled/ (run by the build, in package), for the training
# runs of fast start-up (prepare-fast-start.sh): they must read the input the program was built with, never the user's
# input/, which may hold a biennium still being prepared (its errors stopped the training runs) or edits of the bundled
# files. In a git checkout that is the committed input (HEAD's); without git, the folders as they are at build time.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/target/bundled"
rm -rf "$dest.tmp"
mkdir -p "$dest.tmp"
# HEAD's own folders, only when this folder is the top of its checkout (not a folder inside another repository).
top="$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || true)"
if [ -n "$top" ] && [ "$top" -ef "$here" ] && git -C "$here" cat-file -e HEAD:input 2>/dev/null \
  && git -C "$here" cat-file -e HEAD:jobs 2>/dev/null; then
  git -C "$here" archive --format=tar HEAD input jobs | tar -x -C "$dest.tmp"
else
  cp -R "$here/input" "$here/jobs" "$dest.tmp/"
fi
rm -rf "$dest"
mv "$dest.tmp" "$dest"
