#!/usr/bin/env bash
# Renders resources/icons/caseload.svg into the installer icons (commit the results):
#   installers/windows/caseload.ico   (caseload.exe and the NSIS installer)
#   installers/macos/caseload.icns    (the .app's icon, build.spec BUNDLE)
# Uses Qt's own image writers (imageformats/qico, qicns), so it runs on Linux, offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
QT_QPA_PLATFORM=offscreen "$PY" - <<'PYEOF'
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

app = QGuiApplication([])
renderer = QSvgRenderer("resources/icons/caseload.svg")


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


for path, fmt, size in (
    ("installers/windows/caseload.ico", b"ico", 256),
    ("installers/macos/caseload.icns", b"icns", 1024),
):
    writer = QImageWriter(path, fmt)
    if not writer.write(render(size)):
        raise SystemExit(f"{path}: {writer.errorString()}")
    print(path)
PYEOF
