"""Every command line of the README's Usage section runs as written against a graph of the examples,
exits 0 and prints something (the way sqlite-utils tests its documentation)."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from conftest import ROOT, SHARED
from kgbuild.cli import cli

README = ROOT / "README.md"


def usage_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Usage\n.*?```bash\n(.*?)```", text, re.S).group(1)
    return [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines() if line.startswith("kgbuild ")]


def test_the_usage_section_is_found():
    lines = usage_lines()
    assert len(lines) >= 15 and lines[0] == "kgbuild load examples/"


def test_every_usage_line_runs(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples")
    if SHARED.is_dir():
        (tmp_path / "shared").symlink_to(SHARED)
    monkeypatch.chdir(work)
    runner = CliRunner()
    env = {"KGBUILD_HOME": str(tmp_path / "home")}
    try:
        for line in usage_lines():
            if "../shared" in line and not SHARED.is_dir():
                continue
            args = shlex.split(line)[1:]
            target = None
            if ">" in args:
                k = args.index(">")
                args, target = args[:k], args[k + 1]
            args = [str(p) for a in args for p in (sorted(work.glob(a)) if "*" in a else [a])]
            result = runner.invoke(cli, args, env=env, catch_exceptions=False)
            assert result.exit_code == 0, (line, result.output)
            assert (result.stdout + result.stderr).strip(), line
            if target:
                (work / target).write_text(result.stdout, encoding="utf-8")
        assert (work / "graph.html").exists() and (work / "kg.graphml").exists()
    finally:
        runner.invoke(cli, ["db", "stop"], env=env)


@pytest.mark.parametrize("line", [ln for ln in usage_lines() if "--param" in ln])
def test_usage_parameters_name_real_parameters(line):
    from kgbuild.graph import catalog

    args = shlex.split(line)
    report = catalog.report(args[2])
    given = {a.split("=", 1)[0] for k, a in enumerate(args) if k and args[k - 1] == "--param"}
    assert given <= {p.name for p in report.params}
