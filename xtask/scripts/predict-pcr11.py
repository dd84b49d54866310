#!/usr/bin/python3
"""Predicts PCR 11 for a UKI as systemd-stub and systemd will measure it.

Usage: predict-pcr11.py UKI PHASE-PATH...   (run with the tools tree's Python: pefile, systemd)

Each measured section is written out at its virtual size (what systemd-stub hashes) and passed
to `systemd-measure calculate`; prints one `11:sha256=...` line per phase path.
"""
import os
import subprocess
import sys
import tempfile

import pefile

# The sections systemd-stub measures, with systemd-measure's option for each.
SECTIONS = {
    ".linux": "linux", ".osrel": "osrel", ".cmdline": "cmdline", ".initrd": "initrd",
    ".ucode": "ucode", ".splash": "splash", ".dtb": "dtb", ".uname": "uname", ".sbat": "sbat",
    ".pcrpkey": "pcrpkey", ".profile": "profile",
}

uki, phases = sys.argv[1], sys.argv[2:]
pe = pefile.PE(uki, fast_load=True)
with tempfile.TemporaryDirectory() as folder:
    args = []
    for section in pe.sections:
        name = section.Name.rstrip(b"\0").decode()
        if name in SECTIONS:
            path = os.path.join(folder, name[1:])
            with open(path, "wb") as out:
                out.write(section.get_data()[: section.Misc_VirtualSize])
            args.append(f"--{SECTIONS[name]}={path}")
    result = subprocess.run(
        ["/usr/lib/systemd/systemd-measure", "calculate", "--bank=sha256", *args,
         *(f"--phase={phase}" for phase in phases)],
        check=True, capture_output=True, text=True,
    )
    sys.stdout.write(result.stdout)
