#!/bin/sh
# Tesseract and its language data for reading scanned pages (issue 22), from Debian's packages.
# Installs what is missing where apt-get can run (as root, or through sudo without a password); elsewhere
# it says what to install and returns 0: the project works without OCR, a scanned page is then reported.
PACKAGES="tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-por tesseract-ocr-ara tesseract-ocr-osd"

missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "OCR: apt-get is not available here; install Tesseract 4 or 5 with the eng, fra, spa, por, ara and osd" \
        "language data to read scanned pages (without it a scanned page is reported as no_text_layer)." >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    run="env DEBIAN_FRONTEND=noninteractive"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo -n env DEBIAN_FRONTEND=noninteractive"
else
    echo "OCR: to read scanned pages, install (as root): apt-get install$missing" >&2
    exit 0
fi
echo "OCR: installing$missing"
if ! { $run apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 \
    || { $run apt-get update -qq >/dev/null 2>&1 \
         && $run apt-get install -y --no-install-recommends $missing >/dev/null; }; }; then
    echo "OCR: apt-get could not install$missing; scanned pages will be reported as no_text_layer." >&2
fi
exit 0
