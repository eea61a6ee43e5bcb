#!/bin/bash
# Refreshes the published Azure schemas kept in this folder from their upstream repositories (see README.md).
# Usage: refresh.sh [extra file ...]    e.g. refresh.sh arm/schemas/2026-05-01/Microsoft.Web.json
#   ARM_SCHEMAS_REF / PIPELINES_SCHEMA_REF choose the upstream branch, tag or commit (default: main).
# Run by hand; the build never downloads anything. Files are replaced only when every download succeeded.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
arm_ref="${ARM_SCHEMAS_REF:-main}"
pipelines_ref="${PIPELINES_SCHEMA_REF:-main}"
arm_base="https://raw.githubusercontent.com/Azure/azure-resource-manager-schemas/${arm_ref}"
pipelines_base="https://raw.githubusercontent.com/microsoft/azure-pipelines-vscode/${pipelines_ref}"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT

# upstream URL of a file kept here (path relative to this folder)
upstream() {
  case "$1" in
    arm/LICENSE) echo "${arm_base}/LICENSE" ;;
    arm/schemas/*) echo "${arm_base}/schemas/${1#arm/schemas/}" ;;
    azure-pipelines/LICENSE) echo "${pipelines_base}/LICENSE" ;;
    azure-pipelines/service-schema.json) echo "${pipelines_base}/service-schema.json" ;;
    *) echo "refresh.sh: no upstream for $1" >&2; return 1 ;;
  esac
}

mapfile -t files < <(cd "$here" && find arm azure-pipelines -type f | sort)
files+=("$@")
for file in "${files[@]}"; do
  url="$(upstream "$file")"
  mkdir -p "$staging/$(dirname "$file")"
  echo "fetching $file"
  curl -fsSL --retry 3 -o "$staging/$file" "$url"
  size=$(wc -c <"$staging/$file")
  if (( size > 5 * 1024 * 1024 )); then
    echo "refresh.sh: $file is $size bytes, over the repository's 5 MiB limit per file" >&2
    exit 1
  fi
done
cp -r "$staging/." "$here/"
echo "refreshed ${#files[@]} files; now update the snapshot dates in $here/README.md and run the deployment tests"
