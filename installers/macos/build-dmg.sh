#!/usr/bin/env bash
# RUN ON macOS ONLY (a macOS runner or a Mac with Xcode's command line tools): PyInstaller
# does not cross-build, and codesign, notarytool, stapler and hdiutil exist only there.
#
# Builds dist/Caseload.app (build.spec's BUNDLE), runs its self-test, signs it with the
# hardened runtime, wraps it into dist/Caseload-<version>.dmg, and has Apple notarise and
# staple the dmg. Steps as documented by Apple: "Notarizing macOS software before
# distribution" and "Customizing the notarization workflow" (notarytool, stapler).
#
#   CODESIGN_IDENTITY="Developer ID Application: Example Org (TEAMID1234)" \
#   NOTARY_PROFILE=caseload-notary \
#   installers/macos/build-dmg.sh
#
# NOTARY_PROFILE names credentials stored once in the keychain with
#   xcrun notarytool store-credentials caseload-notary \
#       --apple-id you@example.org --team-id TEAMID1234 --password <app-specific password>
# Without CODESIGN_IDENTITY the app is signed ad hoc ("-") and notarisation is skipped:
# such a dmg only runs on the Mac that built it (Gatekeeper blocks it elsewhere).
set -euo pipefail

if [ "$(uname -s)" != "Darwin" ]; then
  echo "installers/macos/build-dmg.sh runs on macOS only" >&2
  exit 1
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
PY="${PY:-.venv/bin/python}"
identity="${CODESIGN_IDENTITY:--}"
app="dist/Caseload.app"

# 1. The bundle, and the same smoke test as `make package`.
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN build.spec
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/caseload" --self-test
version="$("$app/Contents/MacOS/caseload" --version | awk '{print $2}')"
dmg="dist/Caseload-$version.dmg"

# 2. Sign inside out: every Mach-O file in the bundle, then the app. Apple advises against
#    `codesign --deep` for signing; the hardened runtime (--options runtime) and a secure
#    timestamp are required for notarisation.
sign() {
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
    --sign "$identity" "$@"
}
while IFS= read -r -d '' file; do
  if file -b "$file" | grep -q 'Mach-O'; then sign "$file"; fi
done < <(find "$app/Contents" -type f -print0)
sign "$app"
codesign --verify --deep --strict --verbose=2 "$app"

# 3. The dmg: the app and a link to /Applications to drag it onto.
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Caseload $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
codesign --force --timestamp --sign "$identity" "$dmg"

# 4. Notarise, wait for Apple's answer, staple the ticket to the dmg, check Gatekeeper.
if [ "$identity" = "-" ]; then
  echo "ad hoc signature: $dmg is not notarised (set CODESIGN_IDENTITY and NOTARY_PROFILE)"
  exit 0
fi
: "${NOTARY_PROFILE:?set NOTARY_PROFILE (xcrun notarytool store-credentials)}"
result="$(xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait \
  --output-format json)" || true
echo "$result"
if ! grep -q '"status" *: *"Accepted"' <<<"$result"; then
  # Apple's log lists each file that failed (unsigned, no hardened runtime, no timestamp).
  id="$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' <<<"$result")"
  [ -z "$id" ] || xcrun notarytool log "$id" --keychain-profile "$NOTARY_PROFILE"
  echo "notarisation failed" >&2
  exit 1
fi
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
ls -l "$dmg"
