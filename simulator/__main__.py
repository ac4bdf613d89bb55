"""`python -m simulator` runs the `attune` CLI."""

import sys

from simulator.cli.main import main

sys.exit(main())
