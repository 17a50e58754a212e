"""Reads Concord's window through the AT-SPI accessibility bus, as Orca does, and checks
that the comparison table's cells are there by name: every proposal × criterion, each with
its level, those scrolled out of view too. Run by .ci/atspi-smoke (Debian's python3-dbus)."""
import re
import sys
import time

import dbus

session = dbus.SessionBus()
address = session.get_object("org.a11y.Bus", "/org/a11y/bus").GetAddress(
    dbus_interface="org.a11y.Bus")
bus = dbus.bus.BusConnection(address)
ACCESSIBLE = "org.a11y.atspi.Accessible"


def prop(obj, name):
    return obj.Get(ACCESSIBLE, name, dbus_interface="org.freedesktop.DBus.Properties")


def walk(name, path, out, depth=0):
    obj = bus.get_object(name, path)
    out.append((str(prop(obj, "Name")), int(obj.GetRole(dbus_interface=ACCESSIBLE))))
    if depth > 60:
        return
    for child_name, child_path in obj.GetChildren(dbus_interface=ACCESSIBLE):
        walk(str(child_name), str(child_path), out, depth + 1)


def concord_nodes():
    root = bus.get_object("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
    for app_name, app_path in root.GetChildren(dbus_interface=ACCESSIBLE):
        app = bus.get_object(str(app_name), str(app_path))
        if "concord" in str(prop(app, "Name")).lower():
            nodes = []
            walk(str(app_name), str(app_path), nodes)
            return nodes
    return None


nodes = None
problem = None
for _ in range(60):  # the window takes a moment to come up and give its tree
    try:
        nodes = concord_nodes()
    except dbus.DBusException as e:
        nodes, problem = None, e
    if nodes and any(" × " in n for n, _ in nodes):
        break
    time.sleep(1)
if not nodes:
    sys.exit(f"FAIL: no application named Concord on the accessibility bus ({problem})")

cell = re.compile(r"^(.+?) × (.+?) — (.+)$")
cells = {}
for name, role in nodes:
    m = cell.match(name)
    if m:
        cells[(m.group(1), m.group(2))] = (m.group(3), role)
proposals = {p for p, _ in cells}
criteria = {c for _, c in cells}
out_of_view = sum(1 for level, _ in cells.values() if level.endswith("(out of view)"))
# AT-SPI's roles of controls: check box, combo box, push button, slider, spin button,
# text, toggle button, entry (AtspiRole's numbers).
CONTROLS = {7: "check box", 11: "combo box", 43: "push button", 51: "slider", 52: "spin button",
            61: "text", 62: "toggle button", 79: "entry"}
controls = [(name, role) for name, role in nodes if role in CONTROLS]
unnamed = sum(1 for name, _ in controls if not name)
print(f"AT-SPI: {len(nodes)} nodes, {len(controls)} controls; {len(cells)} table cells by name "
      f"({len(proposals)} proposals × {len(criteria)} criteria), {out_of_view} of them out of view; "
      f"{unnamed} unnamed controls")
for (p, c), (level, role) in sorted(cells.items())[:3]:
    print(f"  {CONTROLS.get(role, role)}: {p} × {c} — {level}")
failures = []
if len(cells) != len(proposals) * len(criteria) or len(cells) < 20:
    failures.append("not every proposal × criterion has a cell")
if out_of_view == 0:
    failures.append("the cells out of view are missing")
if any(not level.split(";")[0].strip() for level, _ in cells.values()):
    failures.append("a cell without its level")
if failures:
    sys.exit("FAIL: " + "; ".join(failures))
print("ok   the table's cells are read by name through AT-SPI")
