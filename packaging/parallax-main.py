"""Bundle entry point: the same `parallax` command as the wheel's console script."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # A frozen app must call this before anything else, or a worker process would re-run main().
    multiprocessing.freeze_support()
    sys.exit(main())
