"""Start the JourneyMap editor: ``python main.py [FILE]``."""

import sys

from journeymap.app import main

if __name__ == "__main__":
    sys.exit(main())
