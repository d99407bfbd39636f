"""The output folder: staging and atomic swap, the incremental cache, link checking, parallel rendering."""
