"""`{% kept_fragment seconds name var1 var2 ... %}…{% endkept_fragment %}`: Django's `{% cache %}`
(the same key, `make_template_fragment_key`, in the default cache), read and written with the
request's other kept values (issue #15).

Django's tag reads its fragment from the cache in a round trip of its own, and writes it in
another when it rendered it. This one reads it with `portal.cache.kept_many`, so it is among the
keys a page's URL learns and reads ahead from its next visit (`portal.keys_learned`), and writes it
with `kept_versioned_set`, with the page's other kept values when its reads ahead end. Use it only
for a fragment that is the same for everyone who renders it with the same `var`s.
"""

from django import template
from django.core.cache.utils import make_template_fragment_key

from portal.cache import kept_many, kept_versioned_set

register = template.Library()


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, seconds, name: str, vary_on: list):
        self.nodelist, self.seconds, self.name, self.vary_on = nodelist, seconds, name, vary_on

    def render(self, context):
        key = make_template_fragment_key(self.name, [var.resolve(context) for var in self.vary_on])
        value = kept_many([key]).get(key)
        if value is None:
            value = self.nodelist.render(context)
            kept_versioned_set(key, value, int(self.seconds.resolve(context)))
        return value


@register.tag("kept_fragment")
def kept_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes at least two arguments: seconds and a name")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return KeptFragmentNode(nodelist, parser.compile_filter(bits[1]), bits[2], vary_on)
