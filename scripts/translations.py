#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Maintenance of translations/*.ts after `cmake --build B --target update_translations`.

  translations.py fill-en          English is the source language: copy each source text.
  translations.py todo LANG        print the unfinished source texts of orrery_LANG.ts, one
                                   JSON string per line (to translate them).
  translations.py apply LANG FILE  FILE is a JSON object {source: translation}; fill them in.
  translations.py dump LANG FILE   write every finished translation of orrery_LANG.ts to FILE
                                   in apply's format. lupdate runs with -no-obsolete, so when
                                   code moves to another class (another tr() context) dump
                                   before update_translations and apply the dump after it.
"""
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "translations"


def load(lang):
    path = ROOT / f"orrery_{lang}.ts"
    return path, ET.parse(path)


def save(path, tree):
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def messages(tree):
    for message in tree.getroot().iter("message"):
        yield message, message.find("source").text or "", message.find("translation")


def fill_en():
    path, tree = load("en")
    for message, source, translation in messages(tree):
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform") or []
            if not forms:
                for _ in range(2):
                    ET.SubElement(translation, "numerusform")
                forms = translation.findall("numerusform")
            # English has a singular and a plural: "%n pod(s)" reads "1 pod", "2 pods".
            forms[0].text = source.replace("(es)", "").replace("(s)", "")
            for form in forms[1:]:
                form.text = source.replace("(es)", "es").replace("(s)", "s")
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    save(path, tree)


def todo(lang):
    _, tree = load(lang)
    seen = set()
    for _, source, translation in messages(tree):
        if translation.get("type") == "unfinished" and source not in seen:
            seen.add(source)
            print(json.dumps(source, ensure_ascii=False))


def apply(lang, mapping_file):
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path, tree = load(lang)
    for message, source, translation in messages(tree):
        if source not in mapping:
            continue
        value = mapping[source]
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                translation.remove(form)
            for text in (value if isinstance(value, list) else [value, value]):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = value
        translation.attrib.pop("type", None)
    save(path, tree)


def dump(lang, mapping_file):
    _, tree = load(lang)
    mapping = {}
    for message, source, translation in messages(tree):
        if translation.get("type") == "unfinished":
            continue
        if message.get("numerus") == "yes":
            mapping[source] = [form.text or "" for form in translation.findall("numerusform")]
        else:
            mapping[source] = translation.text or ""
    Path(mapping_file).write_text(json.dumps(mapping, ensure_ascii=False, indent=1),
                                  encoding="utf-8")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fill-en":
        fill_en()
    elif command == "todo":
        todo(sys.argv[2])
    elif command == "apply":
        apply(sys.argv[2], sys.argv[3])
    elif command == "dump":
        dump(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
