#!/usr/bin/python3
"""Reads an application's accessible tree over AT-SPI, as a screen reader does.

usage: read_tree.py --app NAME --wait ROLE NAME [--click ROLE NAME] [--timeout SECONDS]

Polls the AT-SPI registry (every 50 ms, at most --timeout seconds) until the application
NAME is registered and has a node with role ROLE and name NAME (the app publishes its tree
in steps: the window first, then the page once its data has arrived). Then prints one JSON
object per node, depth first, on stdout:

    {"depth": 2, "role": "radio button", "name": "Balanced", "description": "",
     "states": ["checked", "enabled", ...], "actions": ["click", "focus"]}

With --click ROLE NAME it then invokes the "click" action of that node through the Action
interface and prints {"clicked": {"role": ..., "name": ...}} last.

Run it with the Debian Python (/usr/bin/python3, which has python3-pyatspi) and
DBUS_SESSION_BUS_ADDRESS set: libatspi asks org.a11y.Bus on that bus for the accessibility
bus. Exits 1 with an explanation (and the last tree seen) on stderr when something is not
found in time.
"""

import argparse
import json
import sys
import time

import pyatspi
from gi.repository import GLib

POLL_SECONDS = 0.05


def nodes(accessible, depth=0):
    """(depth, accessible) for the accessible and everything below it, depth first."""
    yield depth, accessible
    for child in accessible:
        if child is not None:
            yield from nodes(child, depth + 1)


def describe(depth, accessible):
    states = sorted(pyatspi.stateToString(state) for state in accessible.getState().getStates())
    return {
        "depth": depth,
        "role": accessible.getRoleName(),
        "name": accessible.name,
        "description": accessible.description,
        "states": states,
        "actions": action_names(accessible),
    }


def action_names(accessible):
    try:
        action = accessible.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def find_app(name):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            return app
    return None


def read(app):
    """The app's tree as a list of (accessible, description); fresh, not from libatspi's cache."""
    app.clear_cache()  # libatspi's, which would otherwise keep the children it saw first
    return [(node, describe(depth, node)) for depth, node in nodes(app)]


def find(tree, role, name):
    for node, description in tree:
        if description["role"] == role and description["name"] == name:
            return node
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", required=True, help="the application's AT-SPI name")
    parser.add_argument("--wait", nargs=2, metavar=("ROLE", "NAME"), required=True)
    parser.add_argument("--click", nargs=2, metavar=("ROLE", "NAME"))
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    deadline = time.monotonic() + args.timeout
    tree = []
    app = None
    while True:
        try:
            app = find_app(args.app)
            if app is not None:
                tree = read(app)
                if find(tree, *args.wait) is not None:
                    break
        except GLib.Error as error:
            # The app may be registering or updating its tree right now: try again.
            print(f"read_tree.py: retrying after {error}", file=sys.stderr)
        if time.monotonic() >= deadline:
            seen = "\n".join(json.dumps(d, ensure_ascii=False) for _, d in tree)
            what = "registered" if app is None else f"showing {args.wait[0]} {args.wait[1]!r}"
            print(
                f"read_tree.py: {args.app!r} not {what} after {args.timeout} s; last tree:\n{seen}",
                file=sys.stderr,
            )
            return 1
        time.sleep(POLL_SECONDS)

    for _, description in tree:
        print(json.dumps(description, ensure_ascii=False))

    if args.click:
        node = find(tree, *args.click)
        names = action_names(node) if node is not None else []
        if "click" not in names:
            role, name = args.click
            print(f"read_tree.py: no {role} {name!r} with a click action", file=sys.stderr)
            return 1
        if not node.queryAction().doAction(names.index("click")):
            print("read_tree.py: the click action reported failure", file=sys.stderr)
            return 1
        clicked = {"clicked": {"role": args.click[0], "name": args.click[1]}}
        print(json.dumps(clicked, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
