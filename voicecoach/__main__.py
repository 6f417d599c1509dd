"""`python -m voicecoach` runs the CLI."""

import sys

from voicecoach.cli import main

sys.exit(main())
