"""factcheck: a cross-source numeric consistency checker for news.

documents → facts → findings → reports; each stage is a module with one small
public function and plain data in and out (see models.py).
"""

__version__ = "0.1.0"
