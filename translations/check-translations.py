#!/usr/bin/env python3
"""Fails when a translation is not complete and current.

Runs lupdate over the sources into a copy of each .ts file, then checks that
- the copy equals the committed file (the .ts files follow the strings in the code),
- no entry is unfinished, vanished or obsolete,
- each translation keeps the source's placeholders (%1, %n), line breaks, HTML tags and its one '&'
  accelerator, so that no translated message loses a value or a shortcut.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUPDATE = shutil.which("lupdate", path="/usr/lib/qt6/bin:/usr/lib/qt6/libexec:" + os.environ.get("PATH", ""))
PLACEHOLDER = re.compile(r"%L?\d+|%n")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def accelerators(text):
    return len(re.findall(r"&(?!&)(?=[^\s&;]+)(?![a-z]+;)", text.replace("&&", "")))


def problems_in(message, context):
    source = message.findtext("source") or ""
    translation = message.find("translation")
    kind = translation.get("type")
    where = f"{context}: {source[:70]!r}"
    if kind in ("unfinished", "vanished", "obsolete"):
        return [f"{kind}: {where}"]
    forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
    found = []
    for text in forms:
        if not text.strip():
            found.append(f"empty: {where}")
        if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text))):
            found.append(f"placeholders differ: {where} -> {text[:70]!r}")
        if source.count("\n") != text.count("\n"):
            found.append(f"line breaks differ: {where}")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(text)):
            found.append(f"HTML tags differ: {where}")
        if accelerators(source) != accelerators(text):
            found.append(f"accelerator differs: {where} -> {text[:70]!r}")
    return found


def main():
    if not LUPDATE:
        sys.exit("lupdate not found (Debian package qt6-l10n-tools)")
    failures = []
    for ts in sorted(glob.glob(os.path.join(ROOT, "translations", "*.ts"))):
        with tempfile.TemporaryDirectory() as scratch:
            copy = os.path.join(scratch, os.path.basename(ts))
            shutil.copy(ts, copy)
            subprocess.run([LUPDATE, "-silent", "-locations", "none", "smtp", "app", "ui", "-ts", copy],
                           cwd=ROOT, check=True)
            with open(ts, encoding="utf-8") as a, open(copy, encoding="utf-8") as b:
                if a.read() != b.read():
                    failures.append(f"{os.path.basename(ts)} is out of date with the sources: run "
                                    "'cmake --build --preset dev --target update_translations' and translate")
            tree = ET.parse(copy)
        count = 0
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                count += 1
                failures += [f"{os.path.basename(ts)}: {p}" for p in problems_in(message, name)]
        print(f"{os.path.basename(ts)}: {count} messages checked")
    for failure in failures:
        print(failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
