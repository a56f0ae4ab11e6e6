"""Settings files: found upward, flags over the file over defaults, errors with file:line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.config import ConfigError, apply_rule_settings, find_config, load_settings
from factcheck.rules import load_pack

# Both count one dead: the same moment, so 12 against 19 injured is an error (FC001).
STORY = {"bugle.txt": "A gas blast in Eastport killed one worker and injured 12 people, the fire "
                      "brigade said.\n",
         "post.txt": "In Eastport, one worker was killed and 19 people were injured in the gas "
                     "blast.\n"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, check=False,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


@pytest.fixture()
def tree(tmp_path) -> Path:
    """project/pyproject.toml (fail-on never) above project/desk/ holding the story."""
    desk = tmp_path / "project" / "desk"
    desk.mkdir(parents=True)
    for name, text in STORY.items():
        (desk / name).write_text(text, encoding="utf-8")
    (tmp_path / "project" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "never"\n', encoding="utf-8")
    return desk


def test_the_nearest_file_is_found_upward_and_factcheck_toml_comes_first(tree):
    assert find_config(tree) == tree.parent / "pyproject.toml"
    (tree / "factcheck.toml").write_text('fail-on = "warning"\n')
    assert find_config(tree) == tree / "factcheck.toml"
    (tree.parent / "factcheck.toml").write_text('fail-on = "info"\n')
    assert find_config(tree) == tree / "factcheck.toml"  # nearest folder wins


def test_a_pyproject_without_a_factcheck_table_is_passed_by(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 90\n')
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path


def test_precedence_flag_over_nearest_file_over_default(tree):
    # The 12 vs 19 injured conflict is an error: default fail-on error exits 1.
    assert run("check", ".", cwd=tree.parent.parent).returncode == 1
    # The project's file says never.
    assert run("check", ".", cwd=tree).returncode == 0
    # A nearer file says error again; a flag overrides both.
    (tree / "factcheck.toml").write_text('fail-on = "error"\n')
    assert run("check", ".", cwd=tree).returncode == 1
    assert run("check", ".", "--fail-on", "never", cwd=tree).returncode == 0


def test_config_command_says_where_each_setting_came_from(tree):
    (tree / "factcheck.toml").write_text('ignore = ["FC007"]\n\n[rules.FC001]\nseverity = "warning"\n')
    out = run("config", cwd=tree).stdout
    assert 'ignore = ["FC007"]  # ' in out and "factcheck.toml:1" in out
    assert 'fail-on = "error"  # default' in out
    assert "rules = {FC001 = {severity = \"warning\"}}" in out and "factcheck.toml:3" in out


@pytest.mark.parametrize(("text", "line", "message"), [
    ('fail-on = "warning"\nbogus = 1\n', 2, "unknown key 'bogus'"),
    ('min-severity = "loud"\n', 1, "'min-severity' must be one of error, warning, info"),
    ('select = "FC001"\n', 1, "'select' must be a list of rule codes"),
    ('\n[rules.FC001]\nround_figure_gap = "x"\n', 3, "parameter 'round_figure_gap' must be a number"),
    ('\n\n[rules.FC999]\nseverity = "info"\n', 3, "rules.FC999: no such rule"),
    ('[rules.FC001]\nseverity = "fatal"\n', 2, "severity must be one of"),
    ("[rules\n", 1, "not valid TOML"),
])
def test_bad_settings_name_the_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "factcheck.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        apply_rule_settings(load_pack(), load_settings(path))
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert message in str(err.value)


def test_a_bad_file_is_a_one_line_error_and_exit_2(tree):
    (tree / "factcheck.toml").write_text("colour = true\n")
    p = run("check", ".", cwd=tree)
    assert p.returncode == 2
    assert p.stderr.startswith("factcheck: error: ") and "factcheck.toml:1: unknown key" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_one_rules_severity_and_parameters_are_overridden(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('[rules.FC001]\nseverity = "info"\nround_figure_gap = 0.25\n')
    pack = apply_rule_settings(load_pack(), load_settings(path))
    rule = pack.get("FC001")
    assert (rule.severity, rule.params["round_figure_gap"]) == ("info", 0.25)
    assert rule.params["key"] == load_pack().get("FC001").params["key"]  # the rest is kept


def test_a_house_pack_may_redefine_a_default_rule(tmp_path):
    """Overriding one default rule with a file of its own is no longer 'code already used'."""
    from factcheck.resources import rules_dir

    text = (rules_dir() / "FC001.yaml").read_text(encoding="utf-8")
    (tmp_path / "FC001.yaml").write_text(text.replace("severity: error", "severity: warning"))
    pack = load_pack([tmp_path])
    assert pack.get("FC001").severity == "warning"
    assert len(pack) == len(load_pack())


def test_select_and_ignore_pick_rules_by_code_or_prefix(tree):
    path = tree / "factcheck.toml"
    path.write_text('select = ["FC00"]\nignore = ["FC007", "FC001"]\n')
    codes = [r.code for r in apply_rule_settings(load_pack(), load_settings(path)).rules]
    assert "FC001" not in codes and "FC007" not in codes and "FC002" in codes
    assert run("check", ".", cwd=tree).returncode == 0  # FC001 ignored: nothing fails
    # A flag's list replaces the file's: FC001 is back.
    assert run("check", ".", "--ignore", "FC007", cwd=tree).returncode == 1
    assert run("check", ".", "--select", "FC001", cwd=tree).returncode == 0  # still ignored
    assert run("check", ".", "--select", "FC001", "--ignore", "FC007", cwd=tree).returncode == 1
    assert run("check", ".", "--select", "FC002", "--ignore", "FC002", cwd=tree).returncode == 0
