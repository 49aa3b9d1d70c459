#!/usr/bin/env python3
"""Checks of the documentation (python3's standard library only).

  check_docs.py site SRC OUT   mkdocs build --strict of SRC/mkdocs.yml into OUT (any warning
                               fails it), then every in-site link's #anchor must exist, which
                               mkdocs 1.4 does not check. Exit 77 (ctest skip) without mkdocs.
  check_docs.py readme FILE    every relative link and image of a Markdown file must name an
                               existing file, and an #anchor into a Markdown file one of its
                               headings.
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

SKIP = 77


class _Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def _parse(path):
    p = _Html()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def check_site(src, out):
    mkdocs = shutil.which("mkdocs")
    if not mkdocs:
        print("check_docs: mkdocs is not installed (generator/scripts/install_deps.sh installs it); skipped")
        return SKIP
    cmd = [mkdocs, "build", "--strict", "-f", os.path.join(src, "mkdocs.yml"), "-d", out]
    run = subprocess.run(cmd, capture_output=True, text=True)
    # mkdocs -q would hide the warnings themselves; keep all but its INFO lines. One INFO is an
    # error here: pages outside the nav (listed on the lines after it), which no reader finds.
    log, outside_nav, in_list = [], [], False
    for l in (run.stdout + run.stderr).splitlines():
        if "INFO" in l:
            in_list = "not included in the \"nav\"" in l
        elif in_list and l.strip().startswith("- "):
            outside_nav.append(l.strip()[2:])
        elif l.strip():
            in_list = False
            log.append(l)
    if outside_nav:
        log.append("pages missing from the nav of mkdocs.yml: " + ", ".join(outside_nav))
    if run.returncode != 0 or log:
        print("\n".join(log))
        print(f"check_docs: FAIL: mkdocs build --strict (exit {run.returncode})")
        return 1
    pages = {}
    for root, _, files in os.walk(out):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                pages[os.path.normpath(path)] = _parse(path)
    bad = []
    for path, page in sorted(pages.items()):
        for href in page.hrefs:
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc or not url.fragment:
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path)))
            if url.path == "":
                target = path
            elif os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if target not in pages:
                bad.append(f"{os.path.relpath(path, out)}: {href}: no such page")
            elif urllib.parse.unquote(url.fragment) not in pages[target].ids:
                bad.append(f"{os.path.relpath(path, out)}: {href}: no such anchor")
    for b in bad:
        print(f"check_docs: {b}")
    print(f"check_docs: {len(pages)} pages, {len(bad)} broken anchors")
    return 1 if bad else 0


def _slug(heading):
    # Python-Markdown's toc slugify: drop what is not a word character, space or hyphen.
    text = re.sub(r"[`*_]|\[|\]\([^)]*\)", "", heading)
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _anchors(md_path):
    with open(md_path, encoding="utf-8") as f:
        text = re.sub(r"```.*?```", "", f.read(), flags=re.S)
    return {_slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.*?)\s*#*$", text, flags=re.M)}


def check_readme(md):
    base = os.path.dirname(os.path.abspath(md))
    with open(md, encoding="utf-8") as f:
        text = re.sub(r"```.*?```", "", f.read(), flags=re.S)
    links = re.findall(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", text)
    links += re.findall(r"^\[[^\]]+\]:\s*(\S+)", text, flags=re.M)
    bad, checked = [], 0
    for link in links:
        url = urllib.parse.urlsplit(link)
        if url.scheme or url.netloc or link.startswith("#"):
            continue
        checked += 1
        target = os.path.normpath(os.path.join(base, urllib.parse.unquote(url.path)))
        if not os.path.exists(target):
            bad.append(f"{link}: no such file")
        elif url.fragment and target.endswith(".md") and url.fragment not in _anchors(target):
            bad.append(f"{link}: no heading with that anchor")
    for b in bad:
        print(f"check_docs: {md}: {b}")
    print(f"check_docs: {md}: {checked} relative links, {len(bad)} broken")
    return 1 if bad or checked == 0 else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "site":
        return check_site(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "readme":
        return check_readme(argv[2])
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
