"""Click commands, one module per area; :mod:`rasd.cli` registers them."""
