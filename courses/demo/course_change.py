"""Demo course: Memahami Perubahan Sistem Manajemen Kinerja."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

PERUBAHAN = {
    "slug": "perubahan-sistem-manajemen-kinerja",
    "title": "Memahami Perubahan Sistem Manajemen Kinerja",
    "category": CoursePage.Category.PERUBAHAN,
    "level": CoursePage.Level.MENENGAH,
    "jp": 5,
    "pass_mark": 70,
    "deadline_days": 30,
    "summary": (
        "Mengapa SKP berubah dan apa artinya bagi Anda: pengelolaan kinerja menurut Peraturan Menteri PANRB "
        "Nomor 6 Tahun 2022, ekspektasi dan dialog kinerja dengan atasan, perilaku kerja BerAKHLAK, dan "
        "predikat kinerja."
    ),
    "body": [
        heading("Tentang kursus ini"),
        paragraph(
            "<p>Kursus ini bagian dari sosialisasi perubahan sistem manajemen kinerja di lingkungan Pemerintah "
            "Kota Pangkalpinang. Selesaikan dalam 30 hari sejak mendaftar.</p>"
        ),
    ],
    "lessons": [
        {
            "slug": "mengapa-skp-berubah",
            "title": "Mengapa SKP Berubah?",
            "intro": "Dari formulir tahunan menjadi percakapan tentang kinerja sepanjang tahun.",
            "minutes": 20,
            "body": [
                heading("Dari formulir tahunan ke percakapan sepanjang tahun"),
                paragraph(
                    "<p>Selama bertahun-tahun SKP sering diperlakukan sebagai formulir: disusun di awal tahun, "
                    "diisi di akhir tahun, dan hampir semua pegawai memperoleh nilai “baik”. Nilai yang seragam "
                    "tidak membedakan pegawai yang berkinerja tinggi dari yang perlu dibantu, dan tidak "
                    "terhubung dengan kinerja organisasi.</p>"
                    "<p><b>Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai "
                    "Aparatur Sipil Negara</b> mengubah cara pandang itu: kinerja dikelola terus-menerus melalui "
                    "perencanaan, pelaksanaan, pemantauan, pembinaan, penilaian dan tindak lanjut.</p>"
                ),
                heading("Apa yang berubah"),
                paragraph(
                    "<ul><li><b>Kinerja pegawai selaras dengan kinerja organisasi.</b> Hasil kerja pegawai "
                    "diturunkan dari sasaran atasan dan unit kerjanya.</li>"
                    "<li><b>Ekspektasi dan dialog kinerja.</b> Atasan menyampaikan ekspektasi sejak awal dan "
                    "memberi umpan balik berkelanjutan, tidak hanya di akhir tahun.</li>"
                    "<li><b>Dua dimensi penilaian.</b> Hasil kerja dan perilaku kerja masing-masing dinilai di "
                    "atas, sesuai, atau di bawah ekspektasi.</li>"
                    "<li><b>Perilaku kerja berbasis BerAKHLAK.</b> Perilaku dinilai berdasarkan nilai dasar "
                    "ASN.</li>"
                    "<li><b>Predikat kinerja.</b> Kombinasi kedua rating menghasilkan predikat: Sangat Baik, "
                    "Baik, Butuh Perbaikan, Kurang, atau Sangat Kurang.</li></ul>"
                ),
                callout(
                    "info",
                    "Apa artinya bagi Anda?",
                    "<p>Mintalah kejelasan ekspektasi di awal periode, catat bukti kerja sepanjang tahun, dan "
                    "manfaatkan umpan balik atasan untuk merencanakan pengembangan kompetensi Anda, misalnya "
                    "melalui kursus di Kompeten.</p>",
                ),
            ],
        },
        {
            "slug": "berakhlak-dalam-perilaku-kerja",
            "title": "Nilai Dasar BerAKHLAK dalam Perilaku Kerja",
            "intro": "Tujuh nilai dasar ASN, dan bagaimana nilai itu menjadi perilaku yang dapat diamati.",
            "minutes": 20,
            "body": [
                heading("BerAKHLAK"),
                paragraph(
                    "<p><b>BerAKHLAK</b> adalah nilai dasar ASN yang menjadi acuan perilaku kerja:</p>"
                    "<ul><li><b>Berorientasi Pelayanan</b>: memahami dan memenuhi kebutuhan masyarakat.</li>"
                    "<li><b>Akuntabel</b>: jujur, bertanggung jawab, cermat, disiplin dan berintegritas.</li>"
                    "<li><b>Kompeten</b>: terus belajar dan mengembangkan kapabilitas.</li>"
                    "<li><b>Harmonis</b>: saling peduli dan menghargai perbedaan.</li>"
                    "<li><b>Loyal</b>: berdedikasi dan mengutamakan kepentingan bangsa dan negara.</li>"
                    "<li><b>Adaptif</b>: terus berinovasi dan antusias menggerakkan serta menghadapi "
                    "perubahan.</li>"
                    "<li><b>Kolaboratif</b>: membangun kerja sama yang sinergis.</li></ul>"
                ),
                heading("Dari nilai ke perilaku yang dapat diamati"),
                paragraph(
                    "<p>Perilaku kerja tidak dinilai dari kesan umum, tetapi dari contoh perilaku yang dapat "
                    "diamati. Atasan dapat menetapkan <b>ekspektasi khusus</b> untuk setiap nilai, misalnya untuk "
                    "nilai Kolaboratif: <i>membagikan data rekap kepada bidang lain tanpa menunggu "
                    "diminta</i>.</p>"
                ),
                callout(
                    "tip",
                    "Kumpulkan contoh",
                    "<p>Catat contoh konkret perilaku Anda, yang baik maupun yang perlu diperbaiki, agar dialog "
                    "kinerja dengan atasan berbasis fakta.</p>",
                ),
                single(
                    "Nilai BerAKHLAK mana yang paling terkait dengan kesediaan terus belajar dan mengembangkan "
                    "kapabilitas?",
                    [("Kompeten", True), ("Loyal", False), ("Harmonis", False)],
                    "Tepat.",
                    "Belum tepat. Terus belajar dan mengembangkan kapabilitas adalah nilai Kompeten.",
                ),
                multiple(
                    "Mana saja yang termasuk nilai dasar BerAKHLAK?",
                    [("Adaptif", True), ("Kolaboratif", True), ("Kompetitif", False), ("Harmonis", True)],
                    "Tepat.",
                    "Belum tepat. Nilainya: Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif "
                    "dan Kolaboratif.",
                ),
                true_false(
                    "Dalam penilaian perilaku kerja, atasan dapat menetapkan ekspektasi khusus untuk nilai BerAKHLAK.",
                    True,
                    "Benar.",
                    "Atasan dapat menetapkan ekspektasi khusus agar perilaku yang diharapkan jelas.",
                ),
            ],
        },
        {
            "slug": "dialog-kinerja-dan-predikat",
            "title": "Dialog Kinerja dan Predikat",
            "intro": "Siklus pengelolaan kinerja, dari ekspektasi di awal periode sampai predikat dan tindak lanjut.",
            "minutes": 25,
            "body": [
                heading("Siklus pengelolaan kinerja"),
                paragraph(
                    "<ol><li><b>Perencanaan</b>: SKP disusun bersama atasan, dengan hasil kerja yang diturunkan "
                    "dari sasaran unit kerja dan ekspektasi yang jelas.</li>"
                    "<li><b>Pelaksanaan, pemantauan dan pembinaan</b>: dialog kinerja berkala, umpan balik "
                    "berkelanjutan, dan bimbingan bila ada kendala.</li>"
                    "<li><b>Penilaian</b>: atasan menilai hasil kerja dan perilaku kerja terhadap "
                    "ekspektasi.</li>"
                    "<li><b>Tindak lanjut</b>: hasil penilaian dipakai untuk pengembangan kompetensi, penghargaan, "
                    "atau perbaikan kinerja.</li></ol>"
                ),
                heading("Dari rating ke predikat"),
                paragraph(
                    "<p>Rating hasil kerja dan rating perilaku kerja masing-masing berada di salah satu dari tiga "
                    "tingkat: <b>di atas ekspektasi</b>, <b>sesuai ekspektasi</b>, atau <b>di bawah "
                    "ekspektasi</b>. Kombinasi keduanya menentukan predikat kinerja. Misalnya, hasil kerja dan "
                    "perilaku kerja yang sama-sama sesuai ekspektasi menghasilkan predikat <b>Baik</b>, "
                    "sedangkan keduanya di atas ekspektasi menghasilkan <b>Sangat Baik</b>.</p>"
                ),
                heading("Dialog kinerja yang bermakna"),
                paragraph(
                    "<ul><li>Datang dengan catatan: capaian, bukti dukung dan kendala.</li>"
                    "<li>Tanyakan apa yang diharapkan atasan dan bagaimana mengukurnya.</li>"
                    "<li>Sepakati satu atau dua hal yang akan diperbaiki beserta dukungan yang dibutuhkan, "
                    "misalnya pelatihan.</li></ul>"
                ),
                callout(
                    "info",
                    "Kesenjangan kompetensi dan Kompeten",
                    "<p>Bila hasil penilaian menunjukkan area di bawah ekspektasi, BKPSDM dapat menugaskan kursus "
                    "yang sesuai. JP dari kursus tersebut tercatat otomatis sebagai bagian dari hak "
                    "pengembangan kompetensi Anda.</p>",
                ),
                single(
                    "Peraturan yang menjadi dasar pengelolaan kinerja pegawai ASN yang baru adalah...",
                    [
                        ("Peraturan Menteri PANRB Nomor 6 Tahun 2022", True),
                        ("Undang-Undang Nomor 25 Tahun 2009", False),
                        ("Peraturan Presiden Nomor 95 Tahun 2018", False),
                    ],
                    "Tepat.",
                    "Belum tepat. Dasarnya adalah Peraturan Menteri PANRB Nomor 6 Tahun 2022.",
                ),
                single(
                    "Hasil kerja dan perilaku kerja seorang pegawai sama-sama sesuai ekspektasi. Predikat "
                    "kinerjanya adalah...",
                    [("Sangat Baik", False), ("Baik", True), ("Butuh Perbaikan", False)],
                    "Tepat.",
                    "Belum tepat. Keduanya sesuai ekspektasi menghasilkan predikat Baik.",
                ),
                true_false(
                    "Dalam sistem yang baru, umpan balik dari atasan cukup diberikan sekali di akhir tahun.",
                    False,
                    "Benar, pernyataan itu salah: umpan balik diberikan berkelanjutan.",
                    "Umpan balik diberikan berkelanjutan melalui dialog kinerja, tidak hanya di akhir tahun.",
                ),
                multiple(
                    "Apa saja yang sebaiknya Anda bawa ke dialog kinerja?",
                    [
                        ("Catatan capaian dan bukti dukung", True),
                        ("Kendala yang dihadapi", True),
                        ("Usulan pengembangan kompetensi", True),
                        ("Keluhan tentang rekan kerja tanpa data", False),
                    ],
                    "Tepat.",
                    "Belum tepat. Dialog kinerja berbasis fakta: capaian, bukti, kendala dan rencana pengembangan.",
                ),
            ],
        },
    ],
}
