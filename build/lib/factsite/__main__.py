import sys

from factsite.cli import main

sys.exit(main())
