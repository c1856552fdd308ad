"""Puts testbed/emu/lib on sys.path for the tests that call emu_zfs directly."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "emu", "lib"))
