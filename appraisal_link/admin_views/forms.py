"""Forms of HR's import and API-token pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..importing.readers import MAX_UPLOAD_BYTES, FileRejected, check_file


def too_large_message() -> str:
    return _("Berkas lebih besar dari %(limit)s. Bagi menjadi beberapa berkas, lalu unggah satu per satu.") % {
        "limit": filesizeformat(MAX_UPLOAD_BYTES)
    }


class UploadForm(forms.Form):
    """An appraisal file; it is checked (type, size, columns, not empty) before the import is queued."""

    estimated_rows = 0

    berkas = forms.FileField(
        label=gettext_lazy("Berkas penilaian (CSV atau XLSX)"),
        help_text=gettext_lazy("Paling besar 20 MB. Baris pertama berisi nama kolom seperti pada templat."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    uji_coba = forms.BooleanField(
        label=gettext_lazy("Uji coba saja: periksa semua baris tanpa menyimpan apa pun"), required=False
    )
    nip_baru_diperiksa = forms.BooleanField(
        label=gettext_lazy("NIP baru yang mirip pegawai terdaftar sudah saya periksa: buat sebagai pegawai baru"),
        help_text=gettext_lazy(
            "Tanpa centang ini, impor ditolak bila ada NIP baru yang mirip NIP atau nama pegawai terdaftar "
            "(kemungkinan salah ketik). Uji coba menunjukkan NIP mana saja."
        ),
        required=False,
    )

    def clean_berkas(self):
        file = self.cleaned_data["berkas"]
        if file.size > MAX_UPLOAD_BYTES:
            raise ValidationError(too_large_message(), code="too_large")
        try:
            self.estimated_rows = check_file(file, name=file.name)
        except FileRejected as rejected:
            raise ValidationError(rejected.message, code=rejected.code or "unreadable") from None
        return file


class ImportAgainForm(forms.Form):
    """ "Impor sekarang" on a job's page: HR confirms the flagged new NIPs when the job had any."""

    nip_baru_diperiksa = forms.BooleanField(
        label=gettext_lazy("NIP baru yang ditandai di bawah sudah saya periksa: buat sebagai pegawai baru"),
        required=False,
    )


class ApiTokenForm(forms.Form):
    """A new token: for an existing service account, or for a new one named after the system."""

    DAYS = [
        (30, gettext_lazy("30 hari")),
        (90, gettext_lazy("90 hari")),
        (180, gettext_lazy("180 hari")),
        (365, gettext_lazy("1 tahun")),
    ]

    nama = forms.CharField(
        label=gettext_lazy("Nama sistem klien"),
        max_length=100,
        help_text=gettext_lazy("Misalnya: SIMPEG BKD Provinsi. Kunci token hanya ditampilkan satu kali."),
    )
    akun = forms.ModelChoiceField(
        label=gettext_lazy("Akun layanan"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Akun layanan baru dengan nama di atas"),
        help_text=gettext_lazy("Pilih akun yang ada untuk mengganti kunci sistem itu; cabut token lamanya setelahnya."),
    )
    masa_berlaku = forms.TypedChoiceField(label=gettext_lazy("Masa berlaku"), choices=DAYS, coerce=int, initial=90)

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akun"].queryset = accounts
        self.fields["akun"].label_from_instance = lambda user: f"{user.first_name or user.username} ({user.username})"
        self.fields["akun"].error_messages["invalid_choice"] = _("Pilih akun layanan API yang aktif.")
