#!/usr/bin/env bash
# Puts the CJK TrueType font that PDFs embed into work/fonts, once.
# The font is Noto Sans SC (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-sc,
# chosen because its files carry TrueType (glyf) outlines: CFF fonts embed with blank glyphs.
# Fallback when npm is absent: Debian's fonts-wqy-microhei (installed with apt-get as root).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/work/fonts"
pkg="@expo-google-fonts/noto-sans-sc@0.4.3"
[ -s "$dest/font.properties" ] && exit 0
mkdir -p "$dest"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

if command -v npm >/dev/null 2>&1; then
  echo "pb-annex: fetching CJK font $pkg from the npm registry (once)" >&2
  (cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
  tgz="$(ls "$tmp"/*.tgz)"
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  want="$(cd "$tmp" && npm view "$pkg" dist.integrity 2>/dev/null || true)"
  if [ -n "$want" ] && [ "$got" != "$want" ]; then echo "pb-annex: font package integrity mismatch" >&2; exit 1; fi
  tar -xzf "$tgz" -C "$tmp" package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf
  cp "$tmp/package/400Regular/NotoSansSC_400Regular.ttf" "$dest/regular.ttf"
  cp "$tmp/package/700Bold/NotoSansSC_700Bold.ttf" "$dest/bold.ttf"
  cat > "$dest/font.properties" <<P
family=Noto Sans SC
source=npm $pkg
licence=SIL Open Font License 1.1 (see OFL.txt)
regular=regular.ttf
bold=bold.ttf
P
elif [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }; then
  cp /usr/share/fonts/truetype/wqy/wqy-microhei.ttc "$dest/wqy-microhei.ttc"
  cat > "$dest/font.properties" <<P
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
cp "$here/scripts/OFL.txt" "$dest/OFL.txt" 2>/dev/null || true
echo "pb-annex: font ready in $dest" >&2
