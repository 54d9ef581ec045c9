"""Loads a tidy bundle (a folder or a zip) with pandas and checks it against its datapackage.json.

Every table listed loads; its row count is the one the descriptor states; its primary key is
unique and never empty; every non-empty foreign key value is found in the referenced table.
Prints a JSON summary (row counts, joins checked) and exits non-zero with the failures otherwise.
"""
import io
import json
import sys
import zipfile
from pathlib import Path

import pandas as pd


def opener(source):
    path = Path(source)
    if path.is_dir():
        return lambda name: open(path / name, "rb")
    archive = zipfile.ZipFile(path)
    return lambda name: io.BytesIO(archive.read(name))


def main(source):
    read = opener(source)
    package = json.load(read("datapackage.json"))
    tables, failures, joins = {}, [], 0
    for res in package["resources"]:
        # Everything as text: keys compare as written, ids like "0012" keep their zeros.
        df = pd.read_csv(read(res["path"]), dtype=str, keep_default_na=False, encoding="utf-8")
        tables[res["name"]] = df
        names = [f["name"] for f in res["schema"]["fields"]]
        if list(df.columns) != names:
            failures.append(f"{res['name']}: columns {list(df.columns)} != {names}")
        if len(df) != res["stats"]["rows"]:
            failures.append(f"{res['name']}: {len(df)} rows, descriptor says {res['stats']['rows']}")
        key = res["schema"]["primaryKey"]
        if (df[key] == "").any(axis=None):
            failures.append(f"{res['name']}: empty primary key")
        if df.duplicated(subset=key).any():
            failures.append(f"{res['name']}: primary key {key} repeats")
        for field in res["schema"]["fields"]:
            if field["type"] in ("integer", "number", "date", "boolean"):
                col = df[field["name"]][df[field["name"]] != ""]
                if field["type"] == "integer":
                    bad = ~col.str.fullmatch(r"-?\d+")
                elif field["type"] == "number":
                    bad = pd.to_numeric(col, errors="coerce").isna()
                elif field["type"] == "date":
                    bad = pd.to_datetime(col, format="%Y-%m-%d", errors="coerce").isna()
                else:
                    bad = ~col.isin(["true", "false"])
                if bad.any():
                    failures.append(f"{res['name']}.{field['name']}: not {field['type']}: {col[bad].iloc[0]!r}")
    for res in package["resources"]:
        df = tables[res["name"]]
        for fk in res["schema"]["foreignKeys"]:
            target = tables[fk["reference"]["resource"]]
            mine, theirs = fk["fields"], fk["reference"]["fields"]
            rows = df[(df[mine] != "").all(axis=1)]
            merged = rows.merge(
                target[theirs].drop_duplicates(), left_on=mine, right_on=theirs, how="left", indicator=True
            )
            missing = merged[merged["_merge"] != "both"]
            joins += len(rows)
            if len(missing):
                failures.append(
                    f"{res['name']}.{mine} -> {fk['reference']['resource']}: {len(missing)} of {len(rows)} do not join"
                )
    summary = {"rows": {n: len(t) for n, t in tables.items()}, "joins": joins, "failures": failures}
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
