"""Shared fixture of the emulated commands' tests: runs the real command files of
testbed/emu/bin with EMU_ROOT set to a fresh temporary directory."""
import os, shutil, subprocess, tempfile, unittest

EMU = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "emu")
BIN = os.path.join(EMU, "bin")
SHELLS = [s for s in ("dash", "busybox") if shutil.which(s)]


class EmuCase(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="emu-sys-")
        self.addCleanup(shutil.rmtree, self.root, True)
        self.env = dict(os.environ, EMU_ROOT=self.root, PATH=BIN + ":" + os.environ.get("PATH", "/usr/bin:/bin"))

    def run_cmd(self, *argv, shell=None, stdin=None, env=None):
        argv = list(argv)
        path = os.path.join(BIN, argv[0])
        if shell == "busybox":
            argv = ["busybox", "sh", path] + argv[1:]
        elif shell:
            argv = [shell, path] + argv[1:]
        else:
            argv = [path] + argv[1:]
        return subprocess.run(argv, capture_output=True, text=True, env=env or self.env, input=stdin,
                              stdin=None if stdin is not None else subprocess.DEVNULL, timeout=60)

    def ok(self, *argv, **kw):
        r = self.run_cmd(*argv, **kw)
        self.assertEqual(r.returncode, 0, "%s failed: %s%s" % (argv, r.stdout, r.stderr))
        return r.stdout

    def path(self, p):
        return self.root + p

    def write(self, p, text, mode=0o644):
        os.makedirs(os.path.dirname(self.path(p)), exist_ok=True)
        with open(self.path(p), "w") as f:
            f.write(text)
        os.chmod(self.path(p), mode)

    def read(self, p):
        with open(self.path(p)) as f:
            return f.read()
