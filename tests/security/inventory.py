"""Every URL pattern of the portal, from the resolver, under the key the matrix knows it by.

A key is the pattern's (namespaced) name, or its route when it has none. The project's own
patterns (the site, the admin screens the project's apps add, the API) each need an expectation
of their own; Wagtail's and Django's built-in admin screens are two blocks, each one key, checked
on a sample of their URLs.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

PROJECT_PACKAGES = ("portal", "courses", "competency", "appraisal_link")
WAGTAIL_ADMIN_BLOCK = "wagtail-admin (bawaan Wagtail)"
DJANGO_ADMIN_BLOCK = "django-admin (bawaan Django)"


@dataclass(frozen=True)
class Pattern:
    key: str
    route: str
    module: str


def _module(callback) -> str:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return view_class.__module__
    return getattr(callback, "__module__", "") or ""


def _is_project(module: str) -> bool:
    return module.split(".")[0] in PROJECT_PACKAGES


def project_viewset_namespaces() -> frozenset[str]:
    """The URL namespaces of the admin viewsets (ModelViewSet, SnippetViewSet, ...) our apps register."""
    from wagtail.admin.viewsets import viewsets

    get_resolver().url_patterns  # noqa: B018 (building the admin's URLs registers the viewsets)
    return frozenset(
        viewset.name for viewset in viewsets.viewsets if viewset.name and _is_project(type(viewset).__module__)
    )


def _walk(resolver, prefix="", namespaces=(), top=True):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            more = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry, prefix + str(entry.pattern), more, top=False)
        elif isinstance(entry, URLPattern):
            yield entry, prefix + str(entry.pattern), namespaces, top


def url_patterns() -> list[Pattern]:
    """Every pattern, keyed; the built-in admin screens folded into their block's key."""
    project_namespaces = project_viewset_namespaces()
    found = []
    for entry, route, namespaces, top in _walk(get_resolver()):
        module = _module(entry.callback)
        name = ":".join((*namespaces, entry.name)) if entry.name else None
        ours = top or _is_project(module) or bool(set(namespaces) & project_namespaces)
        if route.startswith("django-admin/") and not ours:
            key = DJANGO_ADMIN_BLOCK
        elif route.startswith("admin/") and not ours:
            key = WAGTAIL_ADMIN_BLOCK
        else:
            key = name or route
        found.append(Pattern(key=key, route=route, module=module))
    return found


def url_keys() -> set[str]:
    return {pattern.key for pattern in url_patterns()}
