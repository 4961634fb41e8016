"""One spaCy component per module. Importing this package registers nothing: each module
registers its own factory, and spaCy finds them through the ``spacy_factories`` entry points."""
