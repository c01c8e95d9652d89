"""Competency development beyond the portal's courses: learning outside the portal, and plans."""
