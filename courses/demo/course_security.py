"""Demo course: Keamanan E-mail dan Digital."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

KEAMANAN = {
    "slug": "keamanan-email-dan-digital",
    "title": "Keamanan E-mail dan Digital",
    "category": CoursePage.Category.ICT,
    "level": CoursePage.Level.DASAR,
    "jp": 3,
    "pass_mark": 80,
    "max_quiz_attempts": 3,
    "prerequisites": ["produktivitas-perkantoran-digital"],
    "summary": (
        "Mengenali phishing, membuat kata sandi yang kuat, mengaktifkan verifikasi dua langkah (2FA), dan "
        "menangani data pribadi warga serta pegawai sesuai Undang-Undang Nomor 27 Tahun 2022 tentang "
        "Pelindungan Data Pribadi."
    ),
    "body": [
        heading("Yang akan Anda pelajari"),
        paragraph(
            "<ul><li>Mengenali e-mail dan pesan phishing, dan apa yang dilakukan bila terlanjur mengeklik.</li>"
            "<li>Membuat dan menyimpan kata sandi yang kuat, serta mengaktifkan verifikasi dua langkah.</li>"
            "<li>Memperlakukan data pribadi sesuai UU PDP dalam pekerjaan sehari-hari.</li></ul>"
        ),
        callout(
            "info",
            "Batas percobaan kuis",
            "<p>Setiap kuis di kursus ini dapat dicoba paling banyak tiga kali. Baca materinya dengan teliti "
            "sebelum mengirim jawaban.</p>",
        ),
    ],
    "lessons": [
        {
            "slug": "mengenali-phishing",
            "title": "Mengenali Phishing",
            "intro": (
                "E-mail dan pesan palsu adalah pintu masuk serangan yang paling umum ke instansi pemerintah. "
                "Kenali tandanya sebelum mengeklik."
            ),
            "minutes": 20,
            "body": [
                heading("Apa itu phishing?"),
                paragraph(
                    "<p><b>Phishing</b> adalah upaya menipu penerima agar menyerahkan kata sandi, kode OTP, data "
                    "pribadi atau uang, dengan menyamar sebagai pihak yang dipercaya: pimpinan, bank, penyedia "
                    "layanan, bahkan rekan kerja. Phishing datang melalui e-mail, WhatsApp, SMS, maupun "
                    "telepon.</p>"
                ),
                heading("Tanda-tanda yang perlu dicurigai"),
                paragraph(
                    "<ul><li>Alamat pengirim mirip tetapi tidak sama dengan alamat resmi, misalnya satu huruf "
                    "pada nama domainnya diganti.</li>"
                    "<li>Nada mendesak: akun akan diblokir hari ini, tagihan harus segera dibayar, atau "
                    "permintaan “tolong segera” yang mengatasnamakan pimpinan.</li>"
                    "<li>Tautan yang alamat sebenarnya berbeda dari teksnya. Arahkan kursor ke tautan tanpa "
                    "mengeklik untuk melihat alamat tujuannya.</li>"
                    "<li>Lampiran tak terduga, terutama berkas .zip, .exe, atau .apk yang mengaku sebagai "
                    "undangan, surat tilang atau tagihan, serta dokumen yang meminta Anda mengaktifkan "
                    "makro.</li>"
                    "<li>Permintaan kata sandi atau kode OTP. Instansi resmi tidak pernah meminta kode OTP "
                    "Anda.</li></ul>"
                ),
                heading("Bila terlanjur mengeklik"),
                paragraph(
                    "<ol><li>Putuskan koneksi internet perangkat bila Anda sempat mengunduh atau membuka "
                    "lampiran.</li>"
                    "<li>Segera ganti kata sandi akun yang dimasukkan ke halaman palsu, dari perangkat lain "
                    "yang aman.</li>"
                    "<li>Laporkan ke tim TIK Diskominfo, sertakan tangkapan layar atau teruskan pesan "
                    "aslinya.</li></ol>"
                ),
                callout(
                    "warning",
                    "Jangan malu melapor",
                    "<p>Makin cepat dilaporkan, makin kecil kerugiannya. Laporan Anda juga membantu tim TIK "
                    "memperingatkan pegawai lain yang menerima pesan serupa.</p>",
                ),
            ],
        },
        {
            "slug": "kata-sandi-dan-verifikasi-dua-langkah",
            "title": "Kata Sandi Kuat dan Verifikasi Dua Langkah",
            "intro": "Satu kata sandi yang bocor tidak boleh membuka semua akun Anda.",
            "minutes": 20,
            "body": [
                heading("Ciri kata sandi yang kuat"),
                paragraph(
                    "<ul><li><b>Panjang</b>, paling sedikit 12 karakter. Frasa sandi yang terdiri atas beberapa "
                    "kata acak lebih mudah diingat dan lebih sulit ditebak daripada <i>P@ssw0rd</i>.</li>"
                    "<li><b>Berbeda untuk setiap akun</b>, sehingga kebocoran satu layanan tidak membuka akun "
                    "lain.</li>"
                    "<li><b>Tidak mudah ditebak</b>: bukan tanggal lahir, NIP, nama anak, atau nama instansi.</li>"
                    "<li><b>Disimpan di pengelola kata sandi</b> (<i>password manager</i>), bukan di kertas yang "
                    "ditempel di monitor.</li></ul>"
                ),
                heading("Verifikasi dua langkah (2FA)"),
                paragraph(
                    "<p>Dengan <b>verifikasi dua langkah</b>, masuk ke akun memerlukan kata sandi <i>dan</i> "
                    "sesuatu yang Anda miliki: kode dari aplikasi autentikator di ponsel atau kunci keamanan. "
                    "Pencuri yang mengetahui kata sandi Anda tetap tidak dapat masuk.</p>"
                    "<ul><li>Aktifkan 2FA untuk e-mail dinas, aplikasi kepegawaian dan akun media sosial "
                    "instansi.</li>"
                    "<li>Utamakan aplikasi autentikator daripada kode lewat SMS.</li>"
                    "<li>Simpan kode cadangan (<i>recovery codes</i>) di tempat yang aman.</li></ul>"
                ),
                callout(
                    "info",
                    "Kode OTP adalah rahasia",
                    "<p>Kode verifikasi hanya untuk Anda. Petugas TIK, bank, maupun atasan tidak pernah "
                    "memerlukan kode tersebut.</p>",
                ),
                multiple(
                    "Mana saja ciri kata sandi yang kuat?",
                    [
                        ("Paling sedikit 12 karakter", True),
                        ("Memakai tanggal lahir agar mudah diingat", False),
                        ("Berbeda untuk setiap akun", True),
                        ("Sama dengan NIP", False),
                    ],
                    "Tepat. Panjang dan berbeda untuk setiap akun.",
                    "Belum tepat. Tanggal lahir dan NIP mudah ditebak; kata sandi harus panjang dan unik.",
                ),
                single(
                    "Seseorang yang mengaku petugas TIK menelepon dan meminta kode OTP yang baru masuk ke ponsel "
                    "Anda. Apa yang Anda lakukan?",
                    [
                        ("Memberikan kodenya karena ia petugas TIK", False),
                        ("Menolak memberikan kode dan melaporkan kejadian itu ke tim TIK", True),
                        ("Memberikan separuh kodenya saja", False),
                    ],
                    "Tepat. Kode OTP tidak boleh diberikan kepada siapa pun.",
                    "Belum tepat. Petugas TIK yang sebenarnya tidak pernah meminta kode OTP Anda.",
                ),
                true_false(
                    "Bila verifikasi dua langkah aktif, pencuri yang mengetahui kata sandi Anda tetap memerlukan "
                    "faktor kedua untuk masuk.",
                    True,
                    "Benar. Itulah gunanya faktor kedua.",
                    "Justru itulah gunanya 2FA: kata sandi saja tidak cukup untuk masuk.",
                ),
                true_false(
                    "Kode lewat SMS adalah bentuk verifikasi dua langkah yang paling aman, sehingga aplikasi "
                    "autentikator tidak diperlukan.",
                    False,
                    "Benar, pernyataan itu salah: aplikasi autentikator lebih aman daripada SMS.",
                    "SMS dapat dialihkan atau disadap; aplikasi autentikator lebih aman.",
                ),
            ],
        },
        {
            "slug": "menangani-data-pribadi",
            "title": "Menangani Data Pribadi sesuai UU PDP",
            "intro": (
                "Sebagai pengendali data, pemerintah daerah wajib melindungi data pribadi warga dan pegawai "
                "yang dikelolanya."
            ),
            "minutes": 25,
            "body": [
                heading("Dasar hukum"),
                paragraph(
                    "<p><b>Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi (UU PDP)</b> "
                    "mengatur bagaimana data pribadi diproses: diperoleh, disimpan, digunakan, dibagikan, "
                    "sampai dimusnahkan. Instansi pemerintah termasuk <i>pengendali data pribadi</i> yang wajib "
                    "menjaga keamanan dan kerahasiaan data tersebut.</p>"
                ),
                heading("Data pribadi yang bersifat spesifik"),
                paragraph(
                    "<p>Sebagian data memerlukan pelindungan lebih ketat karena dampaknya besar bila bocor, "
                    "antara lain:</p>"
                    "<ul><li>data dan informasi kesehatan;</li><li>data biometrik dan data genetika;</li>"
                    "<li>catatan kejahatan;</li><li>data anak;</li><li>data keuangan pribadi.</li></ul>"
                    "<p>Nama lengkap, jenis kelamin, kewarganegaraan, agama dan status perkawinan termasuk data "
                    "pribadi yang bersifat umum, tetapi tetap dilindungi.</p>"
                ),
                heading("Kebiasaan sehari-hari"),
                paragraph(
                    "<ul><li>Kumpulkan data seperlunya sesuai tujuan; jangan meminta fotokopi KTP bila tidak "
                    "diperlukan.</li>"
                    "<li>Jangan mengirim daftar berisi NIK, alamat atau nomor telepon warga ke grup "
                    "percakapan.</li>"
                    "<li>Batasi hak akses berkas; hapus salinan di folder Unduhan dan di ponsel pribadi.</li>"
                    "<li>Kunci layar komputer setiap kali meninggalkan meja.</li>"
                    "<li>Laporkan segera kepada atasan dan tim TIK bila terjadi atau diduga terjadi kebocoran "
                    "data.</li></ul>"
                ),
                callout(
                    "warning",
                    "Kegagalan pelindungan data",
                    "<p>UU PDP mewajibkan pengendali data memberitahukan kegagalan pelindungan data pribadi "
                    "secara tertulis kepada subjek data dan lembaga pelaksana paling lambat 3 × 24 jam. Karena "
                    "itu setiap dugaan kebocoran harus dilaporkan secepatnya, jangan ditunda.</p>",
                ),
                single(
                    "Undang-undang apa yang mengatur pelindungan data pribadi di Indonesia?",
                    [
                        ("UU Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik", False),
                        ("UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi", True),
                        ("UU Nomor 25 Tahun 2009 tentang Pelayanan Publik", False),
                    ],
                    "Tepat. UU PDP adalah UU Nomor 27 Tahun 2022.",
                    "Belum tepat. Pelindungan data pribadi diatur dalam UU Nomor 27 Tahun 2022.",
                ),
                multiple(
                    "Mana saja yang termasuk data pribadi yang bersifat spesifik menurut UU PDP?",
                    [
                        ("Data kesehatan", True),
                        ("Data biometrik", True),
                        ("Data anak", True),
                        ("Jenis kelamin", False),
                    ],
                    "Tepat. Jenis kelamin termasuk data pribadi yang bersifat umum.",
                    "Belum tepat. Kesehatan, biometrik dan data anak bersifat spesifik; jenis kelamin bersifat umum.",
                ),
                true_false(
                    "Mengirim daftar penerima bantuan lengkap dengan NIK ke grup WhatsApp RT, agar warga dapat "
                    "mengecek sendiri, adalah praktik yang aman.",
                    False,
                    "Benar, pernyataan itu salah: NIK tidak boleh disebarkan di grup percakapan.",
                    "Daftar berisi NIK yang disebarkan di grup mudah disalahgunakan. Umumkan tanpa data pribadi.",
                ),
                single(
                    "Anda menyadari berkas berisi data pegawai terbuka untuk publik karena salah pengaturan. "
                    "Apa langkah pertama yang tepat?",
                    [
                        ("Menunggu apakah ada yang mengeluh", False),
                        ("Menghapus berkas diam-diam tanpa memberi tahu siapa pun", False),
                        ("Menutup akses berkas dan segera melapor kepada atasan dan tim TIK", True),
                    ],
                    "Tepat. Hentikan kebocorannya, lalu laporkan agar dapat ditangani sesuai UU PDP.",
                    "Belum tepat. Kebocoran harus dihentikan dan dilaporkan; ada batas waktu pemberitahuan.",
                ),
            ],
        },
    ],
}
