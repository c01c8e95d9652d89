"""Demo courses and learners for `seed_demo`."""

from .seed import seed_courses

__all__ = ["seed_courses"]
