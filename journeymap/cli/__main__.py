import sys

from journeymap.cli import main

sys.exit(main())
