#!/usr/bin/env bash
# Makes tests/fixtures/encrypted/ from a sample PDF with qpdf (Debian package qpdf): the ways government PDFs
# come "encrypted". Owner password only (empty user password: every viewer opens them) with printing and
# copying forbidden, in the old RC4 (128-bit) and the current AES-256 handlers; and one with a real user
# password, which must still be refused. Run from the repository root; the outputs are committed.
set -euo pipefail
source=corpus/bulletins/pdf/004_1f00e35fffe70a01.chrome.pdf
out=tests/fixtures/encrypted
mkdir -p "$out"
qpdf --allow-weak-crypto --encrypt "" owner-secret 128 --use-aes=n --print=none --extract=n --modify=none -- \
  "$source" "$out/004.owner-only.rc4-128.pdf"
qpdf --encrypt "" owner-secret 256 --print=none --extract=n --modify=none -- "$source" "$out/004.owner-only.aes-256.pdf"
qpdf --encrypt user-secret owner-secret 256 --print=none --extract=n -- "$source" "$out/004.user-password.aes-256.pdf"
