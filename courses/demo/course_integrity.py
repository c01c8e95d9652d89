"""Demo course: Integritas dan Antikorupsi."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

INTEGRITAS = {
    "slug": "integritas-dan-antikorupsi",
    "title": "Integritas dan Antikorupsi",
    "category": CoursePage.Category.SOSIAL_KULTURAL,
    "level": CoursePage.Level.DASAR,
    "jp": 2,
    "pass_mark": 80,
    "summary": (
        "Mengenali konflik kepentingan, gratifikasi, suap dan pemerasan dalam tugas sehari-hari, mengetahui "
        "cara melaporkan gratifikasi, dan membangun budaya kerja yang berintegritas."
    ),
    "body": [
        heading("Mengapa kursus ini penting?"),
        paragraph(
            "<p>Korupsi jarang dimulai dari jumlah besar. Ia sering dimulai dari “tanda terima kasih” kecil "
            "yang dianggap wajar. Kursus singkat ini membantu Anda mengenali dan menolaknya sejak awal.</p>"
        ),
    ],
    "lessons": [
        {
            "slug": "integritas-dan-konflik-kepentingan",
            "title": "Nilai Integritas dan Konflik Kepentingan",
            "intro": "Satunya kata dan perbuatan, dan apa yang dilakukan bila kepentingan pribadi ikut bermain.",
            "minutes": 20,
            "body": [
                heading("Integritas dalam pekerjaan sehari-hari"),
                paragraph(
                    "<p>Integritas berarti satunya kata dan perbuatan: jujur, taat aturan, dan tetap melakukan "
                    "hal yang benar walau tidak ada yang mengawasi. Nilai <b>Akuntabel</b> dalam BerAKHLAK "
                    "menuntut ASN melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
                    "berintegritas tinggi, serta tidak menyalahgunakan kewenangan jabatan.</p>"
                ),
                heading("Konflik kepentingan"),
                paragraph(
                    "<p><b>Konflik kepentingan</b> terjadi ketika kepentingan pribadi (keluarga, teman, bisnis "
                    "atau keuntungan lain) dapat memengaruhi keputusan dalam jabatan. Contohnya:</p>"
                    "<ul><li>menilai penawaran dari perusahaan milik kerabat;</li>"
                    "<li>memproses permohonan izin tetangga atau sahabat dekat;</li>"
                    "<li>menerima pekerjaan sampingan dari pihak yang sedang Anda layani.</li></ul>"
                    "<p>Konflik kepentingan tidak selalu berarti pelanggaran, tetapi <b>wajib dinyatakan</b>. "
                    "Sampaikan kepada atasan dan mundurlah dari pengambilan keputusan tersebut.</p>"
                ),
                callout(
                    "tip",
                    "Uji sederhana",
                    "<p>Tanyakan pada diri sendiri: <i>apakah saya nyaman bila keputusan ini diberitakan di media "
                    "besok pagi?</i> Bila ragu, konsultasikan dengan atasan atau Inspektorat.</p>",
                ),
            ],
        },
        {
            "slug": "gratifikasi-dan-cara-melaporkannya",
            "title": "Gratifikasi dan Cara Melaporkannya",
            "intro": "Membedakan gratifikasi, suap dan pemerasan, dan melaporkan gratifikasi tepat waktu.",
            "minutes": 25,
            "body": [
                heading("Apa itu gratifikasi?"),
                paragraph(
                    "<p>Gratifikasi adalah pemberian dalam arti luas: uang, barang, rabat (diskon), komisi, "
                    "pinjaman tanpa bunga, tiket perjalanan, fasilitas penginapan, perjalanan wisata, pengobatan "
                    "cuma-cuma, dan fasilitas lainnya. Menurut Pasal 12B Undang-Undang Nomor 31 Tahun 1999 "
                    "<i>juncto</i> Undang-Undang Nomor 20 Tahun 2001 tentang Pemberantasan Tindak Pidana "
                    "Korupsi, gratifikasi kepada pegawai negeri dianggap suap bila <b>berhubungan dengan "
                    "jabatannya</b> dan berlawanan dengan kewajiban atau tugasnya.</p>"
                ),
                heading("Gratifikasi, suap dan pemerasan"),
                paragraph(
                    "<ul><li><b>Suap</b>: ada kesepakatan memberi sesuatu agar pejabat berbuat atau tidak berbuat "
                    "sesuatu dalam jabatannya.</li>"
                    "<li><b>Gratifikasi</b>: pemberian karena jabatan, sering tanpa permintaan langsung, misalnya "
                    "“tanda terima kasih” setelah izin terbit.</li>"
                    "<li><b>Pemerasan</b>: pegawai yang meminta atau memaksa pemberian dari pihak yang "
                    "dilayani, misalnya pungutan liar.</li></ul>"
                ),
                heading("Wajib lapor dalam 30 hari kerja"),
                paragraph(
                    "<p>Gratifikasi yang tidak dapat ditolak wajib dilaporkan kepada <b>Komisi Pemberantasan "
                    "Korupsi (KPK)</b> paling lambat <b>30 hari kerja</b> sejak diterima, langsung atau melalui "
                    "Unit Pengendalian Gratifikasi (UPG) instansi. Bila dilaporkan tepat waktu, penerima bebas "
                    "dari ancaman pidana suap. KPK kemudian menetapkan apakah pemberian itu menjadi milik negara "
                    "atau milik penerima.</p>"
                ),
                callout(
                    "warning",
                    "Tolak sejak awal",
                    "<p>Cara paling aman adalah menolak dengan sopan saat pemberian ditawarkan. Jelaskan bahwa "
                    "layanan yang Anda berikan sudah menjadi tugas dan tidak memerlukan imbalan.</p>",
                ),
                single(
                    "Setelah izinnya terbit, seorang pengusaha mengirim parsel mahal ke rumah Anda sebagai “tanda "
                    "terima kasih”. Pemberian ini termasuk...",
                    [
                        ("Hadiah pribadi yang bebas diterima", False),
                        ("Gratifikasi yang berhubungan dengan jabatan", True),
                        ("Pemerasan", False),
                    ],
                    "Tepat. Pemberian itu terkait jabatan Anda: tolak, atau laporkan bila tidak dapat ditolak.",
                    "Belum tepat. Pemberian itu datang karena jabatan Anda, sehingga termasuk gratifikasi.",
                ),
                single(
                    "Batas waktu melaporkan gratifikasi kepada KPK adalah...",
                    [
                        ("7 hari kalender sejak diterima", False),
                        ("30 hari kerja sejak diterima", True),
                        ("Akhir tahun anggaran", False),
                    ],
                    "Tepat.",
                    "Belum tepat. Gratifikasi dilaporkan paling lambat 30 hari kerja sejak diterima.",
                ),
                true_false(
                    "Gratifikasi yang dilaporkan kepada KPK tepat waktu membebaskan penerima dari ancaman pidana suap.",
                    True,
                    "Benar.",
                    "Pelaporan tepat waktu justru membebaskan penerima dari ancaman pidana suap.",
                ),
                multiple(
                    "Mana saja yang termasuk konflik kepentingan yang wajib dinyatakan?",
                    [
                        ("Menilai penawaran dari perusahaan milik adik Anda", True),
                        ("Memproses izin milik sahabat dekat", True),
                        ("Mengikuti pelatihan wajib dari BKPSDM", False),
                        ("Menerima pekerjaan sampingan dari pihak yang sedang Anda layani", True),
                    ],
                    "Tepat.",
                    "Belum tepat. Mengikuti pelatihan wajib bukan konflik kepentingan; tiga lainnya wajib dinyatakan.",
                ),
                true_false(
                    "Pegawai yang memaksa warga membayar uang di luar ketentuan agar berkasnya diproses melakukan "
                    "pemerasan.",
                    True,
                    "Benar. Pungutan liar termasuk pemerasan.",
                    "Memaksa warga membayar di luar ketentuan adalah pemerasan (pungutan liar).",
                ),
            ],
        },
    ],
}
