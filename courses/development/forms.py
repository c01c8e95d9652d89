"""The employee's form for an activity outside the portal, and the verifier's rejection. The proof is
checked by its content, not only its name: a PDF, PNG or JPEG of at most 5 MB."""

import io
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from competency.models import Competency

from . import kinds

MAX_PROOF_BYTES = 5 * 1024 * 1024
SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


def proof_checked(upload):
    """The upload if it is what its name says (PDF or image, read by Pillow) and small enough."""
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in SIGNATURES:
        raise ValidationError(_("Unggah bukti berupa PDF, JPG atau PNG."), code="proof_type")
    if upload.size > MAX_PROOF_BYTES:
        raise ValidationError(
            _("Berkas bukti terlalu besar (%(size)s MB); batasnya 5 MB.") % {"size": f"{upload.size / 1048576:.1f}"},
            code="proof_size",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(SIGNATURES[extension]):
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan jenisnya (%(ext)s).") % {"ext": extension}, code="proof_content"
        )
    if extension != ".pdf":
        from PIL import Image

        try:
            with Image.open(io.BytesIO(upload.read())) as image:
                image.verify()
        except Exception:  # Pillow raises many kinds for a broken image
            raise ValidationError(_("Gambar bukti rusak atau tidak dapat dibaca."), code="proof_content") from None
        finally:
            upload.seek(0)
    return upload


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Bentuk pengembangan"), choices=(("", "—"), *kinds.CHOICES))
    title = forms.CharField(label=_("Nama kegiatan"), max_length=200)
    organiser = forms.CharField(
        label=_("Penyelenggara"), max_length=200, help_text=_("Mis. BPSDM Provinsi, Kementerian Kominfo, LAN.")
    )
    starts_on = forms.DateField(label=_("Tanggal mulai"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Tanggal selesai"), widget=forms.DateInput(attrs={"type": "date"}))
    jp = forms.IntegerField(
        label=_("Jumlah JP"),
        required=False,
        min_value=1,
        max_value=500,
        help_text=_("Seperti tertulis di sertifikat. Bila tidak ada, isi jumlah jam di bawah."),
    )
    hours = forms.DecimalField(
        label=_("atau jumlah jam"),
        required=False,
        min_value=0.75,
        max_value=375,
        decimal_places=2,
        help_text=_("Diubah menjadi JP: satu JP = 45 menit."),
    )
    competencies = forms.ModelMultipleChoiceField(
        label=_("Kompetensi yang dikembangkan"),
        queryset=Competency.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Kompetensi kesenjangan dan standar jabatan Anda. Setelah diverifikasi, kesenjangannya dapat tertutup."
        ),
    )
    plan_item = forms.ModelChoiceField(
        label=_("Bagian dari rencana pengembangan"),
        queryset=None,
        required=False,
        empty_label="—",
        help_text=_("Bila kegiatan ini ada di rencana Anda, pilih agar kemajuannya tercatat."),
    )
    proof = forms.FileField(label=_("Sertifikat atau bukti"), help_text=_("PDF, JPG atau PNG, paling besar 5 MB."))
    certificate_number = forms.CharField(
        label=_("Nomor sertifikat"),
        max_length=100,
        required=False,
        help_text=_("Bila ada, seperti tertulis di sertifikat: BKPSDM mencatatnya di SIASN."),
    )
    certificate_date = forms.DateField(
        label=_("Tanggal sertifikat"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, competencies=None, plan_items=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan_items is not None and plan_items.exists():
            self.fields["plan_item"].queryset = plan_items
        else:  # nothing planned outside the portal: no question to ask
            del self.fields["plan_item"]
        if competencies is not None:  # the employee's own: those of their gaps and their position
            self.fields["competencies"].queryset = competencies

    def clean_proof(self):
        return proof_checked(self.cleaned_data["proof"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("jp") is None and cleaned.get("hours") is None and not self.has_error("jp"):
            self.add_error("jp", ValidationError(_("Isi jumlah JP atau jumlah jam."), code="jp_missing"))
        return cleaned

    @property
    def minutes(self) -> int | None:
        hours = self.cleaned_data.get("hours")
        return None if hours is None else int(hours * 60)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Pegawai membaca alasan ini, mis. “sertifikat tidak terbaca”."),
    )
