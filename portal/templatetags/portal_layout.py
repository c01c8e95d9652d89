"""The header and the footer of every portal page (templates/base.html), each of their variants
rendered once per process (issue #15).

They show nothing read for the page: the language, whether someone is logged in, the bell's unread
count, whether the "Tim" and admin links show, whether the page is the notifications', and the JP
target. Each combination of those is rendered once, with stand-ins for the two things that belong
to one request (the form token of the logout and language forms, and the address the language
switch comes back to), which each request puts in. Kept in the process: templates, URLs and
translations change only with a deploy, which starts new processes (and a test's settings
override empties them); at most `LIMIT` variants.
"""

from django import template
from django.core.signals import setting_changed
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.kept_html import CSRF_STAND_IN

register = template.Library()

HEADER = "includes/header.html"
FOOTER = "includes/footer.html"
NEXT_STAND_IN = "kompeten-next-stand-in"
LIMIT = 2000
_rendered: dict[tuple, str] = {}


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    request = context.get("request")
    if request is None:
        return _render(context, HEADER, {"header_next": ""})
    user = context.get("user")
    bell = context.get("notification_bell")
    key = (
        HEADER,
        get_language(),
        bool(user is not None and user.is_authenticated),
        bell.unread if bell else None,
        bool(context.get("header_team")),
        context.get("header_admin") or "",
        getattr(request.resolver_match, "namespace", None) == "notifications",
    )
    html = _kept(context, key, {"header_next": NEXT_STAND_IN, "csrf_token": CSRF_STAND_IN})
    html = html.replace(NEXT_STAND_IN, conditional_escape(request.get_full_path()))
    if CSRF_STAND_IN in html:
        html = html.replace(CSRF_STAND_IN, get_token(request))
    return mark_safe(html)  # noqa: S308 - our own template's output, the path escaped


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    return mark_safe(_kept(context, (FOOTER, get_language(), context.get("jp_target")), {}))  # noqa: S308


def _kept(context, key: tuple, overrides: dict) -> str:
    html = _rendered.get(key)
    if html is None:
        html = _render(context, key[0], overrides)
        if len(_rendered) >= LIMIT:
            _rendered.clear()
        _rendered[key] = html
    return html


def _render(context, name: str, overrides: dict) -> str:
    with context.push(**overrides):
        return get_template(name).template.render(context)


def _forget(**kwargs) -> None:
    _rendered.clear()


setting_changed.connect(_forget, dispatch_uid="kompeten-layout-variants")
