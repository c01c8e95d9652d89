"""The client's address behind proxies and the security headers: referrer and opener policies, the
Permissions-Policy and the Content-Security-Policy (site and admin). Imported by base."""

from .environment import env, env_list
from .storage import media_origins

# Proxies in front of the portal that append to X-Forwarded-For (the README's TLS proxy is one).
# The client address is the entry that many from the right: entries further left are whatever the
# client sent, so an attacker cannot choose the key of a per-IP rate limit. 0: REMOTE_ADDR.
KOMPETEN_TRUSTED_PROXY_COUNT = int(env("KOMPETEN_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = KOMPETEN_TRUSTED_PROXY_COUNT
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the portal uses (portal.security.headers).
KOMPETEN_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
# Content-Security-Policy (django-csp 4): scripts and styles only from the portal's own static
# files, nothing inline. Lesson videos may be embedded from the hosts in CSP_FRAME_SRC.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *media_origins()],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *media_origins()],
        "frame-src": [
            "'self'",
            *env_list(
                "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
            ),
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's own admin still has inline scripts (panels, date pickers) and inline styles, and shows
# page previews in a frame: under this prefix alone these directives replace the ones above
# (portal.security.csp). The project's own admin templates need none of it: they load their
# scripts and styles from static/.
KOMPETEN_CSP_ADMIN_PREFIX = "/admin/"
KOMPETEN_CSP_ADMIN_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],
}
