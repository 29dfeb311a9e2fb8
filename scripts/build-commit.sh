#!/usr/bin/env bash
# Notes the code the program is built from (run by the build, in generate-resources): HEAD's commit and, when src/main
# or pom.xml differ from it, a hash of those changes. The run's code version is read from this note, not from the
# checkout as it is at run time: a commit that changes no code (the README, a job file, the input) is no new code
# version, so the next night does not publish unchanged inputs again and mail the reviewers; and code built from
# uncommitted changes is told from the commit's. Without git (a copy of the folder), no note: the version is the jar's.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
note="$here/target/classes/org/pbannex/publication/build-commit"
mkdir -p "$(dirname "$note")"
rm -f "$note"
top="$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || true)"
if [ -z "$top" ] || ! [ "$top" -ef "$here" ]; then
  exit 0
fi
commit="$(git -C "$here" rev-parse HEAD 2>/dev/null || true)"
[ -n "$commit" ] || exit 0
if [ -n "$(git -C "$here" status --porcelain -- src/main pom.xml)" ]; then
  local_hash="$( { git -C "$here" diff HEAD -- src/main pom.xml
                   git -C "$here" ls-files --others --exclude-standard -z -- src/main | (cd "$here" && xargs -0 -r cat); } \
                 | sha1sum | cut -c1-8)"
  commit="$commit.local-$local_hash"
fi
printf '%s\n' "$commit" > "$note"
