"""Demo course: Produktivitas Perkantoran Digital."""

from ..models import CoursePage
from .blocks import callout, heading, multiple, paragraph, single, true_false

PRODUKTIVITAS = {
    "slug": "produktivitas-perkantoran-digital",
    "title": "Produktivitas Perkantoran Digital",
    "category": CoursePage.Category.ICT,
    "level": CoursePage.Level.DASAR,
    "jp": 4,
    "pass_mark": 70,
    "summary": (
        "Bekerja lebih rapi dan cepat dengan dokumen, lembar kerja (spreadsheet) dan folder bersama: "
        "gaya dan templat naskah, penamaan berkas, rumus dasar untuk rekap data kantor, serta menyunting "
        "bersama tanpa salinan ganda."
    ),
    "body": [
        heading("Yang akan Anda pelajari"),
        paragraph(
            "<ul><li>Menyusun dokumen dinas yang rapi dengan gaya (<i>style</i>) dan templat.</li>"
            "<li>Mengolah data rekap dengan spreadsheet: tabel, filter dan rumus dasar.</li>"
            "<li>Berbagi dan menyunting berkas di folder bersama dengan hak akses yang tepat.</li></ul>"
        ),
    ],
    "lessons": [
        {
            "slug": "dokumen-yang-rapi",
            "title": "Dokumen yang Rapi dan Mudah Diperbarui",
            "intro": "Gaya, templat dan penamaan berkas membuat naskah dinas konsisten dan mudah ditemukan kembali.",
            "minutes": 20,
            "body": [
                heading("Gunakan gaya, bukan format manual"),
                paragraph(
                    "<p>Judul, subjudul dan isi naskah sebaiknya diatur dengan <b>gaya (style)</b> bawaan "
                    "pengolah kata, bukan dengan menebalkan dan memperbesar huruf satu per satu. Dengan gaya, "
                    "daftar isi dapat dibuat otomatis dan perubahan format cukup dilakukan sekali untuk "
                    "seluruh dokumen.</p>"
                    "<ul><li>Pakai <i>Heading 1</i> dan <i>Heading 2</i> untuk judul bab dan subbab.</li>"
                    "<li>Atur jarak antarparagraf melalui gaya, bukan dengan menekan Enter berkali-kali.</li>"
                    "<li>Gunakan pemisah halaman (<i>page break</i>) agar bab baru selalu dimulai di halaman "
                    "baru.</li></ul>"
                ),
                heading("Templat naskah dinas", "h3"),
                paragraph(
                    "<p>Simpan kop surat, nota dinas dan format laporan yang sering dipakai sebagai "
                    "<b>templat</b>. Setiap pegawai memulai dari templat yang sama, sehingga naskah dinas di "
                    "unit kerja Anda seragam dan sesuai ketentuan tata naskah dinas yang berlaku.</p>"
                ),
                heading("Nama berkas yang mudah dicari"),
                paragraph(
                    "<p>Nama berkas yang baik menjawab <i>apa</i>, <i>kapan</i> dan <i>versi berapa</i>. "
                    "Sepakati pola yang sama di seluruh bidang, misalnya:</p>"
                    "<ul><li><b>2026-03-14_NotaDinas_Rapat-Koordinasi-SPBE_v2.docx</b></li>"
                    "<li><b>2026-TW1_Rekap-Kehadiran_Bidang-Aptika.xlsx</b></li></ul>"
                    "<p>Tanggal di depan dengan urutan tahun-bulan-tanggal membuat berkas terurut otomatis. "
                    "Hindari nama seperti <i>final</i>, <i>final-revisi</i> atau <i>final-banget</i>.</p>"
                ),
                callout(
                    "tip",
                    "Tips",
                    "<p>Aktifkan penyimpanan otomatis (<i>autosave</i>) dan riwayat versi agar pekerjaan tidak "
                    "hilang saat listrik padam atau laptop mati mendadak.</p>",
                ),
            ],
        },
        {
            "slug": "spreadsheet-untuk-rekap-data",
            "title": "Spreadsheet untuk Rekap Data Kantor",
            "intro": (
                "Dari daftar hadir sampai rekap realisasi anggaran: susun data sebagai tabel, saring, "
                "lalu hitung dengan rumus dasar."
            ),
            "minutes": 25,
            "body": [
                heading("Satu baris, satu data"),
                paragraph(
                    "<p>Spreadsheet paling mudah diolah bila disusun sebagai <b>tabel</b>: baris pertama berisi "
                    "judul kolom, setiap baris berikutnya memuat satu data (satu pegawai, satu surat, satu "
                    "kegiatan), dan tidak ada sel gabungan (<i>merge cells</i>) di tengah data.</p>"
                    "<ul><li>Aktifkan filter agar data mudah diurutkan dan disaring.</li>"
                    "<li>Bekukan baris judul (<i>freeze panes</i>) supaya judul kolom tetap terlihat saat "
                    "menggulir.</li>"
                    "<li>Batasi isian dengan <b>validasi data</b>, misalnya daftar pilihan nama bidang, agar "
                    "tidak ada salah ketik.</li></ul>"
                ),
                heading("Rumus yang paling sering dipakai"),
                paragraph(
                    "<ul><li><b>=SUM(D2:D40)</b> menjumlahkan angka, misalnya total realisasi anggaran.</li>"
                    '<li><b>=COUNTIF(C2:C40;"Hadir")</b> menghitung berapa kali suatu nilai muncul.</li>'
                    '<li><b>=IF(E2&gt;=80;"Tercapai";"Belum")</b> memberi keterangan berdasarkan syarat.</li>'
                    "<li><b>=XLOOKUP</b> atau <b>=VLOOKUP</b> mengambil data dari tabel lain berdasarkan kunci, "
                    "misalnya NIP.</li></ul>"
                ),
                callout(
                    "info",
                    "Koma atau titik koma?",
                    "<p>Pada komputer dengan pengaturan wilayah Indonesia, argumen rumus dipisahkan dengan "
                    "titik koma (;), bukan koma. Bila rumus dari internet menolak bekerja, periksa dulu "
                    "pemisahnya.</p>",
                ),
                callout(
                    "warning",
                    "Data pribadi dalam rekap",
                    "<p>Rekap yang memuat NIK, nomor rekening atau data kesehatan pegawai hanya dibagikan "
                    "kepada yang berwenang. Hapus kolom yang tidak diperlukan sebelum berkas dikirim.</p>",
                ),
                single(
                    "Anda ingin menghitung berapa pegawai yang berstatus “Hadir” di kolom C. "
                    "Rumus mana yang paling tepat?",
                    [
                        ("=SUM(C2:C40)", False),
                        ('=COUNTIF(C2:C40;"Hadir")', True),
                        ('=IF(C2="Hadir";1;0) di sel C41 saja', False),
                        ('=VLOOKUP("Hadir";C2:C40;1)', False),
                    ],
                    "Tepat. COUNTIF menghitung sel yang memenuhi satu syarat.",
                    "Belum tepat. Untuk menghitung sel yang memenuhi syarat tertentu, gunakan COUNTIF.",
                ),
                true_false(
                    "Sel gabungan (merge cells) di tengah tabel data memudahkan pengurutan dan penyaringan.",
                    False,
                    "Benar, pernyataan itu salah: sel gabungan justru membuat pengurutan dan filter gagal.",
                    "Sel gabungan membuat pengurutan dan filter tidak berjalan; pakai satu baris untuk satu data.",
                ),
                multiple(
                    "Mana saja kebiasaan yang membuat spreadsheet rekap mudah diolah?",
                    [
                        ("Baris pertama berisi judul kolom", True),
                        ("Satu baris untuk satu data", True),
                        ("Warna sel sebagai satu-satunya penanda status", False),
                        ("Validasi data untuk kolom yang isinya pilihan", True),
                    ],
                    "Tepat. Judul kolom, satu baris per data dan validasi membuat data siap diolah.",
                    "Belum tepat. Warna tidak dapat dihitung atau disaring dengan andal; tuliskan statusnya "
                    "di kolom tersendiri.",
                ),
            ],
        },
        {
            "slug": "folder-bersama-dan-kolaborasi",
            "title": "Folder Bersama dan Kolaborasi",
            "intro": (
                "Satu berkas, banyak penyunting: berbagi dengan hak akses yang tepat, memberi komentar, "
                "dan memakai riwayat versi."
            ),
            "minutes": 20,
            "body": [
                heading("Bagikan tautan, bukan lampiran"),
                paragraph(
                    "<p>Mengirim lampiran lewat e-mail atau aplikasi pesan menghasilkan banyak salinan yang "
                    "berbeda-beda. Simpan berkas di <b>folder bersama</b> unit kerja, lalu bagikan tautannya. "
                    "Semua orang menyunting berkas yang sama dan versi terakhir selalu jelas.</p>"
                ),
                heading("Hak akses secukupnya"),
                paragraph(
                    "<ul><li><b>Lihat</b>: untuk pihak yang hanya perlu membaca, misalnya laporan final.</li>"
                    "<li><b>Komentar</b>: untuk atasan atau rekan yang memberi masukan tanpa mengubah isi.</li>"
                    "<li><b>Sunting</b>: hanya untuk tim penyusun.</li></ul>"
                    "<p>Jangan berbagi dengan pilihan <i>siapa saja yang memiliki tautan</i> untuk berkas yang "
                    "memuat data pegawai atau data warga.</p>"
                ),
                heading("Komentar dan riwayat versi"),
                paragraph(
                    "<p>Gunakan komentar dan mode saran (<i>suggesting</i> atau <i>track changes</i>) untuk "
                    "memberi masukan. Bila terjadi kesalahan, pulihkan versi sebelumnya dari <b>riwayat "
                    "versi</b> tanpa perlu mencari salinan lama di komputer masing-masing.</p>"
                ),
                callout(
                    "tip",
                    "Struktur folder bidang",
                    "<p>Sepakati struktur folder yang sama di setiap bidang, misalnya <b>01_Perencanaan</b>, "
                    "<b>02_Pelaksanaan</b> dan <b>03_Laporan</b>, masing-masing dengan subfolder per tahun.</p>",
                ),
                single(
                    "Laporan kegiatan perlu disunting oleh tiga orang di bidang Anda. Cara mana yang paling baik?",
                    [
                        ("Mengirim lampiran kepada ketiganya, lalu menggabungkan hasilnya satu per satu", False),
                        ("Menyimpan berkas di folder bersama dan membagikan tautan dengan hak sunting", True),
                        ("Mencetak laporan dan meminta koreksi dengan pulpen", False),
                    ],
                    "Tepat. Satu berkas bersama menghindari salinan ganda dan versi yang tertukar.",
                    "Belum tepat. Lampiran dan cetakan menghasilkan banyak versi; gunakan folder bersama.",
                ),
                single(
                    "Kepala bidang hanya perlu memberi masukan tanpa mengubah isi laporan. "
                    "Hak akses apa yang paling tepat?",
                    [("Lihat", False), ("Komentar", True), ("Sunting", False), ("Pemilik", False)],
                    "Tepat. Hak komentar cukup untuk memberi masukan.",
                    "Belum tepat. Berikan hak akses secukupnya: untuk memberi masukan, hak komentar sudah cukup.",
                ),
                true_false(
                    "Berkas berisi data pribadi warga boleh dibagikan dengan pilihan “siapa saja yang memiliki "
                    "tautan”, asalkan tautannya tidak disebarkan.",
                    False,
                    "Benar. Tautan mudah diteruskan; berkas berisi data pribadi harus dibatasi untuk orang tertentu.",
                    "Tautan terbuka mudah diteruskan ke siapa saja. Batasi akses berkas berisi data pribadi.",
                ),
                true_false(
                    "Riwayat versi memungkinkan Anda memulihkan isi berkas sebelum terjadi kesalahan penyuntingan.",
                    True,
                    "Benar. Riwayat versi menyimpan keadaan berkas dari waktu ke waktu.",
                    "Justru itulah gunanya riwayat versi: memulihkan keadaan berkas sebelumnya.",
                ),
                single(
                    "Nama berkas mana yang paling mudah dicari dan diurutkan?",
                    [
                        ("laporan final revisi.docx", False),
                        ("2026-03-14_Laporan-Monev-SPBE_v2.docx", True),
                        ("Lap Monev (baru).docx", False),
                    ],
                    "Tepat. Tanggal, isi dan versi tertulis jelas dalam pola yang konsisten.",
                    "Belum tepat. Nama yang baik memuat tanggal (tahun-bulan-tanggal), isi dan nomor versi.",
                ),
            ],
        },
    ],
}
