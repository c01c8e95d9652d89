"""Learning outside the portal: activities employees record and their supervisor or HR verifies."""
