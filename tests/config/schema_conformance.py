#!/usr/bin/env python3
"""Checks that config/schema.json (the admins' documentation) says what the
station enforces: every case of cases.json must get the verdict the C++
validator gives (config_tests checks that side), except where a case records
a different schema verdict for a rule JSON Schema cannot express.

Usage: schema_conformance.py CONFIG_DIR CASES_JSON
Exit status: 0 agreed, 1 disagreed, 77 skipped (no jsonschema with draft 2020-12).
"""
import copy
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("SKIP: python module jsonschema (>= 4, draft 2020-12) is not installed")
    sys.exit(77)


def pointer_parts(pointer):
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


def apply_patch(doc, ops):
    """RFC 6902 add (also "-": append) / replace / remove: all that cases.json uses."""
    doc = copy.deepcopy(doc)
    for op in ops:
        *parents, last = pointer_parts(op["path"])
        target = doc
        for p in parents:
            target = target[int(p)] if isinstance(target, list) else target[p]
        key = (len(target) if last == "-" else int(last)) if isinstance(target, list) else last
        if op["op"] == "remove":
            del target[key]
        elif op["op"] == "add" and isinstance(target, list):
            target.insert(key, op["value"])
        elif op["op"] in ("add", "replace"):
            target[key] = op["value"]
        else:
            raise ValueError("unsupported patch op: %r" % op)
    return doc


def main():
    config_dir, cases_path = sys.argv[1], sys.argv[2]
    with open(f"{config_dir}/schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    with open(f"{config_dir}/example-station.json", encoding="utf-8") as f:
        example = json.load(f)
    with open(f"{config_dir}/defaults.json", encoding="utf-8") as f:
        defaults = json.load(f)
    # The defaults are version 0 and never expire; otherwise they obey the schema.
    defaults.update(version=1, expires_at="2000-01-01T00:00:00+08:00")
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)["cases"]

    passed, failed = 0, 0
    checks = [("example-station.json", example, True), ("defaults.json", defaults, True)]
    checks += [(c["name"], apply_patch(example, c["patch"]), c.get("schema_valid", c["valid"])) for c in cases]
    for name, doc, expected in checks:
        errors = list(validator.iter_errors(doc))
        if (not errors) == expected:
            passed += 1
            continue
        failed += 1
        verdict = "accepts" if not errors else "refuses (" + "; ".join(e.message for e in errors)[:200] + ")"
        print(f"FAIL {name}: the schema {verdict}, expected it to {'accept' if expected else 'refuse'}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
