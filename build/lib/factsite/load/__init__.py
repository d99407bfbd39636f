"""Reading claims.yaml and seeds/: the YAML node tree, the schema, cross-record checks, archived files."""
