"""Who read or exported whose personal data (UU 27/2022): an append-only trail HR can search.

Core: it imports only Django, Wagtail, allauth and portal.people. Apps declare which of their views
show or export personal data through the `register_audited_views` hook (rules.AuditRule); the
middleware records them, and asks for the password again before an export.
"""
