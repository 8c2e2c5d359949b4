#!/usr/bin/env bash
# Builds the Teams app package (manifest.json with its placeholders filled, color.png, outline.png)
# as one zip to upload in Teams admin center or "Upload a custom app". Needs only bash and either
# `zip` or python3 (a fresh Debian has python3; `apt-get install zip` otherwise).
#
#   MICROSOFT_APP_ID=<bot app id> BOT_DOMAIN=presencebot.example.se manifest/package.sh [out.zip]
#
# Optional: TEAMS_APP_ID (default: MICROSOFT_APP_ID), DEVELOPER_NAME (default: PresenceBot),
# WEBSITE_URL (default: https://BOT_DOMAIN/), PRIVACY_URL and TERMS_URL (default: WEBSITE_URL).
# Default output: artifacts/teams/presencebot-teams.zip at the repository root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { printf 'package.sh: %s\n' "$*" >&2; exit 1; }

: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the Entra app (client) id of the bot}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the host name of the messaging endpoint, e.g. presencebot.example.se}"
TEAMS_APP_ID="${TEAMS_APP_ID:-$MICROSOFT_APP_ID}"
DEVELOPER_NAME="${DEVELOPER_NAME:-PresenceBot}"
WEBSITE_URL="${WEBSITE_URL:-https://$BOT_DOMAIN/}"
PRIVACY_URL="${PRIVACY_URL:-$WEBSITE_URL}"
TERMS_URL="${TERMS_URL:-$WEBSITE_URL}"

# Values go into JSON unescaped, so each is checked to be something that needs no escaping.
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
host='^[A-Za-z0-9.-]+$'
name='^[^"\\]{1,32}$'
https='^https://[^"\\[:space:]]+$'
[[ $MICROSOFT_APP_ID =~ $guid ]] || die "MICROSOFT_APP_ID '$MICROSOFT_APP_ID' is not a GUID"
[[ $TEAMS_APP_ID =~ $guid ]] || die "TEAMS_APP_ID '$TEAMS_APP_ID' is not a GUID"
[[ $BOT_DOMAIN =~ $host ]] || die "BOT_DOMAIN '$BOT_DOMAIN' must be a bare host name (no scheme, port or path)"
[[ $DEVELOPER_NAME =~ $name ]] || die "DEVELOPER_NAME must be 1-32 characters without quotes or backslashes"
for url in "$WEBSITE_URL" "$PRIVACY_URL" "$TERMS_URL"; do
    [[ $url =~ $https ]] || die "'$url' is not an https URL"
done

out="${1:-$here/../artifacts/teams/presencebot-teams.zip}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

manifest="$(<"$here/manifest.json")"
manifest="${manifest//'{{MICROSOFT_APP_ID}}'/$MICROSOFT_APP_ID}"
manifest="${manifest//'{{TEAMS_APP_ID}}'/$TEAMS_APP_ID}"
manifest="${manifest//'{{BOT_DOMAIN}}'/$BOT_DOMAIN}"
manifest="${manifest//'{{DEVELOPER_NAME}}'/$DEVELOPER_NAME}"
manifest="${manifest//'{{WEBSITE_URL}}'/$WEBSITE_URL}"
manifest="${manifest//'{{PRIVACY_URL}}'/$PRIVACY_URL}"
manifest="${manifest//'{{TERMS_URL}}'/$TERMS_URL}"
[[ $manifest != *'{{'* ]] || die "manifest.json has a placeholder this script does not know"
printf '%s\n' "$manifest" >"$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"

rm -f "$out"
if command -v zip >/dev/null 2>&1; then
    (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
elif command -v python3 >/dev/null 2>&1; then
    python3 - "$out" "$work" <<'PY'
import sys, zipfile, pathlib
out, work = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(work / name, name)
PY
else
    die "needs zip or python3 (apt-get install zip)"
fi

printf 'Teams app package: %s\n' "$out"
