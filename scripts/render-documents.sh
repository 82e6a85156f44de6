#!/usr/bin/env bash
# Regenerates docs/documents/<document>-trang-N.png for every document kind: the 2025 fixture
# imported into a fresh database, each document exported (scripts/render-documents.ts),
# converted to PDF by LibreOffice and cut into 80 dpi pages. Needs: soffice, pdftoppm and
# the Liberation fonts
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null; then
    echo "Thiếu $tool. Cài: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation2" >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npx tsx scripts/render-documents.ts "$work"
soffice --headless --norestore "-env:UserInstallation=file://$work/lo-profile" \
  --convert-to pdf --outdir "$work" "$work"/*.docx >/dev/null

out=docs/documents
mkdir -p "$out"
for pdf in "$work"/*.pdf; do
  name=$(basename "$pdf" .pdf)
  rm -f "$out/$name"-trang-*.png
  pdftoppm -png -r 80 "$pdf" "$work/$name-page"
  for page in "$work/$name"-page-*.png; do
    n=${page##*-}
    n=$((10#${n%.png}))
    cp "$page" "$out/$name-trang-$n.png"
  done
done
ls "$out"/*-trang-*.png
