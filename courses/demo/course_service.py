"""Demo course: Pelayanan Publik Prima."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

PELAYANAN = {
    "slug": "pelayanan-publik-prima",
    "title": "Pelayanan Publik Prima",
    "category": CoursePage.Category.MANAJERIAL,
    "level": CoursePage.Level.MENENGAH,
    "jp": 8,
    "pass_mark": 70,
    "summary": (
        "Standar pelayanan dan maklumat, sikap dan komunikasi yang melayani, serta pengelolaan pengaduan, "
        "untuk petugas dan koordinator layanan di perangkat daerah, kecamatan dan kelurahan."
    ),
    "body": [
        heading("Untuk siapa kursus ini?"),
        paragraph(
            "<p>Untuk pegawai yang melayani warga secara langsung maupun daring, dan untuk koordinator yang "
            "menyusun standar pelayanan di unit kerjanya.</p>"
        ),
    ],
    "lessons": [
        {
            "slug": "standar-pelayanan-dan-maklumat",
            "title": "Standar Pelayanan dan Maklumat",
            "intro": "Janji yang jelas kepada warga: persyaratan, prosedur, waktu, biaya dan produk layanan.",
            "minutes": 20,
            "body": [
                heading("Dasar hukum"),
                paragraph(
                    "<p><b>Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik</b> mewajibkan setiap "
                    "penyelenggara menyusun, menetapkan dan menerapkan <b>standar pelayanan</b>, serta "
                    "mengumumkan <b>maklumat pelayanan</b>: pernyataan kesanggupan penyelenggara untuk melayani "
                    "sesuai standar.</p>"
                ),
                heading("Komponen standar pelayanan yang dilihat warga"),
                paragraph(
                    "<ul><li>persyaratan;</li><li>sistem, mekanisme dan prosedur;</li>"
                    "<li>jangka waktu penyelesaian;</li><li>biaya atau tarif, termasuk bila gratis;</li>"
                    "<li>produk pelayanan;</li><li>penanganan pengaduan, saran dan masukan.</li></ul>"
                ),
                callout(
                    "tip",
                    "Pasang di tempat yang terlihat",
                    "<p>Tampilkan standar pelayanan dan maklumat di ruang layanan dan di kanal daring. Warga "
                    "yang tahu persyaratan dan waktu penyelesaian lebih jarang bolak-balik.</p>",
                ),
                heading("Mengukur kepuasan"),
                paragraph(
                    "<p>Survei Kepuasan Masyarakat (SKM) dilakukan secara berkala. Hasilnya bukan sekadar "
                    "angka: tindak lanjuti unsur dengan nilai terendah dan umumkan perbaikannya kepada "
                    "masyarakat.</p>"
                ),
            ],
        },
        {
            "slug": "sikap-dan-komunikasi-melayani",
            "title": "Sikap dan Komunikasi Melayani",
            "intro": "Menyambut, mendengarkan dan menjelaskan dengan bahasa yang dipahami warga.",
            "minutes": 20,
            "body": [
                heading("Berorientasi pelayanan"),
                paragraph(
                    "<p>Nilai dasar <b>Berorientasi Pelayanan</b> dalam BerAKHLAK berarti memahami dan memenuhi "
                    "kebutuhan masyarakat; ramah, cekatan, solutif dan dapat diandalkan; serta melakukan "
                    "perbaikan tiada henti.</p>"
                ),
                heading("Menyambut dan mendengarkan"),
                paragraph(
                    "<ul><li>Sapa warga, perkenalkan diri dan tanyakan keperluannya.</li>"
                    "<li>Dengarkan sampai selesai sebelum menjawab; ulangi inti keperluannya untuk memastikan "
                    "Anda memahaminya.</li>"
                    "<li>Gunakan bahasa yang sederhana; hindari singkatan internal seperti nama bidang atau kode "
                    "layanan.</li>"
                    "<li>Bila persyaratan belum lengkap, sebutkan <b>semua</b> kekurangannya sekaligus secara "
                    "tertulis agar warga tidak bolak-balik.</li></ul>"
                ),
                heading("Melayani kelompok rentan"),
                paragraph(
                    "<p>Lansia, penyandang disabilitas, ibu hamil dan warga yang membawa anak kecil berhak atas "
                    "pelayanan dengan perlakuan khusus. Sediakan kursi prioritas, bantu pengisian formulir, dan "
                    "dahulukan antreannya sesuai ketentuan.</p>"
                ),
                single(
                    "Persyaratan yang dibawa warga belum lengkap. Apa yang sebaiknya Anda lakukan?",
                    [
                        ("Meminta warga kembali besok tanpa penjelasan", False),
                        (
                            "Menyebutkan dan menuliskan semua kekurangan sekaligus, lalu menjelaskan cara "
                            "melengkapinya",
                            True,
                        ),
                        ("Menerima saja agar antrean cepat selesai", False),
                    ],
                    "Tepat. Warga cukup datang sekali lagi dengan berkas lengkap.",
                    "Belum tepat. Sampaikan semua kekurangan sekaligus, secara tertulis, agar warga tidak bolak-balik.",
                ),
                multiple(
                    "Mana saja perilaku yang sesuai dengan nilai Berorientasi Pelayanan?",
                    [
                        ("Ramah dan cekatan", True),
                        ("Memberi solusi atas masalah warga", True),
                        ("Mendahulukan warga yang dikenal", False),
                        ("Memperbaiki layanan terus-menerus", True),
                    ],
                    "Tepat.",
                    "Belum tepat. Mendahulukan kenalan bertentangan dengan pelayanan yang adil.",
                ),
                true_false(
                    "Lansia dan penyandang disabilitas berhak mendapat perlakuan khusus dalam pelayanan publik.",
                    True,
                    "Benar.",
                    "Kelompok rentan berhak atas pelayanan dengan perlakuan khusus.",
                ),
                true_false(
                    "Singkatan dan istilah internal instansi sebaiknya dipakai saat menjelaskan prosedur kepada "
                    "warga agar terdengar profesional.",
                    False,
                    "Benar, pernyataan itu salah: gunakan bahasa yang dipahami warga.",
                    "Istilah internal membingungkan warga. Gunakan bahasa yang sederhana.",
                ),
            ],
        },
        {
            "slug": "mengelola-pengaduan",
            "title": "Mengelola Pengaduan",
            "intro": "Pengaduan adalah masukan gratis untuk memperbaiki layanan, bila ditangani dengan benar.",
            "minutes": 20,
            "body": [
                heading("Pengaduan adalah masukan"),
                paragraph(
                    "<p>Pengaduan menunjukkan bagian layanan yang belum berjalan sesuai standar. Unit yang "
                    "menanggapi pengaduan dengan cepat dan terbuka justru biasanya lebih dipercaya "
                    "masyarakat.</p>"
                ),
                heading("Kanal pengaduan"),
                paragraph(
                    "<p>Selain kotak saran dan loket pengaduan, pengaduan masyarakat dapat masuk melalui "
                    "<b>SP4N-LAPOR!</b>, sistem pengelolaan pengaduan pelayanan publik nasional. Setiap "
                    "perangkat daerah memiliki admin yang meneruskan dan menindaklanjuti laporan.</p>"
                ),
                heading("Langkah menangani pengaduan"),
                paragraph(
                    "<ol><li>Terima dan catat: siapa, apa, kapan, dan apa harapan pelapor.</li>"
                    "<li>Sampaikan perkiraan waktu tindak lanjut.</li>"
                    "<li>Teruskan ke unit yang berwenang dan pantau prosesnya.</li>"
                    "<li>Beri jawaban yang jelas kepada pelapor, termasuk bila pengaduan tidak dapat dipenuhi, "
                    "beserta alasannya.</li>"
                    "<li>Catat akar masalahnya dan usulkan perbaikan standar pelayanan.</li></ol>"
                ),
                callout(
                    "warning",
                    "Lindungi identitas pelapor",
                    "<p>Jangan menyampaikan identitas pelapor kepada pihak yang dilaporkan, dan jangan "
                    "membahasnya di media sosial.</p>",
                ),
                single(
                    "Sistem pengelolaan pengaduan pelayanan publik nasional yang dapat dipakai masyarakat adalah...",
                    [("SP4N-LAPOR!", True), ("SIPD", False), ("SRIKANDI", False)],
                    "Tepat.",
                    "Belum tepat. Pengaduan pelayanan publik nasional dikelola melalui SP4N-LAPOR!.",
                ),
                true_false(
                    "Identitas pelapor boleh disampaikan kepada pegawai yang dilaporkan agar ia dapat "
                    "menjelaskan langsung.",
                    False,
                    "Benar, pernyataan itu salah: identitas pelapor harus dilindungi.",
                    "Identitas pelapor harus dilindungi agar warga tidak takut melapor.",
                ),
                multiple(
                    "Mana saja yang termasuk langkah penanganan pengaduan yang baik?",
                    [
                        ("Mencatat isi pengaduan dan harapan pelapor", True),
                        ("Menyampaikan perkiraan waktu tindak lanjut", True),
                        ("Mengabaikan pengaduan yang identitas pelapornya tidak lengkap", False),
                        ("Memberi jawaban kepada pelapor", True),
                    ],
                    "Tepat.",
                    "Belum tepat. Setiap pengaduan dicatat dan dijawab, termasuk yang identitasnya tidak lengkap.",
                ),
            ],
        },
    ],
}
