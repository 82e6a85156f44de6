#!/usr/bin/env bash
# Regenerates docs/documents/bao-cao-nam-2025-trang-N.png: the 2025 fixture imported into a
# fresh database, the year report exported (scripts/render-documents.ts), converted to PDF by
# LibreOffice and cut into 80 dpi pages. Needs: soffice, pdftoppm and the Liberation fonts
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
  --convert-to pdf --outdir "$work" "$work/bao-cao-nam-2025.docx" "$work/bao-cao-tien-do-2025-06-30.docx" >/dev/null

out=docs/documents
mkdir -p "$out"
rm -f "$out"/bao-cao-nam-2025-trang-*.png
pdftoppm -png -r 80 "$work/bao-cao-nam-2025.pdf" "$work/page"
for page in "$work"/page-*.png; do
  n=${page##*-}
  n=$((10#${n%.png}))
  cp "$page" "$out/bao-cao-nam-2025-trang-$n.png"
done
ls "$out"/bao-cao-nam-2025-trang-*.png
