"""Create the demo node's pycsw repository and load the seed records, in one process.

Runs with the pycsw venv's Python (``demo.node`` calls it); it does what
``pycsw-admin.py -c setup_db -f CFG`` followed by ``pycsw-admin.py -c load_records -f CFG -p DIR -y``
do, through the same ``pycsw.core.admin`` functions, without paying for two interpreter starts:

    build/venv/pycsw/bin/python -m demo.catalogue --config pycsw.cfg --records records/
"""
import argparse
import configparser
import os
import sys


def rebuild(config_path, records_dir):
    from pycsw.core import admin, config

    cp = configparser.ConfigParser()  # the file escapes "%" as "%%", as pycsw reads it
    with open(config_path, encoding="utf-8") as fh:
        cp.read_file(fh)
    database = cp.get("repository", "database")
    table = cp.get("repository", "table", fallback="records")
    home = cp.get("server", "home")
    if database.startswith("sqlite:///"):
        path = database[len("sqlite:///"):]
        if os.path.exists(path):
            os.remove(path)  # a fresh catalogue: the seed records and nothing else
    admin.setup_db(database, table, home)
    admin.load_records(config.StaticContext(), database, table, records_dir, False, True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--config", required=True)
    ap.add_argument("--records", required=True)
    args = ap.parse_args(argv)
    rebuild(args.config, args.records)
    print("catalogue ready")
    return 0


if __name__ == "__main__":
    sys.exit(main())
