#!/usr/bin/env python3
"""Fails when a package in the restored graph has a copyleft or unreviewed licence, or a known vulnerability.

Reads every project's obj/project.assets.json (run after `dotnet restore`), each package's nuspec in the
NuGet cache, and scripts/licences.tsv (allowed SPDX licences and hand-reviewed exceptions); then runs
`dotnet list package --vulnerable --include-transitive`. Prints one line per problem and exits 1 if any.
"""
import glob, json, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
allowed, reviewed = set(), {}
for line in open(os.path.join(root, "scripts", "licences.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    kind, name, *note = line.rstrip("\n").split("\t")
    (allowed.add(name) if kind == "allow" else reviewed.__setitem__(name.lower(), note))

packages_root = os.environ.get("NUGET_PACKAGES", os.path.expanduser("~/.nuget/packages"))
problems, seen = [], {}
# Only the solution's projects: bench/comparison is outside it on purpose (it references PdfPig and jieba.NET).
solution = open(os.path.join(root, "BulletinIngest.sln"), encoding="utf-8-sig").read()
projects = re.findall(r'"([^"]+\.csproj)"', solution)
assets_files = [path for path in (os.path.join(root, os.path.dirname(p.replace("\\", "/")), "obj", "project.assets.json")
                                  for p in projects) if os.path.exists(path)]
if not assets_files:
    sys.exit("no project.assets.json found: run `dotnet restore` first")
for assets in assets_files:
    for key, library in json.load(open(assets, encoding="utf-8"))["libraries"].items():
        if library.get("type") != "package" or key in seen:
            continue
        name = key.split("/")[0]
        nuspec = glob.glob(os.path.join(packages_root, library["path"], "*.nuspec"))
        text = open(nuspec[0], encoding="utf-8-sig").read() if nuspec else ""
        expression = re.search(r'<license type="expression">([^<]+)</license>', text)
        licence = expression.group(1).strip() if expression else None
        seen[key] = licence or "(reviewed)" if name.lower() in reviewed else licence
        if name.lower() in reviewed:
            continue
        if licence is None:
            problems.append(f"{key}: no SPDX licence expression in its nuspec; review it and add it to scripts/licences.tsv")
        elif not all(part in allowed for part in re.split(r"\s+(?:OR|AND)\s+|[()]", licence) if part.strip()):
            problems.append(f"{key}: licence {licence} is not on the allowed list (copyleft or unreviewed)")

listing = subprocess.run(["dotnet", "list", os.path.join(root, "BulletinIngest.sln"), "package",
                          "--vulnerable", "--include-transitive"], capture_output=True, text=True)
if listing.returncode != 0:
    problems.append("dotnet list package --vulnerable failed: " + (listing.stderr or listing.stdout).strip()[:300])
elif re.search(r"has the following vulnerable packages", listing.stdout):
    problems.append("vulnerable packages:\n" + listing.stdout)

for problem in problems:
    print("dependency check:", problem)
print(f"dependency check: {len(seen)} packages, {len(problems)} problems")
sys.exit(1 if problems else 0)
