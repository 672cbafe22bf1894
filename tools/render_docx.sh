#!/usr/bin/env bash
# Render a .docx to PNG pages for checking its layout on Linux.
#   tools/render_docx.sh DOCX OUTDIR
# Writes OUTDIR/<name>.pdf and OUTDIR/<name>-<page>.png (60 dpi). Needs LibreOffice
# (soffice) and poppler-utils (pdftoppm); the official fonts are aliased to Noto CJK
# through tools/fontconfig/fonts.conf.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 DOCX OUTDIR" >&2
    exit 2
fi
docx_path=$1
out_dir=$2
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found" >&2; exit 3; }
done
[ -f "$docx_path" ] || { echo "$0: no such file: $docx_path" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export FONTCONFIG_FILE="$here/fontconfig/fonts.conf"
mkdir -p "$out_dir"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$out_dir" "$docx_path" >/dev/null
name=$(basename "${docx_path%.*}")
pdf="$out_dir/$name.pdf"
[ -f "$pdf" ] || { echo "$0: LibreOffice produced no PDF for $docx_path" >&2; exit 4; }
pdftoppm -png -r 60 "$pdf" "$out_dir/$name"
ls "$out_dir/$name"*.png
