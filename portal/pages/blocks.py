"""StreamField blocks of the site, shared by every app's pages (BaseStreamBlock)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Judul"), max_length=120)
    size = blocks.ChoiceBlock(label=_("Tingkat"), choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        template = "pages/blocks/heading_block.html"
        label = _("Judul bagian")
        description = _("Judul sebuah bagian halaman.")
        preview_value = {"text": "Mengapa SKP berubah?", "size": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Gambar"))
    alt_text = blocks.CharBlock(
        label=_("Teks alternatif"), max_length=200, help_text=_("Gambarkan isi gambar bagi pembaca layar.")
    )
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "pages/blocks/image_block.html"
        label = _("Gambar dengan keterangan")
        description = _("Gambar, teks alternatifnya dan keterangan di bawahnya.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Jenis"),
        choices=[("info", _("Informasi")), ("tip", _("Tips")), ("warning", _("Perhatian"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Judul"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Isi"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "pages/blocks/callout_block.html"
        label = _("Kotak sorotan")
        description = _("Kotak berwarna untuk informasi, tips atau peringatan.")
        preview_value = {
            "kind": "tip",
            "title": "Tips",
            "text": "<p>Simpan pekerjaan Anda secara berkala.</p>",
        }


def validate_link(value: str) -> None:
    """A link is a path on this site or an http(s) address: never javascript: or data:."""
    if value and not (
        value.startswith("/") and not value.startswith("//") or value.startswith(("https://", "http://"))
    ):
        raise ValidationError(_("Tautan harus diawali / (halaman portal) atau https://."), code="link_scheme")


class FeatureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Judul"), max_length=80)
    text = blocks.TextBlock(label=_("Teks"), max_length=300)
    link_url = blocks.CharBlock(label=_("Tautan"), max_length=200, required=False, validators=[validate_link])
    link_text = blocks.CharBlock(label=_("Teks tautan"), max_length=60, required=False)

    class Meta:
        icon = "pick"
        template = "pages/blocks/feature_block.html"
        label = _("Keunggulan")
        description = _("Satu kartu: judul, penjelasan singkat dan tautan.")
        preview_value = {
            "title": "Kursus TIK",
            "text": "Belajar aplikasi perkantoran dan keamanan digital secara daring.",
            "link_url": "/kursus/",
            "link_text": "Lihat katalog",
        }


class FeatureListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FeatureBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "pages/blocks/feature_list_block.html"
        label = _("Daftar keunggulan")
        description = _("Deretan kartu keunggulan yang tersusun rapi di layar lebar maupun ponsel.")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use; other apps extend it with their own."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"),
        icon="pilcrow",
        template="pages/blocks/paragraph_block.html",
        features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        preview_value="<p>Kompeten membantu setiap ASN mengembangkan kompetensinya.</p>",
        description=_("Teks berformat."),
    )
    image = ImageWithCaptionBlock()
    callout = CalloutBlock()
    features = FeatureListBlock()
