"""HR's admin pages of appraisal_link: the appraisal import (upload, job progress, error file, templates)
and the API tokens of the regional HR system. Registered in appraisal_link/wagtail_hooks.py."""
