"""factsite: a static fact-check microsite generator."""

__version__ = "0.2.0"
