import sys

from parkdigest.cli import main

sys.exit(main())
