"""Demo FAQ, colleagues' stories and the downloadable guide of the change hub, in Bahasa Indonesia."""

from .hub_articles import heading, paragraph


def item(question: str, answer: str) -> dict:
    return {"type": "item", "value": {"question": question, "answer": answer}}


FAQ = {
    "slug": "tanya-jawab",
    "title": "Tanya jawab SKP baru",
    "intro": (
        "Pertanyaan yang paling sering disampaikan rekan-rekan dalam sosialisasi. Ketik kata kunci untuk "
        "mencari, atau hubungi BKPSDM bila jawaban Anda belum ada di sini."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Tentang SKP baru", "size": "h2"}},
        item(
            "Apakah SKP baru menambah beban kerja saya?",
            "<p>Tidak. Pekerjaan Anda tetap sama; yang berubah adalah cara merencanakan dan membicarakannya. "
            "Dialog kinerja memang perlu waktu, biasanya 20–30 menit sebulan, tetapi waktu itu kembali dalam "
            "bentuk target yang lebih jelas dan lebih sedikit pekerjaan yang salah arah.</p>",
        ),
        item(
            "Kapan SKP disusun, dan siapa yang menyusunnya?",
            "<p>Di awal periode penilaian. SKP disusun <b>bersama</b> atasan langsung: hasil kerja Anda "
            "diturunkan dari sasaran atasan dan unit kerja, lalu atasan menyampaikan ekspektasinya. Anda boleh "
            "mengusulkan hasil kerja dan indikator yang menurut Anda paling mencerminkan tugas Anda.</p>",
        ),
        item(
            "Apa bedanya hasil kerja dan perilaku kerja?",
            "<p><b>Hasil kerja</b> adalah apa yang Anda capai, diukur dengan indikator dan target. "
            "<b>Perilaku kerja</b> adalah cara Anda bekerja, diukur dengan tujuh nilai dasar BerAKHLAK. "
            "Keduanya dinilai terpisah: di atas, sesuai, atau di bawah ekspektasi.</p>",
        ),
        item(
            "Bagaimana predikat kinerja saya ditentukan?",
            "<p>Dari kombinasi rating hasil kerja dan rating perilaku kerja. Contohnya:</p>"
            "<ul><li>keduanya di atas ekspektasi: <b>Sangat Baik</b>;</li>"
            "<li>keduanya sesuai ekspektasi: <b>Baik</b>;</li>"
            "<li>hasil kerja di bawah ekspektasi, perilaku sesuai: <b>Butuh Perbaikan</b>;</li>"
            "<li>perilaku di bawah ekspektasi, meski hasil kerja baik: <b>Kurang</b>;</li>"
            "<li>keduanya di bawah ekspektasi: <b>Sangat Kurang</b>.</li></ul>",
        ),
        item(
            "Seberapa sering dialog kinerja dilakukan?",
            "<p>Sesuai kesepakatan di unit kerja Anda, paling baik secara berkala, misalnya sebulan sekali. "
            "Selain jadwal tetap, Anda boleh meminta dialog kapan saja bila ada kendala atau perubahan "
            "tugas.</p>",
        ),
        item(
            "Bagaimana jika saya tidak setuju dengan penilaian atasan?",
            "<p>Sampaikan lebih dulu dalam dialog kinerja, dengan bukti kerja Anda. Sebagian besar perbedaan "
            "selesai di sini. Bila tetap tidak sepakat, Anda dapat mengajukan keberatan secara berjenjang "
            "sesuai ketentuan; BKPSDM dapat menjelaskan prosedurnya.</p>",
        ),
        item(
            "Apakah predikat kinerja memengaruhi tambahan penghasilan (TPP)?",
            "<p>Pemberian tambahan penghasilan pegawai mempertimbangkan kinerja; besaran dan cara "
            "penghitungannya mengikuti Peraturan Wali Kota yang berlaku. Tanyakan ke BKPSDM atau bagian "
            "keuangan unit Anda untuk ketentuan terbaru.</p>",
        ),
        item(
            "Atasan saya berganti di tengah tahun. Apa yang terjadi dengan SKP saya?",
            "<p>SKP Anda disesuaikan dengan atasan yang baru. Catatan dialog dan bukti kerja sebelumnya tetap "
            "berlaku, jadi simpan dengan baik dan bawa ke dialog pertama dengan atasan baru.</p>",
        ),
        {"type": "heading", "value": {"text": "Pengembangan kompetensi dan Kompeten", "size": "h2"}},
        item(
            "Apa itu hak 20 JP, dan bagaimana mencatatnya?",
            "<p>Setiap PNS berhak mengembangkan kompetensi paling sedikit 20 jam pelajaran (JP) setahun; satu "
            "JP sama dengan 45 menit. Kursus yang Anda selesaikan di Kompeten tercatat otomatis dan tampil di "
            '<a href="/dasbor/">dasbor</a>, lengkap dengan sertifikatnya.</p>',
        ),
        item(
            "Apakah konfirmasi \u201cwajib dibaca\u201d benar-benar dicatat?",
            "<p>Ya. Saat Anda menekan <i>Saya sudah membaca dan memahami</i>, waktunya tercatat. BKPSDM memakai "
            "rekap konfirmasi per unit untuk mengetahui bagian mana yang perlu sosialisasi tambahan, bukan "
            "untuk menilai Anda.</p>",
        ),
    ],
}

STORIES = [
    {
        "slug": "cerita-dewi-target-yang-jelas",
        "title": "\u201cTarget saya akhirnya jelas\u201d",
        "person_name": "Dewi Kartika",
        "person_role": "Pranata Komputer Ahli Muda, Diskominfo",
        "quote": (
            "Dulu saya baru tahu penilaian saya di akhir tahun. Sekarang tiap bulan saya dan atasan melihat "
            "progres bersama, jadi saya tahu mana yang harus didahulukan."
        ),
        "body": [
            paragraph(
                "<p>Dewi mengelola layanan aplikasi persuratan elektronik. Tahun lalu ia merasa sibuk sepanjang "
                "tahun, tetapi tidak yakin apakah yang dikerjakannya yang paling penting bagi bidangnya.</p>"
                "<p>Dengan SKP baru, ia dan Kepala Bidang menyepakati tiga hasil kerja dengan indikator yang "
                "jelas, salah satunya waktu penyelesaian tiket gangguan. Dialog bulanan membuat masalah cepat "
                "terlihat: ketika tiket menumpuk karena server lama, atasannya membantu mengajukan "
                "penggantiannya.</p>"
            ),
            heading("Sarannya untuk rekan-rekan"),
            paragraph(
                "<p>\u201cCatat bukti kerja sedikit demi sedikit. Lima menit tiap Jumat sudah cukup, dan dialog "
                "jadi terasa seperti diskusi, bukan sidang.\u201d</p>"
            ),
        ],
    },
    {
        "slug": "cerita-rahmat-dari-umpan-balik-ke-pelatihan",
        "title": "Dari umpan balik warga ke pelatihan yang tepat",
        "person_name": "Rahmat Hidayat",
        "person_role": "Penata Layanan Operasional, Kecamatan Gerunggang",
        "quote": (
            "Survei kepuasan warga menunjukkan penjelasan saya sering membingungkan. Itu tidak enak didengar, "
            "tetapi kursus pelayanan publik di Kompeten benar-benar membantu."
        ),
        "body": [
            paragraph(
                "<p>Rahmat melayani administrasi kependudukan di kantor kecamatan. Penilaian perilakunya untuk "
                "nilai <i>Berorientasi Pelayanan</i> berada di bawah ekspektasi, berdasarkan survei kepuasan "
                "warga.</p>"
                "<p>Alih-alih teguran, hasil itu muncul di Kompeten sebagai kesenjangan kompetensi Pelayanan "
                "Publik, lengkap dengan kursus yang cocok. Ia menyelesaikannya dalam tiga minggu, dan JP-nya "
                "ikut bertambah. Di periode berikutnya, keluhan tentang informasi persyaratan jauh "
                "berkurang.</p>"
            ),
        ],
    },
]

GUIDE = {
    "slug": "panduan-ringkas-dialog-kinerja",
    "title": "Panduan ringkas dialog kinerja",
    "intro": (
        "Dua halaman untuk dicetak atau disimpan di ponsel: langkah menyiapkan dialog kinerja, pertanyaan yang "
        "dapat diajukan, dan daftar periksa setelah dialog."
    ),
    "document_title": "Panduan ringkas dialog kinerja",
    "filename": "panduan-ringkas-dialog-kinerja.pdf",
    "sections": [
        (
            "Sebelum dialog",
            [
                "Baca kembali SKP Anda: hasil kerja, indikator, target dan ekspektasi perilaku.",
                "Kumpulkan bukti kerja sejak dialog terakhir (laporan, tiket, dokumen, umpan balik warga).",
                "Tulis satu kendala utama dan bantuan yang Anda perlukan.",
                "Pilih satu keterampilan yang ingin Anda kembangkan.",
            ],
        ),
        (
            "Saat dialog",
            [
                "Mulai dari kemajuan: apa yang tercapai dan apa buktinya.",
                "Bicarakan kendala secara terbuka; fokus pada solusi.",
                "Tanyakan: apa yang paling penting untuk bulan depan?",
                "Minta umpan balik tentang perilaku kerja (BerAKHLAK) dengan contoh konkret.",
            ],
        ),
        (
            "Setelah dialog",
            [
                "Pastikan kesepakatan dicatat: penyesuaian target, dukungan, pelatihan.",
                "Daftar ke kursus yang disepakati di Kompeten; JP Anda tercatat otomatis.",
                "Jadwalkan dialog berikutnya.",
            ],
        ),
    ],
    "body": [
        paragraph(
            "<p>Panduan ini melengkapi artikel <i>Dialog kinerja bersama atasan</i>. Bagikan juga kepada rekan "
            "yang belum sempat mengikuti sosialisasi.</p>"
        ),
    ],
}

HUB_BODY = [
    {
        "type": "callout",
        "value": {
            "kind": "info",
            "title": "Punya pertanyaan lain?",
            "text": (
                "<p>Hubungi Bidang Pengembangan Kompetensi Aparatur BKPSDM Kota Pangkalpinang pada jam kerja, "
                "atau sampaikan melalui atasan Anda saat dialog kinerja.</p>"
            ),
        },
    }
]
