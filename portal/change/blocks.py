"""StreamField blocks of the change hub: the FAQ, on top of the core's base blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.pages.blocks import BaseStreamBlock


class FAQItemBlock(blocks.StructBlock):
    """One question and its answer; the FAQ page searches both."""

    question = blocks.CharBlock(label=_("Pertanyaan"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Jawaban"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        template = "change/blocks/faq_item_block.html"
        label = _("Tanya jawab")
        description = _("Satu pertanyaan yang sering diajukan beserta jawabannya.")
        preview_value = {
            "question": "Apakah SKP baru menambah beban kerja saya?",
            "answer": "<p>Tidak. SKP baru justru memperjelas target dan cara menilainya.</p>",
        }


class FAQStreamBlock(blocks.StreamBlock):
    """The body of the FAQ page: questions, grouped under headings."""

    heading = BaseStreamBlock.base_blocks["heading"]
    item = FAQItemBlock()

    class Meta:
        label = _("Isi FAQ")
