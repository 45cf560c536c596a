"""docs/json-fields.md is `mipdump --list-fields --markdown`, byte for byte.

usage: check_doc.py MIPDUMP DOC"""
import difflib
import subprocess
import sys

md, doc = sys.argv[1:3]
gen = subprocess.run([md, "--list-fields", "--markdown"], capture_output=True,
                     text=True, check=True).stdout
cur = open(doc, encoding="utf-8").read()
if gen != cur:
    sys.stdout.writelines(list(difflib.unified_diff(
        cur.splitlines(True), gen.splitlines(True), doc, "mipdump --list-fields --markdown"))[:80])
    print("\n%s is not current: regenerate it with\n  mipdump --list-fields --markdown > %s"
          % (doc, doc))
    sys.exit(1)
print("%s is current" % doc)
