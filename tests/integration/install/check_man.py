"""Every long option a tool's --help lists is documented in its man page
(docs/man/<tool>.1), so the pages cannot fall behind the tools."""
import re
import subprocess
import sys


def main():
    src, fails = sys.argv[1], 0
    for tool in sys.argv[2:]:
        name = tool.rsplit("/", 1)[-1]
        helptext = subprocess.run([tool, "--help"], capture_output=True, text=True).stdout
        page = open("%s/docs/man/%s.1" % (src, name)).read().replace("\\-", "-")
        opts = sorted(set(re.findall(r"--([a-z][a-z0-9-]+)", helptext)) - {"help"})
        if len(opts) < 5:
            print("%s: only %d options found in --help" % (name, len(opts)))
            fails += 1
        for o in opts:
            if "--" + o not in page:
                print("%s: --%s is not in docs/man/%s.1" % (name, o, name))
                fails += 1
    print("%d missing" % fails)
    return 1 if fails else 0


sys.exit(main())
