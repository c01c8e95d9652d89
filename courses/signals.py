"""Signals other apps listen to (they may know courses; courses does not know them)."""

from django.dispatch import Signal

# Sent once, inside the transaction that records a completion; kwargs: enrollment.
enrollment_completed = Signal()
