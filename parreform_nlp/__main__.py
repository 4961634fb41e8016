"""`python -m parreform_nlp`: the `parreform-nlp` command line."""
import sys

from .cli import main

if __name__ == "__main__":  # not again in a spawned worker (which imports this as __mp_main__)
    sys.exit(main())
