#!/usr/bin/env bash
# Puts the CJK TrueType font that PDFs embed into work/fonts, once (PB_HOME/work/fonts when PB_HOME is set).
# The font is Noto Sans SC (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-sc,
# chosen because its files carry TrueType (glyf) outlines: CFF fonts embed with blank glyphs.
# Fallback when npm is absent: Debian's fonts-wqy-microhei (installed with apt-get as root).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# Into the work/ of the installation's data folder: PB_HOME's when it is set (the launcher passes it), else this one's.
dest="${PB_HOME:-$here}/work/fonts"
pkg="@expo-google-fonts/noto-sans-sc@0.4.3"
# What the npm package's files are (their SHA-256): a font fetched by a script that recorded no checksums is checked
# against these.
known_sha256() { # known_sha256 FILE-NAME: the checksum of the pinned package's file, or nothing
  case "$1" in
    regular.ttf) echo d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16 ;;
    bold.ttf) echo 9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96 ;;
  esac
}
# Whether the font in place is the one fetched: each file of font.properties has the SHA-256 recorded there when it was
# fetched (regular.sha256, bold.sha256), or the pinned package's; a file whose checksum nobody knows passes (the run
# still parses it). Says which file is not, and why.
font_intact() {
  local key name file want got
  for key in regular bold; do
    name="$(sed -n "s/^$key=//p" "$dest/font.properties" | head -n1)"
    name="${name%,[0-9]*}"
    [ -n "$name" ] || continue
    file="$dest/$name"
    if [ ! -f "$file" ]; then echo "pb-annex: font file $file is missing" >&2; return 1; fi
    want="$(sed -n "s/^$key\.sha256=//p" "$dest/font.properties" | head -n1)"
    if [ -z "$want" ] && grep -qx "source=npm $pkg" "$dest/font.properties"; then want="$(known_sha256 "$name")"; fi
    [ -n "$want" ] || continue
    got="$(sha256sum "$file" | cut -d' ' -f1)"
    if [ "$got" != "$want" ]; then
      echo "pb-annex: font file $file is damaged: its SHA-256 checksum is $got, where the one fetched had $want" >&2
      return 1
    fi
  done
}
# --again: fetch it even when it is there (a damaged file the checksums cannot tell, or no checksum recorded).
if [ "${1:-}" != --again ] && [ -s "$dest/font.properties" ]; then
  if font_intact; then
    touch "$dest/font.properties" # checked: the launcher checks again only when a font file changes after this
    exit 0
  fi
  echo "pb-annex: fetching the font again" >&2
fi
mkdir -p "$dest"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

if command -v npm >/dev/null 2>&1; then
  echo "pb-annex: fetching CJK font $pkg from the npm registry" >&2
  (cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
  tgz="$(ls "$tmp"/*.tgz)"
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  want="$(cd "$tmp" && npm view "$pkg" dist.integrity 2>/dev/null || true)"
  if [ -n "$want" ] && [ "$got" != "$want" ]; then echo "pb-annex: font package integrity mismatch" >&2; exit 1; fi
  tar -xzf "$tgz" -C "$tmp" package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf
  cp "$tmp/package/400Regular/NotoSansSC_400Regular.ttf" "$dest/regular.ttf"
  cp "$tmp/package/700Bold/NotoSansSC_700Bold.ttf" "$dest/bold.ttf"
  cat > "$tmp/font.properties" <<P
family=Noto Sans SC
source=npm $pkg
licence=SIL Open Font License 1.1 (see OFL.txt)
regular=regular.ttf
bold=bold.ttf
P
elif [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }; then
  cp /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$dest/wqy-microhei.ttc"
  cat > "$tmp/font.properties" <<P
family=WenQuanYi Micro Hei
source=Debian fonts-wqy-microhei
licence=Apache-2.0 or GPL-3+ with font exception
regular=wqy-microhei.ttc,0
bold=wqy-microhei.ttc,0
P
else
  echo "pb-annex: no CJK font available: install npm (Node.js) or run as root with apt-get (fonts-wqy-microhei)" >&2
  exit 1
fi
# Each file's size and SHA-256 as fetched: the run compares the size, preflight and this script the checksum.
for key in regular bold; do
  name="$(sed -n "s/^$key=//p" "$tmp/font.properties")"
  name="${name%,[0-9]*}"
  printf '%s.size=%s\n%s.sha256=%s\n' "$key" "$(wc -c <"$dest/$name" | tr -d ' ')" "$key" \
    "$(sha256sum "$dest/$name" | cut -d' ' -f1)" >>"$tmp/font.properties"
done
# Written last, and whole: font.properties there says the font is there.
mv "$tmp/font.properties" "$dest/font.properties"
cp "$here/scripts/OFL.txt" "$dest/OFL.txt" 2>/dev/null || true
echo "pb-annex: font ready in $dest" >&2
