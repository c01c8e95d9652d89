"""Writes of the appraisal_link app."""
