"""Finding quotes verbatim in their archived sources, and linking to them."""
