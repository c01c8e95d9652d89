"""The shell's HTTP hardening: security headers (CSP, Permissions-Policy) and the client address."""

from .client_ip import client_ip

__all__ = ["client_ip"]
