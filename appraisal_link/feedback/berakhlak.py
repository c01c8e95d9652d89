"""The seven BerAKHLAK core values with the observable behaviours that prompt a colleague's rating
(the behaviour guide of the ASN core values), for the peer (360°) form."""

from django.utils.translation import gettext_lazy as _

from ..models import BERAKHLAK

BEHAVIOURS = {
    "berorientasi_pelayanan": (
        _("Memahami dan memenuhi kebutuhan masyarakat"),
        _("Ramah, cekatan, solutif dan dapat diandalkan"),
        _("Melakukan perbaikan tiada henti"),
    ),
    "akuntabel": (
        _("Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi"),
        _("Menggunakan barang milik negara secara bertanggung jawab, efektif dan efisien"),
        _("Tidak menyalahgunakan kewenangan jabatan"),
    ),
    "kompeten": (
        _("Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah"),
        _("Membantu orang lain belajar"),
        _("Melaksanakan tugas dengan kualitas terbaik"),
    ),
    "harmonis": (
        _("Menghargai setiap orang apa pun latar belakangnya"),
        _("Suka menolong orang lain"),
        _("Membangun lingkungan kerja yang kondusif"),
    ),
    "loyal": (
        _("Memegang teguh Pancasila, UUD 1945, NKRI dan pemerintahan yang sah"),
        _("Menjaga nama baik sesama ASN, pimpinan, instansi dan negara"),
        _("Menjaga rahasia jabatan dan negara"),
    ),
    "adaptif": (
        _("Cepat menyesuaikan diri menghadapi perubahan"),
        _("Terus berinovasi dan mengembangkan kreativitas"),
        _("Bertindak proaktif"),
    ),
    "kolaboratif": (
        _("Memberi kesempatan kepada berbagai pihak untuk berkontribusi"),
        _("Terbuka dalam bekerja sama untuk menghasilkan nilai tambah"),
        _("Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"),
    ),
}
VALUES = tuple((code, label, BEHAVIOURS[code]) for code, label in BERAKHLAK)
