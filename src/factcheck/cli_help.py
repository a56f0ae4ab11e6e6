"""Help text that reads like a command line's: no Python types beside the options.

typer prints each parameter's Python type (`<bool>`, `<list[str]>`, `<str>`)
where a command line shows a metavar (FILE, CODES) or nothing for a flag;
options here declare their metavars, and this keeps typer from adding types.
"""

from __future__ import annotations

from typer import core


def _option_type(self, ctx):  # TyperOption.display_type_rich
    if self.metavar is not None:
        return self.metavar
    if self.is_flag or self.count:
        return None
    return _TYPED(self, ctx)


def _argument_type(self, ctx):  # TyperArgument: its name (PATH...) says enough
    return None


_TYPED = core.TyperOption.display_type_rich
core.TyperOption.display_type_rich = _option_type
core.TyperArgument.display_type_rich = _argument_type
