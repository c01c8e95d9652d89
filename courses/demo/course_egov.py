"""Demo course: Memanfaatkan Aplikasi e-Government Kota Pangkalpinang."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

EGOV = {
    "slug": "aplikasi-e-government-pangkalpinang",
    "title": "Memanfaatkan Aplikasi e-Government Kota Pangkalpinang",
    "category": CoursePage.Category.ICT,
    "level": CoursePage.Level.MENENGAH,
    "jp": 6,
    "pass_mark": 70,
    "summary": (
        "Mengenal aplikasi yang dipakai sehari-hari di lingkungan Pemerintah Kota Pangkalpinang: SRIKANDI "
        "untuk naskah dinas dan arsip dinamis, e-Kinerja untuk SKP daring, SIPD untuk perencanaan dan "
        "keuangan daerah, serta layanan perizinan daring."
    ),
    "body": [
        heading("Cakupan kursus"),
        paragraph(
            "<p>Kursus ini menjelaskan alur kerja dan kebiasaan yang baik di setiap aplikasi, bukan tombol demi "
            "tombol. Tampilan aplikasi dapat berubah, tetapi alurnya tetap.</p>"
        ),
        callout(
            "info",
            "Akun dan alamat aplikasi",
            "<p>Akun, hak akses dan alamat resmi setiap aplikasi diberikan oleh admin aplikasi di perangkat "
            "daerah Anda atau oleh Diskominfo. Jangan masuk melalui tautan yang dikirim lewat pesan "
            "berantai.</p>",
        ),
    ],
    "lessons": [
        {
            "slug": "spbe-dan-peta-aplikasi",
            "title": "SPBE dan Peta Aplikasi Kota",
            "intro": "Mengapa pemerintah daerah memakai aplikasi bersama, dan aplikasi mana dipakai untuk apa.",
            "minutes": 15,
            "body": [
                heading("Sistem Pemerintahan Berbasis Elektronik"),
                paragraph(
                    "<p>Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik "
                    "(SPBE) mendorong instansi memakai <b>aplikasi umum</b> yang sama, bukan membangun aplikasi "
                    "sendiri-sendiri untuk urusan yang sama. Hasilnya: data tidak tercecer, proses lebih cepat, "
                    "dan kinerja dapat dipantau.</p>"
                ),
                heading("Aplikasi yang akan Anda temui"),
                paragraph(
                    "<ul><li><b>SRIKANDI</b> (Sistem Informasi Kearsipan Dinamis Terintegrasi): membuat, "
                    "mengirim, mendisposisikan dan memberkaskan naskah dinas secara elektronik.</li>"
                    "<li><b>e-Kinerja</b>: menyusun SKP, mencatat realisasi dan bukti dukung, serta menilai "
                    "kinerja secara daring.</li>"
                    "<li><b>SIPD</b> (Sistem Informasi Pemerintahan Daerah): perencanaan pembangunan, "
                    "penganggaran dan penatausahaan keuangan daerah.</li>"
                    "<li><b>Layanan perizinan daring</b>: permohonan izin masyarakat dan pelaku usaha yang "
                    "dilayani DPMPTSP, termasuk perizinan berusaha melalui sistem OSS berbasis risiko.</li></ul>"
                ),
                callout(
                    "tip",
                    "Satu akun, satu orang",
                    "<p>Jangan meminjamkan akun aplikasi kepada rekan atau tenaga pendukung. Setiap tindakan "
                    "di aplikasi tercatat atas nama pemilik akun, termasuk persetujuan dan tanda tangan "
                    "elektronik.</p>",
                ),
            ],
        },
        {
            "slug": "naskah-dinas-dan-arsip-di-srikandi",
            "title": "Naskah Dinas dan Arsip di SRIKANDI",
            "intro": "Alur naskah masuk, disposisi, naskah keluar, dan pemberkasan arsip dinamis secara elektronik.",
            "minutes": 25,
            "body": [
                heading("Naskah masuk dan disposisi"),
                paragraph(
                    "<p>Naskah masuk diregistrasi oleh unit kearsipan atau sekretariat, lalu diteruskan kepada "
                    "pimpinan. Pimpinan memberi <b>disposisi</b> elektronik berisi arahan dan penerima tindak "
                    "lanjut. Penerima disposisi dapat melihat riwayatnya dan melaporkan tindak lanjut di "
                    "aplikasi, sehingga tidak ada surat yang terselip di meja.</p>"
                ),
                heading("Naskah keluar"),
                paragraph(
                    "<p>Konsep naskah disusun oleh pembuat, diperiksa berjenjang oleh atasan (verifikasi), lalu "
                    "ditandatangani secara elektronik oleh pejabat yang berwenang. Nomor dan tanggal naskah "
                    "diberikan oleh sistem, sehingga penomoran tidak ganda.</p>"
                    "<ul><li>Gunakan templat naskah dinas yang tersedia.</li>"
                    "<li>Periksa kembali penerima, tembusan dan lampiran sebelum mengajukan verifikasi.</li>"
                    "<li>Tanggapi catatan koreksi dari verifikator melalui aplikasi, bukan lewat pesan "
                    "pribadi.</li></ul>"
                ),
                heading("Pemberkasan arsip dinamis"),
                paragraph(
                    "<p>Naskah yang sudah selesai diproses dimasukkan ke <b>berkas</b> sesuai klasifikasi arsip. "
                    "Pemberkasan yang tertib memudahkan penemuan kembali dan menentukan kapan arsip dapat "
                    "dipindahkan atau dimusnahkan sesuai jadwal retensi arsip.</p>"
                ),
                callout(
                    "info",
                    "Tanda tangan elektronik",
                    "<p>Tanda tangan elektronik tersertifikasi memiliki kekuatan hukum yang sah. Jaga kerahasiaan "
                    "<i>passphrase</i> tanda tangan Anda seperti menjaga kata sandi.</p>",
                ),
                single(
                    "Apa kepanjangan SRIKANDI?",
                    [
                        ("Sistem Informasi Kearsipan Dinamis Terintegrasi", True),
                        ("Sistem Rekapitulasi Kinerja dan Disiplin", False),
                        ("Sistem Registrasi Kependudukan Digital", False),
                    ],
                    "Tepat. SRIKANDI adalah aplikasi umum bidang kearsipan dinamis.",
                    "Belum tepat. SRIKANDI adalah Sistem Informasi Kearsipan Dinamis Terintegrasi.",
                ),
                single(
                    "Pimpinan membaca naskah masuk, lalu menentukan siapa yang menindaklanjuti dan apa arahannya. "
                    "Langkah ini disebut...",
                    [("Verifikasi", False), ("Disposisi", True), ("Retensi", False)],
                    "Tepat. Disposisi berisi arahan dan penerima tindak lanjut.",
                    "Belum tepat. Arahan pimpinan atas naskah masuk disebut disposisi.",
                ),
                true_false(
                    "Nomor naskah keluar di SRIKANDI sebaiknya diketik manual oleh pembuat konsep agar sesuai "
                    "buku agenda lama.",
                    False,
                    "Benar, pernyataan itu salah: nomor diberikan oleh sistem agar tidak ganda.",
                    "Nomor dan tanggal naskah diberikan oleh sistem; penomoran manual berisiko ganda.",
                ),
                true_false(
                    "Pemberkasan arsip sesuai klasifikasi memudahkan penemuan kembali dan penerapan jadwal "
                    "retensi arsip.",
                    True,
                    "Benar.",
                    "Pemberkasan sesuai klasifikasi justru yang membuat arsip mudah ditemukan dan dikelola.",
                ),
            ],
        },
        {
            "slug": "e-kinerja-sipd-dan-perizinan-daring",
            "title": "e-Kinerja, SIPD dan Layanan Perizinan Daring",
            "intro": (
                "Bekerja dengan SKP daring, memahami peran SIPD, dan membantu warga memakai layanan perizinan daring."
            ),
            "minutes": 25,
            "body": [
                heading("e-Kinerja: SKP yang hidup sepanjang tahun"),
                paragraph(
                    "<p>Di e-Kinerja, pegawai menyusun SKP bersama atasan pada awal periode, lalu mencatat "
                    "realisasi dan mengunggah <b>bukti dukung</b> secara berkala. Atasan memberi umpan balik dan "
                    "penilaian langsung di aplikasi.</p>"
                    "<ul><li>Catat realisasi segera setelah kegiatan selesai, jangan ditumpuk di akhir "
                    "tahun.</li>"
                    "<li>Bukti dukung harus relevan: laporan, daftar hadir, tangkapan layar hasil kerja, atau "
                    "naskah dinas.</li>"
                    "<li>Baca ekspektasi dan umpan balik atasan setiap periode penilaian.</li></ul>"
                ),
                heading("SIPD: dari rencana sampai belanja"),
                paragraph(
                    "<p>SIPD menghubungkan perencanaan pembangunan daerah, penyusunan anggaran dan penatausahaan "
                    "keuangan dalam satu sistem yang dikelola Kementerian Dalam Negeri. Pegawai perencanaan dan "
                    "pengelola keuangan di setiap perangkat daerah memakainya sesuai peran dan hak aksesnya. "
                    "Karena data yang dimasukkan menjadi dasar anggaran, ketelitian dan kesesuaian dengan "
                    "dokumen perencanaan sangat penting.</p>"
                ),
                heading("Layanan perizinan daring"),
                paragraph(
                    "<p>Masyarakat dan pelaku usaha dapat mengajukan izin secara daring. Perizinan berusaha "
                    "diproses melalui sistem <b>OSS berbasis risiko</b>, sedangkan DPMPTSP Kota Pangkalpinang "
                    "membantu verifikasi dan pendampingan. Bila warga bertanya kepada Anda, arahkan ke kanal "
                    "resmi DPMPTSP dan jangan menerima berkas atau pembayaran di luar sistem.</p>"
                ),
                callout(
                    "warning",
                    "Tidak ada biaya di luar ketentuan",
                    "<p>Biaya layanan perizinan hanya yang ditetapkan oleh peraturan, dan dibayarkan melalui "
                    "kanal resmi.</p>",
                ),
                single(
                    "Kapan sebaiknya realisasi dan bukti dukung SKP dicatat di e-Kinerja?",
                    [
                        ("Sekaligus di akhir tahun", False),
                        ("Secara berkala, segera setelah kegiatan selesai", True),
                        ("Hanya bila diminta BKPSDM", False),
                    ],
                    "Tepat. Catatan berkala membuat dialog kinerja dengan atasan berbasis bukti.",
                    "Belum tepat. Catat realisasi secara berkala agar bukti tidak hilang dan atasan dapat memberi "
                    "umpan balik tepat waktu.",
                ),
                multiple(
                    "Mana saja yang dapat dijadikan bukti dukung realisasi kinerja?",
                    [
                        ("Laporan kegiatan", True),
                        ("Daftar hadir rapat yang Anda selenggarakan", True),
                        ("Foto pribadi saat liburan", False),
                        ("Naskah dinas yang Anda susun", True),
                    ],
                    "Tepat. Bukti dukung harus menunjukkan hasil kerja Anda.",
                    "Belum tepat. Bukti dukung adalah dokumen yang menunjukkan hasil kerja, bukan kegiatan pribadi.",
                ),
                single(
                    "SIPD terutama dipakai untuk...",
                    [
                        ("Perencanaan, penganggaran dan penatausahaan keuangan daerah", True),
                        ("Pencatatan kehadiran pegawai", False),
                        ("Pengiriman naskah dinas elektronik", False),
                    ],
                    "Tepat.",
                    "Belum tepat. Naskah dinas ada di SRIKANDI; SIPD untuk perencanaan dan keuangan daerah.",
                ),
                true_false(
                    "Seorang warga menitipkan berkas dan uang kepada Anda agar izinnya diurus lebih cepat. "
                    "Menerimanya dapat dibenarkan bila niatnya membantu.",
                    False,
                    "Benar, pernyataan itu salah: arahkan warga ke kanal resmi DPMPTSP.",
                    "Menerima berkas dan uang di luar sistem melanggar ketentuan, apa pun niatnya.",
                ),
            ],
        },
    ],
}
