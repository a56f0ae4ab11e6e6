"""Stage 3: facts → findings, by rules that are data (rules/FC*.yaml)."""

from factcheck.rules.engine import check
from factcheck.rules.loader import RulePack, load_pack
from factcheck.rules.rule import Rule

__all__ = ["Rule", "RulePack", "check", "load_pack"]
